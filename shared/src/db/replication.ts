import type { DataSource, QueryRunner } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';

/** Where a service connects: a URL, or one primary for writes and read replicas. */
export type ConnectionOptions = Pick<PostgresDataSourceOptions, 'url' | 'replication'>;

/** The read replicas named by `DATABASE_READ_URLS` (a comma-separated list; empty or unset: none). */
export function readUrlsFromEnvironment(value = process.env.DATABASE_READ_URLS): string[] {
  return (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url.length > 0);
}

/**
 * TypeORM's connection options for the primary `url` and the replicas `readUrls`. Without replicas,
 * the plain URL. With them, TypeORM's `replication`, where `defaultMode: 'master'` keeps every
 * query on the primary (a write followed by its read must see the write) unless it asks for a
 * replica through {@link readFromReplica}.
 */
export function connectionOptions(url: string, readUrls: readonly string[] = []): ConnectionOptions {
  if (readUrls.length === 0) return { url };
  return {
    replication: {
      master: { url },
      slaves: readUrls.map((readUrl) => ({ url: readUrl })),
      defaultMode: 'master',
    },
  };
}

/**
 * Runs `read` on a connection to a read replica (a random one; the primary when none is
 * configured). Only for reads that may lag the primary by the replication delay: figures and lists,
 * never a read that must see the request's own write.
 */
export async function readFromReplica<T>(db: DataSource, read: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner('slave');
  try {
    return await read(runner);
  } finally {
    await runner.release();
  }
}
