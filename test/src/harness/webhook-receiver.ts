import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request the receiver got. */
export interface ReceivedWebhook {
  id: string;
  /** What the receiver answered. */
  answered: number;
  /** The verified body; null when the signature did not verify. */
  payload: { type: string; timestamp: string; data: Record<string, any> } | null;
  /** Whether the same headers verified a tampered body (they must not). */
  tamperedVerified: boolean;
  rawBody: string;
  headers: Record<string, string>;
}

/**
 * A webhook receiver as a customer would write it, on a free loopback port: every request is
 * checked with the standardwebhooks library against the secrets it was given; it can answer
 * errors, or stop listening, for a while.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  secrets: string[] = [];
  /** What to answer while up (204: delivered). */
  answer = 204;
  private server: Server | null = null;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
        const verify = (text: string) =>
          this.secrets.some((secret) => {
            try {
              new Webhook(secret).verify(text, headers);
              return true;
            } catch {
              return false;
            }
          });
        const verified = verify(body);
        const answered = verified ? this.answer : 401;
        this.received.push({
          id: headers['webhook-id'] ?? '',
          answered,
          payload: verified ? (JSON.parse(body) as ReceivedWebhook['payload']) : null,
          tamperedVerified: verify(body.replace('"data":{', '"data":{"x":1,')),
          rawBody: body,
          headers,
        });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening: connections are refused until `start` again (same port). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  /** The verified and delivered (2xx) requests. */
  delivered(): ReceivedWebhook[] {
    return this.received.filter((request) => request.payload && request.answered < 300);
  }
}

/** Polls `check` until it returns true, up to `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the condition did not come true in time');
    await new Promise((wake) => setTimeout(wake, 100));
  }
}
