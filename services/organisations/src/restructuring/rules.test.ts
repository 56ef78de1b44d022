import { BadUserInputError, ConflictError, type CalendarDate } from '@giaoviec/shared';
import {
  existsOn,
  lastDayBefore,
  nameOn,
  overlaps,
  requireChangeable,
  requireCodeFree,
  requireDistinct,
  requireExistingSuccessor,
  type UnitInTime,
} from './rules';

const d = (text: string) => text as CalendarDate;
const unit = (code: string, validFrom: string | null, validTo: string | null = null): UnitInTime => ({
  id: code.toLowerCase(),
  code,
  name: `Unit ${code}`,
  validFrom: validFrom as CalendarDate | null,
  validTo: validTo as CalendarDate | null,
});

describe('units through time', () => {
  it('a unit exists from its first to its last day, both included; open ends are open', () => {
    const gtvt = unit('SGTVT', null, '2025-02-28');
    expect(existsOn(gtvt, d('1990-01-01'))).toBe(true);
    expect(existsOn(gtvt, d('2025-02-28'))).toBe(true);
    expect(existsOn(gtvt, d('2025-03-01'))).toBe(false);
    const snnmt = unit('SNNMT', '2025-03-01');
    expect(existsOn(snnmt, d('2025-02-28'))).toBe(false);
    expect(existsOn(snnmt, d('2099-01-01'))).toBe(true);
  });

  it('overlap needs one shared day', () => {
    expect(overlaps(unit('A', null, '2025-02-28'), unit('B', '2025-03-01'))).toBe(false);
    expect(overlaps(unit('A', null, '2025-03-01'), unit('B', '2025-03-01'))).toBe(true);
    expect(overlaps(unit('A', '2020-01-01'), unit('B', null, '2019-12-31'))).toBe(false);
    expect(overlaps(unit('A', null), unit('B', null))).toBe(true);
  });

  it('the day before a change is the last day of the units it ends, across months and leap years', () => {
    expect(lastDayBefore(d('2025-03-01'))).toBe('2025-02-28');
    expect(lastDayBefore(d('2024-03-01'))).toBe('2024-02-29');
    expect(lastDayBefore(d('2025-07-01'))).toBe('2025-06-30');
  });

  it('refuses a change dated on or before the unit began, or on a unit already ended', () => {
    expect(() => requireChangeable(unit('X', '2025-03-01'), d('2025-03-01'), 'effectiveOn')).toThrow(BadUserInputError);
    expect(() => requireChangeable(unit('X', '2025-03-01'), d('2020-01-01'), 'effectiveOn')).toThrow(/predate/);
    expect(() => requireChangeable(unit('X', null, '2025-06-30'), d('2025-07-01'), 'effectiveOn')).toThrow(/ended/);
    expect(() => requireChangeable(unit('X', '2017-01-01'), d('2025-07-01'), 'effectiveOn')).not.toThrow();
  });

  it('a successor must exist on the effective date', () => {
    expect(() => requireExistingSuccessor(unit('S', '2025-07-01'), d('2025-03-01'), 'into')).toThrow(/begins/);
    expect(() => requireExistingSuccessor(unit('S', null, '2025-02-28'), d('2025-03-01'), 'into')).toThrow(/ended/);
    expect(() => requireExistingSuccessor(unit('S', null), d('2025-03-01'), 'into')).not.toThrow();
  });

  it('refuses a merge into itself and a unit listed twice', () => {
    expect(() => requireDistinct(['a', 'b'], ['a'], 'into')).toThrow(/its own/);
    expect(() => requireDistinct(['a', 'a'], ['b'], 'sourceIds')).toThrow(/twice/);
    expect(() => requireDistinct(['a', 'b'], ['c'], 'into')).not.toThrow();
  });

  it('a code is free when no unit bearing it overlaps the new validity', () => {
    const old = unit('SNN', null, '2025-02-28');
    expect(() => requireCodeFree('SNN', { validFrom: d('2025-03-01'), validTo: null }, [old])).not.toThrow();
    expect(() => requireCodeFree('SNN', { validFrom: d('2025-02-01'), validTo: null }, [old])).toThrow(ConflictError);
    expect(() => requireCodeFree('SNN', { validFrom: null, validTo: null }, [old], old.id)).not.toThrow();
  });

  it('names a unit by the name in use on the day', () => {
    const current = { name: 'Sở Nông nghiệp và Môi trường', nameSince: d('2025-03-01') };
    const former = [{ name: 'Sở Nông nghiệp và Phát triển nông thôn', usedFrom: null, usedTo: d('2025-02-28') }];
    expect(nameOn(current, former, d('2017-05-01'))).toBe('Sở Nông nghiệp và Phát triển nông thôn');
    expect(nameOn(current, former, d('2025-03-01'))).toBe('Sở Nông nghiệp và Môi trường');
    expect(nameOn({ name: 'Sở Y tế', nameSince: null }, [], d('2017-05-01'))).toBe('Sở Y tế');
  });
});
