import { demoUnitId, uuidFromName, type CalendarDate } from '@giaoviec/shared';
import type { TaskEvent } from '../task/task-history';
import type { TaskRecord } from '../task/task-records';

const d = (text: string) => text as CalendarDate;

/**
 * Tasks of the Department of Construction assigned after the inspection period (from November
 * 2017, so the seed's 134 / 106 / 21 / 7 of 2017-01-01..2017-10-15 stay): coordinating units that
 * contributed on time, late or not at all, parts delegated to its divisions (phòng) and done on
 * time, late or not yet, and qualities given on confirmation.
 */
export function demoCoordinationTasks(): TaskRecord[] {
  const id = (key: string) => uuidFromName(`task:coordination:${key}`);
  const unit = demoUnitId;
  const record = (key: string, title: string, extra: Partial<TaskRecord> & Pick<TaskRecord, 'events'>): TaskRecord => ({
    id: id(key),
    title,
    description: null,
    document: { number: '1820/QĐ-UBND', kind: 'DECISION', issuedOn: d('2017-10-30'), signer: 'Phó Chủ tịch UBND tỉnh' },
    assignerKind: 'PEOPLES_COMMITTEE',
    assignerName: null,
    leadOrganisationId: unit('SXD'),
    coordinatingOrganisationIds: [],
    priority: 'KEY',
    ...extra,
  });
  const contribution = (on: string, code: string, note: string): TaskEvent => ({
    type: 'CONTRIBUTION_SUBMITTED',
    on: d(on),
    organisationId: unit(code),
    note,
  });
  const delegated = (on: string, key: string, code: string, dueOn: string): TaskEvent => ({
    type: 'DELEGATED',
    on: d(on),
    subtaskId: id(key),
    divisionId: unit(code),
    dueOn: d(dueOn),
  });
  const done = (completedOn: string, confirmedOn: string, quality: number | null): TaskEvent[] => [
    { type: 'COMPLETION_SUBMITTED', on: d(completedOn), completedOn: d(completedOn), note: 'Đã hoàn thành' },
    { type: 'COMPLETION_CONFIRMED', on: d(confirmedOn), quality },
  ];
  const subtask = (key: string, parentKey: string, code: string, title: string, events: TaskEvent[]) =>
    record(key, title, {
      leadOrganisationId: unit(code),
      parentId: id(parentKey),
      assigningOrganisationId: unit('SXD'),
      events,
    });
  return [
    record('housing', 'Xây dựng Kế hoạch phát triển nhà ở tỉnh giai đoạn 2018 - 2020', {
      coordinatingOrganisationIds: [unit('SKHDT'), unit('STNMT'), unit('STC')],
      coordinationDueOn: d('2017-11-20'),
      events: [
        { type: 'ASSIGNED', on: d('2017-11-01'), dueOn: d('2017-12-29') },
        delegated('2017-11-02', 'housing-survey', 'SXD-QLXD', '2017-12-15'),
        contribution('2017-11-15', 'SKHDT', 'Góp ý về nguồn vốn đầu tư'),
        contribution('2017-11-27', 'STNMT', 'Góp ý về quỹ đất ở'),
        ...done('2017-12-27', '2017-12-28', 5),
      ],
    }),
    subtask('housing-survey', 'housing', 'SXD-QLXD', 'Điều tra, tổng hợp hiện trạng nhà ở', [
      { type: 'ASSIGNED', on: d('2017-11-02'), dueOn: d('2017-12-15') },
      ...done('2017-12-14', '2017-12-15', 4),
    ]),
    record('dong-dang', 'Rà soát, điều chỉnh quy hoạch chung đô thị Đồng Đăng', {
      coordinatingOrganisationIds: [unit('STNMT'), unit('SGTVT')],
      events: [
        { type: 'ASSIGNED', on: d('2017-11-06'), dueOn: d('2018-01-31') },
        delegated('2017-11-07', 'dong-dang-plan', 'SXD-QHKT', '2018-01-15'),
        delegated('2017-11-08', 'dong-dang-roads', 'SXD-HTKT', '2017-12-31'),
        contribution('2017-12-05', 'STNMT', 'Ý kiến về hiện trạng sử dụng đất'),
        contribution('2018-02-02', 'SGTVT', 'Ý kiến về mạng lưới giao thông'),
      ],
    }),
    subtask('dong-dang-plan', 'dong-dang', 'SXD-QHKT', 'Lập hồ sơ điều chỉnh quy hoạch', [
      { type: 'ASSIGNED', on: d('2017-11-07'), dueOn: d('2018-01-15') },
      ...done('2018-01-19', '2018-01-22', 3),
    ]),
    subtask('dong-dang-roads', 'dong-dang', 'SXD-HTKT', 'Rà soát hạ tầng kỹ thuật khu vực cửa khẩu', [
      { type: 'ASSIGNED', on: d('2017-11-08'), dueOn: d('2017-12-31') },
      { type: 'PROGRESS_REPORTED', on: d('2017-12-20'), percentComplete: 60, note: 'Đang khảo sát' },
    ]),
  ];
}
