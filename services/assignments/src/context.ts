import {
  ForbiddenError,
  fetchEntities,
  loaderByArguments,
  loaderById,
  loaderGroupedBy,
  todayInVietnam,
  type CalendarDate,
  type Caller,
  type RequestContext,
} from '@giaoviec/shared';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { cachedFiguresByUnit } from './compliance/figures-cache';
import { emptyFigures, type DatedFigures } from './compliance/figures.sql';
import type { Period } from './compliance/rules';
import { ContributionRow } from './coordination/contribution.entity';
import { coordinationFiguresByUnit } from './coordination/figures.sql';
import { NO_COORDINATION, type CoordinationFigures } from './coordination/rules';
import { ExtensionRow } from './task/extension.entity';
import { CompletionReportRow, ProgressReportRow, TaskHistoryRow } from './task/reports.entity';
import { taskPages, type TaskListQuery, type TaskPage } from './task/task-list.sql';
import { TaskRow } from './task/task.entity';
import type { AssignTaskInput, TaskChangeInput } from './task/task.inputs';
import { TaskWorkflow, type Actor } from './task/workflow';
import { ReminderRow } from './reminder/reminder.entity';
import { ExplanationRow } from './explanation/explanation.entity';
import { emptyFollowUp, followUpByUnit } from './follow-up/figures.sql';
import type { FollowUpCounts } from './follow-up/rules';

/**
 * The request context of the assignments subgraph, in one place: its loaders, the acting user and
 * the workflow of a mutation. Resolvers of every folder take `AssignmentContext`.
 */

/** The DataLoaders of one request: one SQL statement per batch, whatever the number of keys. */
export interface AssignmentLoaders {
  taskById: DataLoader<string, TaskRow | null>;
  extensionById: DataLoader<string, ExtensionRow | null>;
  extensionsByTask: DataLoader<string, ExtensionRow[]>;
  historyByTask: DataLoader<string, TaskHistoryRow[]>;
  progressByTask: DataLoader<string, ProgressReportRow[]>;
  completionReportsByTask: DataLoader<string, CompletionReportRow[]>;
  remindersByTask: DataLoader<string, ReminderRow[]>;
  explanationsByTask: DataLoader<string, ExplanationRow[]>;
  /**
   * Each unit's task version as the figures cache first read it in this request (none when the
   * figures cache is off): the request's validator for the gateway (compliance/data-version.ts).
   */
  unitTaskVersions: Map<string, string>;
  followUpByUnit: DataLoader<{ id: string; args: Period & { asOf: CalendarDate } }, FollowUpCounts, string>;
  figuresByUnit: DataLoader<{ id: string; args: Period & { asOf: CalendarDate } }, DatedFigures, string>;
  followUpsByConclusion: DataLoader<string, TaskRow[]>;
  tasksByUnit: DataLoader<{ id: string; args: TaskListQuery }, TaskPage, string>;
  contributionsByTask: DataLoader<string, ContributionRow[]>;
  subtasksByParent: DataLoader<string, TaskRow[]>;
  coordinationByUnit: DataLoader<{ id: string; args: Period & { asOf: CalendarDate } }, DatedCoordination, string>;
  /** A unit and every unit whose work reached it (from the organisations subgraph), one call per request. */
  lineage(caller: Caller): DataLoader<string, string[]>;
}

export function createAssignmentLoaders(db: DataSource): AssignmentLoaders {
  let lineage: DataLoader<string, string[]> | undefined;
  const unitTaskVersions = new Map<string, string>();
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
    remindersByTask: loaderGroupedBy(db.getRepository(ReminderRow), 'taskId', {
      sentOn: 'ASC',
      createdAt: 'ASC',
      id: 'ASC',
    }),
    explanationsByTask: loaderGroupedBy(db.getRepository(ExplanationRow), 'taskId', {
      requestedOn: 'ASC',
      createdAt: 'ASC',
      id: 'ASC',
    }),
    followUpsByConclusion: loaderGroupedBy(db.getRepository(TaskRow), 'originConclusionId', {
      assignedOn: 'ASC',
      id: 'ASC',
    }),
    unitTaskVersions,
    figuresByUnit: loaderByArguments(
      (args, ids) => cachedFiguresByUnit(db, args, ids, unitTaskVersions),
      (_id, args) => emptyFigures(args),
    ),
    followUpByUnit: loaderByArguments((args, ids) => followUpByUnit(db, args, ids), emptyFollowUp),
    subtasksByParent: loaderGroupedBy(db.getRepository(TaskRow), 'parentId', { assignedOn: 'ASC', id: 'ASC' }),
    contributionsByTask: loaderGroupedBy(db.getRepository(ContributionRow), 'taskId', { submittedOn: 'ASC' }),
    coordinationByUnit: loaderByArguments(
      async (args, ids) => {
        const figures = await coordinationFiguresByUnit(db, args, ids);
        return new Map([...figures].map(([id, each]) => [id, { ...args, ...each }]));
      },
      (_id, args) => ({ ...args, ...NO_COORDINATION }),
    ),
    tasksByUnit: loaderByArguments(
      (args, ids) => taskPages(db, args, ids),
      () => ({ rows: [], totalCount: 0, hasNextPage: false }),
    ),
  };
}

/** A unit's coordination figures with their period and date. */
type DatedCoordination = CoordinationFigures & Period & { asOf: CalendarDate };

/** The context every resolver of this subgraph receives. */
export type AssignmentContext = RequestContext<AssignmentLoaders>;

/** The acting user of a request, as the workflow checks and the history records them. */
export function actorOf(context: RequestContext): Actor {
  if (!context.user) throw new ForbiddenError();
  return {
    user: context.user,
    name: context.user.name ?? context.user.id,
    today: todayInVietnam(),
    requestId: context.requestId,
    userToken: context.userToken,
  };
}

/** The workflow for one mutation of this request: its actor, its idempotency key and expected version. */
export function workflowFor(
  context: RequestContext & { db: DataSource },
  operation: string,
  input: TaskChangeInput | AssignTaskInput,
): TaskWorkflow {
  return new TaskWorkflow(context.db, actorOf(context), { operation, input });
}
