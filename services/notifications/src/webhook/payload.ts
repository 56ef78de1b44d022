import { payloadType, sourceOf } from '../feed/event-types';

/** An event as a delivery reads it. */
export interface DeliveredEvent {
  id: string;
  type: string;
  occurredAt: Date;
  on: string;
  subjectId: string | null;
  organisationIds: string[];
}

/** The id a receiver sees: the feed's own id (the part after `<source>:`). */
export function publicEventId(eventId: string): string {
  return eventId.slice(eventId.indexOf(':') + 1);
}

/**
 * The thin body of a webhook (contract, webhooks.graphql): the type, when it happened, and only
 * ids and the date; the receiver reads the details through the API with its own token.
 */
export function webhookPayload(event: DeliveredEvent): Record<string, unknown> {
  const source = sourceOf(event.type);
  const subject =
    source === 'task' ? { taskId: event.subjectId } : source === 'inspection' ? { inspectionId: event.subjectId } : {};
  const data =
    source === 'figures'
      ? { organisationIds: event.organisationIds }
      : { eventId: publicEventId(event.id), ...subject, organisationIds: event.organisationIds, on: event.on };
  return { type: payloadType(event.type), timestamp: event.occurredAt.toISOString(), data };
}
