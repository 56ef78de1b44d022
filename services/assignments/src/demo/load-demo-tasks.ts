import { demoUnitId, type Logger } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { insertTaskRecords } from '../task/task-records';
import { TaskRow } from '../task/task.entity';
import { generateLangSon2017 } from './generator';

/** The Lạng Sơn 2017 task histories, loaded only into an empty table. */
export async function loadDemoTasks(db: DataSource, log: Logger): Promise<void> {
  if ((await db.getRepository(TaskRow).count()) > 0) return;
  const tasks = generateLangSon2017();
  await insertTaskRecords(
    db,
    tasks.map(({ leadCode, coordinatingCodes, ...task }) => ({
      ...task,
      leadOrganisationId: demoUnitId(leadCode),
      coordinatingOrganisationIds: coordinatingCodes.map(demoUnitId),
    })),
    'demo data',
  );
  log.info({ tasks: tasks.length }, 'demo tasks loaded');
}
