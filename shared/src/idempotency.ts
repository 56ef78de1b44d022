import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { BadUserInputError, ConflictError } from './errors';

/** How long a key is remembered: a retry within this time returns the first result. */
export const IDEMPOTENCY_KEY_HOURS = 24;

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

/** The table a service keeps its idempotency keys in (written by each service's migration). */
export function idempotencyTableSql(schema: string): string {
  return `CREATE TABLE ${schema}.idempotency_key (
    user_id varchar(255) NOT NULL,
    key varchar(200) NOT NULL,
    operation varchar(64) NOT NULL,
    request_hash char(64) NOT NULL,
    response jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
  )`;
}

/** A mutation as a retry would send it again. */
export interface MutationRequest {
  userId: string;
  operation: string;
  input: { idempotencyKey?: string | null } & object;
}

/**
 * Runs a mutation in one transaction, exactly once per idempotency key: the key is claimed in the
 * same transaction as the writes, so a retry with the same key and input gets the first result
 * without a second write (waiting for the first if it is still running), and the same key with
 * other input answers CONFLICT. Keys are per user, kept 24 hours. Without a key: a plain transaction.
 */
export async function runIdempotently<T>(
  db: DataSource,
  schema: string,
  request: MutationRequest | null,
  run: (tx: EntityManager) => Promise<T>,
  revive: (stored: T) => T = (stored) => stored,
): Promise<T> {
  const key = request?.input.idempotencyKey;
  if (!request || key === null || key === undefined) return db.transaction(run);
  if (!KEY_PATTERN.test(key)) {
    throw new BadUserInputError('idempotencyKey must be 1 to 200 letters, digits or . _ : -', 'idempotencyKey');
  }
  const { idempotencyKey: _key, ...input } = request.input;
  const hash = createHash('sha256')
    .update(JSON.stringify({ operation: request.operation, input }))
    .digest('hex');
  const table = `${schema}.idempotency_key`;
  return db.transaction(async (tx) => {
    await tx.query(
      `DELETE FROM ${table} WHERE user_id = $1 AND key = $2 AND created_at < now() - interval '${IDEMPOTENCY_KEY_HOURS} hours'`,
      [request.userId, key],
    );
    // Blocks while another transaction holds the same key, then sees its outcome.
    const claimed: unknown[] = await tx.query(
      `INSERT INTO ${table} (user_id, key, operation, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [request.userId, key, request.operation, hash],
    );
    if (claimed.length === 0) {
      const [prior] = (await tx.query(`SELECT request_hash, response FROM ${table} WHERE user_id = $1 AND key = $2`, [
        request.userId,
        key,
      ])) as Array<{ request_hash: string; response: T }>;
      if (prior!.request_hash !== hash) {
        throw new ConflictError('This idempotency key was already used for another request', {
          field: 'idempotencyKey',
        });
      }
      return revive(prior!.response);
    }
    const result = await run(tx);
    await tx.query(`UPDATE ${table} SET response = $3 WHERE user_id = $1 AND key = $2`, [
      request.userId,
      key,
      JSON.stringify(result),
    ]);
    return result;
  });
}
