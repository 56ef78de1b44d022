import { loaderByArguments, isUuid } from '@giaoviec/shared';
import DataLoader from 'dataloader';
import { In, type DataSource, type ObjectLiteral, type Repository } from 'typeorm';
import { complianceFiguresByGroup, emptyFigures, type DatedFigures } from '../compliance/figures.sql';
import type { Period } from '../compliance/rules';
import type { CalendarDate } from '@giaoviec/shared';
import { ExtensionRow } from '../extension/extension.entity';
import { CompletionReportRow, ProgressReportRow, TaskHistoryRow } from './reports.entity';
import { taskPages, type TaskListQuery, type TaskPage } from './task-list.sql';
import { TaskRow } from './task.entity';

/** The DataLoaders of one request: one SQL statement per batch, whatever the number of keys. */
export interface AssignmentLoaders {
  taskById: DataLoader<string, TaskRow | null>;
  extensionById: DataLoader<string, ExtensionRow | null>;
  extensionsByTask: DataLoader<string, ExtensionRow[]>;
  historyByTask: DataLoader<string, TaskHistoryRow[]>;
  progressByTask: DataLoader<string, ProgressReportRow[]>;
  completionReportsByTask: DataLoader<string, CompletionReportRow[]>;
  figuresByUnit: DataLoader<{ id: string; args: Period & { asOf: CalendarDate } }, DatedFigures, string>;
  tasksByUnit: DataLoader<{ id: string; args: TaskListQuery }, TaskPage, string>;
}

function byId<T extends ObjectLiteral & { id: string }>(repository: Repository<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length ? await repository.findBy({ id: In(valid) } as never) : [];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function byTask<T extends ObjectLiteral & { taskId: string }>(repository: Repository<T>, order: keyof T) {
  return new DataLoader<string, T[]>(async (taskIds) => {
    const rows = await repository.find({
      where: { taskId: In([...new Set(taskIds)]) } as never,
      order: { [order]: 'ASC' } as never,
    });
    return taskIds.map((taskId) => rows.filter((row) => row.taskId === taskId));
  });
}

export function createAssignmentLoaders(db: DataSource): AssignmentLoaders {
  return {
    taskById: byId(db.getRepository(TaskRow)),
    extensionById: byId(db.getRepository(ExtensionRow)),
    extensionsByTask: byTask(db.getRepository(ExtensionRow), 'requestedOn'),
    historyByTask: byTask(db.getRepository(TaskHistoryRow), 'id'),
    progressByTask: byTask(db.getRepository(ProgressReportRow), 'reportedOn'),
    completionReportsByTask: byTask(db.getRepository(CompletionReportRow), 'submittedOn'),
    figuresByUnit: loaderByArguments(
      (args, ids) => complianceFiguresByGroup(db, { ...args, groupBy: 'unit', unitIds: ids }),
      (_id, args) => emptyFigures(args),
    ),
    tasksByUnit: loaderByArguments(
      (args, ids) => taskPages(db, args, ids),
      () => ({ rows: [], totalCount: 0, hasNextPage: false }),
    ),
  };
}
