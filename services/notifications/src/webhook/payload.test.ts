import { webhookPayload } from './payload';

const occurredAt = new Date('2026-03-02T01:02:03.000Z');

describe('the webhook payload', () => {
  it('is thin for a task event: ids and the date only', () => {
    expect(
      webhookPayload({
        id: 'task:42',
        type: 'TASK_COMPLETION_CONFIRMED',
        occurredAt,
        on: '2026-03-02',
        subjectId: 't1',
        organisationIds: ['u1', 'u2'],
      }),
    ).toEqual({
      type: 'task.completion_confirmed',
      timestamp: '2026-03-02T01:02:03.000Z',
      data: { eventId: '42', taskId: 't1', organisationIds: ['u1', 'u2'], on: '2026-03-02' },
    });
  });

  it('names the inspection for an inspection event', () => {
    const payload = webhookPayload({
      id: 'inspection:7',
      type: 'INSPECTION_RECORDED',
      occurredAt,
      on: '2026-03-02',
      subjectId: 'i1',
      organisationIds: ['u1'],
    });
    expect(payload).toMatchObject({ type: 'inspection.recorded', data: { eventId: '7', inspectionId: 'i1' } });
    expect(payload.data).not.toHaveProperty('taskId');
  });

  it('carries the units only for FIGURES_CHANGED', () => {
    expect(
      webhookPayload({
        id: 'figures:abc',
        type: 'FIGURES_CHANGED',
        occurredAt,
        on: '2026-03-02',
        subjectId: null,
        organisationIds: ['u1'],
      }),
    ).toEqual({ type: 'figures.changed', timestamp: '2026-03-02T01:02:03.000Z', data: { organisationIds: ['u1'] } });
  });
});
