import { ForbiddenError } from '../errors';
import type { RequestUser } from '../context';

/** The roles of the contract (contract README, "Who may do what"). */
export const ROLES = ['LEADER', 'OFFICE', 'UNIT', 'INSPECTOR', 'READER'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Who may do what: the contract's role table, in one place. A `UNIT` user is further limited to
 * its own unit's tasks and inspections (see `canSeeUnit`).
 */
export const MAY = {
  manageOrganisations: ['OFFICE'],
  readTasks: ['LEADER', 'OFFICE', 'UNIT', 'INSPECTOR'],
  assignTasks: ['OFFICE'],
  correctTasks: ['OFFICE'],
  decideOnTasks: ['OFFICE'],
  reportOnTasks: ['UNIT'],
  /** The assigning side: OFFICE, and for a sub-task the UNIT users of its parent's lead unit (the workflow checks which). */
  decideOnSubtasks: ['OFFICE', 'UNIT'],
  /** Delegate a task to a division of its lead unit: OFFICE, or that unit's UNIT users (the workflow checks which). */
  delegateTasks: ['OFFICE', 'UNIT'],
  readInspections: ['LEADER', 'OFFICE', 'UNIT', 'INSPECTOR'],
  recordInspections: ['INSPECTOR'],
  respondToRecommendations: ['OFFICE'],
  runReminders: ['OFFICE'],
  remindTasks: ['OFFICE', 'LEADER'],
  requestExplanations: ['OFFICE', 'LEADER', 'INSPECTOR'],
  answerExplanations: ['UNIT'],
} as const satisfies Record<string, readonly Role[]>;

/** Whether the user may see all units' data, or only its own unit's (a UNIT user with no wider role). */
export function ownUnitOnly(user: RequestUser): string | null {
  const wider = user.roles.some((role) => role !== 'UNIT' && role !== 'READER');
  return wider ? null : (user.organisationId ?? '');
}

/** Whether the user may see data that concerns these units (any of them). */
export function canSeeUnits(user: RequestUser, unitIds: readonly string[]): boolean {
  const own = ownUnitOnly(user);
  return own === null || unitIds.includes(own);
}

/** Refuses with FORBIDDEN unless the user may see data of one of these units. */
export function requireUnitAccess(user: RequestUser, unitIds: readonly string[], what: string): void {
  if (!canSeeUnits(user, unitIds)) throw new ForbiddenError(`A unit user may only see its own unit's ${what}`);
}
