import { DEMO_INSPECTION, demoUnitId, uuidFromName, type CalendarDate } from '@giaoviec/shared';
import type { TaskRecord } from '../task/task-records';
import type { TaskEvent } from '../task/task-history';

const d = (text: string) => text as CalendarDate;

/**
 * The tasks the People's Committee assigned to the Department of Construction after the inspection
 * of 2017-10-19, to follow its conclusions up: some completed by the end of 2017, some not.
 */
export function demoFollowUpTasks(): TaskRecord[] {
  const [rules, monitoring, advice] = DEMO_INSPECTION.conclusions;
  const task = (key: string, conclusionId: string, title: string, events: TaskEvent[]): TaskRecord => ({
    id: uuidFromName(`task:follow-up:${key}`),
    title,
    description: null,
    document: {
      number: '245/TB-UBND',
      kind: 'CONCLUSION_NOTICE',
      issuedOn: d('2017-10-25'),
      signer: 'Chủ tịch UBND tỉnh',
    },
    assignerKind: 'CHAIRMAN',
    assignerName: null,
    leadOrganisationId: demoUnitId(DEMO_INSPECTION.unitCode),
    coordinatingOrganisationIds: [],
    priority: 'KEY',
    originConclusionId: conclusionId,
    events,
  });
  const assigned = (dueOn: string): TaskEvent => ({ type: 'ASSIGNED', on: d('2017-10-25'), dueOn: d(dueOn) });
  const completed = (on: string): TaskEvent[] => [
    { type: 'COMPLETION_SUBMITTED', on: d(on), completedOn: d(on), note: 'Đã thực hiện xong' },
    { type: 'COMPLETION_CONFIRMED', on: d(on) },
  ];
  return [
    task('rules', rules.id, 'Rà soát, sửa đổi quy chế nội bộ về quản lý, theo dõi nhiệm vụ được giao', [
      assigned('2017-11-30'),
      ...completed('2017-11-24'),
    ]),
    task('monitoring-1', monitoring.id, 'Khắc phục dứt điểm các nhiệm vụ quá hạn chưa hoàn thành', [
      assigned('2017-12-15'),
      ...completed('2017-12-12'),
    ]),
    task('monitoring-2', monitoring.id, 'Báo cáo định kỳ hằng tháng tình hình thực hiện nhiệm vụ được giao', [
      assigned('2018-01-31'),
      { type: 'PROGRESS_REPORTED', on: d('2017-11-30'), percentComplete: 40, note: 'Đã báo cáo tháng 11' },
    ]),
    task('advice', advice.id, 'Nâng cao chất lượng tham mưu về quy hoạch và quản lý đô thị', [assigned('2018-03-31')]),
  ];
}
