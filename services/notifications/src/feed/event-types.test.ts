import { WEBHOOK_EVENT_TYPES, payloadType, sourceOf, webhookEventType } from './event-types';

describe('webhook event types', () => {
  it('name each feed type after its source', () => {
    expect(webhookEventType('task', 'COMPLETION_CONFIRMED')).toBe('TASK_COMPLETION_CONFIRMED');
    expect(webhookEventType('inspection', 'RECORDED')).toBe('INSPECTION_RECORDED');
    expect(WEBHOOK_EVENT_TYPES).toContain('TASK_DELEGATED');
    expect(WEBHOOK_EVENT_TYPES).toContain('INSPECTION_RECOMMENDATION_ANSWERED');
    expect(WEBHOOK_EVENT_TYPES.at(-1)).toBe('FIGURES_CHANGED');
  });

  it('give the payload type in lower case with a dot after the source', () => {
    expect(payloadType('TASK_COMPLETION_CONFIRMED')).toBe('task.completion_confirmed');
    expect(payloadType('INSPECTION_RECOMMENDATION_ANSWERED')).toBe('inspection.recommendation_answered');
    expect(payloadType('FIGURES_CHANGED')).toBe('figures.changed');
  });

  it('tell the source of a type', () => {
    expect(sourceOf('TASK_ASSIGNED')).toBe('task');
    expect(sourceOf('INSPECTION_RECORDED')).toBe('inspection');
    expect(sourceOf('FIGURES_CHANGED')).toBe('figures');
  });
});
