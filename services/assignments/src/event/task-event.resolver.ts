import { MAY, feedConnection, feedPageRequest, recordedActor } from '@giaoviec/shared';
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
    const { request, size } = feedPageRequest(FEED, user, { after, first });
    const rows = await taskEventPage(context.db, {
      ...request,
      types: filter?.types ?? null,
      taskIds: filter?.taskIds ?? null,
      organisationIds: filter?.organisationIds ?? null,
    });
    const tasks = await Promise.all(rows.slice(0, size).map((row) => context.loaders.taskById.load(row.taskId)));
    return feedConnection(FEED, user.id, rows, size, (row, index) => ({
      id: row.id,
      type: TaskEventTypeEnum[row.action as keyof typeof TaskEventTypeEnum],
      occurredAt: row.at,
      on: row.onDate,
      actor: recordedActor(row),
      task: taskOrNull(tasks[index] ?? null),
    }));
  }
}
