import { ConflictError } from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import { text, type TaskWorkflow } from '../task/workflow';
import { ContributionRow } from './contribution.entity';
import type { SubmitContributionInput } from './contribution.inputs';

/**
 * A coordinating unit's contribution, a step of the task's life: the lifecycle refuses it for a
 * withdrawn or completed task and checks its date; the task's lock makes "once per unit" safe.
 */
export function submitContribution(workflow: TaskWorkflow, input: SubmitContributionInput): Promise<ContributionRow> {
  const note = text(input.note, 'note');
  const organisationId = workflow.actor.user.organisationId ?? '';
  return workflow.step(input.taskId, {
    event: { type: 'CONTRIBUTION_SUBMITTED', on: input.submittedOn, organisationId, note },
    dateField: 'submittedOn',
    by: 'COORDINATING_UNIT',
    write: async (task, tx) => {
      const contributions = tx.getRepository(ContributionRow);
      if (await contributions.existsBy({ taskId: task.id, organisationId })) {
        throw new ConflictError('This unit has already contributed to the task');
      }
      const row: ContributionRow = {
        id: randomUUID(),
        taskId: task.id,
        organisationId,
        submittedOn: input.submittedOn,
        note,
      };
      await contributions.insert(row);
      return { result: row };
    },
  });
}
