import { BadUserInputError, fetchEntities, isUuid, type CalendarDate, type Caller } from '@giaoviec/shared';
import type { EntityManager } from 'typeorm';
import { deadlineInForce, factsOf } from '../task/deadline';
import { TaskRow } from '../task/task.entity';

/**
 * The checks of delegation inside a unit (RULES.md) that need more than the task's own state: the
 * lifecycle checks a sub-task's dates and deadline against its parent when it is delegated.
 */

/**
 * A sub-task's deadline may never pass its parent's deadline in force on the sub-task's
 * assignment date: neither when delegated (the lifecycle) nor by an extension (here).
 */
export async function requireWithinParentDeadline(
  task: TaskRow,
  proposedDueOn: CalendarDate,
  tx: EntityManager,
): Promise<void> {
  if (task.parentId === null) return;
  const limit = deadlineInForce(factsOf(await parentOf(task.parentId, tx)), task.assignedOn);
  if (limit !== null && proposedDueOn > limit) {
    throw new BadUserInputError(
      `proposedDueOn must not be after the parent task's deadline in force when this sub-task was assigned (${limit})`,
      'proposedDueOn',
    );
  }
}

/**
 * A corrected sub-task keeps to its parent as a delegated one must: assigned on or after it, and
 * with a deadline not after the parent's in force on its assignment (when the parent has one).
 */
export async function requireCorrectedWithinParent(
  task: TaskRow,
  corrected: { assignedOn: CalendarDate; originalDueOn: CalendarDate | null },
  deadlineField: string,
  tx: EntityManager,
): Promise<void> {
  if (task.parentId === null) return;
  const parent = await parentOf(task.parentId, tx);
  if (corrected.assignedOn < parent.assignedOn) {
    throw new BadUserInputError(`assignedOn must not be before the parent task's (${parent.assignedOn})`, 'assignedOn');
  }
  const limit = deadlineInForce(factsOf(parent), corrected.assignedOn);
  if (limit !== null && (corrected.originalDueOn === null || corrected.originalDueOn > limit)) {
    throw new BadUserInputError(
      `the deadline must be set, and not after the parent task's deadline in force on the assignment date (${limit})`,
      deadlineField,
    );
  }
}

const parentOf = (id: string, tx: EntityManager) => tx.getRepository(TaskRow).findOneByOrFail({ id });

/** A division of the given unit (kind DIVISION, its parent that unit), else BAD_USER_INPUT on `divisionId`. */
export async function requireDivisionOf(divisionId: string, unitId: string, caller: Caller): Promise<void> {
  const [division] = isUuid(divisionId)
    ? await fetchEntities<{ id: string; kind: string; parent: { id: string } | null }>(
        'organisations',
        'Organisation',
        [divisionId],
        'id kind parent { id }',
        caller,
      )
    : [];
  if (!division || division.kind !== 'DIVISION' || division.parent?.id !== unitId) {
    throw new BadUserInputError(`${divisionId} is not a division of the task's lead unit`, 'divisionId');
  }
}
