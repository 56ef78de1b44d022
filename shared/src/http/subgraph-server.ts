import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { USER_TOKEN_HEADER, verifyUserToken } from '../auth/internal-token';
import { requestIdFrom, type RequestContext } from '../context';
import { auditPlugin, maskError } from './error-masking';
import { jsonErrors } from './json-errors';
import { ServiceMetrics } from './metrics';
import { tracingPlugin } from '../telemetry/graphql';
import { tracedRequests } from '../telemetry/http';
import { Tracing } from '../telemetry/tracing';
import { dataVersionPlugin } from '../data-version/plugin';
import type { DataVersionSource } from '../data-version/protocol';
import { addDataVersionsRoute } from '../data-version/route';

export interface RunningServer {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql */
  url: string;
  port: number;
  /** Stops taking requests, finishes those in flight, then closes. */
  stop(): Promise<void>;
}

/** The largest request body accepted (bytes): GraphQL documents are small. */
export const MAX_BODY = '100kb';

/** `/health` (the process is alive) and `/ready` (its dependencies answer) on an express app. */
export function addHealthRoutes(app: express.Express, checkReady: () => Promise<void>, log: Logger): void {
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await checkReady();
      res.json({ status: 'ready' });
    } catch (error) {
      log.warn({ err: error }, 'not ready');
      res.status(503).json({ status: 'unavailable' });
    }
  });
}

/** Listens on `port` (0: any free port) and `host`, and resolves once listening. */
export async function listen(httpServer: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  return (httpServer.address() as AddressInfo).port;
}

export interface SubgraphServerOptions<Loaders> {
  name: string;
  schema: GraphQLSchema;
  log: Logger;
  db: DataSource;
  /** Makes the DataLoaders of one request. */
  createLoaders: (db: DataSource) => Loaders;
  /** Throws when a dependency (the database) does not answer. */
  checkReady: () => Promise<void>;
  port: number;
  host?: string;
  /** The service's tracing (default off). */
  tracing?: Tracing;
  /** Adds metrics of the service's own (its background work) to `/metrics`. */
  registerMetrics?: (registry: Registry) => void;
  /** The validators of this subgraph's answers and its `/data-versions` route (decision record 0042). */
  dataVersions?: DataVersionSource<RequestContext<Loaders>>;
}

/** Serves a subgraph schema over HTTP at `/graphql`, with health routes and masked errors. */
export async function startSubgraphServer<Loaders>(
  options: SubgraphServerOptions<Loaders>,
): Promise<RunningServer & { graphqlRequests(): number }> {
  const { log } = options;
  const tracing = options.tracing ?? Tracing.off;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const metrics = new ServiceMetrics(options.name);
  metrics.observePool(options.db);
  metrics.observeStatements(options.db);
  options.registerMetrics?.(metrics.registry);
  const apollo = new ApolloServer<RequestContext<Loaders>>({
    schema: options.schema,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (stopOnSignals): Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    introspection: process.env.NODE_ENV === 'development',
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      // On by default, it hooks every field of every answer; we set no cache hints.
      ApolloServerPluginCacheControlDisabled(),
      auditPlugin(),
      metrics.plugin(),
      ...tracingPlugin<RequestContext<Loaders>>(tracing),
      ...(options.dataVersions ? [dataVersionPlugin(options.dataVersions)] : []),
    ],
  });
  await apollo.start();

  addHealthRoutes(app, options.checkReady, log);
  metrics.route(app);
  if (options.dataVersions) addDataVersionsRoute(app, options.dataVersions, options.db, log);
  // Counted so that tests can prove a refused request never reached this subgraph.
  let graphqlRequests = 0;
  app.use('/graphql', (_req, _res, next) => {
    graphqlRequests++;
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    tracedRequests(tracing, '/graphql'),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = requestIdFrom(req.headers);
        // Nothing, not even `_service` or `_entities`, without the gateway's proof of the user.
        const userToken = req.headers[USER_TOKEN_HEADER];
        const user = await verifyUserToken(userToken).catch((error: unknown) => {
          log.warn({ requestId }, 'request refused: no valid gateway token');
          throw error;
        });
        return {
          requestId,
          user,
          userToken: userToken as string,
          log: log.child({ requestId, user: user.id }),
          db: options.db,
          loaders: options.createLoaders(options.db),
        };
      },
    }),
  );
  app.use(jsonErrors(log));

  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port, host);
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`;
  log.info({ url }, `${options.name} subgraph ready`);
  return { url, port, stop: () => apollo.stop(), graphqlRequests: () => graphqlRequests };
}
