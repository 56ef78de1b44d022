import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/** Prometheus metrics at /metrics on the gateway and every subgraph. */
const ORGANISATIONS = contractOperation('organisations.graphql', 'Organisations');
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

async function scrape(url: string): Promise<string> {
  const response = await fetch(new URL('/metrics', url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one sample (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const line = text
    .split('\n')
    .find(
      (row) =>
        row.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => row.includes(`${key}="${value}"`)),
    );
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('/metrics', () => {
  it('counts requests, their latency and errors by code at the gateway, and subgraph calls', async () => {
    const before = await scrape(stack.gateway.url);
    await stack.gateway.client.data(ORGANISATIONS);
    await stack.as({ roles: ['READER'] }).request(`{ tasks { totalCount } }`);
    const after = await scrape(stack.gateway.url);
    const count = (text: string, outcome: string) =>
      sample(text, 'giaoviec_graphql_request_duration_seconds_count', {
        service: 'gateway',
        operation: 'query',
        outcome,
      });
    expect(count(after, 'ok') - count(before, 'ok')).toBe(1);
    expect(count(after, 'error') - count(before, 'error')).toBe(1);
    const forbidden = (text: string) => sample(text, 'giaoviec_graphql_errors_total', { code: 'FORBIDDEN' });
    expect(forbidden(after) - forbidden(before)).toBe(1);
    expect(
      sample(after, 'giaoviec_subgraph_fetch_duration_seconds_count', { subgraph: 'organisations', outcome: 'ok' }),
    ).toBeGreaterThan(0);
  });

  it('every subgraph reports its requests and its database pool', async () => {
    for (const [name, service] of Object.entries(stack.services)) {
      const text = await scrape(service.url);
      expect(text).toContain(`giaoviec_db_pool_connections{service="${name}"}`);
      expect(text).toContain('# TYPE giaoviec_graphql_request_duration_seconds histogram');
      expect(text).toContain('process_resident_memory_bytes');
    }
  });
});
