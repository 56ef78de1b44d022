import { ServiceMetrics, createLogger } from '@giaoviec/shared';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subgraphFetcher } from './subgraph-fetcher';

/** A subgraph stand-in that answers after a pause and counts what reaches it. */
let server: Server;
let url: string;
let received: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const n = received.push(body);
      setTimeout(() => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { n } }));
      }, 50);
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

beforeEach(() => {
  received = [];
});

const fetcher = subgraphFetcher('test', 5000, createLogger('test'), new ServiceMetrics('test'));
let requestNumber = 0;
const call = (query: string, token = 'a', variables = {}) =>
  fetcher(url, {
    method: 'POST',
    // Every request has its own id, as the gateway sends it.
    headers: {
      'content-type': 'application/json',
      'x-giaoviec-user-token': token,
      'x-request-id': `r${++requestNumber}`,
    },
    body: JSON.stringify({ query, variables }),
  }).then((response) => response.json());

describe('the subgraph fetcher', () => {
  it('sends identical reads in flight at once as one call, each caller getting the answer', async () => {
    const answers = await Promise.all([call('query { a }'), call('query { a }'), call('{ a }'), call('{ a }')]);
    expect(received).toHaveLength(2);
    expect(answers).toEqual([{ data: { n: 1 } }, { data: { n: 1 } }, { data: { n: 2 } }, { data: { n: 2 } }]);
  });

  it('never shares across users, variables, or once the first call has ended', async () => {
    await Promise.all([call('query { a }', 'a'), call('query { a }', 'b'), call('query { a }', 'a', { x: 1 })]);
    expect(received).toHaveLength(3);
    await call('query { a }');
    await call('query { a }');
    expect(received).toHaveLength(5);
  });

  it('never shares a mutation', async () => {
    await Promise.all([call('mutation { m }'), call('mutation { m }')]);
    expect(received).toHaveLength(2);
  });
});
