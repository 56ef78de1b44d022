import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The kind DIVISION (phòng, ban): the part of a unit that its delegated tasks go to (RULES.md, Delegation). */
export class Divisions1765330000000 implements MigrationInterface {
  name = 'Divisions1765330000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organisations.organisation DROP CONSTRAINT organisation_kind_check,
        ADD CONSTRAINT organisation_kind_check
          CHECK (kind IN ('PEOPLES_COMMITTEE', 'OFFICE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE', 'OTHER', 'DIVISION'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organisations.organisation DROP CONSTRAINT organisation_kind_check,
        ADD CONSTRAINT organisation_kind_check
          CHECK (kind IN ('PEOPLES_COMMITTEE', 'OFFICE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE', 'OTHER'))`);
  }
}
