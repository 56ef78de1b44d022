import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the follow-up figures read of a reminder's or a request's task (the unit that led it on the
 * day, and whether it was withdrawn), by task id, from an index a seventh the size of the table:
 * the figures of all units join every reminder of the period to its task, by index probes or, for
 * many reminders, by one pass over this index instead of the whole table (decision 0043).
 */
export class TaskLeadLookupIndex1765360000000 implements MigrationInterface {
  name = 'TaskLeadLookupIndex1765360000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX task_lead_lookup_idx ON assignments.task (id)
         INCLUDE (lead_organisation_id, withdrawn_on, lead_transferred_on, lead_transferred_from)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX assignments.task_lead_lookup_idx`);
  }
}
