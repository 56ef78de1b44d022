import { BadUserInputError } from './errors';

// C0 and C1 control characters, except tab and line breaks, which free text may hold.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Format characters (Unicode category Cf): zero-width spaces and joiners, bidirectional overrides
// and isolates (U+202E makes "exe.txt" read "txt.exe"), the BOM. Invisible: they make look-alike
// names and hide text; no Vietnamese text needs one.
const FORMAT_CHARACTERS = /\p{Cf}/u;

export interface TextRule {
  /** The input field, named in the error. */
  field: string;
  min?: number;
  max: number;
  /** One line (names, codes): line breaks and tabs refused, runs of spaces collapsed. */
  singleLine?: boolean;
}

/**
 * Client text as it is stored: Unicode NFC (so "ệ" typed two ways compares equal), trimmed,
 * no control or format characters, within its length. Throws BAD_USER_INPUT otherwise.
 */
export function cleanText(value: string, rule: TextRule): string {
  let text = value.normalize('NFC').trim();
  if (rule.singleLine) {
    if (/[\t\r\n]/.test(text)) throw new BadUserInputError(`${rule.field} must be a single line`, rule.field);
    text = text.replace(/ {2,}/g, ' ');
  }
  if (CONTROL_CHARACTERS.test(text)) {
    throw new BadUserInputError(`${rule.field} must not contain control characters`, rule.field);
  }
  if (FORMAT_CHARACTERS.test(text)) {
    throw new BadUserInputError(
      `${rule.field} must not contain invisible format characters (zero-width or bidirectional controls)`,
      rule.field,
    );
  }
  const length = [...text].length;
  const min = rule.min ?? 1;
  if (length < min) {
    throw new BadUserInputError(
      min === 1 ? `${rule.field} must not be empty` : `${rule.field} must have at least ${min} characters`,
      rule.field,
    );
  }
  if (length > rule.max) {
    throw new BadUserInputError(`${rule.field} must have at most ${rule.max} characters`, rule.field);
  }
  return text;
}
