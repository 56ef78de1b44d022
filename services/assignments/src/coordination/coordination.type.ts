import { DateScalar, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Organisation } from '../organisation/organisation.type';

/** A unit's status as a coordinator of a task (RULES.md, Coordination). */
export enum CoordinationStatusEnum {
  CONTRIBUTED_ON_TIME = 'CONTRIBUTED_ON_TIME',
  CONTRIBUTED_LATE = 'CONTRIBUTED_LATE',
  PENDING_WITHIN_DEADLINE = 'PENDING_WITHIN_DEADLINE',
  PENDING_OVERDUE = 'PENDING_OVERDUE',
}
registerEnumType(CoordinationStatusEnum, {
  name: 'CoordinationStatus',
  description: 'Where a coordinating unit stands with its contribution, as of a date (RULES.md, Coordination).',
  valuesConfig: {
    CONTRIBUTED_ON_TIME: { description: 'Contributed by the coordination deadline in force that day, or with none.' },
    CONTRIBUTED_LATE: { description: 'Contributed after the coordination deadline in force that day.' },
    PENDING_WITHIN_DEADLINE: {
      description: 'Not yet contributed; the coordination deadline has not passed, or there is none.',
    },
    PENDING_OVERDUE: { description: 'Not yet contributed, and the coordination deadline has passed.' },
  },
});

@ObjectType('Contribution', {
  description: 'What a coordinating unit contributed to a task (ý kiến phối hợp): once per unit and task.',
})
export class Contribution {
  @Field(() => ID, { description: 'Opaque, stable identifier.' }) id: string;
  @Field(() => DateScalar, { description: 'When it was submitted.' }) submittedOn: CalendarDate;
  @Field({ description: 'What the unit contributed.' }) note: string;
  @Field(() => Organisation, {
    nullable: true,
    description: 'The coordinating unit. Null only when the organisations service is unavailable.',
  })
  organisation: Organisation;
}

@ObjectType('TaskCoordination', { description: 'One coordinating unit of a task, its contribution and its status.' })
export class TaskCoordination {
  @Field(() => Organisation, {
    nullable: true,
    description: 'The coordinating unit (đơn vị phối hợp). Null only when the organisations service is unavailable.',
  })
  organisation: Organisation;

  @Field(() => Contribution, { nullable: true, description: 'Its contribution; null until it contributes.' })
  contribution: Contribution | null;

  @Field(() => CoordinationStatusEnum, { description: 'Its status as of today.' })
  status: CoordinationStatusEnum;
}

@ObjectType('CoordinationFigures', {
  description:
    'A unit’s record as a coordinating unit of tasks assigned in a period, as of a date (RULES.md, Coordination): every requested contribution in exactly one of four states.',
})
export class CoordinationFiguresType {
  @Field(() => DateScalar, { description: 'First day of the period (included).' }) from: CalendarDate;
  @Field(() => DateScalar, { description: 'Last day of the period (included).' }) to: CalendarDate;
  @Field(() => DateScalar, { description: 'The date the figures are as of.' }) asOf: CalendarDate;
  @Field(() => Int, { description: 'Tasks it coordinates (not withdrawn as of the date): the sum of the four.' })
  requested: number;
  @Field(() => Int, { description: 'Contributed on time (phối hợp đúng hạn).' }) contributedOnTime: number;
  @Field(() => Int, { description: 'Contributed late (phối hợp trễ hạn).' }) contributedLate: number;
  @Field(() => Int, { description: 'Not contributed yet, within the coordination deadline or with none.' })
  pendingWithinDeadline: number;
  @Field(() => Int, { description: 'Not contributed, past the coordination deadline in force.' })
  pendingOverdue: number;
}
