import type { DataScope, DataVersion } from '@giaoviec/shared';

/** A subgraph's validator kept with a cached answer. */
export interface StoredValidator {
  subgraph: string;
  scope: DataScope;
  version: string;
}

/**
 * The validators of one client request's subgraph fetches, collected as their answers arrive
 * (the data source's `didReceiveResponse`, once per request even when a fetch is shared).
 */
export class RequestValidators {
  private readonly collected: StoredValidator[] = [];
  private uncovered = false;

  /** One fetch's answer extensions: without a validator, the whole client answer is not cached. */
  record(subgraph: string, extensions: Record<string, unknown> | undefined): void {
    const dataVersion = extensions?.dataVersion;
    if (isDataVersion(dataVersion))
      this.collected.push({ subgraph, scope: dataVersion.scope, version: dataVersion.version });
    else this.uncovered = true;
  }

  /** Whether a fetch answered without a validator: this request's shape is not covered. */
  get isUncovered(): boolean {
    return this.uncovered;
  }

  /** Every fetch's validator; undefined when a fetch had none, or when there was no fetch at all. */
  complete(): StoredValidator[] | undefined {
    return this.uncovered || this.collected.length === 0 ? undefined : this.collected;
  }
}

function isDataVersion(value: unknown): value is DataVersion {
  const candidate = value as Partial<DataVersion> | null | undefined;
  return (
    typeof candidate?.version === 'string' &&
    typeof candidate.scope === 'object' &&
    candidate.scope !== null &&
    (candidate.scope.keys === undefined || Array.isArray(candidate.scope.keys))
  );
}
