import { connectionOptions, readUrlsFromEnvironment } from './replication';

describe('read replicas from the environment', () => {
  it('reads a comma-separated list, ignoring blanks and spaces', () => {
    expect(readUrlsFromEnvironment(undefined)).toEqual([]);
    expect(readUrlsFromEnvironment('')).toEqual([]);
    expect(readUrlsFromEnvironment(' postgres://r1/db , ,postgres://r2/db,')).toEqual([
      'postgres://r1/db',
      'postgres://r2/db',
    ]);
  });

  it('keeps the plain URL when there is no replica', () => {
    expect(connectionOptions('postgres://primary/db', [])).toEqual({ url: 'postgres://primary/db' });
  });

  it('names the primary for writes and each replica for reads, the primary by default', () => {
    expect(connectionOptions('postgres://primary/db', ['postgres://r1/db', 'postgres://r2/db'])).toEqual({
      replication: {
        master: { url: 'postgres://primary/db' },
        slaves: [{ url: 'postgres://r1/db' }, { url: 'postgres://r2/db' }],
        defaultMode: 'master',
      },
    });
  });
});
