import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inspection feed's event store: one row per change, written in the change's transaction,
 * with the transaction that wrote it (see shared/src/graphql/change-feed.ts). Inspections and
 * answers recorded before it are written into it once, as the platform's.
 */
export class InspectionEvents1765100000000 implements MigrationInterface {
  name = 'InspectionEvents1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inspections.inspection_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        inspection_id uuid NOT NULL REFERENCES inspections.inspection (id),
        type varchar NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor varchar NOT NULL,
        actor_id varchar
      )`);
    await db.query(`CREATE INDEX inspection_event_feed_idx ON inspections.inspection_event (tx_id, id)`);
    await db.query(`
      INSERT INTO inspections.inspection_event (inspection_id, type, at, actor)
      SELECT id, 'RECORDED', recorded_at, 'Nền tảng Giao Việc' FROM inspections.inspection ORDER BY recorded_at, id`);
    await db.query(`
      INSERT INTO inspections.inspection_event (inspection_id, type, actor)
      SELECT inspection_id, 'RECOMMENDATION_ANSWERED', 'Nền tảng Giao Việc' FROM inspections.recommendation
       WHERE responded_on IS NOT NULL ORDER BY responded_on, id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE inspections.inspection_event`);
  }
}
