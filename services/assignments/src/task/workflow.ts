import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  cleanText,
  existingEntityIds,
  ForbiddenError,
  type Caller,
  type RequestUser,
  isUuid,
  type CalendarDate,
  runIdempotently,
} from '@giaoviec/shared';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { deadlineInForce } from '../compliance/rules';
import { loadHolidayCalendar } from '../working-days/holiday.store';
import { addWorkingDays } from '../working-days/rules';
import { ExtensionRow } from '../extension/extension.entity';
import { CompletionReportRow, ProgressReportRow, TaskHistoryRow } from './reports.entity';
import { searchTextOf } from './task-records';
import type { TaskEventType } from './task-history';
import { TaskRow } from './task.entity';
import type {
  TaskChangeInput,
  AssignTaskInput,
  ConfirmCompletionInput,
  DecideExtensionInput,
  ReportProgressInput,
  RequestExtensionInput,
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

const text = (value: string, field: string, max = 2000) => cleanText(value, { field, max });
const optionalText = (value: string | null | undefined, field: string, max = 2000) =>
  value === null || value === undefined || value.trim() === '' ? null : text(value, field, max);

/**
 * The life of a task (RULES.md): each step checks the task's state, changes it in one
 * transaction with its history row, or refuses with CONFLICT or BAD_USER_INPUT and changes nothing.
 */
export class TaskWorkflow {
  constructor(
    private readonly db: DataSource,
    private readonly actor: Actor,
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
    if (dueOn !== null && dueOn < input.assignedOn) {
      throw new BadUserInputError('dueOn must not be before assignedOn', 'dueOn');
    }
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
      priority: input.priority ?? 'ROUTINE',
      originConclusionId: input.originConclusionId ?? null,
      status: 'IN_PROGRESS',
      dueOn,
      extensionDecidedOn: [],
      extensionDueOn: [],
      leadTransferredOn: [],
      leadTransferredFrom: [],
      assignedByOfficialId: officialId,
      deadlineWorkingDays: workingDays,
      completedOn: null,
      withdrawnOn: null,
      searchText: searchTextOf(title, documentNumber),
      version: 1,
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
    return this.change(input.taskId, 'PROGRESS_REPORTED', input.reportedOn, 'reportedOn', async (task, tx) => {
      this.requireLeadUnit(task);
      this.requireOpen(task, 'a progress report');
      await tx.getRepository(ProgressReportRow).insert({
        id: randomUUID(),
        taskId: task.id,
        reportedOn: input.reportedOn,
        percentComplete: percent,
        note,
      });
      return { details: { percentComplete: percent, note } };
    });
  }

  requestExtension(input: RequestExtensionInput): Promise<ExtensionRow> {
    const reason = text(input.reason, 'reason');
    return this.change(input.taskId, 'EXTENSION_REQUESTED', input.requestedOn, 'requestedOn', async (task, tx) => {
      this.requireLeadUnit(task);
      this.requireOpen(task, 'an extension request');
      if (task.originalDueOn === null) throw new ConflictError('A task with no deadline cannot be extended');
      const inForce = deadlineInForce(factsOf(task), input.requestedOn)!;
      if (input.requestedOn > inForce) {
        throw new ConflictError(
          `An extension must be requested on or before the deadline in force that day (${inForce})`,
        );
      }
      if (input.proposedDueOn <= inForce) {
        throw new BadUserInputError(`proposedDueOn must be after the deadline in force (${inForce})`, 'proposedDueOn');
      }
      if (await tx.getRepository(ExtensionRow).existsBy({ taskId: task.id, status: 'PENDING' })) {
        throw new ConflictError('An extension request of this task is already waiting for a decision');
      }
      const extension: ExtensionRow = {
        id: randomUUID(),
        taskId: task.id,
        requestedOn: input.requestedOn,
        proposedDueOn: input.proposedDueOn,
        reason,
        status: 'PENDING',
        decidedOn: null,
        decisionNote: null,
      };
      await tx.getRepository(ExtensionRow).insert(extension);
      return { details: { extensionId: extension.id, proposedDueOn: input.proposedDueOn, reason }, result: extension };
    });
  }

  async decideExtension(input: DecideExtensionInput): Promise<ExtensionRow> {
    const note = optionalText(input.note, 'note');
    const found = isUuid(input.extensionId)
      ? await this.db.getRepository(ExtensionRow).findOneBy({ id: input.extensionId })
      : null;
    if (!found) throw new NotFoundError(`No extension request has id ${input.extensionId}`);
    const action = input.approve ? 'EXTENSION_APPROVED' : 'EXTENSION_REJECTED';
    return this.change(found.taskId, action, input.decidedOn, 'decidedOn', async (task, tx) => {
      // Locked with its task: two decisions on one request cannot both pass.
      const extension = await tx.getRepository(ExtensionRow).findOneByOrFail({ id: found.id });
      if (extension.status !== 'PENDING')
        throw new ConflictError(`This extension request was already ${extension.status.toLowerCase()}`);
      if (task.status === 'COMPLETED') throw new ConflictError('The task is already completed');
      if (input.decidedOn < extension.requestedOn) {
        throw new BadUserInputError('decidedOn must not be before the request', 'decidedOn');
      }
      const decided: ExtensionRow = {
        ...extension,
        status: input.approve ? 'APPROVED' : 'REJECTED',
        decidedOn: input.decidedOn,
        decisionNote: note,
      };
      await tx
        .getRepository(ExtensionRow)
        .update({ id: extension.id }, { status: decided.status, decidedOn: input.decidedOn, decisionNote: note });
      const change: Partial<TaskRow> = {};
      if (input.approve) {
        // Decision order is history order: appended, even when back-dated (RULES.md picks by date, then order).
        change.extensionDecidedOn = [...task.extensionDecidedOn, input.decidedOn];
        change.extensionDueOn = [...task.extensionDueOn, extension.proposedDueOn];
        change.dueOn = deadlineInForce(factsOf({ ...task, ...change }), this.actor.today);
      }
      return { change, details: { extensionId: extension.id, note }, result: decided };
    });
  }

  submitCompletion(input: SubmitCompletionInput): Promise<TaskRow> {
    const note = text(input.note, 'note');
    const submittedOn = input.submittedOn ?? input.completedOn;
    this.notInFuture(input.completedOn, 'completedOn');
    if (submittedOn < input.completedOn)
      throw new BadUserInputError('submittedOn must not be before completedOn', 'submittedOn');
    return this.change(input.taskId, 'COMPLETION_SUBMITTED', submittedOn, 'submittedOn', async (task, tx) => {
      this.requireLeadUnit(task);
      if (task.status === 'COMPLETED') throw new ConflictError('The task is already completed');
      if (task.status === 'COMPLETION_SUBMITTED')
        throw new ConflictError('A completion report of this task is already waiting for confirmation');
      if (input.completedOn < task.assignedOn)
        throw new BadUserInputError('completedOn must not be before the assignment', 'completedOn');
      await tx.getRepository(CompletionReportRow).insert({
        id: randomUUID(),
        taskId: task.id,
        submittedOn,
        completedOn: input.completedOn,
        note,
        status: 'SUBMITTED',
        decidedOn: null,
        decisionNote: null,
      });
      return { change: { status: 'COMPLETION_SUBMITTED' }, details: { completedOn: input.completedOn, note } };
    });
  }

  confirmCompletion(input: ConfirmCompletionInput): Promise<TaskRow> {
    return this.decideCompletion(input.taskId, input.confirmedOn, 'confirmedOn', true, null);
  }

  returnCompletion(input: ReturnCompletionInput): Promise<TaskRow> {
    return this.decideCompletion(input.taskId, input.returnedOn, 'returnedOn', false, text(input.reason, 'reason'));
  }

  withdraw(input: WithdrawTaskInput): Promise<TaskRow> {
    const reason = text(input.reason, 'reason');
    return this.change(input.taskId, 'WITHDRAWN', input.withdrawnOn, 'withdrawnOn', async (task) => {
      if (task.status === 'COMPLETED')
        throw new ConflictError('A task with a confirmed completion cannot be withdrawn');
      return { change: { status: 'WITHDRAWN', withdrawnOn: input.withdrawnOn }, details: { reason } };
    });
  }

  private decideCompletion(
    taskId: string,
    on: CalendarDate,
    field: string,
    confirm: boolean,
    reason: string | null,
  ): Promise<TaskRow> {
    return this.change(
      taskId,
      confirm ? 'COMPLETION_CONFIRMED' : 'COMPLETION_RETURNED',
      on,
      field,
      async (task, tx) => {
        if (task.status !== 'COMPLETION_SUBMITTED')
          throw new ConflictError('No completion report of this task is waiting for a decision');
        const reports = tx.getRepository(CompletionReportRow);
        const report = await reports.findOneByOrFail({ taskId: task.id, status: 'SUBMITTED' });
        if (on < report.submittedOn)
          throw new BadUserInputError(`${field} must not be before the report (${report.submittedOn})`, field);
        await reports.update(
          { id: report.id },
          { status: confirm ? 'CONFIRMED' : 'RETURNED', decidedOn: on, decisionNote: reason },
        );
        return confirm
          ? {
              change: { status: 'COMPLETED', completedOn: report.completedOn },
              details: { completedOn: report.completedOn },
            }
          : { change: { status: 'IN_PROGRESS' }, details: { reason } };
      },
    );
  }

  /**
   * Locks the task, checks what every step checks (it exists, is not withdrawn, the date is
   * possible), runs the step, then writes the task's new version and the history row.
   */
  private async change<R = TaskRow>(
    taskId: string,
    action: TaskEventType,
    on: CalendarDate,
    dateField: string,
    step: (
      task: TaskRow,
      tx: EntityManager,
    ) => Promise<{ change?: Partial<TaskRow>; details?: Record<string, unknown>; result?: R }>,
  ): Promise<R> {
    this.notInFuture(on, dateField);
    const expectedVersion = 'expectedVersion' in this.request.input ? this.request.input.expectedVersion : null;
    return this.transaction(async (tx) => {
      const tasks = tx.getRepository(TaskRow);
      const task = isUuid(taskId)
        ? await tasks.createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :taskId', { taskId }).getOne()
        : null;
      if (!task) throw new NotFoundError(`No task has id ${taskId}`);
      if (expectedVersion !== null && expectedVersion !== undefined && task.version !== expectedVersion) {
        throw new ConflictError(
          `The task has changed since version ${expectedVersion}: it is at version ${task.version}`,
          {
            currentVersion: task.version,
          },
        );
      }
      if (task.status === 'WITHDRAWN') throw new ConflictError('A withdrawn task accepts no further change');
      if (on < task.assignedOn)
        throw new BadUserInputError(`${dateField} must not be before the assignment (${task.assignedOn})`, dateField);
      const { change = {}, details = {}, result } = await step(task, tx);
      // The version guard is in the SQL itself, not only in the lock above.
      const written = await tasks
        .createQueryBuilder()
        .update(TaskRow)
        .set({ ...change, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: task.id, version: task.version })
        .execute();
      if (written.affected !== 1) throw new ConflictError('The task was changed by another request meanwhile');
      await this.record(tx, task.id, action, on, details);
      return (result ?? { ...task, ...change, version: task.version + 1 }) as R;
    });
  }

  private async record(
    tx: EntityManager,
    taskId: string,
    action: TaskEventType,
    on: CalendarDate,
    details: Record<string, unknown>,
  ) {
    await tx.getRepository(TaskHistoryRow).insert({ taskId, action, onDate: on, actor: this.actor.name, details });
  }

  private notInFuture(date: CalendarDate, field: string): void {
    if (date > this.actor.today)
      throw new BadUserInputError(`${field} must not be in the future (today is ${this.actor.today})`, field);
  }

  /** Progress, extension requests and completion reports come from the unit that leads the task. */
  private requireLeadUnit(task: TaskRow): void {
    if (task.leadOrganisationId !== this.actor.user.organisationId) {
      throw new ForbiddenError('Only the lead unit of a task reports on it');
    }
  }

  private requireOpen(task: TaskRow, what: string): void {
    if (task.status === 'COMPLETED') throw new ConflictError(`A completed task takes no ${what}`);
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
    const ids = [leadId, ...coordinatingIds].filter(isUuid);
    const known = await existingEntityIds('organisations', 'Organisation', ids, this.actor);
    if (!known.has(leadId)) throw new BadUserInputError(`No organisation has id ${leadId}`, 'leadOrganisationId');
    const unknown = coordinatingIds.find((id) => !known.has(id));
    if (unknown) throw new BadUserInputError(`No organisation has id ${unknown}`, 'coordinatingOrganisationIds');
  }
}

/** The facts the rules need, from a task row. */
export function factsOf(
  task: Pick<
    TaskRow,
    'assignedOn' | 'originalDueOn' | 'extensionDecidedOn' | 'extensionDueOn' | 'completedOn' | 'withdrawnOn'
  >,
) {
  return {
    assignedOn: task.assignedOn,
    originalDueOn: task.originalDueOn,
    approvedExtensions: task.extensionDecidedOn.map((decidedOn, index) => ({
      decidedOn,
      newDueOn: task.extensionDueOn[index]!,
    })),
    completedOn: task.completedOn,
    withdrawnOn: task.withdrawnOn,
  };
}
