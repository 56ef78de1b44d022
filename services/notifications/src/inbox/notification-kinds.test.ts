import { notificationsFor } from './notification-kinds';

const event = (type: string) => ({
  type,
  leadOrganisationId: 'lead',
  coordinatingOrganisationIds: ['c1', 'c2'],
  title: 'Báo cáo quý',
});

describe('who is told what', () => {
  it('tells the lead unit of an assignment, and each coordinating unit that it is asked to help', () => {
    expect(notificationsFor(event('TASK_ASSIGNED'))).toEqual([
      { kind: 'TASK_ASSIGNED', audience: { unit: 'lead' }, text: 'Đơn vị được giao chủ trì nhiệm vụ «Báo cáo quý».' },
      expect.objectContaining({ kind: 'COORDINATION_REQUESTED', audience: { unit: 'c1' } }),
      expect.objectContaining({ kind: 'COORDINATION_REQUESTED', audience: { unit: 'c2' } }),
    ]);
  });

  it.each([
    ['TASK_EXTENSION_APPROVED', 'EXTENSION_DECIDED'],
    ['TASK_EXTENSION_REJECTED', 'EXTENSION_DECIDED'],
    ['TASK_COMPLETION_RETURNED', 'COMPLETION_RETURNED'],
    ['TASK_REMINDED', 'REMINDED'],
    ['TASK_EXPLANATION_REQUESTED', 'EXPLANATION_REQUESTED'],
  ])('tells the lead unit of %s (%s)', (type, kind) => {
    expect(notificationsFor(event(type))).toEqual([expect.objectContaining({ kind, audience: { unit: 'lead' } })]);
  });

  it.each([
    ['TASK_COMPLETION_SUBMITTED', 'AWAITING_CONFIRMATION'],
    ['TASK_EXTENSION_REQUESTED', 'AWAITING_EXTENSION_DECISION'],
    ['TASK_EXPLANATION_ANSWERED', 'EXPLANATION_ANSWERED'],
  ])('tells the Office of %s (%s)', (type, kind) => {
    expect(notificationsFor(event(type))).toEqual([expect.objectContaining({ kind, audience: 'OFFICE' })]);
  });

  it('tells no one of progress, corrections and the rest', () => {
    expect(notificationsFor(event('TASK_PROGRESS_REPORTED'))).toEqual([]);
    expect(notificationsFor(event('TASK_CORRECTED'))).toEqual([]);
  });
});
