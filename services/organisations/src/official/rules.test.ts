import { ConflictError, type CalendarDate } from '@giaoviec/shared';
import { Position } from './position';
import { inOfficeOn, requireNoOverlap, type Term } from './rules';

const term = (id: string, officialId: string, position: Position, startsOn: string, endsOn: string | null): Term => ({
  id,
  officialId,
  organisationId: 'ubnd',
  position,
  startsOn: startsOn as CalendarDate,
  endsOn: endsOn as CalendarDate | null,
});

describe('terms of office', () => {
  it('covers its first and last day', () => {
    const t = term('t', 'a', Position.CHAIRMAN, '2016-07-01', '2021-06-30');
    expect(inOfficeOn(t, '2016-07-01' as CalendarDate)).toBe(true);
    expect(inOfficeOn(t, '2021-06-30' as CalendarDate)).toBe(true);
    expect(inOfficeOn(t, '2021-07-01' as CalendarDate)).toBe(false);
  });

  it('one Chairman at a time, several Vice-Chairmen', () => {
    const chairman = term('c1', 'a', Position.CHAIRMAN, '2016-07-01', '2021-06-30');
    expect(() => requireNoOverlap(term('c2', 'b', Position.CHAIRMAN, '2021-06-30', null), [chairman])).toThrow(
      ConflictError,
    );
    expect(() => requireNoOverlap(term('c2', 'b', Position.CHAIRMAN, '2021-07-01', null), [chairman])).not.toThrow();
    const vice = term('v1', 'c', Position.VICE_CHAIRMAN, '2016-07-01', null);
    expect(() => requireNoOverlap(term('v2', 'd', Position.VICE_CHAIRMAN, '2017-01-01', null), [vice])).not.toThrow();
    expect(() => requireNoOverlap(term('v3', 'c', Position.VICE_CHAIRMAN, '2017-01-01', null), [vice])).toThrow(
      /overlaps/,
    );
  });
});
