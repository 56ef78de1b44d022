import { MAY } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { workflowFor, type AssignmentContext } from '../context';
import { canSeeTask } from '../task/task-connection';
import { taskOf, taskOrNull } from '../task/task.mapping';
import { Task } from '../task/task.type';
import { delegateTask } from './delegate-step';
import { DelegateTaskInput } from './delegation.inputs';

@Resolver(() => Task)
export class DelegationResolver {
  @Authorized(...MAY.delegateTasks)
  @Mutation(() => Task, {
    description:
      'Delegates a task to a division of its lead unit (giao việc nội bộ): the sub-task it creates counts only in the division’s figures (RULES.md, Delegation inside a unit).',
  })
  async delegateTask(
    @Arg('input', () => DelegateTaskInput, { description: 'The delegation (see `DelegateTaskInput`).' })
    input: DelegateTaskInput,
    @Ctx() context: AssignmentContext,
  ): Promise<Task> {
    return taskOf(await delegateTask(workflowFor(context, 'delegateTask', input), input));
  }

  @FieldResolver(() => Task, {
    nullable: true,
    description:
      'The task this sub-task was delegated from; null for a task assigned to a unit, or one the caller may not read.',
  })
  async parent(@Root() task: Task, @Ctx() context: AssignmentContext): Promise<Task | null> {
    if (task.parentId === null) return null;
    const parent = taskOrNull(await context.loaders.taskById.load(task.parentId));
    return parent && canSeeTask(context.user!, parent) ? parent : null;
  }

  @FieldResolver(() => [Task], {
    description: 'The sub-tasks delegated from this task to divisions of its lead unit, oldest first.',
  })
  async subtasks(@Root() task: Task, @Ctx() context: AssignmentContext): Promise<Task[]> {
    const rows = await context.loaders.subtasksByParent.load(task.id);
    return rows.map(taskOf).filter((subtask) => canSeeTask(context.user!, subtask));
  }
}
