import { DateScalar, IdempotentInput, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { ExplanationRow } from './explanation.entity';
import { explanationStatus } from './rules';

export enum ExplanationStatusEnum {
  AWAITING_ANSWER = 'AWAITING_ANSWER',
  ANSWERED_ON_TIME = 'ANSWERED_ON_TIME',
  ANSWERED_LATE = 'ANSWERED_LATE',
  OVERDUE = 'OVERDUE',
}
registerEnumType(ExplanationStatusEnum, {
  name: 'ExplanationStatus',
  description: 'Where a request for explanation stands as of a date (RULES.md, Explanations).',
  valuesConfig: {
    AWAITING_ANSWER: { description: 'Not answered yet, and the answer date has not passed.' },
    ANSWERED_ON_TIME: { description: 'Answered on or before the answer date.' },
    ANSWERED_LATE: { description: 'Answered after the answer date.' },
    OVERDUE: { description: 'Not answered, and the answer date has passed.' },
  },
});

@ObjectType('Explanation', {
  description: 'A request for explanation about a task (yêu cầu giải trình), and the lead unit’s answer.',
})
export class Explanation {
  @Field(() => ID, { description: 'Opaque, stable identifier.' }) id: string;

  @Field({ description: 'What the lead unit is asked to explain.' })
  question: string;

  @Field(() => DateScalar, { description: 'The day it was requested.' })
  requestedOn: CalendarDate;

  @Field(() => DateScalar, { description: 'The day the answer is due by (on time on that day).' })
  answerBy: CalendarDate;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was answered; null until then.' })
  answeredOn: CalendarDate | null;

  @Field(() => String, { nullable: true, description: 'The lead unit’s answer; null until then.' })
  answer: string | null;

  @Field(() => ExplanationStatusEnum, { description: 'Where it stands as of today.' })
  status: ExplanationStatusEnum;

  /** Not in the schema: `task` resolves it. */
  taskId: string;
}

/** A stored request as the GraphQL type, its status as of `today`. */
export function explanationOf(
  row: Pick<ExplanationRow, 'id' | 'taskId' | 'question' | 'requestedOn' | 'answerBy' | 'answeredOn' | 'answer'>,
  today: CalendarDate,
): Explanation {
  // A request is never dated after today, so it always has a status as of today.
  const status = explanationStatus(row, today) ?? 'AWAITING_ANSWER';
  return {
    id: row.id,
    question: row.question,
    requestedOn: row.requestedOn,
    answerBy: row.answerBy,
    answeredOn: row.answeredOn,
    answer: row.answer,
    status: ExplanationStatusEnum[status],
    taskId: row.taskId,
  };
}

@InputType('RequestExplanationInput', { description: 'A request for explanation about a task not withdrawn.' })
export class RequestExplanationInput extends IdempotentInput {
  @Field(() => ID, { description: 'The task: not withdrawn (else CONFLICT), completed ones included.' })
  taskId: string;

  @Field(() => DateScalar, { description: 'The request day: not in the future, not before the assignment.' })
  requestedOn: CalendarDate;

  @Field(() => DateScalar, { description: 'The day the answer is due by: not before the request.' })
  answerBy: CalendarDate;

  @Field({ description: 'What to explain, 1 to 2,000 characters.' })
  question: string;
}

@InputType('AnswerExplanationInput', { description: 'The lead unit’s one answer to a request for explanation.' })
export class AnswerExplanationInput extends IdempotentInput {
  @Field(() => ID, { description: 'The request.' }) explanationId: string;

  @Field(() => DateScalar, { description: 'The answer day: not before the request, not in the future.' })
  answeredOn: CalendarDate;

  @Field({ description: 'The explanation, 1 to 5,000 characters.' })
  answer: string;
}
