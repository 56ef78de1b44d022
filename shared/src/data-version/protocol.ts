import { createHash } from 'node:crypto';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { DataSource } from 'typeorm';

/**
 * The data-version protocol between the gateway and the subgraphs (decision record 0042). A
 * subgraph's answer to a gateway fetch may carry `extensions.dataVersion`: what the answer was read
 * from (`scope`) and the version of that data read before the answer was (`version`). The gateway
 * later asks `POST /data-versions` for the current versions of stored scopes: equal, nothing the
 * answer depends on has changed.
 */

/** The header by which the gateway asks for validators (absent: the subgraph reads and attaches none). */
export const DATA_VERSION_HEADER = 'x-giaoviec-data-version';

/** The subgraphs' validation route, beside `/graphql`. */
export const DATA_VERSIONS_PATH = '/data-versions';

/** The most keys one validation request may name (a national request names 1,000 units). */
export const MAX_SCOPE_KEYS = 20_000;

/** What a version covers: these keys of the subgraph's data (units), or all of it when `keys` is absent. */
export interface DataScope {
  keys?: string[];
}

/** A validator: the version of the data in `scope` as read before the answer it comes with. */
export interface DataVersion {
  scope: DataScope;
  version: string;
}

/** `POST /data-versions` takes scopes and answers their current versions, in the same order. */
export interface DataVersionsRequest {
  scopes: DataScope[];
}
export interface DataVersionsResponse {
  versions: string[];
}

/** What a subgraph's plugin sees of one request once its operation is known. */
export interface VersionedRequest<Context> {
  context: Context;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
}

/** A subgraph's validators: which answers they cover, and how the current versions are read. */
export interface DataVersionSource<Context, Prepared = unknown> {
  /** Read before any field resolves (a query only); its result is handed to `validator`. */
  prepare?(request: VersionedRequest<Context>): Promise<Prepared>;
  /** The validator of an answer without errors; undefined when something in it is not covered. */
  validator(request: VersionedRequest<Context>, prepared: Prepared | undefined): DataVersion | undefined;
  /** The current versions of the scopes, in their order, in one statement. */
  current(db: DataSource, scopes: readonly DataScope[]): Promise<string[]>;
}

/**
 * One version for many keys: a digest of each key's version, in key order. Keys without a version
 * of their own are at `missing` (a unit whose tasks were never written).
 */
export function keyedVersion(
  keys: readonly string[],
  versionOf: (key: string) => string | undefined,
): string | undefined {
  const hash = createHash('sha256');
  for (const key of [...new Set(keys)].sort()) {
    const version = versionOf(key);
    if (version === undefined) return undefined;
    hash.update(`${key}=${version}\n`);
  }
  return hash.digest('base64url');
}

/** The scopes of a validation request, or undefined when the body is not one. */
export function scopesOf(body: unknown): DataScope[] | undefined {
  const scopes = (body as Partial<DataVersionsRequest> | null)?.scopes;
  if (!Array.isArray(scopes)) return undefined;
  let keys = 0;
  for (const scope of scopes as unknown[]) {
    if (typeof scope !== 'object' || scope === null) return undefined;
    const scopeKeys = (scope as DataScope).keys;
    if (scopeKeys === undefined) continue;
    if (!Array.isArray(scopeKeys) || !scopeKeys.every((key) => typeof key === 'string')) return undefined;
    keys += scopeKeys.length;
  }
  return keys <= MAX_SCOPE_KEYS ? (scopes as DataScope[]) : undefined;
}
