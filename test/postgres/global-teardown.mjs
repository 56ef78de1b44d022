import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const running = globalThis.__giaoviecPostgres;
  if (!running) return;
  await running.postgres.stop();
  rmSync(running.folder, { recursive: true, force: true });
}
