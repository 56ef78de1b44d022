import { BadUserInputError } from '../errors';

/** The years a calendar date can have (the `Date` scalar's range). */
export const CALENDAR_YEARS = { min: 1900, max: 9999 } as const;

/**
 * Checks an integer argument against its documented range: BAD_USER_INPUT naming the field,
 * never a database error (GraphQL's Int admits every 32-bit value).
 */
export function requireIntBetween<T extends number | null | undefined>(
  value: T,
  field: string,
  min: number,
  max: number,
): T {
  if (value !== null && value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
    throw new BadUserInputError(`${field} must be between ${min} and ${max}`, field);
  }
  return value;
}
