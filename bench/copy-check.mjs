// `node bench/copy-check.mjs` (with DATABASE_URL, or an embedded PostgreSQL): loads the same
// generated tasks once with `insertTaskRecords` and once with the benchmark's COPY loader, into two
// databases, and fails unless every table holds the same rows (database-filled columns aside).
import pg from 'pg';
import assignments from '@giaoviec/assignments';
import shared from '@giaoviec/shared';
import { startCopyLoad } from './copy-loader.mjs';
import { postgresServer } from './server.mjs';

const log = shared.createLogger('copy-check');
log.level = 'error';
const { serverUrl, stop } = await postgresServer(log, 'copy-check');
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const insertName = `copy_check_insert_${Date.now()}`;
const copyName = `copy_check_copy_${Date.now()}`;
const names = [insertName, copyName];
for (const name of names) await admin.query(`CREATE DATABASE ${name}`);

/** @type {import('@giaoviec/shared').DemoUnit[]} */
const units = Array.from({ length: 6 }, (_, index) => ({
  code: `U${String(index + 1).padStart(4, '0')}`,
  name: `Đơn vị ${index + 1}`,
  kind: 'DEPARTMENT',
  parentCode: null,
}));
/** @type {import('@giaoviec/assignments').TaskRecord[]} */
const records = [];
for (const year of [2023, 2024]) {
  for (const { tasks } of assignments.generateProvinceYearByUnit({
    seed: year,
    year,
    units,
    tasksPerUnit: [100, 150],
  })) {
    records.push(
      ...assignments.withDemoContributions(
        tasks.map(({ leadCode, coordinatingCodes, ...task }) => ({
          ...task,
          leadOrganisationId: shared.demoUnitId(leadCode),
          coordinatingOrganisationIds: coordinatingCodes.map(shared.demoUnitId),
        })),
      ),
    );
  }
}

/** @param {string} name */
const open = (name) =>
  shared.openServiceDatabase({
    ...assignments.assignmentsService.database,
    url: shared.withDatabase(serverUrl, name),
    log,
  });
const [byInsert, byCopy] = await Promise.all([open(insertName), open(copyName)]);
await assignments.insertTaskRecords(byInsert.dataSource, records, 'benchmark');
const load = await startCopyLoad(byCopy.dataSource, 'benchmark');
await load.add(records.slice(0, 500));
await load.add(records.slice(500));
await load.finish();

// Each table's rows as text, in a stable order, without the columns the database fills (generated
// ids, timestamps of the write) and the task's `created_at`, the moment each load ran.
let failures = 0;
for (const entity of [
  'TaskRow',
  'ExtensionRow',
  'CompletionReportRow',
  'ProgressReportRow',
  'ContributionRow',
  'TaskHistoryRow',
]) {
  const metadata = byInsert.dataSource.getMetadata(entity);
  const columns = metadata.columns
    .filter(
      (column) =>
        !(
          column.isGenerated ||
          column.isCreateDate ||
          column.isUpdateDate ||
          column.databaseName === 'at' ||
          column.databaseName === 'created_at'
        ),
    )
    .map((column) => column.databaseName);
  const list = columns.map((name) => `"${name}"`).join(', ');
  const sql = `SELECT md5(string_agg(r::text, E'\\n' ORDER BY r::text)) AS digest, count(*)::int AS n FROM (SELECT ${list} FROM "${metadata.schema}"."${metadata.tableName}") r`;
  /** @param {import('typeorm').DataSource} dataSource */
  const digest = async (dataSource) =>
    /** @type {{ digest: string; n: number }[]} */ (await dataSource.query(sql))[0] ?? { digest: '', n: 0 };
  const [a, b] = [await digest(byInsert.dataSource), await digest(byCopy.dataSource)];
  const same = a.digest === b.digest && a.n === b.n;
  if (!same) failures++;
  console.log(
    `${metadata.tableName.padEnd(18)} ${String(a.n).padStart(6)} rows by insert, ${String(b.n).padStart(6)} by COPY: ${same ? 'same' : 'DIFFERENT'}`,
  );
}
// The indexes and foreign keys dropped for the load are all back.
const schemaObjects = `SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = 'assignments'
  UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
   WHERE connamespace = 'assignments'::regnamespace ORDER BY 1`;
const sameObjects =
  JSON.stringify(await byInsert.dataSource.query(schemaObjects)) ===
  JSON.stringify(await byCopy.dataSource.query(schemaObjects));
if (!sameObjects) failures++;
console.log(
  `indexes and constraints after the load (${load.indexes.length} indexes, ${load.foreignKeys.length} foreign keys rebuilt): ${sameObjects ? 'same' : 'DIFFERENT'}`,
);

await Promise.all([byInsert.dataSource.destroy(), byCopy.dataSource.destroy()]);
for (const name of names) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
await admin.end();
await stop();
process.exit(failures ? 1 : 0);
