import { MAY } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { workflowFor, type AssignmentContext } from '../context';
import { requireTaskAccess } from '../task/task-connection';
import { taskOf } from '../task/task.mapping';
import { Task } from '../task/task.type';
import { remindTask } from './manual-reminder';
import { Reminder, RemindTaskInput, reminderOf } from './reminder.type';

@Resolver(() => Reminder)
export class ReminderResolver {
  @Authorized(...MAY.remindTasks)
  @Mutation(() => Reminder, {
    description:
      'Sends a reminder by hand (đôn đốc, MANUAL) to the lead unit of a task open today. A task not open is CONFLICT; a date in the future or before the assignment BAD_USER_INPUT. An event of the task feed (REMINDED).',
  })
  async remindTask(
    @Arg('input', () => RemindTaskInput, { description: 'The reminder (see `RemindTaskInput`).' })
    input: RemindTaskInput,
    @Ctx() context: AssignmentContext,
  ): Promise<Reminder> {
    return reminderOf(await remindTask(workflowFor(context, 'remindTask', input), input));
  }

  @Authorized(...MAY.readTasks)
  @FieldResolver(() => Task, { description: 'The task it is about.' })
  async task(@Root() reminder: Reminder, @Ctx() context: AssignmentContext): Promise<Task> {
    const task = taskOf((await context.loaders.taskById.load(reminder.taskId))!);
    requireTaskAccess(context.user!, task);
    return task;
  }
}

/** A task's reminders, a field of the task. */
@Resolver(() => Task)
export class TaskRemindersResolver {
  @FieldResolver(() => [Reminder], {
    description:
      'Every reminder sent about the task, automatic and manual (the Office’s AWAITING_… included), oldest first.',
  })
  async reminders(@Root() task: Task, @Ctx() context: AssignmentContext): Promise<Reminder[]> {
    return (await context.loaders.remindersByTask.load(task.id)).map(reminderOf);
  }
}
