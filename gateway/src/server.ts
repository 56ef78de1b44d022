import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import {
  DATA_VERSION_HEADER,
  DateScalar,
  MAX_BODY,
  REQUEST_ID_HEADER,
  addHealthRoutes,
  auditPlugin,
  ServiceMetrics,
  USER_TOKEN_HEADER,
  jsonErrors,
  signUserToken,
  startTracing,
  tracedRequests,
  tracingPlugin,
  type TracingOptions,
  type RequestUser,
  listen,
  maskError,
  requestIdFrom,
  type Logger,
  type RunningServer,
} from '@giaoviec/shared';
import express from 'express';
import { GraphQLScalarType } from 'graphql';
import { createServer } from 'node:http';

import { createAuthenticator, type AuthenticationOptions } from './auth/authenticate';
import { dashboardRouter, favicon } from './dashboard/router';
import { errorLanguagePlugin, inRequestLanguage } from './language/language-plugin';
import { mountIde, type IdeOptions } from './ide/ide';
import { protections, type Limits } from './limits/limits';
import { SubgraphBytes, currentSubgraphBytes, subgraphBytesPlugin } from './limits/subgraph-bytes';
import { withoutSuggestions } from './limits/suggestions';
import { persistedQueries, type PersistedQueryOptions } from './persisted/persisted-queries';
import { subgraphFetcher } from './subgraph-fetcher';
import { responseCachePlugin } from './response-cache/response-cache';
import type { RequestValidators } from './response-cache/validators';

export { SUPERGRAPH_PATH } from './supergraph/path';
export { DEVELOPMENT_JWT_SECRET, authenticationFromEnvironment } from './auth/authenticate';
export { DEFAULT_MAX_SUBGRAPH_BYTES, limitsFromEnvironment } from './limits/limits';
export { metricsPortFromEnvironment } from './metrics-port';
export { bundleIde } from './ide/bundle';
export { IDE_PATH, ideFromEnvironment } from './ide/ide';
export { safelistManifest } from './persisted/generate-safelist';
export { OperationSafelist } from './persisted/safelist';
export { CACHE_HEADER, responseCacheBytesFromEnvironment } from './response-cache/response-cache';

/** What the gateway knows of one request. */
export interface GatewayContext {
  requestId: string;
  log: Logger;
  user: RequestUser;
  /** The proof of the user sent to the subgraphs, signed once per request. */
  userToken?: Promise<string>;
  /** What the subgraphs may still send for this request (GRAPHQL_MAX_SUBGRAPH_BYTES). */
  subgraphBytes: SubgraphBytes;
  /** The subgraphs' validators of this query's answers, when the response cache is on (decision record 0042). */
  validators?: RequestValidators;
}

/** A gateway's data source: each call is read against the bytes its client request may still receive. */
class BoundedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override process(options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0]) {
    const budget = (options.context as Partial<GatewayContext> | undefined)?.subgraphBytes;
    return budget ? currentSubgraphBytes.run(budget, () => super.process(options)) : super.process(options);
  }
}

export interface GatewayOptions {
  /** The composed supergraph (supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph URLs by name, over those written in the supergraph. */
  subgraphUrls?: Partial<Record<string, string>>;
  port: number;
  host?: string;
  log: Logger;
  authentication: AuthenticationOptions;
  limits: Limits;
  /** Introspection on (development only). */
  introspection?: boolean;
  /** How long one subgraph call may take (default 10 s, `SUBGRAPH_TIMEOUT_MS`). */
  subgraphTimeoutMs?: number;
  /** OpenTelemetry traces, off when absent (see tracingFromEnvironment). */
  tracing?: TracingOptions;
  /** GraphiQL at /graphiql when given (development only: see ideFromEnvironment). */
  ide?: IdeOptions;
  /** Automatic persisted queries' cache bound, and the production safelist. */
  persistedQueries?: PersistedQueryOptions;
  /** /metrics on a port of its own (see metricsPortFromEnvironment); on `port` when absent. */
  metricsPort?: number;
  /** The response cache's bound in bytes (see responseCacheBytesFromEnvironment); off when absent or 0. */
  responseCacheBytes?: number;
}

export interface RunningGateway extends RunningServer {
  /** Where Prometheus scrapes this gateway. */
  metricsUrl: string;
}

/**
 * The federated API: @apollo/gateway inside Apollo Server 5, planning over the static supergraph
 * (no introspection of the subgraphs at run time), behind /graphql, with /health and /ready.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { log } = options;
  // @apollo/gateway reports anonymous usage and probes cloud metadata hosts unless told not to.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const metrics = new ServiceMetrics('gateway');
  // Through the global API, @apollo/gateway's own spans (gateway.plan, gateway.fetch...) join ours.
  const tracing = startTracing('gateway', options.tracing, { globalApi: true });
  // The subgraph endpoints in use, for /ready: the supergraph's URLs unless overridden.
  const endpoints = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const endpoint = options.subgraphUrls?.[name] ?? url ?? '';
      endpoints.set(name, endpoint);
      return new BoundedDataSource({
        url: endpoint,
        fetcher: subgraphFetcher(name, options.subgraphTimeoutMs ?? 10_000, log, metrics),
        async willSendRequest({ request, context }) {
          // The gateway forwards no client header by itself: the subgraphs get the request id, and
          // the verified user as a short-lived token they check.
          if (!context.user) return;
          context.userToken ??= signUserToken(context.user);
          request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
          request.http?.headers.set(USER_TOKEN_HEADER, await context.userToken);
          if (context.validators) request.http?.headers.set(DATA_VERSION_HEADER, '1');
        },
        // Once per client request, also when the fetcher shared the call with another one.
        didReceiveResponse({ response, context }) {
          context.validators?.record(name, response.extensions);
          return response;
        },
      });
    },
  });

  // The supergraph knows `Date` by name only: give the gateway its parsing, so that a bad date in
  // a client's variables is refused here with BAD_USER_INPUT, before any subgraph is called.
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    const date = apiSchema.getType(DateScalar.name);
    if (date instanceof GraphQLScalarType)
      Object.assign(date, { parseValue: DateScalar.parseValue, parseLiteral: DateScalar.parseLiteral });
  });

  const authenticate = createAuthenticator(options.authentication);
  const protection = protections<GatewayContext>(options.limits);
  const app = express();
  app.disable('x-powered-by');
  // No browser may read an answer as anything but what its content type says.
  app.use((_req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    next();
  });
  const httpServer = createServer(app);
  const persisted = persistedQueries<GatewayContext>(options.persistedQueries);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: (formatted, error) => withoutSuggestions(maskError(formatted, error)),
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? false,
    persistedQueries: persisted.persistedQueries,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    // Shutdown is ours (stopOnSignals): Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // On by default, it hooks every field of every answer; we set no cache hints.
      ApolloServerPluginCacheControlDisabled(),
      subgraphBytesPlugin<GatewayContext>(),
      auditPlugin(),
      metrics.plugin(),
      ...tracingPlugin<GatewayContext>(tracing),
      ...persisted.plugins,
      ...protection.plugins,
      errorLanguagePlugin<GatewayContext>(),
      ...(options.responseCacheBytes
        ? [
            responseCachePlugin<GatewayContext>({
              maxBytes: options.responseCacheBytes,
              endpoint: (name) => endpoints.get(name),
              timeoutMs: options.subgraphTimeoutMs ?? 10_000,
              metrics,
            }),
          ]
        : []),
    ],
  });
  await apollo.start();

  const metricsServer = options.metricsPort === undefined ? undefined : metricsOnItsOwnPort(metrics);
  if (!metricsServer) metrics.route(app);
  addHealthRoutes(
    app,
    async () => {
      await Promise.all(
        [...endpoints.values()].map(async (endpoint) => {
          const response = await fetch(new URL('/ready', endpoint), { signal: AbortSignal.timeout(2000) });
          if (!response.ok) throw new Error(`${endpoint} is not ready (${response.status})`);
        }),
      );
    },
    log,
  );
  app.get('/favicon.ico', favicon);
  app.use('/dashboard', dashboardRouter(log));
  if (options.ide) mountIde(app, '/graphql', options.ide);
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    tracedRequests(tracing, '/graphql'),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = requestIdFrom(req.headers);
        const user = await authenticate(req.headers.authorization).catch((error: unknown) => {
          log.info({ requestId, reason: (error as Error).message }, 'request refused: not authenticated');
          throw inRequestLanguage(error, req.headers['accept-language']);
        });
        return {
          requestId,
          user,
          log: log.child({ requestId, user: user.id }),
          subgraphBytes: new SubgraphBytes(options.limits.maxSubgraphBytes),
        };
      },
    }),
  );
  app.use(jsonErrors(log));

  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port, host);
  const hostName = host === '0.0.0.0' ? 'localhost' : host;
  const url = `http://${hostName}:${port}/graphql`;
  const metricsPort = metricsServer ? await listen(metricsServer, options.metricsPort!, host) : port;
  const metricsUrl = `http://${hostName}:${metricsPort}/metrics`;
  log.info({ url, metricsUrl }, 'gateway ready');
  return {
    url,
    port,
    metricsUrl,
    stop: async () => {
      await apollo.stop();
      if (metricsServer) await new Promise((closed) => metricsServer.close(closed));
      await tracing.shutdown();
    },
  };
}

/** /metrics alone, for a port that is not published (production): nothing else is served there. */
function metricsOnItsOwnPort(metrics: ServiceMetrics) {
  const app = express();
  app.disable('x-powered-by');
  metrics.route(app);
  return createServer(app);
}
