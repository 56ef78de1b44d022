import { BadUserInputError, cleanText } from '@giaoviec/shared';

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;

/** A unit's code as stored: trimmed, upper case, from a small alphabet that survives any system. */
export function cleanOrganisationCode(code: string): string {
  const cleaned = code.normalize('NFC').trim().toUpperCase();
  if (!CODE_PATTERN.test(cleaned)) {
    throw new BadUserInputError(
      'code must be 1 to 32 characters: letters A-Z, digits, ".", "_" or "-", starting with a letter or digit',
      'code',
    );
  }
  return cleaned;
}

export function cleanOrganisationName(name: string): string {
  return cleanText(name, { field: 'name', max: 255, singleLine: true });
}

/**
 * Whether placing `unitId` under a parent whose chain up to the top is `parentChain` (the parent
 * first) would make the unit its own ancestor.
 */
export function wouldCreateCycle(unitId: string, parentChain: readonly string[]): boolean {
  return parentChain.includes(unitId);
}
