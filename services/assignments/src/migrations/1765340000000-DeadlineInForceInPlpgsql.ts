import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEADLINE_IN_FORCE_IN_SQL } from './1764300000000-CreateTasks';

/**
 * `deadline_in_force` (RULES.md, "The deadline in force") as a PL/pgSQL loop instead of a SQL
 * function with a sub-select, which PostgreSQL can neither inline nor run cheaply: measured at
 * national, 4.1 µs a call became 0.8 µs (decision record 0041). Same arguments, same results: the
 * latest extension decided on or before the date (of two decided the same day, the later in the
 * arrays), else the original deadline.
 *
 * Two generated columns of `task` (migration 1764900000000) call it. PostgreSQL lets the function
 * be replaced under them and keeps their stored values; those stay right only because both
 * versions agree, so each direction checks it on every task with an extension (the others take
 * the same first branch in both) and refuses the migration otherwise.
 */
export class DeadlineInForceInPlpgsql1765340000000 implements MigrationInterface {
  name = 'DeadlineInForceInPlpgsql1765340000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION assignments.deadline_in_force(original date, decided date[], new_due date[], on_date date)
      RETURNS date LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
        DECLARE
          latest integer;
        BEGIN
          IF original IS NULL THEN RETURN NULL; END IF;
          IF cardinality(decided) > 0 THEN
            FOR i IN array_lower(decided, 1) .. array_upper(decided, 1) LOOP
              IF decided[i] <= on_date AND (latest IS NULL OR decided[i] >= decided[latest]) THEN latest := i; END IF;
            END LOOP;
          END IF;
          RETURN coalesce(new_due[latest], original);
        END
      $$`);
    await storedColumnsAgree(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE OR REPLACE ${DEADLINE_IN_FORCE_IN_SQL}`);
    await storedColumnsAgree(db);
  }
}

/** Refuses the migration (its transaction rolls back) if a stored generated value now differs. */
async function storedColumnsAgree(db: QueryRunner): Promise<void> {
  const [{ differing }] = (await db.query(`
    SELECT count(*)::int AS differing FROM assignments.task
     WHERE cardinality(extension_decided_on) > 0
       AND (deadline_after_extensions IS DISTINCT FROM
              assignments.deadline_in_force(original_due_on, extension_decided_on, extension_due_on, 'infinity')
            OR completed_late IS DISTINCT FROM
              (completed_on > assignments.deadline_in_force(original_due_on, extension_decided_on, extension_due_on, completed_on)))`)) as [
    { differing: number },
  ];
  if (differing > 0) throw new Error(`deadline_in_force now differs from ${differing} tasks' stored deadlines`);
}
