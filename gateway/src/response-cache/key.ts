import type { RequestUser } from '@giaoviec/shared';
import { createHash } from 'node:crypto';

/** What decides a client answer, as far as the gateway can see. */
export interface ResponseKeyParts {
  /** The hash of the operation document as executed (Apollo's `queryHash`). */
  queryHash: string;
  operationName: string | null;
  variables: Record<string, unknown>;
  /** The verified user, whole: authorisation in every subgraph depends on it. */
  user: RequestUser;
  /** Today in Asia/Ho_Chi_Minh: an answer "as of today" never outlives its day. */
  today: string;
}

/** The cache key of a client answer: a digest of everything it depends on besides the data. */
export function responseCacheKey(parts: ResponseKeyParts): string {
  const { queryHash, operationName, variables, user, today } = parts;
  const who = { id: user.id, name: user.name ?? null, roles: user.roles, organisationId: user.organisationId ?? null };
  return createHash('sha256')
    .update(canonicalJson([queryHash, operationName, variables, who, today]))
    .digest('base64url');
}

/** JSON with object keys sorted, so that the same variables in another order give the same key. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((each) => canonicalJson(each ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, each]) => each !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, each]) => `${JSON.stringify(name)}:${canonicalJson(each)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
