import { BadUserInputError, todayInVietnam } from '@giaoviec/shared';
import { DEFAULT_PAGE, MAX_PAGE, type TaskListQuery, type TaskPage } from './task-list.sql';
import type { TaskFilter } from './task.inputs';
import type { Task, TaskConnection } from './task.type';

/** Checks the page arguments; `asOf` defaults to today. */
export function pageArguments(filter: TaskFilter, first: number | null, after: string | null): TaskListQuery {
  const size = first ?? DEFAULT_PAGE;
  if (size < 1 || size > MAX_PAGE) throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE}`, 'first');
  return { filter, first: size, after, asOf: filter.asOf ?? todayInVietnam() };
}

/** A page as a Relay connection. */
export function taskConnection(page: TaskPage | undefined): TaskConnection {
  const rows = page?.rows ?? [];
  return {
    totalCount: page?.totalCount ?? 0,
    edges: rows.map(({ cursor, ...task }) => ({ cursor, node: task as unknown as Task })),
    pageInfo: { hasNextPage: page?.hasNextPage ?? false, endCursor: rows.at(-1)?.cursor ?? null },
  };
}
