import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A unit's contact e-mail address, where the notifications service sends its daily digest. */
export class ContactEmail1766000000002 implements MigrationInterface {
  name = 'ContactEmail1766000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organisations.organisation ADD COLUMN contact_email varchar(254)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organisations.organisation DROP COLUMN contact_email`);
  }
}
