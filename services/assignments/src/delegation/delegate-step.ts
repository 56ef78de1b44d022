import { ConflictError, ForbiddenError, NotFoundError, cleanText, isUuid } from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import { canSeeTask } from '../task/task-connection';
import { searchTextOf } from '../task/task-records';
import { TaskRow } from '../task/task.entity';
import { optionalText, stepForbidden, type TaskWorkflow } from '../task/workflow';
import { requireDivisionOf } from './delegation-rules';
import type { DelegateTaskInput } from './delegation.inputs';

/**
 * Delegation (giao việc nội bộ) as a step of the parent task's life: the lifecycle refuses it for
 * a withdrawn or completed task and checks the sub-task's dates and deadline; the sub-task is
 * written in the same transaction, with its own ASSIGNED history row, and then lives its own life.
 */
export async function delegateTask(workflow: TaskWorkflow, input: DelegateTaskInput): Promise<TaskRow> {
  const title = input.title ? cleanText(input.title, { field: 'title', max: 500, singleLine: true }) : null;
  const note = optionalText(input.note, 'note', 5000);
  const parent = isUuid(input.taskId) ? await workflow.db.getRepository(TaskRow).findOneBy({ id: input.taskId }) : null;
  if (!parent || !canSeeTask(workflow.actor.user, parent)) throw new NotFoundError(`No task has id ${input.taskId}`);
  // Who may delegate before what: a unit that does not lead the task learns nothing of its divisions.
  const forbidden = stepForbidden('DELEGATOR', workflow.actor.user, parent);
  if (forbidden) throw new ForbiddenError(forbidden);
  await requireDivisionOf(input.divisionId, parent.leadOrganisationId, workflow.actor);
  const dueOn = input.dueOn ?? null;
  const now = new Date();
  const subtask: TaskRow = {
    ...parent,
    id: randomUUID(),
    title: title ?? parent.title,
    description: note,
    assignedOn: input.assignedOn,
    leadOrganisationId: input.divisionId,
    coordinatingOrganisationIds: [],
    originalDueOn: dueOn,
    coordinationDueOn: null,
    status: 'IN_PROGRESS',
    parentId: parent.id,
    assigningOrganisationId: parent.leadOrganisationId,
    dueOn,
    extensionDecidedOn: [],
    extensionDueOn: [],
    leadTransferredOn: [],
    leadTransferredFrom: [],
    deadlineWorkingDays: null,
    originConclusionId: null,
    completedOn: null,
    withdrawnOn: null,
    quality: null,
    searchText: searchTextOf(title ?? parent.title, parent.documentNumber),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return workflow.step(parent.id, {
    event: { type: 'DELEGATED', on: input.assignedOn, subtaskId: subtask.id, divisionId: input.divisionId, dueOn },
    dateField: 'assignedOn',
    by: 'DELEGATOR',
    write: async (locked, tx) => {
      if (locked.leadOrganisationId !== parent.leadOrganisationId)
        throw new ConflictError('The task changed lead unit meanwhile');
      await tx.getRepository(TaskRow).insert(subtask);
      await workflow.record(tx, subtask.id, 'ASSIGNED', input.assignedOn, { dueOn, parentId: parent.id });
      return { result: subtask };
    },
  });
}
