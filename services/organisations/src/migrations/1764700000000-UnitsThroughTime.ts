import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units through time: each unit's validity, its former names, the restructuring events that link
 * predecessors to successors, and the officials with their terms of office.
 */
export class UnitsThroughTime1764700000000 implements MigrationInterface {
  name = 'UnitsThroughTime1764700000000';

  async up(db: QueryRunner): Promise<void> {
    // A code names one unit at a time: a later unit may take the code of one that has ended (checked
    // by the store under the structure lock; no exclusion constraint, btree_gist is not bundled).
    await db.query(`ALTER TABLE organisations.organisation DROP CONSTRAINT organisation_code_key`);
    await db.query(`CREATE INDEX organisation_code_idx ON organisations.organisation (code)`);
    await db.query(`
      ALTER TABLE organisations.organisation
        ADD COLUMN valid_from date,
        ADD COLUMN valid_to date,
        ADD COLUMN name_since date,
        ADD CONSTRAINT organisation_validity CHECK (valid_to >= valid_from)`);
    await db.query(`
      CREATE TABLE organisations.former_name (
        organisation_id uuid NOT NULL REFERENCES organisations.organisation (id),
        name varchar(255) NOT NULL,
        used_from date,
        used_to date NOT NULL,
        PRIMARY KEY (organisation_id, used_to)
      )`);
    await db.query(`
      CREATE TABLE organisations.restructuring_event (
        id uuid PRIMARY KEY,
        kind varchar(16) NOT NULL CONSTRAINT restructuring_kind CHECK (kind IN ('MERGE', 'SPLIT', 'RENAME', 'ABOLISH')),
        effective_on date NOT NULL,
        legal_basis varchar(255) NOT NULL,
        note text,
        recorded_by varchar(255) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    // predecessor → successor; a rename links the unit to itself.
    await db.query(`
      CREATE TABLE organisations.restructuring_link (
        event_id uuid NOT NULL REFERENCES organisations.restructuring_event (id),
        predecessor_id uuid NOT NULL REFERENCES organisations.organisation (id),
        successor_id uuid NOT NULL REFERENCES organisations.organisation (id),
        PRIMARY KEY (event_id, predecessor_id, successor_id)
      )`);
    await db.query(`CREATE INDEX restructuring_link_successor_idx ON organisations.restructuring_link (successor_id)`);
    await db.query(
      `CREATE INDEX restructuring_link_predecessor_idx ON organisations.restructuring_link (predecessor_id)`,
    );
    await db.query(`
      CREATE TABLE organisations.official (
        id uuid PRIMARY KEY,
        full_name varchar(255) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE organisations.term_of_office (
        id uuid PRIMARY KEY,
        official_id uuid NOT NULL REFERENCES organisations.official (id),
        organisation_id uuid NOT NULL REFERENCES organisations.organisation (id),
        position varchar(32) NOT NULL,
        starts_on date NOT NULL,
        ends_on date,
        legal_basis varchar(255),
        CONSTRAINT term_dates CHECK (ends_on >= starts_on)
      )`);
    await db.query(`CREATE INDEX term_official_idx ON organisations.term_of_office (official_id, starts_on)`);
    await db.query(`CREATE INDEX term_organisation_idx ON organisations.term_of_office (organisation_id, starts_on)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE organisations.term_of_office, organisations.official, organisations.restructuring_link, organisations.restructuring_event, organisations.former_name`,
    );
    await db.query(`DROP INDEX organisations.organisation_code_idx`);
    await db.query(`
      ALTER TABLE organisations.organisation DROP CONSTRAINT organisation_validity,
        DROP COLUMN valid_from, DROP COLUMN valid_to, DROP COLUMN name_since,
        ADD CONSTRAINT organisation_code_key UNIQUE (code)`);
  }
}
