// A PostgreSQL cluster in a process of its own, for tests that stop and restart the database
// under running services: `node cluster.mjs <dataDir> <port>` prints `READY <url>`; SIGTERM stops it.
import shared from '@giaoviec/shared';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) {
  console.error('usage: node cluster.mjs <dataDir> <port>');
  process.exit(2);
}
const log = shared.createLogger('test-cluster');
log.level = process.env.LOG_LEVEL ?? 'warn';
const postgres = await shared.startEmbeddedPostgres({ dataDir, log, port: Number(port) });
console.log(`READY ${postgres.url}`);
process.on('SIGTERM', () => void postgres.stop().then(() => process.exit(0)));
