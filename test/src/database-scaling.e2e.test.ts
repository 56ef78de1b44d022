import { organisationsService } from '@giaoviec/organisations';
import {
  createLogger,
  createTestDatabase,
  openServiceDatabase,
  readFromReplica,
  type TestDatabase,
} from '@giaoviec/shared';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/**
 * What the benchmark and docs/scaling.md rely on: SQL statements on /metrics, read replicas, and
 * replicas of a service starting together.
 */
const ORGANISATIONS = contractOperation('organisations.graphql', 'Organisations');

async function statementsMetric(url: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const line = text.split('\n').find((row) => row.startsWith('giaoviec_db_statements_total{'));
  if (!line) throw new Error('no giaoviec_db_statements_total on /metrics');
  return Number(line.split(' ').at(-1));
}

describe('SQL statements on /metrics', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('counts every statement the subgraph sends, as its own counter does', async () => {
    const service = stack.services.organisations;
    const before = await statementsMetric(service.url);
    const counted = service.database.queries.statements;
    await stack.gateway.client.data(ORGANISATIONS);
    await stack.gateway.client.data(ORGANISATIONS);
    const after = await statementsMetric(service.url);
    const sent = service.database.queries.statements - counted;
    expect(sent).toBeGreaterThan(0);
    expect(after - before).toBe(sent);
  });
});

describe('services on several databases and processes', () => {
  // Empty databases of one server. Two stand for a primary and its replica: what matters is which
  // connection a query takes, not how PostgreSQL copies the rows. The third is started on by three
  // replicas of one service at once.
  let primary: TestDatabase;
  let replica: TestDatabase;
  let fresh: TestDatabase;
  const log = createLogger('test');
  log.level = 'silent';
  beforeAll(async () => {
    [primary, replica, fresh] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([primary?.drop(), replica?.drop(), fresh?.drop()]);
  });

  it('sends migrations and ordinary queries to the primary, readFromReplica to a replica', async () => {
    const { dataSource } = await openServiceDatabase({
      ...organisationsService.database,
      url: primary.url,
      readUrls: [replica.url],
      log,
    });
    try {
      const name = (url: string) => new URL(url).pathname.slice(1);
      const databaseOf = async (query: (sql: string) => Promise<Array<{ value: string }>>) =>
        (await query('SELECT current_database() AS value'))[0]?.value;
      const tablesOf = async (query: (sql: string) => Promise<Array<{ value: string }>>) =>
        Number(
          (
            await query(`SELECT count(*) AS value FROM information_schema.tables WHERE table_schema = 'organisations'`)
          )[0]?.value,
        );
      const onPrimary = (sql: string) => dataSource.query<Array<{ value: string }>>(sql);
      const onReplica = (sql: string) =>
        readFromReplica(dataSource, (runner) => runner.query(sql) as Promise<Array<{ value: string }>>);
      expect(await databaseOf(onPrimary)).toBe(name(primary.url));
      expect(await databaseOf(onReplica)).toBe(name(replica.url));
      // The migrations ran on the primary only.
      expect(await tablesOf(onPrimary)).toBeGreaterThan(0);
      expect(await tablesOf(onReplica)).toBe(0);
    } finally {
      await dataSource.destroy();
    }
  });

  it('several replicas starting at once apply the pending migrations once, the others waiting', async () => {
    const replicas = await Promise.all(
      [1, 2, 3].map(() => openServiceDatabase({ ...organisationsService.database, url: fresh.url, log })),
    );
    try {
      const rows = await replicas[0]!.dataSource.query<Array<{ name: string }>>(
        'SELECT name FROM organisations.migrations',
      );
      const names = rows.map((row) => row.name);
      expect(names.length).toBeGreaterThan(0);
      expect(new Set(names).size).toBe(names.length);
      expect(names.length).toBe((organisationsService.database.migrations as unknown[]).length);
    } finally {
      await Promise.all(replicas.map((replica) => replica.dataSource.destroy()));
    }
  });
});
