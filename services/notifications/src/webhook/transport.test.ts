import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook } from './transport';

const development = { production: false, allowedHosts: new Set<string>() };
let server: Server;
let base: string;
let received: Array<{ path: string; body: string; headers: Record<string, unknown> }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url!, body, headers: req.headers });
      if (req.url === '/ok') res.writeHead(204).end();
      else if (req.url === '/redirect') res.writeHead(307, { location: '/ok' }).end();
      else if (req.url === '/huge') {
        res.writeHead(200);
        const chunk = Buffer.alloc(16 * 1024, 'x');
        const write = () => {
          while (res.write(chunk)) if (res.writableLength > 1e7) return;
          res.once('drain', write);
        };
        write();
      } else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end(), 5_000).unref();
      else res.writeHead(500).end('no');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => (received = []));

describe('a webhook attempt', () => {
  it('counts a 2xx as delivered and sends the body and headers', async () => {
    const outcome = await postWebhook(
      new URL(`${base}/ok`),
      '{"a":1}',
      { 'webhook-id': 'm1' },
      { policy: development },
    );
    expect(outcome).toEqual({ delivered: true, status: 204, error: null });
    expect(received[0]).toMatchObject({ body: '{"a":1}', headers: { 'webhook-id': 'm1' } });
  });

  it('follows no redirect and counts it as a failure', async () => {
    const outcome = await postWebhook(new URL(`${base}/redirect`), '{}', {}, { policy: development });
    expect(outcome).toMatchObject({ delivered: false, status: 307 });
    expect(received.map(({ path }) => path)).toEqual(['/redirect']);
  });

  it('counts a 5xx as a failure', async () => {
    expect(await postWebhook(new URL(`${base}/fail`), '{}', {}, { policy: development })).toMatchObject({
      delivered: false,
      status: 500,
    });
  });

  it('reads no more than the bound of an endless answer', async () => {
    const outcome = await postWebhook(
      new URL(`${base}/huge`),
      '{}',
      {},
      { policy: development, maxResponseBytes: 1024 },
    );
    expect(outcome).toMatchObject({ delivered: true, status: 200 });
  });

  it('gives up after its timeout', async () => {
    const outcome = await postWebhook(new URL(`${base}/slow`), '{}', {}, { policy: development, timeoutMs: 200 });
    expect(outcome).toMatchObject({ delivered: false, status: null });
    expect(outcome.error).toMatch(/within/);
  });

  it('never connects to a name that resolves to a refused address', async () => {
    const production = { production: true, allowedHosts: new Set<string>() };
    const outcome = await postWebhook(
      new URL(`https://hooks.example.vn/ok`),
      '{}',
      {},
      {
        policy: production,
        resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      },
    );
    expect(outcome).toMatchObject({ delivered: false, status: null });
    expect(received).toEqual([]);
  });

  it('connects to the checked address, whatever the name resolves to later', async () => {
    let resolutions = 0;
    const port = (server.address() as AddressInfo).port;
    const outcome = await postWebhook(
      new URL(`http://receiver.test:${port}/ok`),
      '{}',
      {},
      {
        policy: development,
        resolve: async () => {
          resolutions++;
          return [{ address: '127.0.0.1', family: 4 }];
        },
      },
    );
    expect(outcome.delivered).toBe(true);
    expect(resolutions).toBe(1);
    expect(received[0]!.headers.host).toBe(`receiver.test:${port}`);
  });
});
