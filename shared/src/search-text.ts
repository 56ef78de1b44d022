import { cleanText } from './text';

/**
 * Text as search compares it: without Vietnamese diacritics, đ as d, lower case, single spaces.
 * "so xay dung" then finds "Sở Xây dựng".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern matching `text` anywhere, with the client's `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The LIKE pattern of a client's search text (null when there is nothing to search): checked like
 * any input (one line, no control characters, at most 200 characters), folded, wildcards literal.
 */
export function searchPattern(text: string | null | undefined, field: string): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  return containsPattern(foldForSearch(cleanText(text, { field, max: 200, singleLine: true })));
}
