import { feedPageSize, readFeedCursor, signFeedCursor } from './change-feed';

const position = { tx: '7421', id: '100', at: '2026-11-30T08:00:00.000Z' };
const now = new Date('2026-12-01T00:00:00Z');

describe('change-feed cursors', () => {
  it('give back the position to the user and feed they were signed for', () => {
    expect(readFeedCursor('task', 'u1', signFeedCursor('task', 'u1', position), now)).toEqual(position);
  });

  it.each([
    ['another user', () => readFeedCursor('task', 'u2', signFeedCursor('task', 'u1', position), now)],
    ['another feed', () => readFeedCursor('inspection', 'u1', signFeedCursor('task', 'u1', position), now)],
    [
      'a forged position',
      () => {
        const [, signature] = signFeedCursor('task', 'u1', position).split('.');
        const body = Buffer.from(JSON.stringify(['1', '1', position.at])).toString('base64url');
        return readFeedCursor('task', 'u1', `${body}.${signature}`, now);
      },
    ],
    ['garbage', () => readFeedCursor('task', 'u1', 'not a cursor', now)],
    [
      'an unsigned cursor',
      () => readFeedCursor('task', 'u1', signFeedCursor('task', 'u1', position).split('.')[0]!, now),
    ],
  ])('refuse %s with BAD_USER_INPUT', (_name, read) => {
    expect(read).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
    );
  });

  it('expire after 400 days', () => {
    const old = signFeedCursor('task', 'u1', { ...position, at: '2025-10-01T00:00:00.000Z' });
    expect(() => readFeedCursor('task', 'u1', old, now)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'CURSOR_EXPIRED' }) }),
    );
    const recent = signFeedCursor('task', 'u1', { ...position, at: '2025-11-01T00:00:00.000Z' });
    expect(readFeedCursor('task', 'u1', recent, now).id).toBe('100');
  });

  it('pages of 1 to 500 events, 20 by default as every list', () => {
    expect(feedPageSize(undefined)).toBe(20);
    expect(feedPageSize(500)).toBe(500);
    expect(() => feedPageSize(0)).toThrow();
    expect(() => feedPageSize(501)).toThrow();
  });
});
