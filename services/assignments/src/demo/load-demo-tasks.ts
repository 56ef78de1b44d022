import {
  DEPARTMENT_MERGES_2025,
  DEPARTMENT_MERGE_BASIS,
  DEPARTMENT_MERGE_DATE,
  DISTRICT_ABOLITIONS_2025,
  DISTRICT_ABOLITION_BASIS,
  DISTRICT_ABOLITION_DATE,
  demoOfficialId,
  demoUnitId,
  parseCalendarDate,
  todayInVietnam,
  type CalendarDate,
  type Logger,
} from '@giaoviec/shared';
import { moveOpenTasks, type Transfer } from '../transfer/transfer';
import type { DataSource } from 'typeorm';
import { insertTaskRecords, type TaskRecord } from '../task/task-records';
import { TaskRow } from '../task/task.entity';
import { withDemoContributions } from './contributions';
import { demoCoordinationTasks } from './coordination-tasks';
import { demoFollowUpTasks } from './follow-up-tasks';
import { loadDemoReminders2017 } from './reminders-2017';
import { generateLangSon2017, generateLangSon2024To2025, generateLangSonSince2026 } from './generator';

/**
 * The day the demo's histories reach: `DEMO_TODAY` (`YYYY-MM-DD`; the tests pin it), else today.
 * The demo is loaded once, into an empty table: its tasks reach the day it was first loaded.
 */
export function demoToday(env: NodeJS.ProcessEnv = process.env): CalendarDate {
  if (!env.DEMO_TODAY) return todayInVietnam();
  const day = parseCalendarDate(env.DEMO_TODAY);
  if (!day) throw new Error(`DEMO_TODAY must be a date YYYY-MM-DD, not "${env.DEMO_TODAY}"`);
  return day;
}

/**
 * The Lạng Sơn task histories of 2017, of 2024-2025 (across the 2025 restructuring, whose open
 * tasks then pass to the successors) and from 2026 to the day of loading, and the follow-ups of the
 * demo inspection; loaded only into an empty table.
 */
export async function loadDemoTasks(db: DataSource, log: Logger): Promise<void> {
  if ((await db.getRepository(TaskRow).count()) > 0) return;
  const today = demoToday();
  const generated: TaskRecord[] = [
    ...generateLangSon2017(),
    ...generateLangSon2024To2025(),
    ...generateLangSonSince2026(today),
  ].map(({ leadCode, coordinatingCodes, ...task }) => ({
    ...task,
    assignedByOfficialId: task.assignerName ? demoOfficialId(task.assignerName) : null,
    leadOrganisationId: demoUnitId(leadCode),
    coordinatingOrganisationIds: coordinatingCodes.map(demoUnitId),
  }));
  const tasks = [...withDemoContributions(generated), ...demoFollowUpTasks(), ...demoCoordinationTasks()];
  await insertTaskRecords(db, tasks, 'demo data');
  // Before the 2025 transfers, so that each task's history keeps the order things happened in.
  const reminders2017 = await loadDemoReminders2017(db);
  const transferred = await transferDemoTasks2025(db);
  log.info({ tasks: tasks.length, transferred, until: today, ...reminders2017 }, 'demo tasks loaded');
}

/** The 2025 restructuring (organisations demo): open tasks pass to the successors, as recorded events. */
async function transferDemoTasks2025(db: DataSource): Promise<number> {
  const transfers: Transfer[] = [
    ...DEPARTMENT_MERGES_2025.flatMap((merge) =>
      merge.sources.map((source) => ({
        from: demoUnitId(source),
        to: demoUnitId(typeof merge.into === 'string' ? merge.into : merge.into.code),
        transferredOn: DEPARTMENT_MERGE_DATE as CalendarDate,
        legalBasis: DEPARTMENT_MERGE_BASIS,
        actor: 'demo data',
        actorId: null,
      })),
    ),
    // A district's open tasks go to its first successor.
    ...DISTRICT_ABOLITIONS_2025.map((abolition) => ({
      from: demoUnitId(abolition.code),
      to: demoUnitId(abolition.successors[0]!.code),
      transferredOn: DISTRICT_ABOLITION_DATE as CalendarDate,
      legalBasis: DISTRICT_ABOLITION_BASIS,
      actor: 'demo data',
      actorId: null,
    })),
  ];
  return db.transaction(async (tx) => {
    let moved = 0;
    for (const transfer of transfers) moved += (await moveOpenTasks(tx, transfer)).length;
    return moved;
  });
}
