import { PageInfo } from '@giaoviec/shared';
import { GraphQLDateTime } from 'graphql-scalars';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FIGURES_CHANGED, WEBHOOK_EVENT_TYPES } from '../feed/event-types';

/** The WebhookEventType values, built from the feeds' types (feed/event-types.ts). */
export const WebhookEventTypeEnum = Object.fromEntries(WEBHOOK_EVENT_TYPES.map((type) => [type, type])) as Record<
  string,
  string
>;
registerEnumType(WebhookEventTypeEnum, {
  name: 'WebhookEventType',
  description: 'What a webhook is sent for: each task and inspection event type, and changed figures.',
  valuesConfig: Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        description:
          type === FIGURES_CHANGED
            ? "A unit's figures may have changed (at most one a minute per unit)."
            : type.startsWith('TASK_')
              ? `The task feed's ${type.slice('TASK_'.length)} (TaskEventType).`
              : `The inspection feed's ${type.slice('INSPECTION_'.length)} (InspectionEventType).`,
      },
    ]),
  ),
});

export enum WebhookDeliveryStatusEnum {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Not delivered yet: attempted again at `nextAttemptAt`.' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'Retried for 24 hours without a 2xx, or its webhook was deactivated.' },
    SKIPPED: { description: "Not sent: the webhook's owner may not read the event at the time of delivery." },
  },
});

/** One event sent (or to be sent) to one webhook (lần gửi). */
@ObjectType('WebhookDelivery', { description: 'One event sent, or to be sent, to one webhook; its attempts.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Opaque, stable identifier; also the `webhook-id` header of every attempt.' })
  id: string;
  @Field(() => ID, { description: "The event's id, as the payload's `data.eventId` gives it." }) eventId: string;
  @Field(() => WebhookEventTypeEnum, { description: 'The kind of event.' }) type: string;
  @Field(() => WebhookDeliveryStatusEnum, { description: 'Where it stands.' }) status: WebhookDeliveryStatusEnum;
  @Field(() => Int, { description: 'Attempts made so far.' }) attempts: number;
  @Field(() => Int, { nullable: true, description: "The last attempt's HTTP status; null: no answer." })
  lastResponseStatus: number | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was last attempted.' })
  lastAttemptAt: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it is attempted next; null unless pending.' })
  nextAttemptAt: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the receiver answered 2xx.' })
  deliveredAt: Date | null;
  /** Not in the schema: who may act on it. */
  webhookId: string;
}

@ObjectType('WebhookDeliveryEdge', { description: 'A delivery in a list, with its cursor.' })
export class WebhookDeliveryEdge {
  @Field({ description: 'Opaque position of this delivery in the list.' }) cursor: string;
  @Field(() => WebhookDelivery, { description: 'The delivery.' }) node: WebhookDelivery;
}

@ObjectType('WebhookDeliveryConnection', { description: "A page of a webhook's deliveries, newest first." })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge], { description: 'The deliveries of this page.' }) edges: WebhookDeliveryEdge[];
  @Field(() => PageInfo, { description: 'Where this page ends.' }) pageInfo: PageInfo;
}

@ArgsType()
export class WebhookDeliveryArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100; 20 when absent.' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

/** A subscription of a URL to events (webhook). */
@ObjectType('Webhook', {
  description:
    'A URL the platform POSTs events to, signed per Standard Webhooks, at least once (webhooks.graphql in the contract).',
})
export class Webhook {
  @Field(() => ID, { description: 'Opaque, stable identifier.' }) id: string;
  @Field({ description: 'Where events are POSTed.' }) url: string;
  @Field(() => [WebhookEventTypeEnum], { description: 'The kinds of event sent.' }) eventTypes: string[];
  @Field(() => [ID], {
    nullable: true,
    description: 'Only events of these units; null: every unit the owner may read.',
  })
  organisationIds: string[] | null;
  @Field(() => String, { nullable: true, description: 'What it is for.' }) description: string | null;
  @Field({ description: 'False once its deliveries failed for 3 days: nothing more is sent.' }) active: boolean;
  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'Since when its deliveries fail (no 2xx since); null when the last attempt succeeded.',
  })
  failingSince: Date | null;
  @Field(() => GraphQLDateTime, { description: 'When it was created: only events after it are sent.' })
  createdAt: Date;
  /** Not in the schema: its owner. */
  ownerId: string;
}

@ObjectType('CreateWebhookPayload', { description: 'A new webhook and its signing secret.' })
export class CreateWebhookPayload {
  @Field({ description: 'The signing secret (`whsec_` and base64): shown this once, keep it.' }) secret: string;
  @Field(() => Webhook, { description: 'The webhook.' }) webhook: Webhook;
}

@ObjectType('RotateWebhookSecretPayload', {
  description: 'A new signing secret; the previous one also signs for the next 24 hours.',
})
export class RotateWebhookSecretPayload {
  @Field({ description: 'The new signing secret: shown this once.' }) secret: string;
  @Field(() => Webhook, { description: 'The webhook.' }) webhook: Webhook;
}

@ObjectType('DeleteWebhookPayload', { description: 'The webhook deleted, with its deliveries.' })
export class DeleteWebhookPayload {
  @Field(() => ID, { description: 'Its id.' }) id: string;
}
