import { ChangeActor, DateScalar, FeedArgs, feedConnectionTypes, type CalendarDate } from '@giaoviec/shared';
import { GraphQLDateTime } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Task } from '../task/task.type';

/** What happened to a task: every kind of change the task feed carries. */
export enum TaskEventTypeEnum {
  ASSIGNED = 'ASSIGNED',
  CORRECTED = 'CORRECTED',
  PROGRESS_REPORTED = 'PROGRESS_REPORTED',
  EXTENSION_REQUESTED = 'EXTENSION_REQUESTED',
  EXTENSION_APPROVED = 'EXTENSION_APPROVED',
  EXTENSION_REJECTED = 'EXTENSION_REJECTED',
  COMPLETION_SUBMITTED = 'COMPLETION_SUBMITTED',
  COMPLETION_CONFIRMED = 'COMPLETION_CONFIRMED',
  COMPLETION_RETURNED = 'COMPLETION_RETURNED',
  WITHDRAWN = 'WITHDRAWN',
  TRANSFERRED = 'TRANSFERRED',
  REMINDED = 'REMINDED',
  EXPLANATION_REQUESTED = 'EXPLANATION_REQUESTED',
  EXPLANATION_ANSWERED = 'EXPLANATION_ANSWERED',
  CONTRIBUTION_SUBMITTED = 'CONTRIBUTION_SUBMITTED',
  DELEGATED = 'DELEGATED',
}
registerEnumType(TaskEventTypeEnum, {
  name: 'TaskEventType',
  description: 'What happened to a task (a change of the task feed).',
  valuesConfig: {
    ASSIGNED: { description: 'Assigned (giao nhiệm vụ).' },
    CORRECTED: { description: 'Corrected by the Office (đính chính): the record was wrong.' },
    PROGRESS_REPORTED: { description: 'The lead unit reported progress.' },
    EXTENSION_REQUESTED: { description: 'The lead unit asked to move the deadline.' },
    EXTENSION_APPROVED: { description: 'The assigning side approved an extension.' },
    EXTENSION_REJECTED: { description: 'The assigning side rejected an extension.' },
    COMPLETION_SUBMITTED: { description: 'The lead unit reported the task done.' },
    COMPLETION_CONFIRMED: { description: 'The assigning side confirmed the completion.' },
    COMPLETION_RETURNED: { description: 'The assigning side returned the completion report.' },
    WITHDRAWN: { description: 'Withdrawn: no longer to be done.' },
    TRANSFERRED: { description: 'Passed to a successor unit after a restructuring.' },
    REMINDED: { description: 'A reminder was sent (đôn đốc).' },
    EXPLANATION_REQUESTED: { description: 'An explanation was requested (yêu cầu giải trình).' },
    EXPLANATION_ANSWERED: { description: 'The lead unit answered a request for explanation.' },
    CONTRIBUTION_SUBMITTED: { description: 'A coordinating unit submitted its contribution.' },
    DELEGATED: { description: 'Delegated to a division as a sub-task.' },
  },
});

/** One change of a task (sự kiện nhiệm vụ), in the feed. */
@ObjectType('TaskEvent', { description: 'One change of a task, in the order its transaction committed.' })
export class TaskChangeEvent {
  @Field(() => ID, { description: 'Opaque, stable identifier of the event.' }) id: string;
  @Field(() => TaskEventTypeEnum, { description: 'What happened.' }) type: TaskEventTypeEnum;
  @Field(() => GraphQLDateTime, { description: 'When it was recorded (an instant, ISO 8601 with offset).' })
  occurredAt: Date;
  @Field(() => DateScalar, { description: 'The domain date the change carries (the decision, report... date).' })
  on: CalendarDate;
  @Field(() => ChangeActor, { description: 'Who made the change.' }) actor: ChangeActor;
  @Field(() => Task, { nullable: true, description: 'The task as it is now.' }) task: Task | null;
}

/** A page of the task feed. */
export const { Connection: TaskEventConnection } = feedConnectionTypes('TaskEvent', 'task', TaskChangeEvent);
export type TaskEventConnection = InstanceType<typeof TaskEventConnection>;

@InputType('TaskEventFilter', { description: 'Narrows the task feed; it never widens what the caller may read.' })
export class TaskEventFilter {
  @Field(() => [TaskEventTypeEnum], { nullable: true, description: 'Only these kinds of change.' })
  types?: TaskEventTypeEnum[] | null;
  @Field(() => [ID], { nullable: true, description: 'Only tasks these units lead or coordinate.' })
  organisationIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Only these tasks.' })
  taskIds?: string[] | null;
}

@ArgsType()
export class TaskEventArgs extends FeedArgs {
  @Field(() => TaskEventFilter, { nullable: true, description: 'Which events; all the caller may read when absent.' })
  filter?: TaskEventFilter | null;
}
