import { MAY } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { workflowFor, type AssignmentContext } from '../context';
import { requireTaskAccess } from '../task/task-connection';
import { taskOf } from '../task/task.mapping';
import { Task } from '../task/task.type';
import { decideExtension, requestExtension } from './extension-steps';
import { DecideExtensionInput, RequestExtensionInput } from './extension.inputs';
import { Extension, extensionOf } from './extension.type';

@Resolver(() => Extension)
export class ExtensionResolver {
  @Authorized(...MAY.reportOnTasks)
  @Mutation(() => Extension, {
    description: 'The lead unit asks to move the deadline; only on or before the deadline in force that day.',
  })
  async requestExtension(
    @Arg('input', () => RequestExtensionInput, { description: 'The change (see `RequestExtensionInput`).' })
    input: RequestExtensionInput,
    @Ctx() context: AssignmentContext,
  ): Promise<Extension> {
    return extensionOf(await requestExtension(workflowFor(context, 'requestExtension', input), input));
  }

  @Authorized(...MAY.decideOnSubtasks)
  @Mutation(() => Extension, { description: 'The assigning side approves or rejects a waiting extension request.' })
  async decideExtension(
    @Arg('input', () => DecideExtensionInput, { description: 'The change (see `DecideExtensionInput`).' })
    input: DecideExtensionInput,
    @Ctx() context: AssignmentContext,
  ): Promise<Extension> {
    return extensionOf(await decideExtension(workflowFor(context, 'decideExtension', input), input));
  }

  @Authorized(...MAY.readTasks)
  @FieldResolver(() => Task, { description: 'The task whose deadline it concerns.' })
  async task(@Root() extension: Extension, @Ctx() context: AssignmentContext): Promise<Task> {
    const task = taskOf((await context.loaders.taskById.load(extension.taskId))!);
    requireTaskAccess(context.user!, task);
    return task;
  }
}

/** A task's extension requests, a field of the task. */
@Resolver(() => Task)
export class TaskExtensionsResolver {
  @FieldResolver(() => [Extension], { description: 'Extension requests, oldest first.' })
  async extensions(@Root() task: Task, @Ctx() context: AssignmentContext): Promise<Extension[]> {
    return (await context.loaders.extensionsByTask.load(task.id)).map(extensionOf);
  }
}
