import { readSheet } from '@giaoviec/cli';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';
import { testToken } from './harness/tokens';

/**
 * The command line against hostile content (issue #15): text that a spreadsheet would run as a
 * formula is exported as CSV that runs nothing, and an .xlsx that inflates far beyond its size is
 * refused before it is parsed, in a process with a modest heap.
 */
const BIN = resolve(__dirname, '../../cli/dist/bin.js');
const CREATE_UNIT = contractOperation('organisations.graphql', 'CreateOrganisation');
const ASSIGN = contractOperation('tasks.graphql', 'AssignTask');
const TITLE = '=HYPERLINK("http://x","y")';
const UNIT_NAME = "+cmd|' /C calc'!A0";
/** What Excel runs as a formula at the start of a cell (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

let stack: TestStack;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  stack = await startTestStack();
  dir = await mkdtemp(join(tmpdir(), 'giaoviec-security-cli-'));
  const token = await testToken({ sub: 'office-1', roles: ['OFFICE', 'INSPECTOR', 'LEADER'] });
  env = { ...process.env, GIAOVIEC_URL: stack.gateway.url, GIAOVIEC_TOKEN: token };
  const { createOrganisation } = await stack.gateway.client.data<any>(CREATE_UNIT, {
    input: { code: 'INJ', name: UNIT_NAME, kind: 'DEPARTMENT' },
  });
  await stack.gateway.client.data(ASSIGN, {
    input: { title: TITLE, assignedOn: '2018-01-05', dueOn: '2018-03-31', leadOrganisationId: createOrganisation.id },
  });
});

afterAll(async () => {
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The CLI as its own process, with a heap of 256 MB: its exit code and output, a crash included. */
async function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const run = promisify(execFile);
  return run(process.execPath, ['--max-old-space-size=256', BIN, ...args], { env: { ...env, ...extraEnv } })
    .then(({ stdout, stderr }) => ({ code: 0, signal: null, stdout, stderr }))
    .catch((error: { code: number; signal: string | null; stdout: string; stderr: string }) => error);
}

/** Every cell of a CSV file as a spreadsheet parses it: the text inside the quotes, nothing converted. */
async function rawCells(file: string): Promise<string[][]> {
  const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([await readFile(file, 'utf8')]), {
    map: (datum: string) => datum,
  });
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as string[]).slice(1)));
  return rows;
}

describe('CSV export: formula injection', () => {
  const tasks = ['export', 'tasks', '--unit', 'INJ'];
  const figures = ['export', 'figures', '--from', '2018-01-01', '--to', '2018-12-31'];
  it.each([
    { name: 'tasks', args: tasks, header: 'Nội dung nhiệm vụ', text: TITLE },
    { name: 'tasks', args: tasks, header: 'Tên đơn vị chủ trì', text: UNIT_NAME },
    { name: 'figures', args: figures, header: 'Tên đơn vị', text: UNIT_NAME },
  ])(
    '$name, "$header": $text written with a leading quote, read back as it was',
    async ({ name, args, header, text }) => {
      const out = join(dir, `${name}.csv`);
      const run = await cli([...args, '--out', out]);
      expect(run.code).toBe(0);
      const [headers, ...rows] = await rawCells(out);
      const column = headers!.indexOf(header);
      expect(rows.map((row) => row[column])).toEqual([`'${text}`]);
      // No cell of the file starts like a formula.
      expect([headers!, ...rows].flat().filter((cell) => FORMULA_START.test(cell ?? ''))).toEqual([]);
      // The file imports as it was exported: the quote is taken off again.
      const [, row] = await readSheet(out);
      expect(row!.values[column]).toBe(text);
    },
  );

  it('numbers stay bare numbers, not neutralised text', async () => {
    const out = join(dir, 'figures-numbers.csv');
    await cli([...figures, '--out', out]);
    const [headers, row] = await rawCells(out);
    expect(row![headers!.indexOf('Số nhiệm vụ được giao')]).toBe('1');
    expect((await readFile(out, 'utf8')).split('\r\n')[1]).toMatch(/^"INJ","'\+cmd\|' \/C calc'!A0",.*,1,/);
  });
});

describe('import: a zip bomb', () => {
  /** An .xlsx whose sheet holds these rows of inline text (no shared strings, so all of it is in the sheet). */
  async function xlsx(name: string, rows: number, text: string): Promise<string> {
    const file = join(dir, name);
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: false,
      zip: { zlib: { level: 9 } },
    });
    const sheet = writer.addWorksheet('Nhiệm vụ');
    sheet.addRow(['Nội dung nhiệm vụ', 'Đơn vị chủ trì']).commit();
    for (let i = 0; i < rows; i++) sheet.addRow([text, 'INJ']).commit();
    sheet.commit();
    await writer.commit();
    return file;
  }

  it('200 MiB of sheet in a file of a fraction of a MiB: refused with a clear message, no crash', async () => {
    const file = await xlsx('bomb.xlsx', 200, 'A'.repeat(1024 * 1024));
    expect((await stat(file)).size).toBeLessThan(1024 * 1024);
    const run = await cli(['import', file, '--dry-run']);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `${file}: refused, nothing read: its contents declare 200 MiB inflated, more than 50 MiB ` +
        '(the limit; --max-inflated-mib or GIAOVIEC_IMPORT_MAX_INFLATED_MIB sets it).',
    );
  });

  it('150,000 rows: refused by the row limit before parsing; the limit is set by flag or environment', async () => {
    const file = await xlsx('rows.xlsx', 150_000, 'Nhiệm vụ');
    const run = await cli(['import', file, '--dry-run']);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}: refused, nothing read: it has more than 100000 rows`);

    const csv = join(dir, 'three.csv');
    await writeFile(csv, 'Nội dung nhiệm vụ,Ngày giao,Đơn vị chủ trì\nMột,05/01/2018,INJ\nHai,05/01/2018,INJ\n');
    const byEnv = await cli(['import', csv, '--dry-run'], { GIAOVIEC_IMPORT_MAX_ROWS: '2' });
    expect(byEnv.code).toBe(1);
    expect(byEnv.stderr).toContain('it has more than 2 rows (the limit; --max-rows or GIAOVIEC_IMPORT_MAX_ROWS');
    const byFlag = await cli(['import', csv, '--dry-run', '--max-rows', '3'], { GIAOVIEC_IMPORT_MAX_ROWS: '2' });
    expect(byFlag.code).toBe(0);
    expect(byFlag.stdout).toContain('2 valid task row(s)');
  });
});
