import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkWorkbook,
  DEFAULT_IMPORT_LIMITS,
  ImportLimitError,
  importLimits,
  type ImportLimits,
} from './import-limits';
import { readSheet } from './spreadsheet';

const MIB = 1024 * 1024;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'giaoviec-limits-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A worksheet's XML with these rows of one inline-string cell, its elements under a namespace prefix if given. */
function sheetXml(texts: string[], prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  const rows = texts
    .map(
      (text, i) =>
        `<${p}row r="${i + 1}"><${p}c r="A${i + 1}" t="inlineStr"><${p}is><${p}t>${text}</${p}t></${p}is></${p}c></${p}row>`,
    )
    .join('');
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${ns}><${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;
}

/** An .xlsx made by exceljs, its sheet replaced by this XML, deflated. */
async function workbook(sheet: string): Promise<Buffer> {
  const excel = new ExcelJS.Workbook();
  excel.addWorksheet('Nhiệm vụ').addRow(['Nội dung nhiệm vụ']);
  const zip = await JSZip.loadAsync(await excel.xlsx.writeBuffer());
  zip.file('xl/worksheets/sheet1.xml', sheet);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Rewrites the size an entry declares once inflated, in its local header and the central directory, as a crafted file would. */
function declareSize(zip: Buffer, path: string, size: number): Buffer {
  const lied = Buffer.from(zip);
  for (const [signature, nameLengthAt, nameAt, sizeAt] of [
    [0x04034b50, 26, 30, 22],
    [0x02014b50, 28, 46, 24],
  ] as const) {
    for (let at = 0; at + nameAt <= lied.length; at++) {
      if (lied.readUInt32LE(at) !== signature) continue;
      const name = lied.toString('utf8', at + nameAt, at + nameAt + lied.readUInt16LE(at + nameLengthAt));
      if (name === path) lied.writeUInt32LE(size, at + sizeAt);
    }
  }
  return lied;
}

const limits = (overrides: Partial<ImportLimits>): ImportLimits => ({ ...DEFAULT_IMPORT_LIMITS, ...overrides });

describe('checkWorkbook', () => {
  it('lets a workbook within the limits through, and readSheet reads it', async () => {
    const file = join(dir, 'small.xlsx');
    await writeFile(file, await workbook(sheetXml(['Nội dung nhiệm vụ', 'Lập quy hoạch'])));
    const rows = await readSheet(file, { limits: limits({ maxRows: 2, maxInflatedBytes: MIB }) });
    expect(rows.map((row) => row.values)).toEqual([['Nội dung nhiệm vụ'], ['Lập quy hoạch']]);
  });

  it('refuses by the sizes the central directory declares, before inflating anything', async () => {
    const zip = await workbook(sheetXml(['x'.repeat(2 * MIB)]));
    expect(zip.length).toBeLessThan(MIB / 50);
    await expect(checkWorkbook('bomb.xlsx', zip, limits({ maxInflatedBytes: MIB }))).rejects.toThrow(
      /^bomb\.xlsx: refused, nothing read: its contents declare 2 MiB inflated, more than 1 MiB \(the limit; --max-inflated-mib or GIAOVIEC_IMPORT_MAX_INFLATED_MIB sets it\)\.$/,
    );
  });

  it('refuses by the bytes really inflated when the declared sizes lie', async () => {
    const zip = declareSize(await workbook(sheetXml(['x'.repeat(2 * MIB)])), 'xl/worksheets/sheet1.xml', 100);
    const error = await checkWorkbook('liar.xlsx', zip, limits({ maxInflatedBytes: MIB })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportLimitError);
    expect((error as Error).message).toBe(
      'liar.xlsx: refused, nothing read: it inflates to more than 1 MiB (the limit; --max-inflated-mib or GIAOVIEC_IMPORT_MAX_INFLATED_MIB sets it).',
    );
  });

  it('counts every row once, across the chunks the inflater gives and under a namespace prefix', async () => {
    // About 300 KB of XML: the rows straddle a score of 16 KiB chunks.
    const texts = Array.from({ length: 1500 }, (_, i) => `Nhiệm vụ số ${i} `.repeat(10));
    for (const prefix of ['', 'x']) {
      const zip = await workbook(sheetXml(texts, prefix));
      await expect(checkWorkbook('rows.xlsx', zip, limits({ maxRows: 1500 }))).resolves.toBeUndefined();
      await expect(checkWorkbook('rows.xlsx', zip, limits({ maxRows: 1499 }))).rejects.toThrow(
        'rows.xlsx: refused, nothing read: it has more than 1499 rows (the limit; --max-rows or GIAOVIEC_IMPORT_MAX_ROWS sets it).',
      );
    }
  });

  it('says when a file is no zip at all', async () => {
    await expect(checkWorkbook('text.xlsx', Buffer.from('Nội dung nhiệm vụ\n'), DEFAULT_IMPORT_LIMITS)).rejects.toThrow(
      /^text\.xlsx: not an \.xlsx file/,
    );
  });
});

describe('readSheet within limits', () => {
  it('refuses a CSV file larger than the limit, or with more records, before parsing it', async () => {
    const file = join(dir, 'many.csv');
    const text = `Nội dung nhiệm vụ\n${'Nhiệm vụ\n'.repeat(10)}`;
    await writeFile(file, text);
    await expect(readSheet(file, { limits: limits({ maxRows: 11 }) })).resolves.toHaveLength(11);
    await expect(readSheet(file, { limits: limits({ maxRows: 10 }) })).rejects.toThrow('it has more than 10 rows');
    await expect(readSheet(file, { limits: limits({ maxInflatedBytes: 100 }) })).rejects.toThrow(
      `it is ${Buffer.byteLength(text)} bytes on disk, more than 100 bytes`,
    );
  });
});

describe('importLimits', () => {
  it('takes a flag, else the environment, else the default', () => {
    expect(importLimits({}, {})).toEqual({ maxInflatedBytes: 50 * MIB, maxRows: 100_000 });
    const env = { GIAOVIEC_IMPORT_MAX_INFLATED_MIB: '20', GIAOVIEC_IMPORT_MAX_ROWS: '500' };
    expect(importLimits({}, env)).toEqual({ maxInflatedBytes: 20 * MIB, maxRows: 500 });
    expect(importLimits({ maxInflatedMib: '200', maxRows: '1000000' }, env)).toEqual({
      maxInflatedBytes: 200 * MIB,
      maxRows: 1_000_000,
    });
  });

  it('refuses what is not a positive whole number, naming where it is set', () => {
    expect(() => importLimits({ maxRows: '0' }, {})).toThrow(
      '--max-rows or GIAOVIEC_IMPORT_MAX_ROWS: not a positive whole number: "0"',
    );
    expect(() => importLimits({}, { GIAOVIEC_IMPORT_MAX_INFLATED_MIB: '1.5' })).toThrow(
      '--max-inflated-mib or GIAOVIEC_IMPORT_MAX_INFLATED_MIB: not a positive whole number: "1.5"',
    );
  });
});
