import { fetchEntities, loaderByArguments, loaderById, loaderGroupedBy, type Caller } from '@giaoviec/shared';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { cachedFiguresByUnit } from '../compliance/figures-cache';
import { emptyFigures, type DatedFigures } from '../compliance/figures.sql';
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
  followUpsByConclusion: DataLoader<string, TaskRow[]>;
  tasksByUnit: DataLoader<{ id: string; args: TaskListQuery }, TaskPage, string>;
  /** A unit and every unit whose work reached it (from the organisations subgraph), one call per request. */
  lineage(caller: Caller): DataLoader<string, string[]>;
}

export function createAssignmentLoaders(db: DataSource): AssignmentLoaders {
  let lineage: DataLoader<string, string[]> | undefined;
  return {
    lineage(caller) {
      lineage ??= new DataLoader(async (ids) => {
        const units = await fetchEntities<{ id: string; allPredecessors: Array<{ id: string }> }>(
          'organisations',
          'Organisation',
          ids,
          'id allPredecessors { id }',
          caller,
        );
        return ids.map((id, index) => [id, ...(units[index]?.allPredecessors.map((unit) => unit.id) ?? [])]);
      });
      return lineage;
    },
    taskById: loaderById(db.getRepository(TaskRow)),
    extensionById: loaderById(db.getRepository(ExtensionRow)),
    extensionsByTask: loaderGroupedBy(db.getRepository(ExtensionRow), 'taskId', { requestedOn: 'ASC' }),
    historyByTask: loaderGroupedBy(db.getRepository(TaskHistoryRow), 'taskId', { id: 'ASC' }),
    progressByTask: loaderGroupedBy(db.getRepository(ProgressReportRow), 'taskId', { reportedOn: 'ASC' }),
    completionReportsByTask: loaderGroupedBy(db.getRepository(CompletionReportRow), 'taskId', { submittedOn: 'ASC' }),
    followUpsByConclusion: loaderGroupedBy(db.getRepository(TaskRow), 'originConclusionId', {
      assignedOn: 'ASC',
      id: 'ASC',
    }),
    figuresByUnit: loaderByArguments(
      (args, ids) => cachedFiguresByUnit(db, args, ids),
      (_id, args) => emptyFigures(args),
    ),
    tasksByUnit: loaderByArguments(
      (args, ids) => taskPages(db, args, ids),
      () => ({ rows: [], totalCount: 0, hasNextPage: false }),
    ),
  };
}
