/**
 * CSV as spreadsheet programs open it. A text cell starting with `=`, `+`, `-`, `@`, a tab, a
 * carriage return or NUL is run as a formula when Excel opens the file (`=HYPERLINK(...)` sends
 * data away, `+cmd|...` starts a program), whatever quoting it has: OWASP's "CSV Injection" fix is
 * a leading `'`, which makes it text. Every text cell is also quoted, so that no `,` or `;` in it
 * starts a new cell, in a locale whose Excel splits on `;` either. Numbers are left as they are:
 * `-3` stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;

/** A text as written to a CSV cell: with a leading `'` when a spreadsheet would take it for a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text of a CSV cell as it was before `neutraliseFormula`: a list exported as CSV imports as it was. */
export function restoreFormulaText(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One CSV field (RFC 4180): text quoted, with its quotes doubled and formulas neutralised; numbers bare. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return `"${neutraliseFormula(value).replace(/"/g, '""')}"`;
}

/** One CSV record, without its line break. */
export function csvRecord(values: Array<string | number | null | undefined>): string {
  return values.map(csvField).join(',');
}

/**
 * How many records a CSV text holds at most: its line breaks outside quotes (a quoted cell may
 * hold line breaks), plus a last line without one. Blank lines count: this bounds what is parsed.
 */
export function csvRecordCount(text: string): number {
  let records = 0;
  let quoted = false;
  const specials = /["\n]/g;
  for (let match = specials.exec(text); match; match = specials.exec(text)) {
    if (match[0] === '"') quoted = !quoted;
    else if (!quoted) records++;
  }
  return text === '' || text.endsWith('\n') ? records : records + 1;
}
