// Other packages type-check this file from its source, without cli's tsconfig: it names its types.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./unzipper.d.ts" />
import { Open, type CentralDirectoryEntry } from 'unzipper';

const MIB = 1024 * 1024;

/**
 * What an imported file may hold, checked before it is parsed: exceljs inflates and parses a whole
 * workbook in memory, so a small .xlsx that inflates to hundreds of MiB (a zip bomb) would take the
 * process down instead of being refused.
 */
export interface ImportLimits {
  /** Bytes: an .xlsx file's entries once inflated, all together; a .csv file's size. */
  maxInflatedBytes: number;
  /** Rows of all the sheets of an .xlsx file together (exceljs reads every sheet); records of a .csv file. */
  maxRows: number;
}

/**
 * Measured: 100,000 rows of 9 columns are 58 MiB of XML, which exceljs takes 18 s and 790 MB to
 * parse; 50 MiB bounds a file to about 700 MB, whichever limit it reaches first.
 */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxInflatedBytes: 50 * MIB, maxRows: 100_000 };

/** Where each limit is set: a command-line flag, else an environment variable, else the default. */
export const IMPORT_LIMIT_SETTINGS = {
  maxInflatedMib: { flag: '--max-inflated-mib', env: 'GIAOVIEC_IMPORT_MAX_INFLATED_MIB' },
  maxRows: { flag: '--max-rows', env: 'GIAOVIEC_IMPORT_MAX_ROWS' },
} as const;

/** A file refused before it was parsed, for what it would cost to read. */
export class ImportLimitError extends Error {}

const settingName = (setting: { flag: string; env: string }) => `${setting.flag} or ${setting.env}`;

function positiveWholeNumber(setting: { flag: string; env: string }, value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) === 0) {
    throw new Error(`${settingName(setting)}: not a positive whole number: "${value}"`);
  }
  return Number(value);
}

/** The limits from the flags given, else the environment, else the defaults. */
export function importLimits(
  flags: { maxInflatedMib?: string; maxRows?: string },
  env: NodeJS.ProcessEnv = process.env,
): ImportLimits {
  const { maxInflatedMib, maxRows } = IMPORT_LIMIT_SETTINGS;
  const inflated = flags.maxInflatedMib ?? env[maxInflatedMib.env];
  const rows = flags.maxRows ?? env[maxRows.env];
  return {
    maxInflatedBytes:
      inflated === undefined
        ? DEFAULT_IMPORT_LIMITS.maxInflatedBytes
        : positiveWholeNumber(maxInflatedMib, inflated) * MIB,
    maxRows: rows === undefined ? DEFAULT_IMPORT_LIMITS.maxRows : positiveWholeNumber(maxRows, rows),
  };
}

const mib = (bytes: number) => (bytes < MIB / 10 ? `${bytes} bytes` : `${Number((bytes / MIB).toFixed(1))} MiB`);

/** `what` ends with "more than": the limit follows. */
function tooLarge(file: string, what: string, limits: ImportLimits): ImportLimitError {
  return new ImportLimitError(
    `${file}: refused, nothing read: ${what} ${mib(limits.maxInflatedBytes)} ` +
      `(the limit; ${settingName(IMPORT_LIMIT_SETTINGS.maxInflatedMib)} sets it).`,
  );
}

function tooManyRows(file: string, limits: ImportLimits): ImportLimitError {
  return new ImportLimitError(
    `${file}: refused, nothing read: it has more than ${limits.maxRows} rows ` +
      `(the limit; ${settingName(IMPORT_LIMIT_SETTINGS.maxRows)} sets it).`,
  );
}

/** Refuses a file larger on disk than it may be once inflated. */
export function checkFileSize(file: string, size: number, limits: ImportLimits): void {
  if (size > limits.maxInflatedBytes) throw tooLarge(file, `it is ${mib(size)} on disk, more than`, limits);
}

/** Refuses a CSV text with too many records (`csvRecordCount`). */
export function checkRecordCount(file: string, records: number, limits: ImportLimits): void {
  if (records > limits.maxRows) throw tooManyRows(file, limits);
}

/** exceljs reads an entry as a worksheet when its name matches this. */
const WORKSHEET = /xl\/worksheets\/[^/]+\.xml$/;

/**
 * Counts the `<row>` elements (of any namespace prefix) of a worksheet's XML as it streams past.
 * The end of each chunk is kept, so that a tag cut between two chunks counts once.
 */
function rowCounter(): (chunk: Buffer) => number {
  const row = /<(?:[A-Za-z_][\w.-]{0,15}:)?row[\s/>]/g;
  const carried = 24; // longer than any match
  let tail = '';
  return (chunk) => {
    // latin1: one character a byte, and the tag is ASCII whatever the text's encoding.
    const text = tail + chunk.toString('latin1');
    let rows = 0;
    row.lastIndex = 0;
    for (let match = row.exec(text); match; match = row.exec(text)) {
      // A match ending inside the carried tail was counted with the chunk before.
      if (match.index + match[0].length > tail.length) rows++;
    }
    tail = text.slice(-carried);
    return rows;
  };
}

/**
 * Refuses an .xlsx file (a zip) before exceljs inflates it: first by the sizes its central directory
 * declares, then by the bytes it really inflates to (declared sizes can lie, and entries can share
 * their data), counted while each entry streams through zlib and given up at the limit, and by the
 * rows of its sheets. Each entry is inflated once here and once more by exceljs: time, not memory.
 */
export async function checkWorkbook(file: string, zip: Buffer, limits: ImportLimits): Promise<void> {
  let entries: CentralDirectoryEntry[];
  try {
    entries = (await Open.buffer(zip)).files;
  } catch (error) {
    throw new Error(`${file}: not an .xlsx file (${(error as Error).message})`);
  }
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limits.maxInflatedBytes)
    throw tooLarge(file, `its contents declare ${mib(declared)} inflated, more than`, limits);
  let inflated = 0;
  let rows = 0;
  try {
    for (const entry of entries) {
      const countRows = WORKSHEET.test(entry.path) ? rowCounter() : undefined;
      // Leaving the loop early destroys the stream: nothing more is inflated.
      for await (const chunk of entry.stream() as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > limits.maxInflatedBytes) throw tooLarge(file, 'it inflates to more than', limits);
        if (countRows) {
          rows += countRows(chunk);
          if (rows > limits.maxRows) throw tooManyRows(file, limits);
        }
      }
    }
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    throw new Error(`${file}: not a readable .xlsx file (${(error as Error).message})`);
  }
}
