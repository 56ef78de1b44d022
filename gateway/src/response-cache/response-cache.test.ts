import { DEFAULT_RESPONSE_CACHE_MB, responseCacheBytesFromEnvironment } from './response-cache';

describe('responseCacheBytesFromEnvironment', () => {
  it('is RESPONSE_CACHE_MB in bytes, the default when unset, 0 (off) when asked', () => {
    expect(responseCacheBytesFromEnvironment({})).toBe(DEFAULT_RESPONSE_CACHE_MB * 1024 * 1024);
    expect(responseCacheBytesFromEnvironment({ RESPONSE_CACHE_MB: '8' })).toBe(8 * 1024 * 1024);
    expect(responseCacheBytesFromEnvironment({ RESPONSE_CACHE_MB: '0' })).toBe(0);
  });

  it('refuses what is not a number of megabytes', () => {
    expect(() => responseCacheBytesFromEnvironment({ RESPONSE_CACHE_MB: 'lots' })).toThrow(/RESPONSE_CACHE_MB/);
    expect(() => responseCacheBytesFromEnvironment({ RESPONSE_CACHE_MB: '-1' })).toThrow(/RESPONSE_CACHE_MB/);
  });
});
