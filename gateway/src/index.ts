import {
  SUBGRAPHS,
  checkInternalTokenConfiguration,
  createLogger,
  stopOnSignals,
  subgraphVariable,
  tracingFromEnvironment,
} from '@giaoviec/shared';
import { readFileSync } from 'node:fs';
import { DEVELOPMENT_JWT_SECRET } from './auth/authenticate';
import { signDevelopmentToken } from './auth/development-token';
import { ideFromEnvironment } from './ide/ide';
import { OperationSafelist } from './persisted/safelist';
import { metricsPortFromEnvironment } from './metrics-port';
import { authenticationFromEnvironment, limitsFromEnvironment, startGateway } from './server';
import { responseCacheBytesFromEnvironment } from './response-cache/response-cache';
import { SUPERGRAPH_PATH } from './supergraph/path';

/**
 * The gateway's own process, configured from the environment: `PORT`, `HOST`, `SUPERGRAPH_PATH`,
 * `<SUBGRAPH>_URL`, `JWT_*`, `INTERNAL_TOKEN_SECRET`, `GRAPHQL_MAX_*`, `GRAPHQL_IDE`, `OPERATION_SAFELIST`, `METRICS_PORT`, `RESPONSE_CACHE_MB`.
 */
async function main(): Promise<void> {
  const log = createLogger('gateway');
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.flatMap(({ name }) => {
      const url = process.env[subgraphVariable(name, 'URL')];
      return url ? [[name, url]] : [];
    }),
  );
  try {
    checkInternalTokenConfiguration();
    const authentication = authenticationFromEnvironment();
    const safelistPath = process.env.OPERATION_SAFELIST;
    // Only with the development secret, whose tokens anyone can sign anyway, does the IDE hold one.
    const developmentToken =
      authentication.secret === DEVELOPMENT_JWT_SECRET
        ? () => signDevelopmentToken('dev-office', 'Văn phòng UBND tỉnh', ['OFFICE'])
        : undefined;
    const gateway = await startGateway({
      supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls,
      port: Number(process.env.PORT ?? 4000),
      host: process.env.HOST,
      log,
      authentication,
      limits: limitsFromEnvironment(),
      introspection: process.env.NODE_ENV === 'development',
      subgraphTimeoutMs: Number(process.env.SUBGRAPH_TIMEOUT_MS ?? 10_000),
      tracing: tracingFromEnvironment(),
      ide: ideFromEnvironment() ? { bearerToken: developmentToken } : undefined,
      persistedQueries: { safelist: safelistPath ? OperationSafelist.load(safelistPath) : undefined },
      metricsPort: metricsPortFromEnvironment(),
      responseCacheBytes: responseCacheBytesFromEnvironment(),
    });
    stopOnSignals(log, gateway.stop);
  } catch (error) {
    log.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}

void main();
