import type { CalendarDate } from '@giaoviec/shared';
import { isNews, notificationsFor } from './notification-kinds';

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

  it.each(['TASK_CORRECTED', 'TASK_TRANSFERRED'])(
    'tells the units of a task %s as at its assignment (the store keeps it once per task and unit)',
    (type) => {
      expect(notificationsFor(event(type))).toEqual(notificationsFor(event('TASK_ASSIGNED')));
    },
  );

  it('tells no one of progress and the rest', () => {
    expect(notificationsFor(event('TASK_PROGRESS_REPORTED'))).toEqual([]);
    expect(notificationsFor(event('TASK_WITHDRAWN'))).toEqual([]);
  });
});

describe('what is news', () => {
  const news = (on: string, today: string) => isNews(on as CalendarDate, today as CalendarDate, 30);

  it('an event of the last 30 days, not one older, nor history replayed from 2017', () => {
    expect(news('2026-12-02', '2026-12-02')).toBe(true);
    expect(news('2026-11-02', '2026-12-02')).toBe(true);
    expect(news('2026-11-01', '2026-12-02')).toBe(false);
    expect(news('2017-10-15', '2026-12-02')).toBe(false);
    // Across a year's end, by calendar days.
    expect(news('2025-12-03', '2026-01-02')).toBe(true);
    expect(news('2025-12-02', '2026-01-02')).toBe(false);
  });
});
