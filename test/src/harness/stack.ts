import { limitsFromEnvironment, startGateway, SUPERGRAPH_PATH, type GatewayOptions } from '@giaoviec/gateway';
import { startAssignmentsService } from '@giaoviec/assignments';
import { startInspectionsService } from '@giaoviec/inspections';
import { startNotificationsService } from '@giaoviec/notifications';
import { startOrganisationsService } from '@giaoviec/organisations';
import {
  createLogger,
  createTestDatabase,
  type RunningServer,
  type StartedService,
  type TracingOptions,
} from '@giaoviec/shared';
import { readFileSync } from 'node:fs';
import { GraphQLClient } from './graphql-client';
import { TEST_JWT_SECRET, testToken, type TestClaims } from './tokens';

/** The whole platform in this test process: real subgraphs and gateway on free ports, real HTTP. */
export interface TestStack {
  /** `client` acts for the Office with inspector and leader rights: it may do all but a unit's reports. */
  gateway: RunningServer & { client: GraphQLClient };
  /** A client acting as any user (a unit user: `{ roles: ['UNIT'], org }`). */
  as(claims: TestClaims): GraphQLClient;
  /** One more gateway over these subgraphs, with other settings (the caller stops it). */
  anotherGateway(overrides: Partial<GatewayOptions>): Promise<RunningServer>;
  /** Replace an entry after restarting that service, so that `stop` stops the running one. */
  services: { organisations: StartedService; assignments: StartedService; inspections: StartedService };
  /** The notifications subgraph (following the feeds only when the stack was started with `notifications: true`). */
  notifications: StartedService;
  /** The database the services of this stack use. */
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts every subgraph on a database of its own for this test file (migrated, with the demo
 * data when asked) and the gateway over the committed supergraph.
 */
export async function startTestStack(
  options: {
    demoData?: boolean;
    /** The day the demo's histories reach (DEMO_TODAY): fixed, never the day the tests run. */
    demoToday?: string;
    subgraphTimeoutMs?: number;
    databaseUrl?: string;
    /** Every log line of the stack, parsed, when given (the level is then info). */
    logLines?: Array<Record<string, unknown>>;
    /** OpenTelemetry traces of the gateway and every subgraph, each under its own service name. */
    tracing?: TracingOptions;
    /**
     * The notifications subgraph follows the feeds (in the background: off by default, so that the
     * tests that count statements or subgraph calls count only their own).
     */
    notifications?: boolean;
  } = {},
): Promise<TestStack> {
  process.env.DEMO_TODAY = options.demoToday ?? '2025-12-31';
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const lines = options.logLines;
  const log = lines
    ? createLogger('test', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) })
    : createLogger('test');
  log.level = lines ? 'info' : (process.env.LOG_LEVEL ?? 'silent');
  const common = {
    databaseUrl: database.url,
    port: 0,
    demoData: options.demoData ?? false,
    log,
    tracing: options.tracing,
  };
  const started: Array<{ stop(): Promise<void> }> = [];
  try {
    const organisations = await startOrganisationsService(common);
    started.push(organisations);
    // Services read each other through their subgraphs, as in production.
    process.env.ORGANISATIONS_URL = organisations.url;
    const assignments = await startAssignmentsService(common);
    started.push(assignments);
    process.env.ASSIGNMENTS_URL = assignments.url;
    const inspections = await startInspectionsService(common);
    started.push(inspections);
    process.env.INSPECTIONS_URL = inspections.url;
    const follow = process.env.NOTIFICATIONS_FEEDS;
    process.env.NOTIFICATIONS_FEEDS = options.notifications ? 'on' : 'off';
    const notifications = await startNotificationsService(common).finally(() => {
      if (follow === undefined) delete process.env.NOTIFICATIONS_FEEDS;
      else process.env.NOTIFICATIONS_FEEDS = follow;
    });
    started.push(notifications);
    process.env.NOTIFICATIONS_URL = notifications.url;
    // A gateway over the stack's current subgraphs, with the test's settings unless overridden.
    const gatewayOver = (services: TestStack['services'], overrides: Partial<GatewayOptions> = {}) =>
      startGateway({
        supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
        port: 0,
        log,
        authentication: { secret: TEST_JWT_SECRET },
        limits: limitsFromEnvironment({}),
        subgraphTimeoutMs: options.subgraphTimeoutMs,
        tracing: options.tracing,
        ...overrides,
        subgraphUrls: {
          organisations: services.organisations.url,
          assignments: services.assignments.url,
          inspections: services.inspections.url,
          notifications: notifications.url,
          ...overrides.subgraphUrls,
        },
      });
    const gateway = await gatewayOver({ organisations, assignments, inspections });
    started.push(gateway);
    const as = (claims: TestClaims) => new GraphQLClient(gateway.url, testToken(claims));
    const stack: TestStack = {
      gateway: {
        ...gateway,
        client: as({ sub: 'office-1', name: 'Chuyên viên Văn phòng', roles: ['OFFICE', 'INSPECTOR', 'LEADER'] }),
      },
      as,
      anotherGateway: (overrides) => gatewayOver(stack.services, overrides),
      services: { organisations, assignments, inspections },
      notifications,
      databaseUrl: database.url,
      // The services a test restarted are in `services` now: stop those (stopping twice is harmless).
      stop: async () => {
        await gateway.stop();
        await stack.notifications.stop();
        for (const service of Object.values(stack.services).reverse()) await service.stop();
        await database.drop();
      },
    };
    return stack;
  } catch (error) {
    for (const server of started.reverse()) await server.stop();
    await database.drop();
    throw error;
  }
}

/** SQL statements and subgraph requests of a stack so far, to prove that a refusal cost neither. */
export function workDone(stack: TestStack): { sql: number; subgraphCalls: number } {
  const services = Object.values(stack.services);
  return {
    sql: services.reduce((sum, service) => sum + service.database.queries.statements, 0),
    subgraphCalls: services.reduce((sum, service) => sum + service.graphqlRequests(), 0),
  };
}
