import type { RunningPostgres } from '@giaoviec/shared';

declare global {
  /** The run's embedded PostgreSQL, from global-setup.mjs to global-teardown.mjs (same process). */
  var __giaoviecPostgres: { postgres: RunningPostgres; folder: string } | undefined;
}
