import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table the subgraph's queries read. */
const READ_TABLES = [
  'organisation',
  'former_name',
  'restructuring_event',
  'restructuring_link',
  'official',
  'term_of_office',
];

/**
 * One version for all the subgraph's data, bumped by statement-level triggers in the writing
 * transaction on every table its queries read: an answer read at a version stands exactly while
 * the version does (the gateway's response cache, decision record 0042). Writes here are rare
 * (units, officials, restructurings): the one row they all update costs them nothing that matters.
 */
export class DataVersion1766000000010 implements MigrationInterface {
  name = 'DataVersion1766000000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisations.data_version (
        single boolean PRIMARY KEY DEFAULT true CHECK (single),
        version bigint NOT NULL
      )`);
    await db.query(`INSERT INTO organisations.data_version (version) VALUES (1)`);
    await db.query(`
      CREATE FUNCTION organisations.bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE organisations.data_version SET version = version + 1;
        RETURN NULL;
      END $$`);
    for (const table of READ_TABLES)
      await db.query(`
        CREATE TRIGGER ${table}_bumps_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
          ON organisations.${table} FOR EACH STATEMENT EXECUTE FUNCTION organisations.bump_data_version()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of READ_TABLES)
      await db.query(`DROP TRIGGER ${table}_bumps_data_version ON organisations.${table}`);
    await db.query(`DROP FUNCTION organisations.bump_data_version`);
    await db.query(`DROP TABLE organisations.data_version`);
  }
}
