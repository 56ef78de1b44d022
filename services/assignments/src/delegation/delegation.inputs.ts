import { DateScalar, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, InputType } from 'type-graphql';
import { TaskChangeInput } from '../task/task.inputs';

@InputType('DelegateTaskInput', {
  description:
    'A task delegated by its lead unit to one of its divisions (giao việc nội bộ): a sub-task through the same workflow, the lead unit as its assigning side (`UNIT` of the lead unit, or OFFICE).',
})
export class DelegateTaskInput extends TaskChangeInput {
  @Field(() => ID, { description: 'The task to delegate.' }) taskId: string;

  @Field(() => ID, { description: 'A division (kind DIVISION) under the task’s lead unit.' })
  divisionId: string;

  @Field(() => DateScalar, {
    description: 'The sub-task’s assignment date: not before the task’s, not in the future.',
  })
  assignedOn: CalendarDate;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The sub-task’s deadline: required when the task has one, and not after the task’s deadline in force on `assignedOn`.',
  })
  dueOn?: CalendarDate | null;

  @Field(() => String, { nullable: true, description: 'Its title, 1 to 500 characters; the task’s when absent.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Instructions to the division, at most 5,000 characters.' })
  note?: string | null;
}
