import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks and everything that happens to them. The task row also carries its approved extensions
 * as two arrays (decision dates, new due dates, in decision order): with them, the deadline in
 * force on any date and the compliance bucket as of any date come from the row alone, in one pass.
 */
/**
 * RULES.md, "The deadline in force": the latest extension approved on or before the date (of two
 * on the same day, the one decided last), else the original due date. As first written, in SQL
 * (after `CREATE` or `CREATE OR REPLACE`); migration 1765340000000 puts it back on its way down.
 */
export const DEADLINE_IN_FORCE_IN_SQL = `FUNCTION assignments.deadline_in_force(original date, decided date[], new_due date[], on_date date)
      RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN original IS NULL THEN NULL ELSE coalesce(
          (SELECT new_due[i] FROM generate_subscripts(decided, 1) AS i
            WHERE decided[i] <= on_date ORDER BY decided[i] DESC, i DESC LIMIT 1),
          original) END
      $$`;

export class CreateTasks1764300000000 implements MigrationInterface {
  name = 'CreateTasks1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      CREATE TABLE assignments.task (
        id uuid PRIMARY KEY,
        title varchar(500) NOT NULL,
        description text,
        document_number varchar(64),
        document_kind varchar(32),
        document_issued_on date,
        document_signer varchar(255),
        assigned_on date NOT NULL,
        assigner_kind varchar(32) NOT NULL,
        assigner_name varchar(255),
        lead_organisation_id uuid NOT NULL,
        coordinating_organisation_ids uuid[] NOT NULL DEFAULT '{}',
        original_due_on date,
        priority varchar(16) NOT NULL,
        origin_conclusion_id uuid,
        status varchar(32) NOT NULL,
        due_on date,
        extension_decided_on date[] NOT NULL DEFAULT '{}',
        extension_due_on date[] NOT NULL DEFAULT '{}',
        completed_on date,
        withdrawn_on date,
        search_text text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT task_due_after_assignment CHECK (original_due_on >= assigned_on),
        CONSTRAINT task_extension_arrays CHECK (cardinality(extension_decided_on) = cardinality(extension_due_on)),
        CONSTRAINT task_status CHECK (status IN ('IN_PROGRESS', 'COMPLETION_SUBMITTED', 'COMPLETED', 'WITHDRAWN')),
        CONSTRAINT task_priority CHECK (priority IN ('KEY', 'ROUTINE', 'AD_HOC')),
        CONSTRAINT task_assigner CHECK (assigner_kind IN ('PEOPLES_COMMITTEE', 'CHAIRMAN', 'VICE_CHAIRMAN'))
      )`);
    // Figures per unit and period read only this index (index-only scans).
    await db.query(`
      CREATE INDEX task_lead_assigned_idx ON assignments.task (lead_organisation_id, assigned_on)
        INCLUDE (original_due_on, completed_on, withdrawn_on, extension_decided_on, extension_due_on)`);
    await db.query(`CREATE INDEX task_assigned_idx ON assignments.task (assigned_on)`);
    await db.query(
      `CREATE INDEX task_open_due_idx ON assignments.task (due_on) WHERE completed_on IS NULL AND withdrawn_on IS NULL`,
    );
    await db.query(
      `CREATE INDEX task_origin_conclusion_idx ON assignments.task (origin_conclusion_id) WHERE origin_conclusion_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX task_search_idx ON assignments.task USING gin (search_text gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE assignments.extension (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES assignments.task (id),
        requested_on date NOT NULL,
        proposed_due_on date NOT NULL,
        reason text NOT NULL,
        status varchar(16) NOT NULL CONSTRAINT extension_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        decided_on date,
        decision_note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX extension_task_idx ON assignments.extension (task_id)`);
    await db.query(
      `CREATE UNIQUE INDEX extension_one_pending ON assignments.extension (task_id) WHERE status = 'PENDING'`,
    );

    await db.query(`
      CREATE TABLE assignments.completion_report (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES assignments.task (id),
        submitted_on date NOT NULL,
        completed_on date NOT NULL,
        note text NOT NULL,
        status varchar(16) NOT NULL CONSTRAINT completion_status CHECK (status IN ('SUBMITTED', 'CONFIRMED', 'RETURNED')),
        decided_on date,
        decision_note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX completion_report_task_idx ON assignments.completion_report (task_id)`);
    await db.query(
      `CREATE UNIQUE INDEX completion_report_one_pending ON assignments.completion_report (task_id) WHERE status = 'SUBMITTED'`,
    );

    await db.query(`
      CREATE TABLE assignments.progress_report (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES assignments.task (id),
        reported_on date NOT NULL,
        percent_complete smallint CONSTRAINT progress_percent CHECK (percent_complete BETWEEN 0 AND 100),
        note text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX progress_report_task_idx ON assignments.progress_report (task_id)`);

    await db.query(`
      CREATE TABLE assignments.task_history (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES assignments.task (id),
        at timestamptz NOT NULL DEFAULT now(),
        on_date date NOT NULL,
        action varchar(32) NOT NULL,
        actor varchar(255) NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX task_history_task_idx ON assignments.task_history (task_id, id)`);
    // The history is append-only: no row is ever changed or removed.
    await db.query(`
      CREATE FUNCTION assignments.refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'task_history is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER task_history_append_only BEFORE UPDATE OR DELETE ON assignments.task_history
        FOR EACH ROW EXECUTE FUNCTION assignments.refuse_history_change()`);

    await db.query(`CREATE ${DEADLINE_IN_FORCE_IN_SQL}`);
    // RULES.md, "Figures": the bucket of a task as of a date; null when it does not count then.
    await db.query(`
      CREATE FUNCTION assignments.compliance_bucket(
        assigned_on date, original_due date, decided date[], new_due date[], completed_on date, withdrawn_on date, as_of date)
      RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN assigned_on > as_of OR withdrawn_on <= as_of THEN NULL
          WHEN completed_on <= as_of THEN
            CASE WHEN original_due IS NULL
                   OR completed_on <= assignments.deadline_in_force(original_due, decided, new_due, completed_on)
                 THEN 'COMPLETED_ON_TIME' ELSE 'COMPLETED_LATE' END
          WHEN original_due IS NULL OR assignments.deadline_in_force(original_due, decided, new_due, as_of) >= as_of
            THEN 'IN_PROGRESS_WITHIN_DEADLINE'
          ELSE 'IN_PROGRESS_OVERDUE'
        END
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION assignments.compliance_bucket`);
    await db.query(`DROP FUNCTION assignments.deadline_in_force`);
    await db.query(
      `DROP TABLE assignments.task_history, assignments.progress_report, assignments.completion_report, assignments.extension, assignments.task`,
    );
    await db.query(`DROP FUNCTION assignments.refuse_history_change`);
  }
}
