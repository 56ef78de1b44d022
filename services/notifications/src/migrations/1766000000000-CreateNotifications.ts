import { idempotencyTableSql } from '@giaoviec/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications subgraph's tables: where it stands in each feed it follows, the events it
 * read, the webhooks and each delivery of an event to a webhook, and the throttle of figure signals.
 * The job queue's tables are pg-boss's own, in the `notifications_queue` schema (decision 28).
 */
export class CreateNotifications1766000000000 implements MigrationInterface {
  name = 'CreateNotifications1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(idempotencyTableSql('notifications'));
    await db.query(`
      CREATE TABLE notifications.feed_cursor (
        feed varchar(32) PRIMARY KEY,
        after text,
        events_read bigint NOT NULL DEFAULT 0,
        read_at timestamptz,
        last_event_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE notifications.event (
        id varchar(80) PRIMARY KEY,
        type varchar(64) NOT NULL,
        occurred_at timestamptz NOT NULL,
        on_date date NOT NULL,
        subject_id varchar(64),
        organisation_ids varchar(64)[] NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE notifications.webhook (
        id uuid PRIMARY KEY,
        owner_id varchar(255) NOT NULL,
        owner_name varchar(255),
        owner_roles varchar(32)[] NOT NULL,
        owner_organisation_id varchar(64),
        scope_organisation_id varchar(64),
        figures_only boolean NOT NULL,
        url text NOT NULL,
        event_types varchar(64)[] NOT NULL,
        organisation_ids varchar(64)[],
        description text,
        secret text NOT NULL,
        previous_secret text,
        previous_secret_until timestamptz,
        active boolean NOT NULL DEFAULT true,
        failing_since timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX webhook_owner_idx ON notifications.webhook (owner_id, created_at)`);
    await db.query(`
      CREATE TABLE notifications.delivery (
        id uuid PRIMARY KEY,
        webhook_id uuid NOT NULL REFERENCES notifications.webhook (id) ON DELETE CASCADE,
        event_id varchar(80) NOT NULL REFERENCES notifications.event (id),
        status varchar(16) NOT NULL DEFAULT 'PENDING',
        attempts int NOT NULL DEFAULT 0,
        last_response_status int,
        last_error text,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        leased_until timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        retry_from timestamptz NOT NULL DEFAULT now(),
        job_requested boolean NOT NULL DEFAULT false,
        UNIQUE (webhook_id, event_id)
      )`);
    await db.query(`CREATE INDEX delivery_recent_idx ON notifications.delivery (webhook_id, created_at DESC, id DESC)`);
    await db.query(
      `CREATE INDEX delivery_pending_idx ON notifications.delivery (next_attempt_at) WHERE status = 'PENDING'`,
    );
    await db.query(`CREATE INDEX delivery_job_requested_idx ON notifications.delivery (id) WHERE job_requested`);
    await db.query(`
      CREATE TABLE notifications.figures_signal (
        organisation_id varchar(64) PRIMARY KEY,
        due_at timestamptz,
        last_signalled_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications.figures_signal`);
    await db.query(`DROP TABLE notifications.delivery`);
    await db.query(`DROP TABLE notifications.webhook`);
    await db.query(`DROP TABLE notifications.event`);
    await db.query(`DROP TABLE notifications.feed_cursor`);
    await db.query(`DROP TABLE notifications.idempotency_key`);
  }
}
