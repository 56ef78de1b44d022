import type { AssignmentContext } from '../context';
import { canSeeTask } from './task-connection';
import { taskOrNull } from './task.mapping';

/** `Task` resolved for another subgraph (the inbox): batched, and null when the caller may not read it. */
export const taskReferences = {
  Task: {
    __resolveReference: async ({ id }: { id: string }, context: AssignmentContext) => {
      const task = taskOrNull(await context.loaders.taskById.load(id));
      return task && canSeeTask(context.user!, task) ? task : null;
    },
  },
};
