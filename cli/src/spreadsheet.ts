import ExcelJS from 'exceljs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { csvRecord, csvRecordCount, restoreFormulaText } from './csv';
import { excelDate } from './dates';
import {
  checkFileSize,
  checkRecordCount,
  checkWorkbook,
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
} from './import-limits';

/** A cell as read: text, a number, an Excel date (that day's UTC midnight), or empty. */
export type CellValue = string | number | Date | null;

/** A row with the number a spreadsheet program shows for it (1 = the first line of the file). */
export interface SheetRow {
  line: number;
  /** By column, the first at 0. */
  values: CellValue[];
}

export type FileFormat = 'xlsx' | 'csv';

export function formatOf(file: string): FileFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv') return 'csv';
  throw new Error(`${file}: only .xlsx and .csv files are read and written`);
}

/** A cell's text as a person sees it; dates as yyyy-mm-dd. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

/** exceljs's many cell shapes (rich text, formulas, links, errors) reduced to a plain value. */
function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? null
      : plainValue(result);
  }
  if ('hyperlink' in value) return plainValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return null;
  return null;
}

function rowsOf(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = plainValue(cell.value);
    });
    rows.push({ line, values: Array.from(values, (value) => value ?? null) });
  });
  return rows;
}

/**
 * The rows of a task list. An .xlsx file: its first sheet, or the one named. A .csv file: UTF-8
 * (with or without BOM), comma- or semicolon-separated (Excel uses `;` where `,` is the decimal
 * mark), every cell kept as text: dates are parsed by the import, not guessed here; the `'` that
 * `writeTable` puts before a formula-looking text is taken off. A file over the limits is refused
 * before it is parsed (`ImportLimitError`).
 */
export async function readSheet(
  file: string,
  options: { sheet?: string; limits?: ImportLimits } = {},
): Promise<SheetRow[]> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  checkFileSize(file, (await stat(file)).size, limits);
  const workbook = new ExcelJS.Workbook();
  if (formatOf(file) === 'xlsx') {
    const zip = await readFile(file);
    await checkWorkbook(file, zip, limits);
    // exceljs's types predate Node 20's Buffer<ArrayBufferLike>.
    await workbook.xlsx.load(zip as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
    if (!sheet) throw new Error(`${file}: no sheet ${options.sheet ? `"${options.sheet}"` : 'at all'}`);
    return rowsOf(sheet);
  }
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  checkRecordCount(file, csvRecordCount(text), limits);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const sheet = await workbook.csv.read(Readable.from([text]), {
    // exceljs would otherwise turn "2017-01-05" into local midnight, a day early west of UTC.
    map: (datum: string) => (datum === '' ? null : restoreFormulaText(datum)),
    parserOptions: { delimiter },
  });
  return rowsOf(sheet);
}

export type ColumnType = 'text' | 'date' | 'integer' | 'fraction';

export interface TableColumn<Row> {
  header: string;
  type: ColumnType;
  value(row: Row): string | number | null | undefined;
  /** Width in characters in .xlsx files. */
  width?: number;
}

/**
 * Writes a table with a header row. In .xlsx: dates as date cells (dd/mm/yyyy), fractions as
 * percentages, the header frozen; text cells are text, never formulas. In .csv (RFC 4180, `csv.ts`):
 * UTF-8 with a BOM (without it Excel reads Vietnamese as mojibake), dates as yyyy-mm-dd (read alike
 * in every locale), fractions as decimals, text quoted and never taken for a formula.
 */
export async function writeTable<Row>(
  file: string,
  sheetName: string,
  columns: Array<TableColumn<Row>>,
  rows: Row[],
): Promise<void> {
  if (formatOf(file) === 'csv') {
    const records = [columns.map((column) => column.header), ...rows.map((row) => columns.map((c) => c.value(row)))];
    await writeFile(file, `\uFEFF${records.map(csvRecord).join('\r\n')}\r\n`);
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width ?? Math.max(12, column.header.length + 2),
    style: column.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : column.type === 'fraction' ? { numFmt: '0.0%' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      columns.map((column) => {
        const value = column.value(row) ?? null;
        return column.type === 'date' && typeof value === 'string' ? excelDate(value) : value;
      }),
    );
  }
  await workbook.xlsx.writeFile(file);
}
