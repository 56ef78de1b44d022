import { documentKindFromNumber, parseAssigner, planImport, type RowError } from './import-plan';
import { type CellValue, type SheetRow } from './spreadsheet';

const UNITS = [
  { id: 'id-sxd', code: 'SXD' },
  { id: 'id-stc', code: 'STC' },
  { id: 'id-skh', code: 'SKHDT' },
];
const TODAY = '2017-10-15';
const HEADER = [
  'STT',
  'Số hiệu văn bản',
  'Ngày văn bản',
  'Trích yếu',
  'Nội dung nhiệm vụ',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Hạn xử lý',
  'Người giao',
];

function sheet(...rows: CellValue[][]): SheetRow[] {
  return rows.map((values, index) => ({ line: index + 1, values }));
}

function plan(...rows: CellValue[][]) {
  return planImport(sheet(HEADER, ...rows), { units: UNITS, today: TODAY });
}

const brief = (errors: RowError[]) => errors.map(({ line, column, code }) => ({ line, column, code }));

describe('planImport', () => {
  it('turns a valid row into the assignTask input, with units by code', () => {
    const result = plan([
      1,
      '162/QĐ-UBND',
      '05/01/2017',
      'Về quy hoạch',
      '  Lập quy hoạch\nchung đô thị ',
      'sxd',
      'STC; SKHDT',
      '2017-03-31',
      'Phó Chủ tịch UBND tỉnh Nguyễn Công Trưởng',
    ]);
    expect(result.errors).toEqual([]);
    expect(result.ignoredColumns).toEqual(['STT']);
    expect(result.tasks).toEqual([
      {
        line: 2,
        idempotencyKey: expect.stringMatching(/^import-[0-9a-f]{48}$/),
        input: {
          title: 'Lập quy hoạch chung đô thị',
          description: 'Về quy hoạch',
          assignedOn: '2017-01-05',
          dueOn: '2017-03-31',
          leadOrganisationId: 'id-sxd',
          coordinatingOrganisationIds: ['id-stc', 'id-skh'],
          sourceDocument: { number: '162/QĐ-UBND', kind: 'DECISION', issuedOn: '2017-01-05' },
          assignedBy: 'VICE_CHAIRMAN',
          assignerName: 'Nguyễn Công Trưởng',
        },
      },
    ]);
  });

  it('takes the unit a code named on the assignment date: codes are reused after a unit ends', () => {
    const units = [
      { id: 'old-snn', code: 'SNN', validFrom: null, validTo: '2025-02-28' },
      { id: 'new-snn', code: 'SNN', validFrom: '2025-03-01', validTo: null },
    ];
    const row = (assigned: string) => [1, '1/QĐ-UBND', assigned, null, 'Nhiệm vụ', 'SNN', null, null, 'UBND tỉnh'];
    const result = planImport(sheet(HEADER, row('10/01/2017'), row('10/03/2025')), { units, today: '2025-06-01' });
    expect(result.tasks.map((task) => task.input.leadOrganisationId)).toEqual(['old-snn', 'new-snn']);
    const before = planImport(sheet(HEADER, row('10/01/2017')), {
      units: [units[1]!],
      today: '2025-06-01',
    });
    expect(brief(before.errors)).toEqual([{ line: 2, column: 'Đơn vị chủ trì', code: 'UNIT_NOT_IN_EXISTENCE' }]);
  });

  it('finds the header under a title block and accepts headers without diacritics', () => {
    const rows = sheet(
      ['DANH MỤC NHIỆM VỤ UBND TỈNH GIAO NĂM 2017'],
      [],
      ['noi dung nhiem vu', 'DON VI CHU TRI', 'Ngay giao'],
      ['(1)', '(2)', '(3)'],
      ['Báo cáo tình hình', 'STC', new Date(Date.UTC(2017, 1, 1))],
    );
    rows[2]!.line = 3;
    const result = planImport(rows, { units: UNITS, today: TODAY });
    expect(result.headerLine).toBe(3);
    expect(result.errors).toEqual([]);
    expect(result.tasks.map((task) => [task.line, task.input.assignedOn, task.input.leadOrganisationId])).toEqual([
      [5, '2017-02-01', 'id-stc'],
    ]);
  });

  it('reports every bad row by line, column and reason, and plans none of them', () => {
    const result = plan(
      [1, '', '05/01/2017', '', '', 'SXD', '', '', ''],
      [2, '', '31/02/2017', '', 'Ngày sai', 'SXD', '', '', ''],
      [3, '', '05/01/2017', '', 'Đơn vị lạ', 'SXX', 'STC, ABC', '', ''],
      [4, '', '05/01/2017', '', 'Hạn trước ngày giao', 'SXD', '', '04/01/2017', ''],
      [5, '', '05/01/2018', '', 'Giao trong tương lai', 'SXD', '', '', ''],
      [6, '12/TB-UBND', '', '', 'Văn bản không ngày', 'SXD', 'SXD', '', 'Bí thư'],
      [7, '', '06/01/2017', '', 'Hợp lệ', 'STC', '', '', ''],
      [8, '', '2017-01-06', '', 'Hợp lệ', 'stc', '', '', ''],
    );
    expect(brief(result.errors)).toEqual([
      { line: 2, column: 'Nội dung nhiệm vụ', code: 'MISSING_VALUE' },
      { line: 3, column: 'Ngày văn bản', code: 'BAD_DATE' },
      { line: 4, column: 'Đơn vị chủ trì', code: 'UNKNOWN_UNIT' },
      { line: 4, column: 'Đơn vị phối hợp', code: 'UNKNOWN_UNIT' },
      { line: 5, column: 'Hạn xử lý', code: 'DEADLINE_BEFORE_ASSIGNMENT' },
      { line: 6, column: 'Ngày văn bản', code: 'IN_FUTURE' },
      { line: 7, column: 'Ngày giao', code: 'MISSING_VALUE' },
      { line: 7, column: 'Ngày văn bản', code: 'MISSING_VALUE' },
      { line: 7, column: 'Đơn vị phối hợp', code: 'LEAD_ALSO_COORDINATES' },
      { line: 7, column: 'Người giao', code: 'UNKNOWN_VALUE' },
      { line: 9, column: null, code: 'DUPLICATE_ROW' },
    ]);
    expect(result.errors[3]!.reason).toBe('no unit has the code "ABC"');
    expect(result.errors.at(-1)!.reason).toBe('the same task as line 8');
    expect(result.tasks.map((task) => task.line)).toEqual([8]);
  });

  it('names missing columns on the header line', () => {
    const result = planImport(sheet(['x'], ['Nội dung nhiệm vụ', 'Hạn xử lý']), { units: UNITS, today: TODAY });
    expect(brief(result.errors)).toEqual([
      { line: 2, column: 'Đơn vị chủ trì', code: 'MISSING_COLUMN' },
      { line: 2, column: 'Ngày giao', code: 'MISSING_COLUMN' },
    ]);
  });

  it('gives a row the same key whenever its task is the same, and another when it changes', () => {
    const row = [1, '', '05/01/2017', '', 'Nhiệm vụ', 'SXD', '', '', ''];
    const again = plan([7, '', '2017-01-05', '', 'Nhiệm vụ ', 'sxd', '', '', '']);
    const changed = plan([1, '', '05/01/2017', '', 'Nhiệm vụ', 'SXD', '', '31/01/2017', '']);
    expect(again.tasks[0]!.idempotencyKey).toBe(plan(row).tasks[0]!.idempotencyKey);
    expect(changed.tasks[0]!.idempotencyKey).not.toBe(plan(row).tasks[0]!.idempotencyKey);
  });
});

describe('parseAssigner', () => {
  it.each([
    ['UBND tỉnh', { assignedBy: 'PEOPLES_COMMITTEE' }],
    ['Ủy ban nhân dân tỉnh', { assignedBy: 'PEOPLES_COMMITTEE' }],
    ['Chủ tịch UBND tỉnh Hồ Tiến Thiệu', { assignedBy: 'CHAIRMAN', assignerName: 'Hồ Tiến Thiệu' }],
    ['Chủ tịch', { assignedBy: 'CHAIRMAN' }],
    ['Phó Chủ tịch: Lý Vinh Quang', { assignedBy: 'VICE_CHAIRMAN', assignerName: 'Lý Vinh Quang' }],
    ['VICE_CHAIRMAN', { assignedBy: 'VICE_CHAIRMAN' }],
  ])('reads "%s"', (text, expected) => {
    expect(parseAssigner(text)).toEqual(expected);
  });

  it('refuses anyone else', () => {
    expect(parseAssigner('Giám đốc Sở')).toBeNull();
  });
});

describe('documentKindFromNumber', () => {
  it.each([
    ['162/QĐ-UBND', 'DECISION'],
    ['45/KH-UBND', 'PLAN'],
    ['12/TB-UBND', 'NOTICE'],
    ['1234/UBND-KT', 'OTHER'],
    ['7/CT-UBND', 'DIRECTIVE'],
  ])('%s is %s', (number, kind) => {
    expect(documentKindFromNumber(number)).toBe(kind);
  });
});
