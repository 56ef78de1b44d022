import { BadUserInputError, ConflictError } from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import { CompletionReportRow } from '../task/reports.entity';
import { text, type TaskWorkflow } from '../task/workflow';
import { ReminderRow } from './reminder.entity';
import type { RemindTaskInput } from './reminder.type';
import { isOpenOn, reminderTaskOf } from './rules';

/** A MANUAL reminder (RULES.md, Reminders): to a task open today, sent on a day not in the future. */
export function remindTask(workflow: TaskWorkflow, input: RemindTaskInput): Promise<ReminderRow> {
  const note = text(input.note, 'note');
  const { today } = workflow.actor;
  if (input.remindedOn > today) {
    throw new BadUserInputError(`remindedOn must not be in the future (today is ${today})`, 'remindedOn');
  }
  return workflow.followUp(input.taskId, 'OVERSEER', async (task, tx) => {
    const completionReports = await tx.getRepository(CompletionReportRow).findBy({ taskId: task.id });
    if (!isOpenOn(reminderTaskOf({ task, completionReports, extensions: [] }), today)) {
      throw new ConflictError('Only a task open today is reminded (not completed, withdrawn or awaiting confirmation)');
    }
    if (input.remindedOn < task.assignedOn) {
      throw new BadUserInputError(`remindedOn must not be before the assignment (${task.assignedOn})`, 'remindedOn');
    }
    const reminder: ReminderRow = {
      id: randomUUID(),
      taskId: task.id,
      kind: 'MANUAL',
      sentOn: input.remindedOn,
      threshold: null,
      dueOn: null,
      completionReportId: null,
      extensionId: null,
      note,
      actor: workflow.actor.name,
      actorId: workflow.actor.user.id,
    };
    await tx.getRepository(ReminderRow).insert(reminder);
    return {
      action: 'REMINDED',
      on: input.remindedOn,
      details: { reminderId: reminder.id, kind: 'MANUAL', note },
      result: reminder,
    };
  });
}
