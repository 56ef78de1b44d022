import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

/** Stopping a server (SIGTERM does the same) lets the requests in flight finish, and takes no new ones. */
const LEADERSHIP = contractOperation('compliance.graphql', 'LeadershipCompliance');
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ demoData: true });
});

afterAll(async () => {
  await stack?.stop();
});

describe('graceful shutdown', () => {
  it('the gateway answers a request already in flight in full, then refuses connections', async () => {
    const organisations = stack.services.organisations;
    const before = organisations.graphqlRequests();
    const inFlight = stack.gateway.client.request<any>(LEADERSHIP, {
      from: '2017-01-01',
      to: '2017-10-15',
      asOf: '2017-10-15',
    });
    // Stop once the request has reached the subgraphs: it is in the middle of its plan.
    while (organisations.graphqlRequests() === before) await new Promise((wake) => setTimeout(wake, 1));
    const stopping = stack.gateway.stop();
    const answer = await inFlight;
    await stopping;
    expect(answer.errors).toBeUndefined();
    expect(answer.data.organisations.find((unit: any) => unit.code === 'SXD').compliance.assigned).toBe(134);
    await expect(fetch(stack.gateway.url, { method: 'POST' })).rejects.toThrow();
  });
});
