import { demoUnitId, type Logger } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { insertTaskRecords, type TaskRecord } from '../task/task-records';
import { TaskRow } from '../task/task.entity';
import { demoFollowUpTasks } from './follow-up-tasks';
import { generateLangSon2017 } from './generator';

/** The Lạng Sơn 2017 task histories and the follow-ups of the demo inspection, loaded only into an empty table. */
export async function loadDemoTasks(db: DataSource, log: Logger): Promise<void> {
  if ((await db.getRepository(TaskRow).count()) > 0) return;
  const generated: TaskRecord[] = generateLangSon2017().map(({ leadCode, coordinatingCodes, ...task }) => ({
    ...task,
    leadOrganisationId: demoUnitId(leadCode),
    coordinatingOrganisationIds: coordinatingCodes.map(demoUnitId),
  }));
  const tasks = [...generated, ...demoFollowUpTasks()];
  await insertTaskRecords(db, tasks, 'demo data');
  log.info({ tasks: tasks.length }, 'demo tasks loaded');
}
