import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet, writeTable, type TableColumn } from './spreadsheet';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'giaoviec-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readSheet', () => {
  it('reads a UTF-8 CSV with a BOM and semicolons, keeping dates as text', async () => {
    const file = join(dir, 'semicolons.csv');
    await writeFile(file, '\uFEFFNội dung nhiệm vụ;Ngày giao\n"Báo cáo; quý I";2017-01-05\n\n;\nKhác;05/01/2017\n');
    const rows = await readSheet(file);
    expect(rows.map((row) => [row.line, row.values])).toEqual([
      [1, ['Nội dung nhiệm vụ', 'Ngày giao']],
      [2, ['Báo cáo; quý I', '2017-01-05']],
      [5, ['Khác', '05/01/2017']],
    ]);
  });

  it('reads an .xlsx sheet: date cells, formulas, rich text and row numbers as Excel shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh mục');
    sheet.getCell('A1').value = 'Nội dung nhiệm vụ';
    sheet.getCell('B1').value = 'Hạn xử lý';
    sheet.getCell('A3').value = { richText: [{ text: 'Lập ' }, { text: 'quy hoạch', font: { bold: true } }] };
    sheet.getCell('B3').value = new Date(Date.UTC(2017, 2, 31));
    sheet.getCell('C3').value = { formula: '1+1', result: 2 };
    const file = join(dir, 'tasks.xlsx');
    await workbook.xlsx.writeFile(file);
    const rows = await readSheet(file);
    expect(rows.map((row) => [row.line, row.values])).toEqual([
      [1, ['Nội dung nhiệm vụ', 'Hạn xử lý']],
      [3, ['Lập quy hoạch', new Date(Date.UTC(2017, 2, 31)), 2]],
    ]);
    await expect(readSheet(file, { sheet: 'Khác' })).rejects.toThrow('no sheet "Khác"');
  });
});

describe('writeTable', () => {
  const columns: Array<TableColumn<{ name: string; on: string; rate: number | null }>> = [
    { header: 'Tên đơn vị', type: 'text', value: (row) => row.name },
    { header: 'Tính đến ngày', type: 'date', value: (row) => row.on },
    { header: 'Tỷ lệ đúng hạn', type: 'fraction', value: (row) => row.rate },
  ];
  const rows = [
    { name: 'Sở Xây dựng', on: '2017-10-15', rate: 0.8346 },
    { name: 'Sở Tài chính', on: '2017-10-15', rate: null },
  ];

  it('writes UTF-8 CSV with a BOM, ISO dates and plain decimals', async () => {
    const file = join(dir, 'out.csv');
    await writeTable(file, 'Kết quả', columns, rows);
    expect(await readFile(file, 'utf8')).toBe(
      '\uFEFF"Tên đơn vị","Tính đến ngày","Tỷ lệ đúng hạn"\r\n' +
        '"Sở Xây dựng","2017-10-15",0.8346\r\n"Sở Tài chính","2017-10-15",\r\n',
    );
  });

  const hostile = [{ name: '=HYPERLINK("http://x","y")', on: '2017-10-15', rate: -0.5 }];

  it('writes no CSV cell a spreadsheet runs as a formula, and reads it back as it was', async () => {
    const file = join(dir, 'hostile.csv');
    await writeTable(file, 'Kết quả', columns, hostile);
    expect((await readFile(file, 'utf8')).split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")","2017-10-15",-0.5`);
    const [, row] = await readSheet(file);
    expect(row!.values).toEqual(['=HYPERLINK("http://x","y")', '2017-10-15', '-0.5']);
  });

  it('writes such a text as a text cell in .xlsx, no formula', async () => {
    const file = join(dir, 'hostile.xlsx');
    await writeTable(file, 'Kết quả', columns, hostile);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const cell = workbook.getWorksheet('Kết quả')!.getCell('A2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x","y")');
    expect(workbook.getWorksheet('Kết quả')!.getCell('C2').value).toBe(-0.5);
  });

  it('writes .xlsx with date cells and percentages', async () => {
    const file = join(dir, 'out.xlsx');
    await writeTable(file, 'Kết quả', columns, rows);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Kết quả')!;
    expect(sheet.getCell('B2').value).toEqual(new Date(Date.UTC(2017, 9, 15)));
    expect(sheet.getCell('B2').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('C2').value).toBe(0.8346);
    expect(sheet.getCell('C2').numFmt).toBe('0.0%');
    expect(sheet.getCell('C3').value).toBeNull();
  });
});
