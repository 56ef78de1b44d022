import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('FollowUpFigures', {
  description:
    'How often a unit had to be chased (đôn đốc) over a period and how it answered requests for explanation, as of a date (RULES.md, Follow-up figures).',
})
export class FollowUpFigures {
  @Field(() => Int, {
    description:
      'DUE_SOON, OVERDUE and MANUAL reminders sent in the period, on or before the date, to tasks it led that day.',
  })
  reminders: number;

  @Field(() => Int, {
    description: 'Requests for explanation made in the period, on or before the date, about tasks it led that day.',
  })
  explanationsRequested: number;

  @Field(() => Int, { description: 'Of those, answered on or before their answer date (as of the date).' })
  explanationsAnsweredOnTime: number;

  @Field(() => Int, { description: 'Of those, answered after their answer date.' })
  explanationsAnsweredLate: number;

  @Field(() => Int, { description: 'Of those, not answered and past their answer date.' })
  explanationsOverdue: number;

  @Field(() => Int, { description: 'Of those, not answered and not yet past their answer date.' })
  explanationsAwaitingAnswer: number;
}
