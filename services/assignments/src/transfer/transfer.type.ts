import { DateScalar, IdempotentInput, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Organisation } from '../organisation/organisation.type';
import { Task } from '../task/task.type';

@ObjectType('LeadTransfer', {
  description: 'A task passed from one lead unit to another after a restructuring (chuyển giao nhiệm vụ).',
})
export class LeadTransfer {
  @Field(() => DateScalar, { description: 'The first day the new unit leads the task.' })
  transferredOn: CalendarDate;

  @Field(() => Organisation, { description: 'The unit that led it before.' })
  from: Organisation;

  @Field(() => Organisation, { description: 'The unit that leads it from that day.' })
  to: Organisation;
}

@InputType('TransferTasksInput', {
  description: 'The open tasks of a unit passed to its successor after a restructuring, as one recorded event.',
})
export class TransferTasksInput extends IdempotentInput {
  @Field(() => ID, { description: 'The unit whose open tasks move (e.g. an abolished district).' })
  fromOrganisationId: string;

  @Field(() => ID, { description: 'Its successor (`Organisation.successors`), which leads them from `transferredOn`.' })
  toOrganisationId: string;

  @Field(() => DateScalar, {
    description:
      'The first day the successor leads them (usually the restructuring’s effective date); not in the future.',
  })
  transferredOn: CalendarDate;

  @Field({ description: 'The legal basis, e.g. the restructuring resolution’s number (1 to 255 characters).' })
  legalBasis: string;
}

@ObjectType('TransferTasksResult', { description: 'What a transfer moved.' })
export class TransferTasksResult {
  @Field(() => Int, { description: 'How many tasks moved.' })
  transferredCount: number;

  @Field(() => [Task], { description: 'The tasks that moved, by assignment date.' })
  tasks: Task[];
}
