import { MAY, type RequestContext } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireTaskAccess } from '../task/task-connection';
import { workflowFor } from '../task/actor';
import { DecideExtensionInput, RequestExtensionInput } from '../task/task.inputs';
import type { AssignmentLoaders } from '../task/task.loaders';
import { Task } from '../task/task.type';
import { Extension } from './extension.type';

type Context = RequestContext<AssignmentLoaders>;

@Resolver(() => Extension)
export class ExtensionResolver {
  @Authorized(...MAY.reportOnTasks)
  @Mutation(() => Extension, {
    description: 'The lead unit asks to move the deadline; only on or before the deadline in force that day.',
  })
  requestExtension(
    @Arg('input', () => RequestExtensionInput, { description: 'The change (see `RequestExtensionInput`).' })
    input: RequestExtensionInput,
    @Ctx() context: Context,
  ): Promise<Extension> {
    return workflowFor(context, 'requestExtension', input).requestExtension(input) as Promise<Extension>;
  }

  @Authorized(...MAY.decideOnTasks)
  @Mutation(() => Extension, { description: 'The assigning side approves or rejects a waiting extension request.' })
  decideExtension(
    @Arg('input', () => DecideExtensionInput, { description: 'The change (see `DecideExtensionInput`).' })
    input: DecideExtensionInput,
    @Ctx() context: Context,
  ): Promise<Extension> {
    return workflowFor(context, 'decideExtension', input).decideExtension(input) as Promise<Extension>;
  }

  @Authorized(...MAY.readTasks)
  @FieldResolver(() => Task, { description: 'The task whose deadline it concerns.' })
  async task(@Root() extension: Extension, @Ctx() context: Context): Promise<Task> {
    const task = (await context.loaders.taskById.load(extension.taskId)) as Task;
    requireTaskAccess(context.user!, task);
    return task;
  }
}
