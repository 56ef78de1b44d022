import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The daily e-mail digests sent: one per unit and day, and up to which notification it went. */
export class Digest1766000000003 implements MigrationInterface {
  name = 'Digest1766000000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications.digest (
        organisation_id varchar(64) NOT NULL,
        day date NOT NULL,
        covered_until timestamptz NOT NULL,
        sent_to varchar(254) NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, day)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications.digest`);
  }
}
