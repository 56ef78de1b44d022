import {
  BadUserInputError,
  cleanText,
  fetchEntities,
  isUuid,
  runIdempotently,
  type CalendarDate,
} from '@giaoviec/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { TaskRow } from '../task/task.entity';
import type { Actor } from '../task/workflow';
import type { TransferTasksInput } from './transfer.type';

/**
 * Passes every open task of a unit to its successor in one transaction: each task keeps the
 * transfer on its row (so figures as of an earlier date still count it for the old unit) and gets
 * a TRANSFERRED entry in its history.
 */
export async function transferOpenTasks(db: DataSource, actor: Actor, input: TransferTasksInput): Promise<TaskRow[]> {
  const legalBasis = cleanText(input.legalBasis, { field: 'legalBasis', max: 255, singleLine: true });
  const { fromOrganisationId: from, toOrganisationId: to, transferredOn } = input;
  if (transferredOn > actor.today) {
    throw new BadUserInputError(`transferredOn must not be in the future (today is ${actor.today})`, 'transferredOn');
  }
  if (from === to) throw new BadUserInputError('a unit cannot transfer tasks to itself', 'toOrganisationId');
  await requireSuccessor(from, to, actor);
  return runIdempotently(db, 'assignments', { userId: actor.user.id, operation: 'transferTasks', input }, (tx) =>
    moveOpenTasks(tx, { from, to, transferredOn, legalBasis, actor: actor.name, actorId: actor.user.id }),
  );
}

export interface Transfer {
  from: string;
  to: string;
  transferredOn: CalendarDate;
  legalBasis: string;
  /** Who the history names, and the user's id (null for the platform's own loads). */
  actor: string;
  actorId: string | null;
}

/** The transfer itself, unchecked, inside the caller's transaction (also the demo data's). */
export async function moveOpenTasks(tx: EntityManager, transfer: Transfer): Promise<TaskRow[]> {
  const { from, to, transferredOn, legalBasis } = transfer;
  // One statement: the rows move and their history entries are written together.
  const moved: Array<{ id: string }> = await tx.query(
    `WITH moved AS (
       UPDATE assignments.task
          SET lead_transferred_on = lead_transferred_on || $3::date,
              lead_transferred_from = lead_transferred_from || lead_organisation_id,
              lead_organisation_id = $2::uuid,
              version = version + 1,
              updated_at = now()
        WHERE lead_organisation_id = $1::uuid
          AND status IN ('IN_PROGRESS', 'COMPLETION_SUBMITTED')
          AND assigned_on < $3::date
          AND (cardinality(lead_transferred_on) = 0 OR lead_transferred_on[cardinality(lead_transferred_on)] < $3::date)
       RETURNING id)
     INSERT INTO assignments.task_history (task_id, on_date, action, actor, actor_id, details)
     SELECT id, $3::date, 'TRANSFERRED', $4, $6, $5::jsonb FROM moved
     RETURNING task_id AS id`,
    [
      from,
      to,
      transferredOn,
      transfer.actor,
      JSON.stringify({ fromOrganisationId: from, toOrganisationId: to, legalBasis }),
      transfer.actorId,
    ],
  );
  const ids = moved.map((row) => row.id);
  return tx
    .getRepository(TaskRow)
    .createQueryBuilder('t')
    .where('t.id = ANY(:ids)', { ids })
    .orderBy('t.assigned_on')
    .addOrderBy('t.id')
    .getMany();
}

/** The receiving unit must be a recorded successor of the giving one (organisations subgraph). */
async function requireSuccessor(from: string, to: string, actor: Actor): Promise<void> {
  if (!isUuid(from)) throw new BadUserInputError(`No organisation has id ${from}`, 'fromOrganisationId');
  const [unit] = await fetchEntities<{ id: string; successors: Array<{ id: string }> } | null>(
    'organisations',
    'Organisation',
    [from],
    'id successors { id }',
    actor,
  );
  if (!unit) throw new BadUserInputError(`No organisation has id ${from}`, 'fromOrganisationId');
  if (!unit.successors.some((successor) => successor.id === to)) {
    throw new BadUserInputError(
      'toOrganisationId is not a successor of fromOrganisationId: record the restructuring first',
      'toOrganisationId',
    );
  }
}
