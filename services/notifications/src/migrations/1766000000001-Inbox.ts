import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox: a notification for a unit's staff or for the Office, made from an event of the task
 * feed, and its read state per user.
 */
export class Inbox1766000000001 implements MigrationInterface {
  name = 'Inbox1766000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications.notification (
        id uuid PRIMARY KEY,
        event_id varchar(80) NOT NULL REFERENCES notifications.event (id),
        kind varchar(40) NOT NULL,
        audience varchar(8) NOT NULL CHECK (audience IN ('UNIT', 'OFFICE')),
        organisation_id varchar(64),
        task_id varchar(64),
        text text NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK ((audience = 'UNIT') = (organisation_id IS NOT NULL))
      )`);
    await db.query(
      `CREATE INDEX notification_inbox_idx ON notifications.notification (audience, organisation_id, created_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX notification_once_idx ON notifications.notification (event_id, kind, audience, COALESCE(organisation_id, ''))`,
    );
    await db.query(`
      CREATE TABLE notifications.notification_read (
        notification_id uuid NOT NULL REFERENCES notifications.notification (id) ON DELETE CASCADE,
        user_id varchar(255) NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, notification_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications.notification_read`);
    await db.query(`DROP TABLE notifications.notification`);
  }
}
