import { ConflictError, type CalendarDate } from '@giaoviec/shared';
import { overlaps } from '../restructuring/rules';
import type { Position } from './position';

export interface Term {
  id: string;
  officialId: string;
  organisationId: string;
  position: Position;
  startsOn: CalendarDate;
  endsOn: CalendarDate | null;
}

/** Positions one person holds at a time in a unit. */
const SINGLE_HOLDER: ReadonlySet<Position> = new Set(['CHAIRMAN', 'CHIEF_OF_OFFICE', 'DIRECTOR'] as Position[]);

/** Whether the term covers that day. */
export function inOfficeOn(term: Pick<Term, 'startsOn' | 'endsOn'>, day: CalendarDate): boolean {
  return term.startsOn <= day && (term.endsOn === null || term.endsOn >= day);
}

/**
 * A term may not overlap another term of the same official in the same position and unit, nor,
 * for a position held by one person at a time (Chairman, Chief of Office, Director), anyone's.
 */
export function requireNoOverlap(term: Term, unitTerms: readonly Term[]): void {
  const span = (t: Term) => ({ validFrom: t.startsOn, validTo: t.endsOn });
  const clash = unitTerms.find(
    (other) =>
      other.id !== term.id &&
      other.position === term.position &&
      (other.officialId === term.officialId || SINGLE_HOLDER.has(term.position)) &&
      overlaps(span(other), span(term)),
  );
  if (clash) {
    throw new ConflictError(
      `This term overlaps another ${term.position} term in the unit (${clash.startsOn} to ${clash.endsOn ?? 'now'})`,
      { field: 'startsOn' },
    );
  }
}
