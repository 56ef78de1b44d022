import { IdempotentInput, PageInfo } from '@giaoviec/shared';
import { GraphQLDateTime } from 'graphql-scalars';
import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NOTIFICATION_KINDS } from './notification-kinds';

export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, kind])) as Record<
  string,
  string
>;
const KIND_DESCRIPTIONS: Record<(typeof NOTIFICATION_KINDS)[number], string> = {
  TASK_ASSIGNED: 'The unit was assigned a task to lead (to its staff).',
  DUE_SOON: "A task's deadline is near (to the lead unit).",
  OVERDUE: "A task's deadline has passed (to the lead unit).",
  REMINDED: 'The unit was reminded of a task (đôn đốc; to its staff).',
  EXPLANATION_REQUESTED: 'The unit is asked to explain (yêu cầu giải trình; to its staff).',
  EXPLANATION_ANSWERED: 'A unit answered a request for explanation (to the Office).',
  COMPLETION_RETURNED: "The unit's completion report was returned (to its staff).",
  EXTENSION_DECIDED: "The unit's extension request was decided (to its staff).",
  AWAITING_CONFIRMATION: 'A completion report waits for confirmation (to the Office).',
  AWAITING_EXTENSION_DECISION: 'An extension request waits for a decision (to the Office).',
  COORDINATION_REQUESTED: 'The unit is asked to coordinate on a task (to its staff).',
};
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description: 'What a notification tells, and so to whom it goes.',
  valuesConfig: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { description: KIND_DESCRIPTIONS[kind] }])),
});

/** A task, as the assignments subgraph resolves it (an entity reference). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Task', { description: 'A task (nhiệm vụ) assigned to a lead unit, with its deadline and workflow.' })
export class TaskReference {
  @Field(() => ID, { description: 'Opaque, stable identifier.' }) id: string;
}

/** A message of the inbox (thông báo). */
@ObjectType('Notification', { description: 'A message of the inbox (thông báo), about a task.' })
export class Notification {
  @Field(() => ID, { description: 'Opaque, stable identifier.' }) id: string;
  @Field(() => NotificationKindEnum, { description: 'What it tells.' }) kind: string;
  @Field(() => GraphQLDateTime, { description: 'When what it tells happened.' }) createdAt: Date;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the signed-in user read it; null: unread.' })
  readAt: Date | null;
  @Field({ description: 'The message, in Vietnamese.' }) text: string;
  @Field(() => TaskReference, {
    nullable: true,
    description: 'The task it is about; null when the caller may not read it.',
  })
  task: TaskReference | null;
}

@ObjectType('NotificationEdge', { description: 'A notification in the inbox, with its cursor.' })
export class NotificationEdge {
  @Field({ description: 'Opaque position in the inbox.' }) cursor: string;
  @Field(() => Notification, { description: 'The notification.' }) node: Notification;
}

@ObjectType('NotificationConnection', { description: 'A page of the inbox, newest first.' })
export class NotificationConnection {
  @Field(() => Int, { description: 'Unread notifications in the whole inbox.' }) unreadCount: number;
  @Field(() => [NotificationEdge], { description: 'The notifications of this page.' }) edges: NotificationEdge[];
  @Field(() => PageInfo, { description: 'Where this page ends.' }) pageInfo: PageInfo;
}

@ArgsType()
export class MyNotificationsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100; 20 when absent.' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only unread notifications.' }) unreadOnly?: boolean | null;
}

@InputType('MarkNotificationsReadInput', { description: 'Which notifications to mark read: `ids`, or `all: true`.' })
export class MarkNotificationsReadInput extends IdempotentInput {
  @Field(() => [ID], { nullable: true, description: 'These notifications of your inbox (1 to 100).' })
  ids?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Every notification of your inbox.' }) all?: boolean | null;
}

@ObjectType('MarkNotificationsReadPayload', { description: 'The inbox after marking.' })
export class MarkNotificationsReadPayload {
  @Field(() => Int, { description: 'Unread notifications left.' }) unreadCount: number;
}
