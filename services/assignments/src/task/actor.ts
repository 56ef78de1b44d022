import { ForbiddenError, todayInVietnam, type RequestContext } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import type { AssignTaskInput, TaskChangeInput } from './task.inputs';
import { TaskWorkflow, type Actor } from './workflow';

/** The acting user of a request, as the workflow checks and the history records them. */
export function actorOf(context: RequestContext): Actor {
  if (!context.user) throw new ForbiddenError();
  return {
    user: context.user,
    name: context.user.name ?? context.user.id,
    today: todayInVietnam(),
    requestId: context.requestId,
    userToken: context.userToken,
  };
}

/** The workflow for one mutation of this request: its actor, its idempotency key and expected version. */
export function workflowFor(
  context: RequestContext & { db: DataSource },
  operation: string,
  input: TaskChangeInput | AssignTaskInput,
): TaskWorkflow {
  return new TaskWorkflow(context.db, actorOf(context), { operation, input });
}
