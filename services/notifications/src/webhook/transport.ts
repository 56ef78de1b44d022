import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkedAddress, type Resolve, type UrlPolicy } from './url-policy';

/** What one attempt came to: 2xx only counts as delivered. */
export interface AttemptOutcome {
  delivered: boolean;
  /** The response's status, null when none came (refused address, timeout, connection error). */
  status: number | null;
  /** Why it failed, for the log and the delivery row. */
  error: string | null;
}

export interface TransportOptions {
  policy: UrlPolicy;
  /** The whole attempt, from resolving to the end of the body (default 10 s). */
  timeoutMs?: number;
  /** At most this much of the response body is read (default 64 kB); the rest is dropped. */
  maxResponseBytes?: number;
  resolve?: Resolve;
}

/** Every address of a name, as the system resolver gives them. */
export const resolveAll: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true });

/**
 * POSTs a webhook body: the host's addresses resolved and checked (url-policy.ts), the connection
 * made to the checked address (never a second resolution), no redirect followed (a 3xx is a
 * failure), the whole attempt bounded in time and the response read up to a bound.
 */
export async function postWebhook(
  url: URL,
  body: string,
  headers: Record<string, string>,
  options: TransportOptions,
): Promise<AttemptOutcome> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxResponseBytes ?? 64 * 1024;
  const deadline = AbortSignal.timeout(timeoutMs);
  let target: { address: string; family: number };
  try {
    target = await Promise.race([
      checkedAddress(url, options.policy, options.resolve ?? resolveAll),
      new Promise<never>((_, reject) => deadline.addEventListener('abort', () => reject(new Error('timed out')))),
    ]);
  } catch (error) {
    return { delivered: false, status: null, error: (error as Error).message };
  }
  // The socket connects to the address checked above, whatever the name resolves to now.
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<AttemptOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      deadline.removeEventListener('abort', onTimeout);
      resolve(outcome);
    };
    const req = send(url, {
      method: 'POST',
      lookup: pinned,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'GiaoViec-Webhooks/1',
      },
    });
    const onTimeout = () => {
      req.destroy(new Error(`no complete answer within ${timeoutMs / 1000} s`));
    };
    if (deadline.aborted) onTimeout();
    deadline.addEventListener('abort', onTimeout);
    req.on('error', (error) => finish({ delivered: false, status: null, error: error.message }));
    req.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      let read = 0;
      const done = () => {
        const delivered = status >= 200 && status < 300;
        finish({ delivered, status, error: delivered ? null : `answered ${status}` });
        req.destroy();
      };
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        // Enough read: the receiver's answer is not ours to store.
        if (read >= maxBytes) done();
      });
      response.on('end', done);
      response.on('error', (error) => finish({ delivered: false, status, error: error.message }));
    });
    req.end(body);
  });
}
