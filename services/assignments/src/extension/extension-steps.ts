import { NotFoundError, isUuid } from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import { requireWithinParentDeadline } from '../delegation/delegation-rules';
import { ExtensionRow } from '../task/extension.entity';
import { optionalText, text, type TaskWorkflow } from '../task/workflow';
import type { DecideExtensionInput, RequestExtensionInput } from './extension.inputs';

/**
 * The extension steps (gia hạn) of a task's life: the lead unit asks to move the deadline, the
 * assigning side decides. The lifecycle says when they are allowed; these write their rows.
 */
export function requestExtension(workflow: TaskWorkflow, input: RequestExtensionInput): Promise<ExtensionRow> {
  const reason = text(input.reason, 'reason');
  const extension: ExtensionRow = {
    id: randomUUID(),
    taskId: input.taskId,
    requestedOn: input.requestedOn,
    proposedDueOn: input.proposedDueOn,
    reason,
    status: 'PENDING',
    decidedOn: null,
    decisionNote: null,
  };
  return workflow.step(input.taskId, {
    event: {
      type: 'EXTENSION_REQUESTED',
      on: input.requestedOn,
      extensionId: extension.id,
      proposedDueOn: input.proposedDueOn,
      reason,
    },
    dateField: 'requestedOn',
    by: 'LEAD_UNIT',
    write: async (task, tx) => {
      await requireWithinParentDeadline(task, input.proposedDueOn, tx);
      await tx.getRepository(ExtensionRow).insert(extension);
      return { result: extension };
    },
  });
}

export async function decideExtension(workflow: TaskWorkflow, input: DecideExtensionInput): Promise<ExtensionRow> {
  const note = optionalText(input.note, 'note');
  const found = isUuid(input.extensionId)
    ? await workflow.db.getRepository(ExtensionRow).findOneBy({ id: input.extensionId })
    : null;
  if (!found) throw new NotFoundError(`No extension request has id ${input.extensionId}`);
  const status = input.approve ? 'APPROVED' : 'REJECTED';
  return workflow.step(found.taskId, {
    event: {
      type: input.approve ? 'EXTENSION_APPROVED' : 'EXTENSION_REJECTED',
      on: input.decidedOn,
      extensionId: found.id,
      ...(note === null ? {} : { note }),
    },
    dateField: 'decidedOn',
    by: 'ASSIGNING_SIDE',
    write: async (_task, tx) => {
      await tx
        .getRepository(ExtensionRow)
        .update({ id: found.id }, { status, decidedOn: input.decidedOn, decisionNote: note });
      const decided: ExtensionRow = { ...found, status, decidedOn: input.decidedOn, decisionNote: note };
      return { details: { extensionId: found.id, note }, result: decided };
    },
  });
}
