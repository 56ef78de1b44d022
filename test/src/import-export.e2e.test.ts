import {
  exportFigures,
  exportTasks,
  importTasks,
  LEADERSHIP_COMPLIANCE,
  readSheet,
  type RowError,
} from '@giaoviec/cli';
import ExcelJS from 'exceljs';
import { parse, print } from 'graphql';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';
import { testToken } from './harness/tokens';

/**
 * Import of task lists from spreadsheets and export of figures and task lists, through the API
 * as another agency would run them: the CLI's functions against the gateway over HTTP.
 */
const LEADERSHIP = contractOperation('compliance.graphql', 'LeadershipCompliance');
const BIN = resolve(__dirname, '../../cli/dist/bin.js');
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

let stack: TestStack;
let dir: string;
let connection: { url: string; token: string };

beforeAll(async () => {
  stack = await startTestStack({ demoData: true });
  dir = await mkdtemp(join(tmpdir(), 'giaoviec-import-'));
  // The same user as stack.gateway.client: the Office, which may assign tasks.
  const token = await testToken({ sub: 'office-1', roles: ['OFFICE', 'INSPECTOR', 'LEADER'] });
  connection = { url: stack.gateway.url, token };
});

afterAll(async () => {
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function taskCount(): Promise<number> {
  const data = await stack.gateway.client.data<{ tasks: { totalCount: number } }>(`{ tasks { totalCount } }`);
  return data.tasks.totalCount;
}

async function writeXlsx(file: string, rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Nhiệm vụ');
  sheet.addRow(['DANH MỤC NHIỆM VỤ UBND TỈNH GIAO']);
  sheet.addRow([]);
  rows.forEach((row) => sheet.addRow(row));
  const path = join(dir, file);
  await workbook.xlsx.writeFile(path);
  return path;
}

async function writeCsv(file: string, rows: string[][]): Promise<string> {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const path = join(dir, file);
  await writeFile(path, `\uFEFF${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`);
  return path;
}

const brief = (errors: RowError[]) => errors.map(({ line, column, code }) => ({ line, column, code }));

/** An Excel date cell as Excel stores it: the day at UTC midnight. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('import', () => {
  it('a CSV with bad rows: the dry run reports each by line, column and reason; nothing is loaded, even for real', async () => {
    const file = await writeCsv('bad.csv', [
      HEADER,
      ['1', '15/QĐ-UBND', '05/01/2018', 'Trích yếu', 'Nhiệm vụ hợp lệ', 'SXD', 'STC', '31/03/2018', 'UBND tỉnh'],
      ['2', '', '05/01/2018', '', '', 'SXD', '', '', ''],
      ['3', '', '32/01/2018', '', 'Ngày sai', 'SXD', '', '', ''],
      ['4', '', '05/01/2018', '', 'Đơn vị lạ', 'SXX', 'STC;KHONGCO', '', ''],
      ['5', '', '05/01/2018', '', 'Hạn trước ngày giao', 'SXD', '', '04/01/2018', ''],
      ['6', '15/QĐ-UBND', '05/01/2018', 'Trích yếu', 'Nhiệm vụ hợp lệ', 'sxd', 'STC', '2018-03-31', 'UBND tỉnh'],
    ]);
    const before = await taskCount();
    const dryRun = await importTasks({ ...connection, file, dryRun: true });
    expect(brief(dryRun.errors)).toEqual([
      { line: 3, column: 'Nội dung nhiệm vụ', code: 'MISSING_VALUE' },
      { line: 4, column: 'Ngày văn bản', code: 'BAD_DATE' },
      { line: 5, column: 'Đơn vị chủ trì', code: 'UNKNOWN_UNIT' },
      { line: 5, column: 'Đơn vị phối hợp', code: 'UNKNOWN_UNIT' },
      { line: 6, column: 'Hạn xử lý', code: 'DEADLINE_BEFORE_ASSIGNMENT' },
      { line: 7, column: null, code: 'DUPLICATE_ROW' },
    ]);
    expect(dryRun.errors[1]!.reason).toContain('"32/01/2018"');
    expect(dryRun.errors[3]!.reason).toBe('no unit has the code "KHONGCO"');
    const real = await importTasks({ ...connection, file });
    expect(real.errors).toEqual(dryRun.errors);
    expect(real.sent).toBe(0);
    expect(await taskCount()).toBe(before);
  });

  it('an XLSX with bad rows, dates as date cells: every bad row reported, nothing loaded', async () => {
    const file = await writeXlsx('bad.xlsx', [
      HEADER,
      [1, '', day('2018-02-01'), '', 'Hợp lệ', 'SXD', '', day('2018-02-28'), ''],
      [2, '', day('2018-02-01'), '', 'Không có đơn vị', '', '', '', ''],
      [3, '', day('2018-02-01'), '', 'Hạn trước ngày giao', 'SXD', '', day('2018-01-31'), ''],
      [4, '', day('2018-02-01'), '', 'Hạn là chữ', 'SXD', '', 'cuối quý', ''],
      [5, '', day('2018-02-01'), '', 'Chủ trì cũng phối hợp', 'SXD', 'SXD', '', 'Giám đốc'],
    ]);
    const before = await taskCount();
    const result = await importTasks({ ...connection, file, dryRun: true });
    expect(brief(result.errors)).toEqual([
      { line: 5, column: 'Đơn vị chủ trì', code: 'MISSING_VALUE' },
      { line: 6, column: 'Hạn xử lý', code: 'DEADLINE_BEFORE_ASSIGNMENT' },
      { line: 7, column: 'Hạn xử lý', code: 'BAD_DATE' },
      { line: 8, column: 'Đơn vị phối hợp', code: 'LEAD_ALSO_COORDINATES' },
      { line: 8, column: 'Người giao', code: 'UNKNOWN_VALUE' },
    ]);
    expect(result.valid).toBe(1);
    expect(await taskCount()).toBe(before);
  });

  it('a valid file imports exactly its tasks, as written; running it again imports nothing new', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => [
      i + 1,
      `${100 + i}/TB-UBND`,
      day('2018-03-01'),
      `Trích yếu ${i + 1}`,
      `Nhiệm vụ nhập từ bảng tính số ${i + 1}`,
      i % 2 === 0 ? 'SXD' : 'STC',
      i % 2 === 0 ? 'STC, SKHDT' : '',
      i % 3 === 0 ? '' : day('2018-06-30'),
      i % 4 === 0 ? 'Phó Chủ tịch Nguyễn Công Trưởng' : 'UBND tỉnh',
    ]);
    const file = await writeXlsx('valid.xlsx', [HEADER, ...rows]);
    const before = await taskCount();
    const progress: number[] = [];
    const first = await importTasks({ ...connection, file, onProgress: ({ done }) => progress.push(done) });
    expect(first).toMatchObject({ valid: 12, sent: 12, errors: [] });
    expect(first.failure).toBeUndefined();
    expect(progress).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await taskCount()).toBe(before + 12);

    const found = await stack.gateway.client.data(
      `query($search: String) { tasks(filter: { search: $search }) { totalCount edges { node {
        title description assignedOn dueOn assignerKind assignerName
        leadOrganisation { code } coordinatingOrganisations { code } sourceDocument { number kind issuedOn } } } } }`,
      { search: 'Nhiệm vụ nhập từ bảng tính số 1' },
    );
    const task = found.tasks.edges.find((edge: any) => edge.node.title === 'Nhiệm vụ nhập từ bảng tính số 1').node;
    expect(task).toEqual({
      title: 'Nhiệm vụ nhập từ bảng tính số 1',
      description: 'Trích yếu 1',
      assignedOn: '2018-03-01',
      dueOn: null,
      assignerKind: 'VICE_CHAIRMAN',
      assignerName: 'Nguyễn Công Trưởng',
      leadOrganisation: { code: 'SXD' },
      coordinatingOrganisations: expect.arrayContaining([{ code: 'STC' }, { code: 'SKHDT' }]),
      sourceDocument: { number: '100/TB-UBND', kind: 'NOTICE', issuedOn: '2018-03-01' },
    });

    // As after an interruption: the whole file again.
    const again = await importTasks({ ...connection, file });
    expect(again).toMatchObject({ valid: 12, sent: 12, errors: [] });
    expect(await taskCount()).toBe(before + 12);
  });

  it('the command line: a dry run prints each bad row and exits 1; a real run imports', async () => {
    const file = await writeCsv('cli.csv', [
      ['Nội dung nhiệm vụ', 'Ngày giao', 'Đơn vị chủ trì', 'Hạn xử lý'],
      ['Nhiệm vụ giao qua dòng lệnh', '10/04/2018', 'SXD', '30/04/2018'],
      ['Đơn vị không có', '10/04/2018', 'ZZZ', ''],
    ]);
    const env = { ...process.env, GIAOVIEC_URL: connection.url, GIAOVIEC_TOKEN: connection.token };
    const run = promisify(execFile);
    const failed = await run(process.execPath, [BIN, 'import', file, '--dry-run'], { env }).catch((error) => error);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('line 3, "Đơn vị chủ trì": UNKNOWN_UNIT: no unit has the code "ZZZ"');

    await writeFile(file, (await readFile(file, 'utf8')).replace(/\r\nĐơn vị không có.*\r\n$/, '\r\n'));
    const before = await taskCount();
    const done = await run(process.execPath, [BIN, 'import', file], { env });
    expect(done.stdout).toContain('1 of 1 task(s) imported');
    expect(await taskCount()).toBe(before + 1);
  });
});

describe('export', () => {
  const period = { from: '2017-01-01', to: '2017-10-15', asOf: '2017-10-15' };

  it('sends the contract’s LeadershipCompliance operation', () => {
    expect(print(parse(LEADERSHIP_COMPLIANCE))).toBe(LEADERSHIP);
  });

  it.each(['xlsx', 'csv'])(
    'figures (.%s): Sở Xây dựng 134 / 106 / 21, and every unit as the API says',
    async (format) => {
      const out = join(dir, `figures.${format}`);
      const result = await exportFigures({ ...connection, ...period, out });
      expect(result.asOf).toBe('2017-10-15');
      const api = await stack.gateway.client.data(LEADERSHIP, { ...period, kinds: null });

      const [header, ...rows] = await readSheet(out);
      const headers = header!.values.map(String);
      expect(headers).toContain('Số nhiệm vụ được giao');
      const column = (name: string) => headers.indexOf(name);
      const number = (value: unknown) => (value === null || value === '' ? null : Number(value));
      const exported = rows.map((row) => ({
        code: row.values[column('Mã đơn vị')],
        name: row.values[column('Tên đơn vị')],
        assigned: number(row.values[column('Số nhiệm vụ được giao')]),
        completedOnTime: number(row.values[column('Hoàn thành đúng hạn')]),
        completedLate: number(row.values[column('Hoàn thành quá hạn')]),
        inProgressWithinDeadline: number(row.values[column('Đang thực hiện trong hạn')]),
        inProgressOverdue: number(row.values[column('Quá hạn, chưa hoàn thành')]),
        withoutDeadline: number(row.values[column('Không có thời hạn')]),
        due: number(row.values[column('Đã đến hạn')]),
        completionRate: number(row.values[column('Tỷ lệ hoàn thành')]),
        onTimeRate: number(row.values[column('Tỷ lệ đúng hạn')]),
      }));
      expect(exported).toEqual(
        api.organisations.map((unit: any) => ({ code: unit.code, name: unit.name, ...unit.compliance })),
      );
      expect(exported.find((unit) => unit.code === 'SXD')).toMatchObject({
        name: 'Sở Xây dựng',
        assigned: 134,
        completedOnTime: 106,
        completedLate: 21,
      });
      if (format === 'csv') expect((await readFile(out)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    },
  );

  it('a unit’s task list has the rows the API lists, in its order, across pages', async () => {
    const out = join(dir, 'tasks.xlsx');
    const filter = { unit: 'SXD', assignedFrom: '2017-01-01', assignedTo: '2017-10-15', asOf: '2017-10-15' };
    const result = await exportTasks({ ...connection, filter, out, pageSize: 40 });

    const { organisations } = await stack.gateway.client.data(`{ organisations { id code } }`);
    const sxd = organisations.find((unit: any) => unit.code === 'SXD').id;
    const api: any[] = [];
    for (let after: string | null = null; ;) {
      const { tasks }: any = await stack.gateway.client.data(
        `query($filter: TaskFilter, $after: String) { tasks(filter: $filter, first: 100, after: $after) {
          edges { node { id title assignedOn dueOn status compliance(asOf: "2017-10-15") leadOrganisation { code } } }
          pageInfo { hasNextPage endCursor } } }`,
        {
          filter: { leadOrganisationId: sxd, assignedFrom: '2017-01-01', assignedTo: '2017-10-15', asOf: '2017-10-15' },
          after,
        },
      );
      api.push(...tasks.edges.map((edge: any) => edge.node));
      if (!tasks.pageInfo.hasNextPage) break;
      after = tasks.pageInfo.endCursor;
    }
    expect(api.length).toBe(134);
    expect(result.rows).toBe(api.length);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Nhiệm vụ')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(headers.indexOf(name) + 1).value;
    const isoOf = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : null);
    const exported = Array.from({ length: sheet.rowCount - 1 }, (_, i) => ({
      id: cell(i + 2, 'Mã nhiệm vụ'),
      title: cell(i + 2, 'Nội dung nhiệm vụ'),
      assignedOn: isoOf(cell(i + 2, 'Ngày giao')),
      dueOn: isoOf(cell(i + 2, 'Hạn xử lý')),
      lead: cell(i + 2, 'Đơn vị chủ trì'),
      status: cell(i + 2, 'Trạng thái'),
      compliance: cell(i + 2, 'Tình hình thực hiện'),
    }));
    const statusLabels: Record<string, string> = {
      IN_PROGRESS: 'Đang thực hiện',
      COMPLETION_SUBMITTED: 'Đã báo cáo hoàn thành',
      COMPLETED: 'Đã hoàn thành',
      WITHDRAWN: 'Đã rút',
    };
    const complianceLabels: Record<string, string> = {
      COMPLETED_ON_TIME: 'Hoàn thành đúng hạn',
      COMPLETED_LATE: 'Hoàn thành quá hạn',
      IN_PROGRESS_WITHIN_DEADLINE: 'Đang thực hiện trong hạn',
      IN_PROGRESS_OVERDUE: 'Quá hạn, chưa hoàn thành',
    };
    expect(exported).toEqual(
      api.map((task) => ({
        id: task.id,
        title: task.title,
        assignedOn: task.assignedOn,
        dueOn: task.dueOn,
        lead: task.leadOrganisation.code,
        status: statusLabels[task.status],
        compliance: complianceLabels[task.compliance] ?? null,
      })),
    );
  });
});
