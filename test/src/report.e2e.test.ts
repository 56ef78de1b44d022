import { writeReport } from '@giaoviec/cli';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startTestStack, type TestStack } from './harness/stack';
import { testToken } from './harness/tokens';

/**
 * The periodic report (.docx) and its appendix (.xlsx), written by the CLI from the API's figures
 * as an ordinary client with a token, then read back from the files.
 */
const BIN = resolve(__dirname, '../../cli/dist/bin.js');

let stack: TestStack;
let dir: string;
let connection: { url: string; token: string };

beforeAll(async () => {
  stack = await startTestStack({ demoData: true });
  dir = await mkdtemp(join(tmpdir(), 'giaoviec-report-'));
  connection = { url: stack.gateway.url, token: await testToken({ sub: 'leader-1', roles: ['LEADER'] }) };
});

afterAll(async () => {
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The text of a .docx, paragraph by paragraph, and the images it holds. */
async function readDocx(file: string): Promise<{ paragraphs: string[]; images: Buffer[] }> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const unescape = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    unescape([...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join('')),
  );
  const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
  const images = await Promise.all(media.map((name) => zip.file(name)!.async('nodebuffer')));
  return { paragraphs, images };
}

describe('the report for 2017-01-01 to 2017-10-15', () => {
  let paragraphs: string[];
  let images: Buffer[];
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    const out = join(dir, 'bao-cao.docx');
    const xlsx = join(dir, 'phu-luc.xlsx');
    await writeReport({
      ...connection,
      period: { from: '2017-01-01', to: '2017-10-15', asOf: '2017-10-15' },
      out,
      xlsx,
    });
    ({ paragraphs, images } = await readDocx(out));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    sheet = workbook.worksheets[0]!;
  });

  it('says the Department of Construction’s 134 / 106 / 21 in the sentence of Vietnamese reports', () => {
    expect(paragraphs).toContain(
      'Tính từ ngày 01/01/2017 đến ngày 15/10/2017, Sở Xây dựng được giao 134 nhiệm vụ; đã hoàn thành 106 nhiệm vụ đúng thời hạn, 21 nhiệm vụ quá thời hạn; 7 nhiệm vụ chưa hoàn thành, trong đó 3 nhiệm vụ quá hạn.',
    );
  });

  it('has a heading, the period, the province’s sentence and one for each unit', async () => {
    expect(paragraphs).toEqual(expect.arrayContaining(['BÁO CÁO', 'Từ ngày 01/01/2017 đến ngày 15/10/2017']));
    const { complianceSummary } = await stack.gateway.client.data<any>(
      `{ complianceSummary(from: "2017-01-01", to: "2017-10-15", asOf: "2017-10-15") { totals { assigned } } }`,
    );
    const province = paragraphs.find((text) => text.includes('các cơ quan, đơn vị được giao'));
    expect(province).toContain(
      `được giao ${new Intl.NumberFormat('vi-VN').format(complianceSummary.totals.assigned)} nhiệm vụ`,
    );
    const { organisations } = await stack.gateway.client.data<any>(`{ organisations(asOf: "2017-10-15") { name } }`);
    for (const unit of organisations) {
      expect([
        unit.name,
        paragraphs.some((text) => text.startsWith(`Tính từ ngày 01/01/2017 đến ngày 15/10/2017, ${unit.name} `)),
      ]).toEqual([unit.name, true]);
    }
  });

  it('has the appendix table with rates as percentages with a comma', () => {
    const header = paragraphs.indexOf('PHỤ LỤC I. SỐ LIỆU THEO CƠ QUAN, ĐƠN VỊ');
    expect(header).toBeGreaterThan(0);
    // Table cells are paragraphs: the row of the Department of Construction.
    const at = paragraphs.indexOf('Sở Xây dựng', header);
    // Its four buckets and the tasks withdrawn (none), then 127 of 130 due completed, 106 on time.
    expect(paragraphs.slice(at, at + 7)).toEqual(['Sở Xây dựng', '134', '106', '21', '4', '3', '0']);
    expect(paragraphs.slice(at + 7, at + 9)).toEqual(['97,7%', '81,5%']);
  });

  it('lists the overdue tasks by unit with their days overdue', () => {
    const start = paragraphs.findIndex((text) => text.startsWith('PHỤ LỤC II. NHIỆM VỤ QUÁ HẠN'));
    const construction = paragraphs.indexOf('Sở Xây dựng (3 nhiệm vụ)', start);
    expect(construction).toBeGreaterThan(start);
    // STT, title, assigned date, days overdue, for each of its three tasks.
    const rows = paragraphs.slice(construction + 5, construction + 5 + 12);
    expect(rows.filter((_, i) => i % 4 === 3).every((days) => /^\d+$/.test(days) && Number(days) > 0)).toBe(true);
  });

  it('holds the chart of the buckets as a PNG image', () => {
    expect(images).toHaveLength(1);
    const png = images[0]!;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 640]);
  });

  it('writes the appendix as a spreadsheet with the same figures', () => {
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 8)).toEqual([
      'Mã đơn vị',
      'Cơ quan, đơn vị',
      'Được giao',
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Đang thực hiện trong hạn',
      'Quá hạn, chưa hoàn thành',
      'Đã rút',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const construction = rows.find((row) => row?.[2] === 'Sở Xây dựng')!;
    expect(construction.slice(3, 9)).toEqual([134, 106, 21, 4, 3, 0]);
    expect(sheet.getCell(`${sheet.getColumn(headers.length).letter}2`).numFmt).toBe('0.0%');
    expect(rows.at(-1)?.[2]).toBe('Toàn tỉnh');
  });
});

describe('npm run report', () => {
  it('--cycle QUARTER --year 2017 --index 3 writes the third quarter’s report', async () => {
    const out = join(dir, 'quy-3.docx');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [BIN, 'report', '--cycle', 'QUARTER', '--year', '2017', '--index', '3', '--out', out],
      { env: { ...process.env, GIAOVIEC_URL: connection.url, GIAOVIEC_TOKEN: connection.token } },
    );
    expect(stdout).toContain('from 2017-06-15 to 2017-09-14 as of 2017-09-14');
    const { paragraphs } = await readDocx(out);
    expect(paragraphs).toContain('Quý III năm 2017 (từ ngày 15/06/2017 đến ngày 14/09/2017)');
  });

  it('an index for a yearly report is refused by the API, and no file is written', async () => {
    const out = join(dir, 'nam.docx');
    const run = promisify(execFile)(
      process.execPath,
      [BIN, 'report', '--cycle', 'YEAR', '--year', '2017', '--index', '3', '--out', out],
      { env: { ...process.env, GIAOVIEC_URL: connection.url, GIAOVIEC_TOKEN: connection.token } },
    );
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('BAD_USER_INPUT') });
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });
});

describe('the dashboard’s download', () => {
  const route = (format: string, query: string) => new URL(`/dashboard/report.${format}?${query}`, stack.gateway.url);
  const worked = 'from=2017-01-01&to=2017-10-15&asOf=2017-10-15';

  it('writes the same report through the gateway, with the user’s own token', async () => {
    const response = await fetch(route('docx', worked), { headers: { authorization: `Bearer ${connection.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const file = join(dir, 'download.docx');
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    const { paragraphs } = await readDocx(file);
    expect(paragraphs.some((text) => text.includes('Sở Xây dựng được giao 134 nhiệm vụ'))).toBe(true);

    const xlsx = await fetch(route('xlsx', worked), { headers: { authorization: `Bearer ${connection.token}` } });
    expect([xlsx.status, xlsx.headers.get('content-type')]).toEqual([200, expect.stringContaining('spreadsheetml')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]!.getCell('B2').value).toEqual(expect.any(String));
  });

  it('without a token is 401; a period the API refuses is its BAD_USER_INPUT', async () => {
    expect((await fetch(route('docx', worked))).status).toBe(401);
    const refused = await fetch(route('docx', 'cycle=YEAR&year=2017&index=2'), {
      headers: { authorization: `Bearer ${connection.token}`, 'accept-language': 'vi' },
    });
    expect(refused.status).toBe(400);
    const [error] = ((await refused.json()) as any).errors;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'index' });
    // In the language the page asked the API for.
    expect(error.message).toBe('Kỳ YEAR không có chỉ số kỳ (`index`)');
  });

  it('the permissions are the API’s: a unit’s user cannot read the other units’ tasks', async () => {
    const { organisations } = await stack.gateway.client.data<any>(
      `{ organisations(kinds: [DEPARTMENT]) { id code } }`,
    );
    const unitToken = await testToken({ sub: 'unit-user', roles: ['UNIT'], org: organisations[0].id });
    const response = await fetch(route('docx', worked), { headers: { authorization: `Bearer ${unitToken}` } });
    expect(response.status).toBe(403);
  });
});
