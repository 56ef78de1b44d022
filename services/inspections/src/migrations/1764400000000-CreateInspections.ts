import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspections with their conclusions and recommendations. The unit's figures as they stood when the
 * inspection was recorded are kept on the row (`recorded_*`), so a later correction of the tasks
 * shows as a difference from the live figures, not as a silent change of history.
 */
export class CreateInspections1764400000000 implements MigrationInterface {
  name = 'CreateInspections1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inspections.inspection (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        team varchar(255) NOT NULL,
        team_search text NOT NULL,
        team_leader varchar(255),
        inspected_on date NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        findings text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_figures jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inspection_period CHECK (period_from <= period_to),
        CONSTRAINT inspection_after_period CHECK (period_to <= inspected_on)
      )`);
    await db.query(
      `CREATE INDEX inspection_unit_idx ON inspections.inspection (organisation_id, inspected_on DESC, id DESC)`,
    );
    await db.query(`CREATE INDEX inspection_date_idx ON inspections.inspection (inspected_on DESC, id DESC)`);
    await db.query(`
      CREATE TABLE inspections.conclusion (
        id uuid PRIMARY KEY,
        inspection_id uuid NOT NULL REFERENCES inspections.inspection (id),
        position smallint NOT NULL,
        text text NOT NULL,
        CONSTRAINT conclusion_position UNIQUE (inspection_id, position)
      )`);
    await db.query(`
      CREATE TABLE inspections.recommendation (
        id uuid PRIMARY KEY,
        inspection_id uuid NOT NULL REFERENCES inspections.inspection (id),
        position smallint NOT NULL,
        text text NOT NULL,
        response text,
        responded_on date,
        CONSTRAINT recommendation_position UNIQUE (inspection_id, position),
        CONSTRAINT recommendation_response CHECK ((response IS NULL) = (responded_on IS NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE inspections.recommendation, inspections.conclusion, inspections.inspection`);
  }
}
