import { startTestStack, type TestStack } from './harness/stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('health and readiness', () => {
  it('every service answers /health and /ready', async () => {
    const urls = [stack.gateway.url, ...Object.values(stack.services).map((service) => service.url)];
    for (const url of urls) {
      for (const path of ['/health', '/ready']) {
        const response = await fetch(new URL(path, url));
        expect([url, path, response.status]).toEqual([url, path, 200]);
      }
    }
  });

  it('the gateway is not ready when a subgraph is gone', async () => {
    await stack.services.inspections.stop();
    const response = await fetch(new URL('/ready', stack.gateway.url));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable' });
    // Health is about the process itself.
    expect((await fetch(new URL('/health', stack.gateway.url))).status).toBe(200);
  });
});
