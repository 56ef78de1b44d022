import { createHash } from 'node:crypto';
import { columnForHeader, columnHeader, type ImportField } from './columns';
import { parseCalendarDate, type CalendarDate } from './dates';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KIND_SYMBOLS, PRIORITY_LABELS, enumFromLabel, fold } from './labels';
import { cellText, type SheetRow } from './spreadsheet';

/** The `AssignTaskInput` of the API, as far as an import fills it. */
export interface AssignTaskInput {
  title: string;
  description?: string;
  assignedOn: CalendarDate;
  dueOn?: CalendarDate;
  leadOrganisationId: string;
  coordinatingOrganisationIds?: string[];
  sourceDocument?: { number: string; kind: string; issuedOn: CalendarDate; signer?: string };
  priority?: string;
  assignedBy?: string;
  assignerName?: string;
}

export type RowErrorCode =
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'MISSING_VALUE'
  | 'BAD_DATE'
  | 'IN_FUTURE'
  | 'DEADLINE_BEFORE_ASSIGNMENT'
  | 'DOCUMENT_AFTER_ASSIGNMENT'
  | 'UNKNOWN_UNIT'
  | 'UNIT_NOT_IN_EXISTENCE'
  | 'LEAD_ALSO_COORDINATES'
  | 'TOO_MANY_UNITS'
  | 'UNKNOWN_VALUE'
  | 'TOO_LONG'
  | 'DUPLICATE_ROW';

/** One thing wrong with a file: where (the spreadsheet's row number and column header) and why. */
export interface RowError {
  line: number;
  /** The column's header as in the file (or as expected, when missing); null for the whole row. */
  column: string | null;
  code: RowErrorCode;
  reason: string;
}

export interface PlannedTask {
  line: number;
  input: AssignTaskInput;
  /** The idempotency key: the same row sent again is the same task, never a second one. */
  idempotencyKey: string;
}

export interface ImportPlan {
  headerLine: number;
  tasks: PlannedTask[];
  errors: RowError[];
  /** Headers of the file that no column of the import reads. */
  ignoredColumns: string[];
}

/** A unit as the `organisations` query gives it. */
export interface KnownUnit {
  id: string;
  code: string;
  /** First and last day of the unit (null: open); a code may name a later unit after one ended. */
  validFrom?: string | null;
  validTo?: string | null;
}

/** The unit a code named on a day (any day when unknown): codes are unique only among units of the same time. */
function unitOn(units: readonly KnownUnit[] | undefined, day: string | null): KnownUnit | undefined {
  if (!units?.length) return undefined;
  if (!day) return units[0];
  return units.find((unit) => (!unit.validFrom || unit.validFrom <= day) && (!unit.validTo || unit.validTo >= day));
}

const MAX_COORDINATING = 20;
/** How far down a title block the header row may be. */
const HEADER_SEARCH_ROWS = 20;

/** Unit codes compare without case or surrounding spaces. */
function codeKey(code: string): string {
  return code.trim().toUpperCase();
}

/** Spreadsheet text on one line: wrapped cells (Alt+Enter) become spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Who assigned a task, from "UBND tỉnh", "Chủ tịch Hồ Tiến Thiệu", "Phó Chủ tịch UBND tỉnh: Nguyễn Văn A". */
export function parseAssigner(text: string): { assignedBy: string; assignerName?: string } | null {
  const words = oneLine(text.replace(/_/g, ' ')).split(' ').filter(Boolean);
  const folded = words.map(fold);
  const startsWith = (from: number, prefix: string[]) => prefix.every((word, i) => folded[from + i] === word);
  const committee = [['ubnd', 'tinh'], ['uy', 'ban', 'nhan', 'dan', 'tinh'], ['ubnd'], ['peoples', 'committee']];
  const leaders: Array<[string, string[]]> = [
    ['VICE_CHAIRMAN', ['pho', 'chu', 'tich']],
    ['VICE_CHAIRMAN', ['vice', 'chairman']],
    ['CHAIRMAN', ['chu', 'tich']],
    ['CHAIRMAN', ['chairman']],
  ];
  if (committee.some((prefix) => startsWith(0, prefix))) return { assignedBy: 'PEOPLES_COMMITTEE' };
  const leader = leaders.find(([, prefix]) => startsWith(0, prefix));
  if (!leader) return null;
  let at = leader[1].length;
  const ofCommittee = committee.find((prefix) => startsWith(at, prefix));
  if (ofCommittee) at += ofCommittee.length;
  while (at < words.length && folded[at] === '') at++;
  const name = words
    .slice(at)
    .join(' ')
    .replace(/^[\s:,.-]+/, '');
  return name ? { assignedBy: leader[0], assignerName: name } : { assignedBy: leader[0] };
}

/** The document kind a number and symbol shows: `162/QĐ-UBND` is a decision. */
export function documentKindFromNumber(number: string): string {
  const symbol = number.split('/')[1]?.split('-')[0] ?? '';
  return DOCUMENT_KIND_SYMBOLS[fold(symbol).replace(/ /g, '').toUpperCase()] ?? 'OTHER';
}

/** Rows of numbers only, such as the "(1) (2) (3)" row under the header of official templates. */
function isColumnNumbering(values: string[]): boolean {
  const filled = values.filter(Boolean);
  return filled.length > 1 && filled.every((value) => /^\(?\d{1,2}\)?$/.test(value));
}

/**
 * Checks every row of a task list and turns the valid ones into `assignTask` inputs. Pure: the
 * units and today's date come in, so that a dry run and a real import judge alike. The header is
 * the first row (of the first 20) that names the task column; the rows below it are tasks,
 * empty rows skipped.
 */
export function planImport(rows: SheetRow[], context: { units: KnownUnit[]; today: CalendarDate }): ImportPlan {
  const unitsByCode = new Map<string, KnownUnit[]>();
  for (const unit of context.units) {
    unitsByCode.set(codeKey(unit.code), [...(unitsByCode.get(codeKey(unit.code)) ?? []), unit]);
  }
  const errors: RowError[] = [];
  const headerIndex = rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((row) => row.values.some((value) => columnForHeader(cellText(value))?.field === 'title'));
  if (headerIndex < 0) {
    const reason = 'no header row names the task column (one of the first 20 rows must)';
    return {
      headerLine: 0,
      tasks: [],
      errors: [{ line: rows[0]?.line ?? 1, column: columnHeader('title'), code: 'MISSING_COLUMN', reason }],
      ignoredColumns: [],
    };
  }
  const headerRow = rows[headerIndex]!;
  const headerLine = headerRow.line;

  // Which column index holds which field, and the header the file gives it.
  const columns = new Map<ImportField, { index: number; header: string }>();
  const ignoredColumns: string[] = [];
  headerRow.values.forEach((value, index) => {
    const header = oneLine(cellText(value));
    if (!header) return;
    const column = columnForHeader(header);
    if (!column) return void ignoredColumns.push(header);
    const earlier = columns.get(column.field);
    if (earlier) {
      const reason = `the same column as "${earlier.header}"`;
      return void errors.push({ line: headerLine, column: header, code: 'DUPLICATE_COLUMN', reason });
    }
    columns.set(column.field, { index, header });
  });
  const headerOf = (field: ImportField) => columns.get(field)?.header ?? columnHeader(field);
  for (const field of ['title', 'lead'] as const) {
    if (!columns.has(field)) {
      errors.push({ line: headerLine, column: columnHeader(field), code: 'MISSING_COLUMN', reason: 'column missing' });
    }
  }
  if (!columns.has('assignedOn') && !columns.has('documentDate')) {
    const reason = `column missing (or "${columnHeader('documentDate')}", whose date is then the assignment date)`;
    errors.push({ line: headerLine, column: columnHeader('assignedOn'), code: 'MISSING_COLUMN', reason });
  }
  if (errors.length > 0) return { headerLine, tasks: [], errors, ignoredColumns };

  const tasks: PlannedTask[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows.slice(headerIndex + 1)) {
    const raw = (field: ImportField) => {
      const column = columns.get(field);
      return column ? row.values[column.index] : undefined;
    };
    const text = (field: ImportField) => oneLine(cellText(raw(field)));
    const mapped = [...columns.values()].map(({ index }) => oneLine(cellText(row.values[index])));
    if (mapped.every((value) => !value) || isColumnNumbering(mapped)) continue;

    const rowErrors: RowError[] = [];
    const fail = (field: ImportField | null, code: RowErrorCode, reason: string) =>
      void rowErrors.push({ line: row.line, column: field && headerOf(field), code, reason });
    const date = (field: ImportField): CalendarDate | null => {
      const value = raw(field);
      if (!text(field)) return null;
      const parsed = parseCalendarDate(typeof value === 'string' ? value.trim() : value);
      if (!parsed) fail(field, 'BAD_DATE', `not a date: "${text(field)}" (dd/mm/yyyy, yyyy-mm-dd or a date cell)`);
      return parsed;
    };
    const limited = (field: ImportField, value: string, max: number) => {
      if (value.length > max) fail(field, 'TOO_LONG', `${value.length} characters, at most ${max}`);
      return value;
    };

    const title = limited('title', text('title'), 500);
    if (!title) fail('title', 'MISSING_VALUE', 'missing value');
    const description = limited('summary', cellText(raw('summary')).trim(), 5000);

    const documentNumber = limited('documentNumber', text('documentNumber'), 64);
    const documentDate = date('documentDate');
    const assignedOnText = text('assignedOn');
    const assignedOn = assignedOnText ? date('assignedOn') : documentDate;
    if (!assignedOnText && !text('documentDate')) fail('assignedOn', 'MISSING_VALUE', 'missing value');
    if (assignedOn && assignedOn > context.today) {
      fail(
        assignedOnText ? 'assignedOn' : 'documentDate',
        'IN_FUTURE',
        `${assignedOn} is after today (${context.today})`,
      );
    }
    let sourceDocument: AssignTaskInput['sourceDocument'];
    if (documentNumber) {
      if (!text('documentDate')) fail('documentDate', 'MISSING_VALUE', 'missing value (the document has a number)');
      const kindText = text('documentKind');
      const kind = kindText ? enumFromLabel(DOCUMENT_KIND_LABELS, kindText) : documentKindFromNumber(documentNumber);
      if (!kind) fail('documentKind', 'UNKNOWN_VALUE', `unknown document kind "${kindText}"`);
      if (documentDate && assignedOn && documentDate > assignedOn) {
        fail(
          'documentDate',
          'DOCUMENT_AFTER_ASSIGNMENT',
          `issued ${documentDate}, after the assignment on ${assignedOn}`,
        );
      }
      const signer = limited('signer', text('signer'), 255);
      if (kind && documentDate) {
        sourceDocument = { number: documentNumber, kind, issuedOn: documentDate, ...(signer ? { signer } : {}) };
      }
    }

    const dueOn = date('dueOn');
    if (dueOn && assignedOn && dueOn < assignedOn) {
      fail('dueOn', 'DEADLINE_BEFORE_ASSIGNMENT', `deadline ${dueOn} is before the assignment on ${assignedOn}`);
    }

    const leadCode = text('lead');
    const lead = leadCode ? unitOn(unitsByCode.get(codeKey(leadCode)), assignedOn ?? null) : undefined;
    if (!leadCode) fail('lead', 'MISSING_VALUE', 'missing value');
    else if (!unitsByCode.has(codeKey(leadCode))) fail('lead', 'UNKNOWN_UNIT', `no unit has the code "${leadCode}"`);
    else if (!lead) {
      fail('lead', 'UNIT_NOT_IN_EXISTENCE', `the unit "${leadCode}" did not exist on ${assignedOn ?? 'that day'}`);
    }
    const coordinatingCodes = [
      ...new Set(
        cellText(raw('coordinating'))
          .split(/[,;\n]+/)
          .map(codeKey)
          .filter(Boolean),
      ),
    ];
    const unknown = coordinatingCodes.filter((code) => !unitsByCode.has(code));
    if (unknown.length > 0)
      fail('coordinating', 'UNKNOWN_UNIT', `no unit has the code ${unknown.map((c) => `"${c}"`).join(', ')}`);
    if (lead && coordinatingCodes.includes(codeKey(lead.code))) {
      fail('coordinating', 'LEAD_ALSO_COORDINATES', `the lead unit ${lead.code} cannot also coordinate`);
    }
    if (coordinatingCodes.length > MAX_COORDINATING) {
      fail('coordinating', 'TOO_MANY_UNITS', `${coordinatingCodes.length} units, at most ${MAX_COORDINATING}`);
    }

    const assignerText = text('assigner');
    const assigner = assignerText ? parseAssigner(assignerText) : null;
    if (assignerText && !assigner) {
      fail('assigner', 'UNKNOWN_VALUE', `unknown assigner "${assignerText}" (UBND tỉnh, Chủ tịch or Phó Chủ tịch)`);
    }
    if (assigner?.assignerName) limited('assigner', assigner.assignerName, 255);
    const priorityText = text('priority');
    const priority = priorityText ? enumFromLabel(PRIORITY_LABELS, priorityText) : undefined;
    if (priorityText && !priority) {
      fail('priority', 'UNKNOWN_VALUE', `unknown priority "${priorityText}" (Trọng tâm, Thường xuyên or Đột xuất)`);
    }

    if (rowErrors.length > 0 || !lead || !assignedOn) {
      errors.push(...rowErrors);
      continue;
    }
    const input: AssignTaskInput = {
      title,
      ...(description ? { description } : {}),
      assignedOn,
      ...(dueOn ? { dueOn } : {}),
      leadOrganisationId: lead.id,
      ...(coordinatingCodes.length > 0
        ? {
            coordinatingOrganisationIds: coordinatingCodes.map(
              (code) => (unitOn(unitsByCode.get(code), assignedOn ?? null) ?? unitsByCode.get(code)![0]!).id,
            ),
          }
        : {}),
      ...(sourceDocument ? { sourceDocument } : {}),
      ...(priority ? { priority } : {}),
      ...(assigner ?? {}),
    };
    const content = JSON.stringify(input);
    const first = firstLineOf.get(content);
    if (first !== undefined) {
      errors.push({ line: row.line, column: null, code: 'DUPLICATE_ROW', reason: `the same task as line ${first}` });
      continue;
    }
    firstLineOf.set(content, row.line);
    tasks.push({ line: row.line, input, idempotencyKey: idempotencyKeyFor(input) });
  }
  return { headerLine, tasks, errors, ignoredColumns };
}

/**
 * The key a row is sent with: a digest of the task it makes, so that running the same file again,
 * or a corrected copy of it, sends unchanged rows with the keys they had (the API returns the
 * first result) and only new or changed rows make tasks.
 */
export function idempotencyKeyFor(input: AssignTaskInput): string {
  return `import-${createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 48)}`;
}
