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

// One address: a local part and a domain with a dot, no spaces, quotes or angle brackets.
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]+$/;

/** A contact e-mail address as stored (trimmed, lower-case domain), null to remove it; BAD_USER_INPUT otherwise. */
export function cleanContactEmail(email: string | null): string | null {
  if (email === null) return null;
  const text = cleanText(email, { field: 'contactEmail', max: 254, singleLine: true });
  if (!EMAIL.test(text)) throw new BadUserInputError('contactEmail is not an e-mail address', 'contactEmail');
  const at = text.lastIndexOf('@');
  return `${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}`;
}

/**
 * Whether placing `unitId` under a parent whose chain up to the top is `parentChain` (the parent
 * first) would make the unit its own ancestor.
 */
export function wouldCreateCycle(unitId: string, parentChain: readonly string[]): boolean {
  return parentChain.includes(unitId);
}
