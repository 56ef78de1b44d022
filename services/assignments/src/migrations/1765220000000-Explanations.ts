import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Requests for explanation (yêu cầu giải trình) and their one answer. */
export class Explanations1765220000000 implements MigrationInterface {
  name = 'Explanations1765220000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE assignments.explanation (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES assignments.task (id),
        requested_on date NOT NULL,
        answer_by date NOT NULL,
        question text NOT NULL,
        requested_by varchar(255) NOT NULL,
        requested_by_id varchar NOT NULL,
        answered_on date,
        answer text,
        answered_by varchar(255),
        answered_by_id varchar,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT explanation_answer_by CHECK (answer_by >= requested_on),
        CONSTRAINT explanation_answered CHECK (answered_on >= requested_on),
        CONSTRAINT explanation_answer_whole CHECK ((answered_on IS NULL) = (answer IS NULL))
      )`);
    await db.query(`CREATE INDEX explanation_task_idx ON assignments.explanation (task_id, requested_on)`);
    await db.query(`CREATE INDEX explanation_requested_idx ON assignments.explanation (requested_on)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE assignments.explanation`);
  }
}
