import type { RequestContext } from '@giaoviec/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { actorOf } from '../task/actor';
import { DecideExtensionInput, RequestExtensionInput } from '../task/task.inputs';
import type { AssignmentLoaders } from '../task/task.loaders';
import { Task } from '../task/task.type';
import { TaskWorkflow } from '../task/workflow';
import { Extension } from './extension.type';

type Context = RequestContext<AssignmentLoaders>;

@Resolver(() => Extension)
export class ExtensionResolver {
  @Mutation(() => Extension, {
    description: 'The lead unit asks to move the deadline; only on or before the deadline in force that day.',
  })
  requestExtension(
    @Arg('input', () => RequestExtensionInput) input: RequestExtensionInput,
    @Ctx() context: Context,
  ): Promise<Extension> {
    return new TaskWorkflow(context.db, actorOf(context)).requestExtension(input) as Promise<Extension>;
  }

  @Mutation(() => Extension, { description: 'The assigning side approves or rejects a waiting extension request.' })
  decideExtension(
    @Arg('input', () => DecideExtensionInput) input: DecideExtensionInput,
    @Ctx() context: Context,
  ): Promise<Extension> {
    return new TaskWorkflow(context.db, actorOf(context)).decideExtension(input) as Promise<Extension>;
  }

  @FieldResolver(() => Task, { description: 'The task whose deadline it concerns.' })
  async task(@Root() extension: Extension, @Ctx() context: Context): Promise<Task> {
    return (await context.loaders.taskById.load(extension.taskId)) as Task;
  }
}
