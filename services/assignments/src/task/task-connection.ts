import {
  canSeeUnits,
  ForbiddenError,
  ownUnitOnly,
  pageSize,
  requireUnitAccess,
  todayInVietnam,
  type RequestUser,
} from '@giaoviec/shared';
import type { TaskListQuery, TaskPage } from './task-list.sql';
import { taskOf } from './task.mapping';
import type { TaskFilter } from './task.inputs';
import type { Task, TaskConnection } from './task.type';

/** Checks the page arguments; `asOf` defaults to today; a unit user sees its own unit's tasks only. */
export function pageArguments(
  user: RequestUser,
  filter: TaskFilter,
  first: number | null,
  after: string | null,
): TaskListQuery {
  const own = ownUnitOnly(user);
  if (own === '') throw new ForbiddenError('A unit user must belong to a unit');
  return { filter, first: pageSize(first), after, asOf: filter.asOf ?? todayInVietnam(), visibleTo: own };
}

type Concerned = Pick<Task, 'leadOrganisationId' | 'coordinatingOrganisationIds'> &
  Partial<Pick<Task, 'assigningOrganisationId'>>;

/** The units whose staff may read a task: its lead, its coordinators, and for a sub-task its parent's lead. */
const concernedUnits = (task: Concerned) => [
  task.leadOrganisationId,
  ...task.coordinatingOrganisationIds,
  ...(task.assigningOrganisationId ? [task.assigningOrganisationId] : []),
];

/** Whether the user may read a task (a unit user: tasks its unit leads, coordinates or delegated). */
export function canSeeTask(user: RequestUser, task: Concerned): boolean {
  return canSeeUnits(user, concernedUnits(task));
}

/** Refuses a task the user may not see (a unit user: tasks its unit neither leads, coordinates nor delegated). */
export function requireTaskAccess(user: RequestUser, task: Concerned): void {
  requireUnitAccess(user, concernedUnits(task), 'tasks');
}

/** A page as a Relay connection. */
export function taskConnection(page: TaskPage | undefined): TaskConnection {
  const rows = page?.rows ?? [];
  return {
    totalCount: page?.totalCount ?? 0,
    edges: rows.map(({ cursor, ...task }) => ({ cursor, node: taskOf(task) })),
    pageInfo: { hasNextPage: page?.hasNextPage ?? false, endCursor: rows.at(-1)?.cursor ?? null },
  };
}
