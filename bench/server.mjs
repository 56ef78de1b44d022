// The PostgreSQL server the benchmark scripts create their databases on: DATABASE_URL's, or an
// embedded one in a temporary folder, removed by `stop()`.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import shared from '@giaoviec/shared';

/** @param {import('@giaoviec/shared').Logger} log @param {string} name */
export async function postgresServer(log, name) {
  if (process.env.DATABASE_URL) return { serverUrl: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const folder = mkdtempSync(join(tmpdir(), `giaoviec-${name}-`));
  // The embedded server runs as another user, who must be able to enter the folder.
  chmodSync(folder, 0o755);
  const postgres = await shared.startEmbeddedPostgres({ dataDir: join(folder, 'pg'), log, persistent: false });
  return {
    serverUrl: postgres.url,
    embedded: true,
    stop: async () => {
      await postgres.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
