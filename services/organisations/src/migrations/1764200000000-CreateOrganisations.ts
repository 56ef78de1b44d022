import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganisations1764200000000 implements MigrationInterface {
  name = 'CreateOrganisations1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisations.organisation (
        id uuid PRIMARY KEY,
        code varchar(32) NOT NULL CONSTRAINT organisation_code_key UNIQUE,
        name varchar(255) NOT NULL,
        kind varchar(32) NOT NULL CONSTRAINT organisation_kind_check
          CHECK (kind IN ('PEOPLES_COMMITTEE', 'OFFICE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE', 'OTHER')),
        parent_id uuid REFERENCES organisations.organisation (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisation_not_own_parent CHECK (parent_id <> id)
      )`);
    await db.query(`CREATE INDEX organisation_parent_idx ON organisations.organisation (parent_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE organisations.organisation`);
  }
}
