import { containsPattern, foldForSearch } from './search-text';

describe('search text', () => {
  it('ignores diacritics, đ and case', () => {
    expect(foldForSearch('Sở Xây dựng')).toBe('so xay dung');
    expect(foldForSearch('ĐÌNH LẬP  đường')).toBe('dinh lap duong');
    expect(foldForSearch('Sở Xây dựng'.normalize('NFD'))).toBe('so xay dung');
    expect(foldForSearch('162/QĐ-UBND')).toBe('162/qd-ubnd');
  });

  it('takes LIKE wildcards literally', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
