import { refusal } from '@giaoviec/shared';
import { cleanContactEmail, cleanOrganisationCode, cleanOrganisationName, wouldCreateCycle } from './rules';

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

describe('a contact e-mail address', () => {
  it('is kept with its domain in lower case, or removed with null', () => {
    expect(cleanContactEmail(' VanThu@SXD.LangSon.gov.vn ')).toBe('VanThu@sxd.langson.gov.vn');
    expect(cleanContactEmail(null)).toBeNull();
  });

  it.each(['no-at-sign', 'a@b', 'a b@c.vn', '<a@b.vn>', 'a@b.vn\nBcc: x@y.vn'])('refuses %j', (email) => {
    expect(() => cleanContactEmail(email)).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'contactEmail' }),
      }),
    );
  });
});
