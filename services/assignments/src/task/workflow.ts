import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  cleanText,
  existingEntityIds,
  fetchEntities,
  ForbiddenError,
  type Caller,
  type RequestUser,
  isUuid,
  type CalendarDate,
  requireIntBetween,
  runIdempotently,
} from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { coordinationDueOnProblem } from '../coordination/rules';
import { loadHolidayCalendar } from '../working-days/holiday.store';
import { addWorkingDays } from '../working-days/rules';
import { deadlineInForce, factsOf } from './deadline';
import { ExtensionRow } from './extension.entity';
import { assignedState, describeRefusal, nextState, type Refusal, type TaskState, type TaskStep } from './lifecycle';
import { CompletionReportRow, ProgressReportRow, TaskHistoryRow } from './reports.entity';
import { canSeeTask } from './task-connection';
import { searchTextOf } from './task-records';
import type { TaskEventType } from './task-history';
import { TaskRow } from './task.entity';
import type {
  TaskChangeInput,
  AssignTaskInput,
  ConfirmCompletionInput,
  ReportProgressInput,
  ReturnCompletionInput,
  SubmitCompletionInput,
  WithdrawTaskInput,
} from './task.inputs';

/** Who acts and when "today" is (Asia/Ho_Chi_Minh): dates of actions may not be after it. */
export interface Actor extends Caller {
  user: RequestUser;
  /** The name the history records. */
  name: string;
  today: CalendarDate;
}

export const text = (value: string, field: string, max = 2000) => cleanText(value, { field, max });
export const optionalText = (value: string | null | undefined, field: string, max = 2000) =>
  value === null || value === undefined || value.trim() === '' ? null : text(value, field, max);

/**
 * Who may take a step: the unit that leads the task, the assigning side, a coordinating unit, or
 * who may delegate it (the lead unit or OFFICE). For a sub-task, the staff of its parent's lead
 * unit act as its lead unit and as its assigning side (RULES.md, Delegation inside a unit).
 */
/**
 * Who takes a step: the lead unit, the assigning side, a coordinating unit, the delegating unit,
 * or an overseer (OFFICE, LEADER, INSPECTOR chasing a task: the mutation's roles are the check).
 */
export type StepActor = 'LEAD_UNIT' | 'ASSIGNING_SIDE' | 'COORDINATING_UNIT' | 'DELEGATOR' | 'OVERSEER';

/** Why the user may not take a step of this task, or null when it may (the roles were checked before). */
export function stepForbidden(
  by: StepActor,
  user: RequestUser,
  task: Pick<TaskRow, 'leadOrganisationId' | 'coordinatingOrganisationIds' | 'assigningOrganisationId'>,
): string | null {
  const unit = user.organisationId ?? null;
  const office = user.roles.includes('OFFICE');
  const ofParentUnit = unit !== null && task.assigningOrganisationId === unit;
  switch (by) {
    case 'LEAD_UNIT':
      return unit === task.leadOrganisationId || ofParentUnit ? null : 'Only the lead unit of a task reports on it';
    case 'ASSIGNING_SIDE':
      return office || ofParentUnit ? null : 'Only the assigning side of a task decides on it';
    case 'COORDINATING_UNIT':
      return unit !== null && task.coordinatingOrganisationIds.includes(unit)
        ? null
        : 'Only a coordinating unit of a task contributes to it';
    case 'DELEGATOR':
      return office || unit === task.leadOrganisationId ? null : 'Only the lead unit of a task delegates it';
    case 'OVERSEER':
      return null;
  }
}

/** What a follow-up change of a task records in its history, and what it answers. */
export interface FollowUpChange<R> {
  action: 'REMINDED' | 'EXPLANATION_REQUESTED' | 'EXPLANATION_ANSWERED';
  on: CalendarDate;
  details: Record<string, unknown>;
  result: R;
}

/** One step of a task, as the steps of every folder (task, extension) describe it to the workflow. */
export interface StepPlan<R> {
  event: TaskStep;
  /** How the mutation names the step's date (`reportedOn`, `decidedOn`...). */
  dateField: string;
  /** How the mutation names the event's other fields, where it differs. */
  fieldNames?: Partial<Record<NonNullable<Refusal['field']>, string>>;
  by: StepActor;
  /** The rows the step writes besides the task's, once the lifecycle allowed it. */
  write?: (task: TaskRow, tx: EntityManager) => Promise<{ details?: Record<string, unknown>; result?: R } | void>;
}

/** A refusal of the lifecycle as the API's error. */
function refusalError(refusal: Refusal, names: StepPlan<unknown>['fieldNames'] & { on: string }) {
  const message = describeRefusal(refusal, names);
  return refusal.code === 'CONFLICT'
    ? new ConflictError(message)
    : new BadUserInputError(message, names[refusal.field ?? 'on'] ?? refusal.field ?? names.on);
}

/**
 * The life of a task (RULES.md, the lifecycle in lifecycle.ts): each step is authorised, checked by
 * the lifecycle against the task's state, and written in one transaction with its history row, or
 * refused with FORBIDDEN, NOT_FOUND, CONFLICT or BAD_USER_INPUT, changing nothing.
 */
export class TaskWorkflow {
  constructor(
    readonly db: DataSource,
    readonly actor: Actor,
    /** The mutation as sent, for its idempotency key and expected version. */
    private readonly request: { operation: string; input: TaskChangeInput | AssignTaskInput },
  ) {}

  /** One transaction for the whole step, run once per idempotency key. */
  private transaction<T>(run: (tx: EntityManager) => Promise<T>): Promise<T> {
    return runIdempotently(this.db, 'assignments', { userId: this.actor.user.id, ...this.request }, run);
  }

  async assign(input: AssignTaskInput): Promise<TaskRow> {
    const title = cleanText(input.title, { field: 'title', max: 500, singleLine: true });
    const description = optionalText(input.description, 'description', 5000);
    this.notInFuture(input.assignedOn, 'assignedOn');
    const workingDays = input.deadlineInWorkingDays ?? null;
    if (workingDays !== null && input.dueOn) {
      throw new BadUserInputError('give dueOn or deadlineInWorkingDays, not both', 'deadlineInWorkingDays');
    }
    const dueOn =
      workingDays === null
        ? (input.dueOn ?? null)
        : addWorkingDays(input.assignedOn, workingDays, await loadHolidayCalendar(this.db));
    const start = assignedState({ type: 'ASSIGNED', on: input.assignedOn, dueOn }, this.actor.today);
    if (start.refusal) throw refusalError(start.refusal, { on: 'assignedOn' });
    const coordinationDueOn = input.coordinationDueOn ?? null;
    const coordinationProblem = coordinationDueOnProblem(coordinationDueOn, input.assignedOn, dueOn);
    if (coordinationProblem)
      throw new BadUserInputError(`coordinationDueOn ${coordinationProblem}`, 'coordinationDueOn');
    const coordinating = [...new Set(input.coordinatingOrganisationIds ?? [])];
    if (coordinating.length > 20)
      throw new BadUserInputError('at most 20 coordinating units', 'coordinatingOrganisationIds');
    if (coordinating.includes(input.leadOrganisationId)) {
      throw new BadUserInputError('the lead unit cannot also coordinate', 'coordinatingOrganisationIds');
    }
    const document = input.sourceDocument ?? null;
    const documentNumber = document
      ? cleanText(document.number, { field: 'sourceDocument.number', max: 64, singleLine: true })
      : null;
    if (document && document.issuedOn > input.assignedOn) {
      throw new BadUserInputError(
        'the source document cannot be issued after the assignment date',
        'sourceDocument.issuedOn',
      );
    }
    const assignerName = optionalText(input.assignerName, 'assignerName', 255);
    await this.requireOrganisations(input.leadOrganisationId, coordinating);
    const officialId = input.assignedByOfficialId ?? null;
    if (officialId !== null) await this.requireOfficial(officialId);
    if (input.originConclusionId) await this.requireConclusion(input.originConclusionId);

    const task: TaskRow = {
      id: randomUUID(),
      title,
      description,
      documentNumber,
      documentKind: document?.kind ?? null,
      documentIssuedOn: document?.issuedOn ?? null,
      documentSigner: document ? optionalText(document.signer, 'sourceDocument.signer', 255) : null,
      assignedOn: input.assignedOn,
      assignerKind: input.assignedBy ?? 'PEOPLES_COMMITTEE',
      assignerName,
      leadOrganisationId: input.leadOrganisationId,
      coordinatingOrganisationIds: coordinating,
      originalDueOn: dueOn,
      coordinationDueOn,
      priority: input.priority ?? 'ROUTINE',
      originConclusionId: input.originConclusionId ?? null,
      status: start.state.status,
      parentId: null,
      assigningOrganisationId: null,
      dueOn,
      extensionDecidedOn: [],
      extensionDueOn: [],
      leadTransferredOn: [],
      leadTransferredFrom: [],
      assignedByOfficialId: officialId,
      deadlineWorkingDays: workingDays,
      completedOn: null,
      withdrawnOn: null,
      quality: null,
      searchText: searchTextOf(title, documentNumber),
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    return this.transaction(async (tx) => {
      await tx.getRepository(TaskRow).insert(task);
      await this.record(tx, task.id, 'ASSIGNED', input.assignedOn, {
        dueOn,
        ...(workingDays === null ? {} : { deadlineInWorkingDays: workingDays }),
      });
      return task;
    });
  }

  reportProgress(input: ReportProgressInput): Promise<TaskRow> {
    const note = text(input.note, 'note');
    const percent = input.percentComplete ?? null;
    if (percent !== null && (percent < 0 || percent > 100)) {
      throw new BadUserInputError('percentComplete must be between 0 and 100', 'percentComplete');
    }
    const event = { type: 'PROGRESS_REPORTED', on: input.reportedOn, percentComplete: percent, note } as const;
    return this.step(input.taskId, {
      event,
      dateField: 'reportedOn',
      by: 'LEAD_UNIT',
      write: async (task, tx) => {
        await tx.getRepository(ProgressReportRow).insert({
          id: randomUUID(),
          taskId: task.id,
          reportedOn: input.reportedOn,
          percentComplete: percent,
          note,
        });
      },
    });
  }

  submitCompletion(input: SubmitCompletionInput): Promise<TaskRow> {
    const note = text(input.note, 'note');
    const submittedOn = input.submittedOn ?? input.completedOn;
    const event = { type: 'COMPLETION_SUBMITTED', on: submittedOn, completedOn: input.completedOn, note } as const;
    return this.step(input.taskId, {
      event,
      dateField: 'submittedOn',
      by: 'LEAD_UNIT',
      write: async (task, tx) => {
        await tx.getRepository(CompletionReportRow).insert({
          id: randomUUID(),
          taskId: task.id,
          submittedOn,
          completedOn: input.completedOn,
          note,
          status: 'SUBMITTED',
          decidedOn: null,
          decisionNote: null,
          quality: null,
        });
      },
    });
  }

  confirmCompletion(input: ConfirmCompletionInput): Promise<TaskRow> {
    const quality = requireIntBetween(input.quality ?? null, 'quality', 1, 5);
    return this.decideCompletion(
      input.taskId,
      { type: 'COMPLETION_CONFIRMED', on: input.confirmedOn, quality },
      'confirmedOn',
    );
  }

  returnCompletion(input: ReturnCompletionInput): Promise<TaskRow> {
    const reason = text(input.reason, 'reason');
    return this.decideCompletion(
      input.taskId,
      { type: 'COMPLETION_RETURNED', on: input.returnedOn, reason },
      'returnedOn',
    );
  }

  withdraw(input: WithdrawTaskInput): Promise<TaskRow> {
    const reason = text(input.reason, 'reason');
    return this.step(input.taskId, {
      event: { type: 'WITHDRAWN', on: input.withdrawnOn, reason },
      dateField: 'withdrawnOn',
      by: 'ASSIGNING_SIDE',
      write: async (task, tx) => {
        // Its open sub-tasks are withdrawn with it, on the same date, in one statement.
        await tx.query(
          `WITH withdrawn AS (
             UPDATE assignments.task SET status = 'WITHDRAWN', withdrawn_on = $2, version = version + 1, updated_at = now()
              WHERE parent_id = $1 AND status NOT IN ('COMPLETED', 'WITHDRAWN') RETURNING id)
           INSERT INTO assignments.task_history (task_id, on_date, action, actor, actor_id, details)
           SELECT id, $2, 'WITHDRAWN', $3, $4, jsonb_build_object('reason', $5::text, 'withParent', $1::text)
             FROM withdrawn`,
          [task.id, input.withdrawnOn, this.actor.name, this.actor.user.id, reason],
        );
      },
    });
  }

  private decideCompletion(
    taskId: string,
    event: Extract<TaskStep, { type: 'COMPLETION_CONFIRMED' | 'COMPLETION_RETURNED' }>,
    dateField: string,
  ): Promise<TaskRow> {
    const confirm = event.type === 'COMPLETION_CONFIRMED';
    return this.step(taskId, {
      event,
      dateField,
      by: 'ASSIGNING_SIDE',
      write: async (task, tx) => {
        const reports = tx.getRepository(CompletionReportRow);
        const report = await reports.findOneByOrFail({ taskId: task.id, status: 'SUBMITTED' });
        const reason = event.type === 'COMPLETION_RETURNED' ? event.reason : null;
        const quality = event.type === 'COMPLETION_CONFIRMED' ? (event.quality ?? null) : null;
        await reports.update(
          { id: report.id },
          { status: confirm ? 'CONFIRMED' : 'RETURNED', decidedOn: event.on, decisionNote: reason, quality },
        );
        return { details: confirm ? { completedOn: report.completedOn, quality } : { reason } };
      },
    });
  }

  /**
   * The frame of every step after the assignment: locks the task, authorises the caller first (a
   * task it may not read answers as one that does not exist), checks the expected version, asks
   * the lifecycle, writes the step's rows, the task's new state and version, and the history row.
   */
  async step<R = TaskRow>(taskId: string, plan: StepPlan<R>): Promise<R> {
    const { event, dateField } = plan;
    const names = { on: dateField, ...plan.fieldNames };
    this.notInFuture(event.on, dateField);
    const expectedVersion = requireIntBetween(
      'expectedVersion' in this.request.input ? this.request.input.expectedVersion : null,
      'expectedVersion',
      1,
      2 ** 31 - 1,
    );
    return this.transaction(async (tx) => {
      const tasks = tx.getRepository(TaskRow);
      const task = await this.lockTask(tx, taskId, plan.by);
      if (expectedVersion !== null && expectedVersion !== undefined && task.version !== expectedVersion) {
        throw new ConflictError(
          `The task has changed since version ${expectedVersion}: it is at version ${task.version}`,
          { currentVersion: task.version },
        );
      }
      const next = nextState(await this.stateOf(task, tx), event, this.actor.today);
      if (next.refusal) throw refusalError(next.refusal, names);
      const { details = detailsOf(event), result } = (await plan.write?.(task, tx)) ?? {};
      const change = rowChange(next.state, this.actor.today);
      // The version guard is in the SQL itself, not only in the lock above.
      const written = await tasks
        .createQueryBuilder()
        .update(TaskRow)
        .set({ ...change, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: task.id, version: task.version })
        .execute();
      if (written.affected !== 1) throw new ConflictError('The task was changed by another request meanwhile');
      await this.record(tx, task.id, event.type, event.on, details);
      return (result ?? { ...task, ...change, version: task.version + 1, updatedAt: new Date() }) as R;
    });
  }

  /**
   * A change beside the lifecycle (a reminder, a request for explanation and its answer): one
   * transaction per idempotency key with the task locked and the caller authorised, the rows
   * `write` makes and the history row (feed event) it names. The task's state and version stay.
   */
  followUp<R>(
    taskId: string,
    by: StepActor,
    write: (task: TaskRow, tx: EntityManager) => Promise<FollowUpChange<R>>,
  ): Promise<R> {
    return this.transaction(async (tx) => {
      const task = await this.lockTask(tx, taskId, by);
      const change = await write(task, tx);
      await this.record(tx, task.id, change.action, change.on, change.details);
      return change.result;
    });
  }

  /**
   * Locks a task for a change, authorising the caller first: a task it may not read answers as one
   * that does not exist; a unit that does not lead it may not act for the lead unit.
   */
  private async lockTask(tx: EntityManager, taskId: string, by: StepActor): Promise<TaskRow> {
    const task = isUuid(taskId)
      ? await tx
          .getRepository(TaskRow)
          .createQueryBuilder('t')
          .setLock('pessimistic_write')
          .where('t.id = :taskId', { taskId })
          .getOne()
      : null;
    if (!task || !canSeeTask(this.actor.user, task)) {
      throw new NotFoundError(`No task has id ${taskId}`);
    }
    const forbidden = stepForbidden(by, this.actor.user, task);
    if (forbidden) throw new ForbiddenError(forbidden);
    return task;
  }

  /** The lifecycle's state of a locked task: its row, and its waiting request and report. */
  private async stateOf(task: TaskRow, tx: EntityManager): Promise<TaskState> {
    const [pendingExtension, pendingCompletion] = await Promise.all([
      tx.getRepository(ExtensionRow).findOneBy({ taskId: task.id, status: 'PENDING' }),
      tx.getRepository(CompletionReportRow).findOneBy({ taskId: task.id, status: 'SUBMITTED' }),
    ]);
    return {
      ...factsOf(task),
      status: task.status,
      pendingExtension: pendingExtension && {
        id: pendingExtension.id,
        requestedOn: pendingExtension.requestedOn,
        proposedDueOn: pendingExtension.proposedDueOn,
      },
      pendingCompletion: pendingCompletion && {
        submittedOn: pendingCompletion.submittedOn,
        completedOn: pendingCompletion.completedOn,
      },
    };
  }

  /** Appends a history row of a task (the step's own, or a sub-task's ASSIGNED). */
  async record(
    tx: EntityManager,
    taskId: string,
    action: TaskEventType | FollowUpChange<unknown>['action'],
    on: CalendarDate,
    details: Record<string, unknown>,
  ) {
    await tx
      .getRepository(TaskHistoryRow)
      .insert({ taskId, action, onDate: on, actor: this.actor.name, actorId: this.actor.user.id, details });
  }

  private notInFuture(date: CalendarDate, field: string): void {
    if (date > this.actor.today)
      throw new BadUserInputError(`${field} must not be in the future (today is ${this.actor.today})`, field);
  }

  /** A follow-up task names a conclusion the inspections subgraph knows. */
  private async requireConclusion(id: string): Promise<void> {
    const known = isUuid(id) ? await existingEntityIds('inspections', 'Conclusion', [id], this.actor) : new Set();
    if (!known.has(id)) throw new BadUserInputError(`No inspection conclusion has id ${id}`, 'originConclusionId');
  }

  private async requireOfficial(officialId: string): Promise<void> {
    const known = isUuid(officialId)
      ? await existingEntityIds('organisations', 'Official', [officialId], this.actor)
      : new Set<string>();
    if (!known.has(officialId)) throw new BadUserInputError(`No official has id ${officialId}`, 'assignedByOfficialId');
  }

  private async requireOrganisations(leadId: string, coordinatingIds: string[]): Promise<void> {
    const ids = [...new Set([leadId, ...coordinatingIds].filter(isUuid))];
    const units = await fetchEntities<{ id: string; kind: string }>(
      'organisations',
      'Organisation',
      ids,
      'id kind',
      this.actor,
    );
    const known = new Set(units.flatMap((unit) => (unit ? [unit.id] : [])));
    if (!known.has(leadId)) throw new BadUserInputError(`No organisation has id ${leadId}`, 'leadOrganisationId');
    // A division leads only the tasks delegated to it (delegateTask).
    if (units.some((unit) => unit?.id === leadId && unit.kind === 'DIVISION'))
      throw new BadUserInputError(
        'A division is assigned tasks only by delegation from its unit',
        'leadOrganisationId',
      );
    const unknown = coordinatingIds.find((id) => !known.has(id));
    if (unknown) throw new BadUserInputError(`No organisation has id ${unknown}`, 'coordinatingOrganisationIds');
  }
}

/** What the history keeps of an event: all but its type and date. */
function detailsOf(event: TaskStep): Record<string, unknown> {
  const { type: _type, on: _on, ...details } = event;
  return details;
}

/** The task row's columns that a state sets. */
function rowChange(state: TaskState, today: CalendarDate): Partial<TaskRow> {
  return {
    status: state.status,
    completedOn: state.completedOn,
    withdrawnOn: state.withdrawnOn,
    quality: state.quality ?? null,
    // Decision order is history order: appended, even when back-dated (RULES.md picks by date, then order).
    extensionDecidedOn: state.approvedExtensions.map((extension) => extension.decidedOn),
    extensionDueOn: state.approvedExtensions.map((extension) => extension.newDueOn),
    dueOn: deadlineInForce(state, today),
  };
}
