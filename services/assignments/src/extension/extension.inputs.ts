import { DateScalar, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, InputType } from 'type-graphql';
import { TaskChangeInput } from '../task/task.inputs';

@InputType('RequestExtensionInput', {
  description: 'A request of the lead unit to move the deadline (đề nghị gia hạn).',
})
export class RequestExtensionInput extends TaskChangeInput {
  @Field(() => ID, { description: 'The task.' }) taskId: string;

  @Field(() => DateScalar, { description: 'The request date: on or before the deadline in force that day.' })
  requestedOn: CalendarDate;

  @Field(() => DateScalar, { description: 'The proposed new deadline, after the one in force.' })
  proposedDueOn: CalendarDate;

  @Field({ description: 'Why, 1 to 2,000 characters.' })
  reason: string;
}

@InputType('DecideExtensionInput', { description: 'The assigning side’s decision on an extension request.' })
export class DecideExtensionInput extends TaskChangeInput {
  @Field(() => ID, { description: 'The extension request.' }) extensionId: string;

  @Field({ description: 'true approves the proposed date, false rejects it.' })
  approve: boolean;

  @Field(() => DateScalar, { description: 'The decision date: not before the request, not in the future.' })
  decidedOn: CalendarDate;

  @Field(() => String, { nullable: true, description: 'A note on the decision.' })
  note?: string | null;
}
