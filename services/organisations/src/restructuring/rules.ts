import { BadUserInputError, ConflictError, addDays, type CalendarDate } from '@giaoviec/shared';

/** What happened to the structure (hình thức sắp xếp): merge, split, rename or abolish. */
export type RestructuringKind = 'MERGE' | 'SPLIT' | 'RENAME' | 'ABOLISH';

/** A span of days, both ends included; null ends are open (before records / still valid). */
export interface Validity {
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null;
}

export interface UnitInTime extends Validity {
  id: string;
  code: string;
  name: string;
}

/** Whether the unit existed on that day. */
export function existsOn(unit: Validity, day: CalendarDate): boolean {
  return (unit.validFrom === null || unit.validFrom <= day) && (unit.validTo === null || unit.validTo >= day);
}

/** Whether two spans of days share at least one day. */
export function overlaps(a: Validity, b: Validity): boolean {
  const startsBeforeBEnds = a.validFrom === null || b.validTo === null || a.validFrom <= b.validTo;
  const endsAfterBStarts = a.validTo === null || b.validFrom === null || a.validTo >= b.validFrom;
  return startsBeforeBEnds && endsAfterBStarts;
}

/** The last day of a unit that ends on a change effective on `effectiveOn`. */
export const lastDayBefore = (effectiveOn: CalendarDate): CalendarDate => addDays(effectiveOn, -1);

/**
 * A unit that a change effective on `effectiveOn` ends, renames or passes work from: it must have
 * existed before that day (the change cannot predate it) and must not have ended already.
 */
export function requireChangeable(unit: UnitInTime, effectiveOn: CalendarDate, field: string): void {
  if (unit.validFrom !== null && unit.validFrom >= effectiveOn) {
    throw new BadUserInputError(
      `${unit.code} began on ${unit.validFrom}: a change effective on ${effectiveOn} would predate it`,
      field,
    );
  }
  if (unit.validTo !== null) {
    throw new BadUserInputError(`${unit.code} already ended on ${unit.validTo}`, field);
  }
}

/** A unit that takes over work from a change effective on `effectiveOn`: it must exist that day. */
export function requireExistingSuccessor(unit: UnitInTime, effectiveOn: CalendarDate, field: string): void {
  if (unit.validFrom !== null && unit.validFrom > effectiveOn) {
    throw new BadUserInputError(`${unit.code} begins on ${unit.validFrom}, after ${effectiveOn}`, field);
  }
  if (unit.validTo !== null && unit.validTo < effectiveOn) {
    throw new BadUserInputError(`${unit.code} ended on ${unit.validTo}, before ${effectiveOn}`, field);
  }
}

/** The same unit on both sides of a change makes no sense: a merge into itself, a split into itself. */
export function requireDistinct(
  predecessorIds: readonly string[],
  successorIds: readonly string[],
  field: string,
): void {
  if (new Set(predecessorIds).size !== predecessorIds.length) {
    throw new BadUserInputError('a unit is listed twice', field);
  }
  const both = predecessorIds.find((id) => successorIds.includes(id));
  if (both) throw new BadUserInputError(`unit ${both} cannot be its own predecessor or successor`, field);
}

/** A code names one unit at a time: a unit valid over `validity` may not reuse a code in use then. */
export function requireCodeFree(
  code: string,
  validity: Validity,
  sameCode: readonly UnitInTime[],
  ignoreId: string | null = null,
): void {
  const clash = sameCode.find((unit) => unit.id !== ignoreId && unit.code === code && overlaps(unit, validity));
  if (clash) {
    throw new ConflictError(
      `The code ${code} is already used by "${clash.name}" (${clash.validFrom ?? '…'} to ${clash.validTo ?? 'now'}): validity would overlap`,
      { field: 'code' },
    );
  }
}

/** Which of a unit's names was in use on a day: the current one, or a former one. */
export function nameOn(
  unit: { name: string; nameSince: CalendarDate | null },
  formerNames: ReadonlyArray<{ name: string; usedFrom: CalendarDate | null; usedTo: CalendarDate }>,
  day: CalendarDate,
): string {
  if (unit.nameSince === null || day >= unit.nameSince) return unit.name;
  const former = formerNames.find((entry) => (entry.usedFrom === null || entry.usedFrom <= day) && entry.usedTo >= day);
  return former?.name ?? unit.name;
}
