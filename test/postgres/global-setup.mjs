// Jest global setup: one PostgreSQL for the whole run. DATABASE_URL when set, else an embedded
// cluster in a throw-away folder. Test files each create their own database on it.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import shared from '@giaoviec/shared';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  // Under /tmp and readable, so that the postgres system user can reach it when run as root.
  const folder = mkdtempSync(join(tmpdir(), 'giaoviec-test-'));
  chmodSync(folder, 0o755);
  const log = shared.createLogger('test-postgres');
  log.level = process.env.LOG_LEVEL ?? 'warn';
  const postgres = await shared.startEmbeddedPostgres({ dataDir: join(folder, 'pg'), log, persistent: false });
  process.env.TEST_DATABASE_URL = postgres.url;
  globalThis.__giaoviecPostgres = { postgres, folder };
}
