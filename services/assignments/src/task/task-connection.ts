import { pageSize, todayInVietnam } from '@giaoviec/shared';
import type { TaskListQuery, TaskPage } from './task-list.sql';
import type { TaskFilter } from './task.inputs';
import type { Task, TaskConnection } from './task.type';

/** Checks the page arguments; `asOf` defaults to today. */
export function pageArguments(filter: TaskFilter, first: number | null, after: string | null): TaskListQuery {
  return { filter, first: pageSize(first), after, asOf: filter.asOf ?? todayInVietnam() };
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
