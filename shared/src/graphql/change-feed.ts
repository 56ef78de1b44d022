import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { ownUnitOnly } from '../auth/roles';
import type { RequestUser } from '../context';
import { BadUserInputError, DomainError, ForbiddenError } from '../errors';
import { DEFAULT_PAGE } from './page-sizes';

/**
 * What every change feed (nhật ký thay đổi) shares: its order, its cursors and who acted.
 *
 * Order: an event row records the id of the transaction that wrote it (`tx_id xid8 DEFAULT
 * pg_current_xact_id()`), and a feed shows only the rows of transactions older than the reading
 * statement's snapshot `xmin`, ordered by transaction then row. Every transaction below `xmin` has
 * ended, so no row can appear later before a position a reader has passed: an identity taken
 * before a slow transaction commits is never skipped. A long transaction delays the feed; it
 * never loses an event.
 */

/** SQL: the event row (alias) belongs to a transaction that has ended for every reader. */
export function committedForEveryReader(alias: string): string {
  return `${alias}.tx_id < pg_snapshot_xmin(pg_current_snapshot())`;
}

/**
 * SQL: where a page of a feed reads, for the event rows under `alias`: committed for every reader,
 * after the cursor's position; parameters are added through `param`. Order the page by
 * `alias.tx_id, alias.id`: the feed index's range scan.
 */
export function feedRange(alias: string, after: FeedPosition | null, param: (value: unknown) => string): string[] {
  const where = [committedForEveryReader(alias)];
  if (after) where.push(`(${alias}.tx_id, ${alias}.id) > (${param(after.tx)}::xid8, ${param(after.id)}::bigint)`);
  return where;
}

/** A feed position: the writing transaction and the row, and when the event occurred. */
export interface FeedPosition {
  /** `xid8` as text. */
  tx: string;
  /** The row's bigint id as text. */
  id: string;
  /** ISO 8601: for the retention check. */
  at: string;
}

/** Events are kept at least this long; an older cursor answers CURSOR_EXPIRED. */
export const FEED_RETENTION_DAYS = 400;

// Local development only, as the internal token's: production sets INTERNAL_TOKEN_SECRET.
const DEVELOPMENT_SECRET = 'giaoviec-development-internal-secret-not-for-production';

let derived: { secret: string; key: Buffer } | undefined;

/**
 * The cursor key: derived from INTERNAL_TOKEN_SECRET with its own label (HKDF), never the secret
 * itself; derived once per secret, not once per cursor of a 500-event page.
 */
function cursorKey(): Buffer {
  const secret = process.env.INTERNAL_TOKEN_SECRET ?? DEVELOPMENT_SECRET;
  if (derived?.secret !== secret)
    derived = { secret, key: Buffer.from(hkdfSync('sha256', secret, 'giaoviec', 'change-feed cursor v1', 32)) };
  return derived.key;
}

const mac = (userId: string, feed: string, body: string) =>
  createHmac('sha256', cursorKey()).update(`${feed}\n${userId}\n${body}`).digest().subarray(0, 16);

/** A cursor for one user of one feed: opaque, signed, useless to anyone else. */
export function signFeedCursor(feed: string, userId: string, position: FeedPosition): string {
  const body = Buffer.from(JSON.stringify([position.tx, position.id, position.at])).toString('base64url');
  return `${body}.${mac(userId, feed, body).toString('base64url')}`;
}

const NOT_OURS = () => new BadUserInputError('after is not a cursor this feed gave you', 'after');

/**
 * The position in a cursor this feed gave this user; BAD_USER_INPUT for anything else (another
 * user's, another feed's, forged), CURSOR_EXPIRED past the retention.
 */
export function readFeedCursor(feed: string, userId: string, cursor: string, now = new Date()): FeedPosition {
  const [body, signature, extra] = cursor.split('.');
  if (!body || !signature || extra !== undefined) throw NOT_OURS();
  const expected = mac(userId, feed, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw NOT_OURS();
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw NOT_OURS();
  }
  const valid = (value: unknown): value is [string, string, string] =>
    Array.isArray(value) &&
    value.length === 3 &&
    typeof value[0] === 'string' &&
    /^\d{1,20}$/.test(value[0]) &&
    typeof value[1] === 'string' &&
    /^\d{1,19}$/.test(value[1]) &&
    typeof value[2] === 'string' &&
    !Number.isNaN(Date.parse(value[2]));
  if (!valid(parts)) throw NOT_OURS();
  const [tx, id, at] = parts;
  if (now.getTime() - Date.parse(at) > FEED_RETENTION_DAYS * 86_400_000) {
    throw new DomainError(
      'CURSOR_EXPIRED',
      `after is older than the ${FEED_RETENTION_DAYS} days the feed keeps: re-synchronise, then follow from the first page`,
      { field: 'after' },
    );
  }
  return { tx, id, at };
}

/**
 * Checks a feed's `first`: 1 to 500; absent, the page of every list (DEFAULT_PAGE), which is also
 * what the gateway's cost limit counts for it.
 */
export function feedPageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > 500)
    throw new BadUserInputError('first must be between 1 and 500', 'first');
  return size;
}

/** A row of any feed: its position. */
export interface FeedRow {
  tx: string;
  id: string;
  at: Date;
}

/**
 * A page of a feed as a Relay connection: `rows` holds up to `size + 1` rows (one more tells
 * that a next page exists); each edge's cursor is signed for the user.
 */
export function feedConnection<Row extends FeedRow, Node>(
  feed: string,
  userId: string,
  rows: readonly Row[],
  size: number,
  nodeOf: (row: Row, index: number) => Node,
): { edges: Array<{ cursor: string; node: Node }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } {
  const edges = rows.slice(0, size).map((row, index) => ({
    cursor: signFeedCursor(feed, userId, { tx: row.tx, id: row.id, at: row.at.toISOString() }),
    node: nodeOf(row, index),
  }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** What a feed's store reads for one page: from where, how many rows, and whose unit only. */
export interface FeedPageRequest {
  after: FeedPosition | null;
  /** The page size plus one (it tells whether a next page exists). */
  limit: number;
  /** The caller's own unit, for a unit user (its scope); null: every row the feed holds. */
  visibleTo: string | null;
}

/**
 * A feed's arguments, checked for this caller: the cursor theirs, the page 1 to 500, and the scope
 * of a unit user (FORBIDDEN without a unit).
 */
export function feedPageRequest(
  feed: string,
  user: RequestUser,
  args: { after?: string | null; first?: number | null },
): { request: FeedPageRequest; size: number } {
  const visibleTo = ownUnitOnly(user);
  if (visibleTo === '') throw new ForbiddenError('A unit user must belong to a unit');
  const size = feedPageSize(args.first);
  const after = args.after ? readFeedCursor(feed, user.id, args.after) : null;
  return { request: { after, limit: size + 1, visibleTo }, size };
}
