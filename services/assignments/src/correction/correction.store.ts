import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  existingEntityIds,
  isUuid,
  runIdempotently,
  requireIntBetween,
} from '@giaoviec/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { requireCorrectedWithinParent } from '../delegation/delegation-rules';
import { factsOf } from '../task/deadline';
import { TaskHistoryRow } from '../task/reports.entity';
import { searchTextOf } from '../task/task-records';
import { TaskRow } from '../task/task.entity';
import type { Actor } from '../task/workflow';
import type { CorrectTaskInput } from './correction.inputs';
import {
  cleanCorrection,
  correctedTask,
  type CorrectableFields,
  type CorrectedTask,
  type CorrectionRefusal,
  type RecordedStep,
} from './rules';

/**
 * A correction (đính chính) in one transaction: the task row is locked, checked against its
 * expected version and its recorded history (rules.ts), rewritten as if it had always held the
 * corrected values, and a CORRECTED history row keeps the reason and each field before and after.
 * The task table's triggers bump the lead unit's task version in the same transaction, so cached
 * figures of the unit are recomputed; the generated columns follow the row.
 */
export async function correctTask(db: DataSource, actor: Actor, input: CorrectTaskInput): Promise<TaskRow> {
  requireIntBetween(input.expectedVersion, 'expectedVersion', 1, 2 ** 31 - 1);
  const { reason, correction } = cleanCorrection(input);
  if (correction.coordinatingOrganisationIds?.length) {
    await requireOrganisations(correction.coordinatingOrganisationIds, actor);
  }
  const request = { userId: actor.user.id, operation: 'correctTask', input };
  return runIdempotently(db, 'assignments', request, async (tx) => {
    const task = isUuid(input.taskId)
      ? await tx
          .getRepository(TaskRow)
          .createQueryBuilder('t')
          .setLock('pessimistic_write')
          .where('t.id = :id', { id: input.taskId })
          .getOne()
      : null;
    if (!task) throw new NotFoundError(`No task has id ${input.taskId}`);
    if (task.version !== input.expectedVersion) {
      throw new ConflictError(
        `The task has changed since version ${input.expectedVersion}: it is at version ${task.version}`,
        { currentVersion: task.version, field: 'expectedVersion' },
      );
    }
    const outcome = correctedTask(
      {
        fields: fieldsOf(task),
        status: task.status,
        leadOrganisationId: task.leadOrganisationId,
        deadlineWorkingDays: task.deadlineWorkingDays,
        approvedExtensions: factsOf(task).approvedExtensions,
        steps: await recordedSteps(tx, task.id),
      },
      correction,
      actor.today,
    );
    if (outcome.refusal) throw refusalError(outcome.refusal);
    // Only what the correction moves: a title corrected never trips over an older parent's change.
    if ('assignedOn' in correction || 'originalDueOn' in correction) {
      const field = 'originalDueOn' in correction ? 'originalDueOn' : 'assignedOn';
      await requireCorrectedWithinParent(task, outcome.corrected, field, tx);
    }
    const change = rowOf(outcome.corrected);
    // The version guard is in the SQL itself, not only in the lock above.
    const written = await tx
      .getRepository(TaskRow)
      .createQueryBuilder()
      .update(TaskRow)
      .set({ ...change, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: task.id, version: task.version })
      .execute();
    if (written.affected !== 1) {
      throw new ConflictError('The task was changed by another request meanwhile', { field: 'expectedVersion' });
    }
    await tx.getRepository(TaskHistoryRow).insert({
      taskId: task.id,
      action: 'CORRECTED',
      onDate: actor.today,
      actor: actor.name,
      actorId: actor.user.id,
      details: { reason, changes: outcome.changes },
    });
    return { ...task, ...change, version: task.version + 1 };
  });
}

/** The steps recorded after the assignment, in the order recorded; earlier corrections left out. */
async function recordedSteps(tx: EntityManager, taskId: string): Promise<RecordedStep[]> {
  const rows: Array<{ action: string; on: string; details: Record<string, unknown> }> = await tx.query(
    `SELECT action, on_date::text AS "on", details FROM assignments.task_history
      WHERE task_id = $1 AND action NOT IN ('ASSIGNED', 'CORRECTED') ORDER BY id`,
    [taskId],
  );
  return rows.map(({ action, on, details }) => ({ ...details, type: action, on: on as RecordedStep['on'] }));
}

function fieldsOf(task: TaskRow): CorrectableFields {
  return {
    title: task.title,
    description: task.description,
    assignedOn: task.assignedOn,
    originalDueOn: task.originalDueOn,
    priority: task.priority,
    sourceDocument:
      task.documentNumber === null
        ? null
        : {
            number: task.documentNumber,
            kind: task.documentKind!,
            issuedOn: task.documentIssuedOn!,
            signer: task.documentSigner,
          },
    coordinatingOrganisationIds: task.coordinatingOrganisationIds,
    coordinationDueOn: task.coordinationDueOn,
  };
}

/** The task columns a corrected task sets. */
function rowOf(corrected: CorrectedTask): Partial<TaskRow> {
  const document = corrected.sourceDocument;
  return {
    title: corrected.title,
    description: corrected.description,
    assignedOn: corrected.assignedOn,
    originalDueOn: corrected.originalDueOn,
    dueOn: corrected.dueOn,
    deadlineWorkingDays: corrected.deadlineWorkingDays,
    priority: corrected.priority,
    documentNumber: document?.number ?? null,
    documentKind: document?.kind ?? null,
    documentIssuedOn: document?.issuedOn ?? null,
    documentSigner: document?.signer ?? null,
    coordinatingOrganisationIds: corrected.coordinatingOrganisationIds,
    coordinationDueOn: corrected.coordinationDueOn,
    searchText: searchTextOf(corrected.title, document?.number ?? null),
  };
}

function refusalError(refusal: CorrectionRefusal) {
  return refusal.code === 'CONFLICT'
    ? new ConflictError(refusal.message, refusal.field ? { field: refusal.field } : {})
    : new BadUserInputError(refusal.message, refusal.field);
}

/** Coordinating units must be units the organisations subgraph knows. */
async function requireOrganisations(ids: string[], actor: Actor): Promise<void> {
  const known = await existingEntityIds('organisations', 'Organisation', ids.filter(isUuid), actor);
  const unknown = ids.find((id) => !known.has(id));
  if (unknown) throw new BadUserInputError(`No organisation has id ${unknown}`, 'coordinatingOrganisationIds');
}
