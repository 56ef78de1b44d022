import { refusal } from '@giaoviec/shared';
import { cleanOrganisationCode, cleanOrganisationName, wouldCreateCycle } from './rules';

describe('organisation rules', () => {
  it('stores codes upper case and trimmed', () => {
    expect(cleanOrganisationCode(' sxd ')).toBe('SXD');
    expect(cleanOrganisationCode('VP-UBND')).toBe('VP-UBND');
  });

  it.each(['', '-SXD', 'SỞ', 'S X D', 'A'.repeat(33)])('refuses the code %j', (code) => {
    expect(refusal(() => cleanOrganisationCode(code))).toEqual(['BAD_USER_INPUT', 'code']);
  });

  it('bounds names', () => {
    expect(cleanOrganisationName(' Sở Xây dựng ')).toBe('Sở Xây dựng');
    expect(refusal(() => cleanOrganisationName(''))).toEqual(['BAD_USER_INPUT', 'name']);
    expect(refusal(() => cleanOrganisationName('x'.repeat(256)))).toEqual(['BAD_USER_INPUT', 'name']);
    expect(cleanOrganisationName('x'.repeat(255))).toHaveLength(255);
  });

  it('sees a cycle when the unit is on its new parent chain', () => {
    expect(wouldCreateCycle('a', ['a'])).toBe(true);
    expect(wouldCreateCycle('a', ['c', 'b', 'a', 'root'])).toBe(true);
    expect(wouldCreateCycle('a', ['c', 'b', 'root'])).toBe(false);
    expect(wouldCreateCycle('a', [])).toBe(false);
  });
});
