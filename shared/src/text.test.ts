import { GraphQLError } from 'graphql';
import { cleanText } from './text';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : error;
  }
  return 'no error';
}

describe('cleanText', () => {
  it('normalises to NFC and trims', () => {
    const decomposed = 'Sở Xây dựng'.normalize('NFD');
    expect(decomposed).not.toBe('Sở Xây dựng');
    expect(cleanText(`  ${decomposed} `, { field: 'name', max: 10 + 1 })).toBe('Sở Xây dựng');
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    expect(cleanText('Đình Lập', { field: 'name', max: 8 })).toBe('Đình Lập');
    expect(codeOf(() => cleanText('Đình Lập!', { field: 'name', max: 8 }))).toBe('BAD_USER_INPUT');
  });

  it('collapses spaces and refuses line breaks in single-line text', () => {
    expect(cleanText('Sở  Y   tế', { field: 'name', max: 50, singleLine: true })).toBe('Sở Y tế');
    expect(codeOf(() => cleanText('Sở\nY tế', { field: 'name', max: 50, singleLine: true }))).toBe('BAD_USER_INPUT');
    expect(cleanText('line one\nline two', { field: 'note', max: 50 })).toBe('line one\nline two');
  });

  it('refuses empty text and control characters', () => {
    expect(codeOf(() => cleanText('   ', { field: 'name', max: 50 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => cleanText('a\u0000b', { field: 'name', max: 50 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => cleanText('a\u009Bb', { field: 'name', max: 50 }))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['a zero-width space', 'Sở\u200BXây dựng'],
    ['a right-to-left override', 'Sở Xây dựng\u202Egnud'],
    ['a bidirectional isolate', '\u2066Sở\u2069'],
    ['a byte-order mark inside', 'Sở\uFEFF Y tế'],
    ['a zero-width joiner', 'Sở\u200DY tế'],
    ['a soft hyphen', 'Sở Xây\u00ADdựng'],
  ])('refuses %s (a format character) in single-line and free text alike', (_name, text) => {
    expect(codeOf(() => cleanText(text, { field: 'name', max: 50, singleLine: true }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => cleanText(text, { field: 'note', max: 50 }))).toBe('BAD_USER_INPUT');
  });

  it('stores Vietnamese text in NFC, however it was typed', () => {
    const decomposed = 'Sở Xây dựng'.normalize('NFD');
    expect(decomposed).not.toBe('Sở Xây dựng');
    expect(cleanText(decomposed, { field: 'name', max: 50 })).toBe('Sở Xây dựng');
  });
});
