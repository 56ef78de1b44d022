import {
  ForbiddenError,
  MAY,
  PLATFORM_ACTOR,
  feedPageSize,
  ownUnitOnly,
  feedConnection,
  readFeedCursor,
} from '@giaoviec/shared';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AssignmentContext } from '../context';
import { taskOrNull } from '../task/task.mapping';
import { TaskEventArgs, TaskEventConnection, TaskEventTypeEnum } from './task-event.type';
import { taskEventPage } from './task-event.store';

const FEED = 'task';

@Resolver()
export class TaskEventResolver {
  @Authorized(...MAY.readTasks)
  @Query(() => TaskEventConnection, {
    description:
      'The task feed: every change of the tasks the caller may read, in the order its transaction committed, oldest first. Keep the last `endCursor` and ask again with `after`: no event is missed or repeated. Events are kept at least 400 days (older `after`: CURSOR_EXPIRED).',
  })
  async taskEvents(
    @Args(() => TaskEventArgs) { after, first, filter }: TaskEventArgs,
    @Ctx() context: AssignmentContext,
  ): Promise<TaskEventConnection> {
    const user = context.user!;
    const visibleTo = ownUnitOnly(user);
    if (visibleTo === '') throw new ForbiddenError('A unit user must belong to a unit');
    const size = feedPageSize(first);
    const rows = await taskEventPage(context.db, {
      after: after ? readFeedCursor(FEED, user.id, after) : null,
      limit: size + 1,
      types: filter?.types ?? null,
      taskIds: filter?.taskIds ?? null,
      organisationIds: filter?.organisationIds ?? null,
      visibleTo,
    });
    const tasks = await Promise.all(rows.slice(0, size).map((row) => context.loaders.taskById.load(row.taskId)));
    return feedConnection(FEED, user.id, rows, size, (row, index) => ({
      id: row.id,
      type: TaskEventTypeEnum[row.action as keyof typeof TaskEventTypeEnum],
      occurredAt: row.at,
      on: row.onDate,
      actor: row.actorId === null ? { ...PLATFORM_ACTOR, name: row.actor } : { id: row.actorId, name: row.actor },
      task: taskOrNull(tasks[index] ?? null),
    }));
  }
}
