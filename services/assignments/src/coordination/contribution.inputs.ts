import { DateScalar, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, InputType } from 'type-graphql';
import { TaskChangeInput } from '../task/task.inputs';

@InputType('SubmitContributionInput', {
  description: 'A coordinating unit’s contribution to a task (phối hợp); once per unit (a `UNIT` of that unit).',
})
export class SubmitContributionInput extends TaskChangeInput {
  @Field(() => ID, { description: 'The task.' }) taskId: string;

  @Field(() => DateScalar, { description: 'When it was submitted: not before the assignment, not in the future.' })
  submittedOn: CalendarDate;

  @Field({ description: 'What the unit contributes, 1 to 2,000 characters.' })
  note: string;
}
