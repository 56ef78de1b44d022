import { FIGURES_CHANGED } from '../feed/event-types';

/**
 * What a webhook's owner may receive, from its roles (the contract's role table): LEADER, OFFICE
 * and INSPECTOR every event; UNIT the events of its own unit (its tasks, led or coordinated, its
 * inspections, its figures); READER only FIGURES_CHANGED.
 */
export interface OwnerScope {
  /** Only events of this unit; null: every unit. */
  organisationId: string | null;
  /** Only FIGURES_CHANGED. */
  figuresOnly: boolean;
}

const WIDE_ROLES = ['LEADER', 'OFFICE', 'INSPECTOR'];

/** The owner's scope, or null when its roles let it receive nothing (a UNIT user with no unit). */
export function ownerScope(user: { roles: readonly string[]; organisationId?: string | null }): OwnerScope | null {
  if (user.roles.some((role) => WIDE_ROLES.includes(role))) return { organisationId: null, figuresOnly: false };
  if (user.roles.includes('UNIT'))
    return user.organisationId ? { organisationId: user.organisationId, figuresOnly: false } : null;
  if (user.roles.includes('READER')) return { organisationId: null, figuresOnly: true };
  return null;
}

/** Whether an event of this type and these units is within the scope (the subject's own rights aside). */
export function inScope(scope: OwnerScope, type: string, organisationIds: readonly string[]): boolean {
  if (scope.figuresOnly && type !== FIGURES_CHANGED) return false;
  return scope.organisationId === null || organisationIds.includes(scope.organisationId);
}
