/**
 * Where a division (phòng, ban) may stand (RULES.md, Delegation inside a unit): under a unit, never
 * at the top nor under another division; and no unit stands under a division. The kinds are the
 * enum's values; null: no parent.
 */
export function placementProblem(kind: string, parentKind: string | null): string | null {
  if (kind === 'DIVISION' && parentKind === null) return 'a division must be placed under a unit';
  if (parentKind === 'DIVISION') return 'nothing can be placed under a division';
  return null;
}
