import { DateScalar, IdempotentInput, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ReminderRow } from './reminder.entity';

export enum ReminderKindEnum {
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  AWAITING_CONFIRMATION = 'AWAITING_CONFIRMATION',
  AWAITING_EXTENSION_DECISION = 'AWAITING_EXTENSION_DECISION',
  MANUAL = 'MANUAL',
}
registerEnumType(ReminderKindEnum, {
  name: 'ReminderKind',
  description: 'Why a reminder was sent (RULES.md, Reminders).',
  valuesConfig: {
    DUE_SOON: { description: 'The deadline in force is a threshold of working days away (sắp đến hạn).' },
    OVERDUE: { description: 'The deadline in force has passed and the task is still open (quá hạn).' },
    AWAITING_CONFIRMATION: { description: 'To the Office: a completion report has waited for a decision too long.' },
    AWAITING_EXTENSION_DECISION: {
      description: 'To the Office: an extension request has waited for a decision too long.',
    },
    MANUAL: { description: 'Sent by the Office or a leader (`remindTask`).' },
  },
});

@ObjectType('Reminder', { description: 'A reminder about a task (đôn đốc), automatic or sent by hand.' })
export class Reminder {
  @Field(() => ID, { description: 'Opaque, stable identifier.' }) id: string;

  @Field(() => ReminderKindEnum, { description: 'Why it was sent.' })
  kind: ReminderKindEnum;

  @Field(() => DateScalar, { description: 'The day it was sent.' })
  sentOn: CalendarDate;

  @Field(() => String, { nullable: true, description: 'The note of a manual reminder; null for automatic ones.' })
  note: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'DUE_SOON only: the threshold of working days left it was sent at; null otherwise.',
  })
  threshold: number | null;

  /** Not in the schema: `task` resolves it. */
  taskId: string;
}

/** A stored reminder as the GraphQL type. */
export function reminderOf(
  row: Pick<ReminderRow, 'id' | 'kind' | 'sentOn' | 'note' | 'threshold' | 'taskId'>,
): Reminder {
  return {
    id: row.id,
    kind: ReminderKindEnum[row.kind],
    sentOn: row.sentOn,
    note: row.note,
    threshold: row.threshold,
    taskId: row.taskId,
  };
}

@InputType('RemindTaskInput', { description: 'A reminder sent by hand to the lead unit of an open task.' })
export class RemindTaskInput extends IdempotentInput {
  @Field(() => ID, { description: 'The task: open today (else CONFLICT).' }) taskId: string;

  @Field(() => DateScalar, { description: 'The day it is sent: not in the future, not before the assignment.' })
  remindedOn: CalendarDate;

  @Field({ description: 'What to tell the lead unit, 1 to 2,000 characters.' })
  note: string;
}
