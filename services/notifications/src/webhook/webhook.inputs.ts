import { IdempotentInput } from '@giaoviec/shared';
import { Field, ID, InputType } from 'type-graphql';
import { WebhookEventTypeEnum } from './webhook.type';

@InputType('CreateWebhookInput', { description: 'A new webhook.' })
export class CreateWebhookInput extends IdempotentInput {
  @Field({
    description:
      'Where to POST: https, with a public address (in development http and loopback too); at most 2,000 characters.',
  })
  url: string;
  @Field(() => [WebhookEventTypeEnum], { description: 'The kinds of event to send (1 to 30).' }) eventTypes: string[];
  @Field(() => [ID], {
    nullable: true,
    description: 'Only events of these units (a task they lead or coordinate, an inspection of them); at most 100.',
  })
  organisationIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'What it is for (at most 500 characters).' })
  description?: string | null;
}

@InputType('RotateWebhookSecretInput', { description: 'A new signing secret for a webhook.' })
export class RotateWebhookSecretInput extends IdempotentInput {
  @Field(() => ID, { description: 'The webhook.' }) webhookId: string;
}

@InputType('DeleteWebhookInput', { description: 'A webhook to delete.' })
export class DeleteWebhookInput extends IdempotentInput {
  @Field(() => ID, { description: 'The webhook.' }) webhookId: string;
}

@InputType('RedeliverWebhookDeliveryInput', { description: 'A delivery to send again (same `webhook-id`).' })
export class RedeliverWebhookDeliveryInput extends IdempotentInput {
  @Field(() => ID, { description: 'The delivery.' }) deliveryId: string;
}
