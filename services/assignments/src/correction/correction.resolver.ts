import { MAY } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { actorOf, type AssignmentContext } from '../context';
import { taskOf } from '../task/task.mapping';
import { Task } from '../task/task.type';
import { CorrectTaskInput } from './correction.inputs';
import { correctTask } from './correction.store';

@Resolver()
export class CorrectionResolver {
  @Authorized(...MAY.correctTasks)
  @Mutation(() => Task, {
    description:
      'Corrects a task entered wrongly (đính chính), with a reason: every figure, for every as-of date, counts the corrected task; figures an inspection recorded keep their values. The history keeps each corrected field before and after. CONFLICT for a withdrawn task, a stale `expectedVersion`, or removing the deadline of a task with extension requests; BAD_USER_INPUT when it changes nothing or would make a recorded step break the rules.',
  })
  async correctTask(
    @Arg('input', () => CorrectTaskInput, { description: 'The correction (see `CorrectTaskInput`).' })
    input: CorrectTaskInput,
    @Ctx() context: AssignmentContext,
  ): Promise<Task> {
    return taskOf(await correctTask(context.db, actorOf(context), input));
  }
}
