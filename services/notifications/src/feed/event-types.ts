/**
 * The kinds of event a webhook can ask for (WebhookEventType): every kind of change of the task
 * feed as `TASK_<type>`, the inspection feed's as `INSPECTION_<type>`, and `FIGURES_CHANGED`.
 */

/**
 * The task feed's TaskEventType values (the assignments subgraph's enum). A value added there
 * is one line here; a test compares this list with the supergraph's enum.
 */
export const TASK_EVENT_TYPES = [
  'ASSIGNED',
  'CORRECTED',
  'PROGRESS_REPORTED',
  'EXTENSION_REQUESTED',
  'EXTENSION_APPROVED',
  'EXTENSION_REJECTED',
  'COMPLETION_SUBMITTED',
  'COMPLETION_CONFIRMED',
  'COMPLETION_RETURNED',
  'WITHDRAWN',
  'TRANSFERRED',
  'REMINDED',
  'EXPLANATION_REQUESTED',
  'EXPLANATION_ANSWERED',
  'CONTRIBUTION_SUBMITTED',
  'DELEGATED',
] as const;

/** The inspection feed's InspectionEventType values. */
export const INSPECTION_EVENT_TYPES = ['RECORDED', 'RECOMMENDATION_ANSWERED'] as const;

export const FIGURES_CHANGED = 'FIGURES_CHANGED';

/** Where an event comes from: the two feeds, and the figure signals derived from the task feed. */
export type EventSource = 'task' | 'inspection' | 'figures';

/** Every WebhookEventType value, in the schema's order. */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  ...TASK_EVENT_TYPES.map((type) => `TASK_${type}`),
  ...INSPECTION_EVENT_TYPES.map((type) => `INSPECTION_${type}`),
  FIGURES_CHANGED,
];

/** The WebhookEventType of a feed's event type: `TASK_` or `INSPECTION_` before it. */
export function webhookEventType(source: Exclude<EventSource, 'figures'>, feedType: string): string {
  return `${source.toUpperCase()}_${feedType}`;
}

/** Which source a WebhookEventType belongs to. */
export function sourceOf(webhookType: string): EventSource {
  if (webhookType === FIGURES_CHANGED) return 'figures';
  return webhookType.startsWith('INSPECTION_') ? 'inspection' : 'task';
}

/**
 * The payload's `type`: the event type in lower case with a dot after its source
 * (`TASK_COMPLETION_CONFIRMED` → `task.completion_confirmed`, `FIGURES_CHANGED` → `figures.changed`).
 */
export function payloadType(webhookType: string): string {
  const [source, ...rest] = webhookType.toLowerCase().split('_');
  return `${source}.${rest.join('_')}`;
}
