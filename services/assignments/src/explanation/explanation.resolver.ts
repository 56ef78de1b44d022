import { MAY } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { actorOf, workflowFor, type AssignmentContext } from '../context';
import { requireTaskAccess } from '../task/task-connection';
import { taskOf } from '../task/task.mapping';
import { Task } from '../task/task.type';
import { answerExplanation, requestExplanation } from './explanation.workflow';
import { AnswerExplanationInput, Explanation, RequestExplanationInput, explanationOf } from './explanation.type';

@Resolver(() => Explanation)
export class ExplanationResolver {
  @Authorized(...MAY.requestExplanations)
  @Mutation(() => Explanation, {
    description:
      'Asks the lead unit to explain (yêu cầu giải trình) about a task not withdrawn (CONFLICT otherwise), completed ones included. A request date in the future or before the assignment, or an answer date before it, is BAD_USER_INPUT. An event of the task feed (EXPLANATION_REQUESTED).',
  })
  async requestExplanation(
    @Arg('input', () => RequestExplanationInput, { description: 'The request (see `RequestExplanationInput`).' })
    input: RequestExplanationInput,
    @Ctx() context: AssignmentContext,
  ): Promise<Explanation> {
    const workflow = workflowFor(context, 'requestExplanation', input);
    return explanationOf(await requestExplanation(workflow, input), workflow.actor.today);
  }

  @Authorized(...MAY.answerExplanations)
  @Mutation(() => Explanation, {
    description:
      'The lead unit answers a request for explanation, once: a second answer is CONFLICT, another unit FORBIDDEN, an answer date before the request or in the future BAD_USER_INPUT. An event of the task feed (EXPLANATION_ANSWERED).',
  })
  async answerExplanation(
    @Arg('input', () => AnswerExplanationInput, { description: 'The answer (see `AnswerExplanationInput`).' })
    input: AnswerExplanationInput,
    @Ctx() context: AssignmentContext,
  ): Promise<Explanation> {
    const workflow = workflowFor(context, 'answerExplanation', input);
    return explanationOf(await answerExplanation(workflow, input), workflow.actor.today);
  }

  @Authorized(...MAY.readTasks)
  @FieldResolver(() => Task, { description: 'The task it is about.' })
  async task(@Root() explanation: Explanation, @Ctx() context: AssignmentContext): Promise<Task> {
    const task = taskOf((await context.loaders.taskById.load(explanation.taskId))!);
    requireTaskAccess(context.user!, task);
    return task;
  }
}

/** A task's requests for explanation, a field of the task. */
@Resolver(() => Task)
export class TaskExplanationsResolver {
  @FieldResolver(() => [Explanation], {
    description: 'Requests for explanation, oldest first, with their status as of today.',
  })
  async explanations(@Root() task: Task, @Ctx() context: AssignmentContext): Promise<Explanation[]> {
    const { today } = actorOf(context);
    return (await context.loaders.explanationsByTask.load(task.id)).map((row) => explanationOf(row, today));
  }
}
