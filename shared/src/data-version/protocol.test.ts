import { keyedVersion, MAX_SCOPE_KEYS, scopesOf } from './protocol';

describe('keyedVersion', () => {
  const versions = new Map([
    ['u1', '3'],
    ['u2', '5'],
  ]);

  it('is one digest of the keys and their versions, whatever their order or repetition', () => {
    expect(keyedVersion(['u2', 'u1', 'u2'], (key) => versions.get(key))).toBe(
      keyedVersion(['u1', 'u2'], (key) => versions.get(key)),
    );
  });

  it("changes with any key's version", () => {
    const bumped = new Map([...versions, ['u2', '6']]);
    expect(keyedVersion(['u1', 'u2'], (key) => bumped.get(key))).not.toBe(
      keyedVersion(['u1', 'u2'], (key) => versions.get(key)),
    );
  });

  it('is undefined when a key has no version', () => {
    expect(keyedVersion(['u1', 'u3'], (key) => versions.get(key))).toBeUndefined();
  });
});

describe('scopesOf', () => {
  it('takes scopes with or without keys', () => {
    expect(scopesOf({ scopes: [{}, { keys: ['u1'] }] })).toEqual([{}, { keys: ['u1'] }]);
  });

  it('refuses anything else, and more keys than the bound', () => {
    for (const body of [
      null,
      {},
      { scopes: 'x' },
      { scopes: [null] },
      { scopes: [{ keys: [1] }] },
      { scopes: [{ keys: 'u1' }] },
    ])
      expect(scopesOf(body)).toBeUndefined();
    expect(
      scopesOf({ scopes: [{ keys: Array.from({ length: MAX_SCOPE_KEYS + 1 }, (_, index) => `u${index}`) }] }),
    ).toBeUndefined();
  });
});
