import { BadUserInputError, cleanText, type CalendarDate } from '@giaoviec/shared';
import { coordinationDueOnProblem } from '../coordination/rules';
import { deadlineInForce, type ApprovedExtension } from '../task/deadline';
import { foldHistory, type TaskStep } from '../task/lifecycle';
import type { DocumentKind, TaskPriority } from '../task/task-history';
import type { TaskStatus } from '../task/task.entity';
import { optionalText, text } from '../task/workflow';
import type { CorrectTaskInput } from './correction.inputs';

/**
 * Corrections (đính chính, RULES.md "Corrections") as plain functions: the recorded task and the
 * correction in, the corrected fields and their changes out, or why the correction is refused. A
 * correction says the record was wrong, so the corrected task must still admit every step recorded
 * since: the recorded history is folded again through the lifecycle from the corrected assignment.
 */

export interface SourceDocumentFields {
  number: string;
  kind: DocumentKind;
  issuedOn: CalendarDate;
  signer: string | null;
}

/** The fields a correction may replace, as the task holds them. */
export interface CorrectableFields {
  title: string;
  description: string | null;
  assignedOn: CalendarDate;
  /** null: no deadline. */
  originalDueOn: CalendarDate | null;
  priority: TaskPriority;
  sourceDocument: SourceDocumentFields | null;
  coordinatingOrganisationIds: string[];
  /** The coordinating units' own deadline; null: none set. */
  coordinationDueOn: CalendarDate | null;
}

/** A correction: only the fields it replaces, cleaned. */
export type Correction = Partial<CorrectableFields>;

/** A step recorded in the history after the assignment: its type, date and details. */
export type RecordedStep = { type: string; on: CalendarDate } & Record<string, unknown>;

/** The task as recorded, with what its corrections are checked against. */
export interface RecordedTask {
  fields: CorrectableFields;
  status: TaskStatus;
  leadOrganisationId: string;
  /** The deadline as given in working days, when it was. */
  deadlineWorkingDays: number | null;
  /** In decision order; a correction keeps them. */
  approvedExtensions: readonly ApprovedExtension[];
  /** Every step recorded after the assignment, in the order recorded (corrections left out). */
  steps: readonly RecordedStep[];
}

/** One corrected field, as `CorrectTaskInput` names it, its values as text (null: none). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface CorrectionRefusal {
  code: 'CONFLICT' | 'BAD_USER_INPUT';
  message: string;
  /** The input field at fault, where one is. */
  field?: string;
}

export type CorrectionOutcome =
  | { corrected: CorrectedTask; changes: FieldChange[]; refusal?: undefined }
  | { refusal: CorrectionRefusal; corrected?: undefined; changes?: undefined };

/** The task's fields after the correction, and the columns that follow from them. */
export interface CorrectedTask extends CorrectableFields {
  /** The deadline in force today: approved extensions still set it from their decision dates. */
  dueOn: CalendarDate | null;
  deadlineWorkingDays: number | null;
}

const MAX_COORDINATING = 20;
/** The lifecycle's steps: the history also holds others (transfers...), checked by date alone. */
const LIFECYCLE_STEPS = new Set<string>([
  'PROGRESS_REPORTED',
  'EXTENSION_REQUESTED',
  'EXTENSION_APPROVED',
  'EXTENSION_REJECTED',
  'COMPLETION_SUBMITTED',
  'COMPLETION_CONFIRMED',
  'COMPLETION_RETURNED',
  'WITHDRAWN',
]);
/** Steps that move only tasks assigned before their date (a transfer takes the open tasks of the day before). */
const STRICTLY_AFTER_ASSIGNMENT = new Set<string>(['TRANSFERRED']);

/**
 * The input of `correctTask` cleaned as `assignTask` cleans it (BAD_USER_INPUT otherwise): the
 * reason, and the fields given. A field the task cannot lack may not be given as null.
 */
export function cleanCorrection(input: CorrectTaskInput): { reason: string; correction: Correction } {
  const required = <T>(value: T | null | undefined, field: string): T | undefined => {
    if (value === null) throw new BadUserInputError(`${field} cannot be removed, only corrected`, field);
    return value;
  };
  const correction: Correction = {};
  const title = required(input.title, 'title');
  if (title !== undefined) correction.title = cleanText(title, { field: 'title', max: 500, singleLine: true });
  if (input.description !== undefined) correction.description = optionalText(input.description, 'description', 5000);
  const assignedOn = required(input.assignedOn, 'assignedOn');
  if (assignedOn !== undefined) correction.assignedOn = assignedOn;
  if (input.originalDueOn !== undefined) correction.originalDueOn = input.originalDueOn;
  const priority = required(input.priority, 'priority');
  if (priority !== undefined) correction.priority = priority;
  const document = input.sourceDocument;
  if (document !== undefined) {
    correction.sourceDocument = document && {
      number: cleanText(document.number, { field: 'sourceDocument.number', max: 64, singleLine: true }),
      kind: document.kind,
      issuedOn: document.issuedOn,
      signer: optionalText(document.signer, 'sourceDocument.signer', 255),
    };
  }
  const coordinating = required(input.coordinatingOrganisationIds, 'coordinatingOrganisationIds');
  if (coordinating !== undefined) {
    correction.coordinatingOrganisationIds = [...new Set(coordinating)];
    if (correction.coordinatingOrganisationIds.length > MAX_COORDINATING) {
      throw new BadUserInputError(`at most ${MAX_COORDINATING} coordinating units`, 'coordinatingOrganisationIds');
    }
  }
  if (input.coordinationDueOn !== undefined) correction.coordinationDueOn = input.coordinationDueOn;
  return { reason: text(input.reason, 'reason'), correction };
}

/** Each corrected field as text, in the order of `CorrectTaskInput`; a document field by field. */
function asText(fields: CorrectableFields): Array<[string, string | null]> {
  const document = fields.sourceDocument;
  return [
    ['title', fields.title],
    ['description', fields.description],
    ['assignedOn', fields.assignedOn],
    ['originalDueOn', fields.originalDueOn],
    ['priority', fields.priority],
    ['sourceDocument.number', document?.number ?? null],
    ['sourceDocument.kind', document?.kind ?? null],
    ['sourceDocument.issuedOn', document?.issuedOn ?? null],
    ['sourceDocument.signer', document?.signer ?? null],
    // A set: the order the units are listed in is no change.
    ['coordinatingOrganisationIds', [...fields.coordinatingOrganisationIds].sort().join(', ') || null],
    ['coordinationDueOn', fields.coordinationDueOn],
  ];
}

/** What differs between two versions of the fields. */
export function fieldChanges(before: CorrectableFields, after: CorrectableFields): FieldChange[] {
  const afterText = new Map(asText(after));
  return asText(before).flatMap(([field, value]) =>
    value === afterText.get(field) ? [] : [{ field, before: value, after: afterText.get(field)! }],
  );
}

const refuse = (code: CorrectionRefusal['code'], message: string, field?: string): CorrectionOutcome => ({
  refusal: { code, message, ...(field === undefined ? {} : { field }) },
});

/**
 * A correction of a recorded task: the corrected task and its changes, or the refusal. CONFLICT
 * for a withdrawn task, and for removing the deadline of a task with extension requests;
 * BAD_USER_INPUT when it changes nothing, or when the corrected task would make a recorded step
 * break the rules (a step before the assignment, a deadline before it, an extension request after
 * the deadline in force that day or not moving it). Which field is named: the one the correction
 * gave, of the two a broken rule relates.
 */
export function correctedTask(task: RecordedTask, correction: Correction, today: CalendarDate): CorrectionOutcome {
  if (task.status === 'WITHDRAWN') return refuse('CONFLICT', 'A withdrawn task accepts no further change');
  const fields: CorrectableFields = { ...task.fields, ...correction };
  const changes = fieldChanges(task.fields, fields);
  if (changes.length === 0) return refuse('BAD_USER_INPUT', 'The correction changes nothing');
  const given = (field: keyof Correction, otherwise: string) => (field in correction ? field : otherwise);
  const { assignedOn, originalDueOn } = fields;

  if (assignedOn > today)
    return refuse('BAD_USER_INPUT', `assignedOn must not be in the future (today is ${today})`, 'assignedOn');
  if (fields.coordinatingOrganisationIds.includes(task.leadOrganisationId)) {
    return refuse('BAD_USER_INPUT', 'the lead unit cannot also coordinate', 'coordinatingOrganisationIds');
  }
  if (fields.sourceDocument && fields.sourceDocument.issuedOn > assignedOn) {
    return refuse(
      'BAD_USER_INPUT',
      `the source document (issued ${fields.sourceDocument.issuedOn}) cannot be issued after the assignment date (${assignedOn})`,
      'sourceDocument' in correction ? 'sourceDocument.issuedOn' : 'assignedOn',
    );
  }
  if (originalDueOn !== null && originalDueOn < assignedOn) {
    return refuse(
      'BAD_USER_INPUT',
      `the deadline (${originalDueOn}) must not be before the assignment date (${assignedOn})`,
      given('originalDueOn', 'assignedOn'),
    );
  }
  const coordinationProblem = coordinationDueOnProblem(fields.coordinationDueOn, assignedOn, originalDueOn);
  if (coordinationProblem) {
    // Named by the field the correction gave: the coordination deadline, else the date that moved.
    const field = 'coordinationDueOn' in correction ? 'coordinationDueOn' : given('originalDueOn', 'assignedOn');
    return refuse('BAD_USER_INPUT', `coordinationDueOn ${coordinationProblem}`, field);
  }
  for (const step of task.steps) {
    const strict = STRICTLY_AFTER_ASSIGNMENT.has(step.type);
    // A completion report carries the date the work was done, on or before the report's own.
    const earliest = step.type === 'COMPLETION_SUBMITTED' ? (step.completedOn as CalendarDate) : step.on;
    if (strict ? earliest <= assignedOn : earliest < assignedOn) {
      return refuse(
        'BAD_USER_INPUT',
        `assignedOn must not be ${strict ? 'on or ' : ''}after the ${step.type} step recorded on ${earliest}`,
        'assignedOn',
      );
    }
  }
  const steps = task.steps.filter((step) => LIFECYCLE_STEPS.has(step.type)) as unknown as TaskStep[];
  const refusalsFrom = (on: CalendarDate, dueOn: CalendarDate | null) =>
    foldHistory([{ type: 'ASSIGNED', on, dueOn }, ...steps]).refusals;
  // Only what the correction breaks: a step the recorded task already failed (data older than a
  // rule) does not stop correcting a title.
  const brokenBefore = new Set(
    refusalsFrom(task.fields.assignedOn, task.fields.originalDueOn).map((refusal) => refusal.index),
  );
  const broken = refusalsFrom(assignedOn, originalDueOn).find((refusal) => !brokenBefore.has(refusal.index));
  if (broken) {
    // The dates were checked above: what is left is an extension request the corrected deadline breaks.
    const step = steps[broken.index - 1]!;
    if (originalDueOn === null) {
      return refuse(
        'CONFLICT',
        'The task has extension requests: its deadline cannot be removed',
        given('originalDueOn', 'assignedOn'),
      );
    }
    return refuse(
      'BAD_USER_INPUT',
      `the ${step.type} step recorded on ${step.on} would break the rules with the corrected deadline: ${broken.refusal.message}`,
      given('originalDueOn', 'assignedOn'),
    );
  }
  return {
    corrected: {
      ...fields,
      dueOn: deadlineInForce({ originalDueOn, approvedExtensions: task.approvedExtensions }, today),
      // A deadline corrected as a date is no longer the one given in working days.
      deadlineWorkingDays: originalDueOn === task.fields.originalDueOn ? task.deadlineWorkingDays : null,
    },
    changes: [
      ...changes,
      ...(task.deadlineWorkingDays !== null && originalDueOn !== task.fields.originalDueOn
        ? [{ field: 'deadlineInWorkingDays', before: String(task.deadlineWorkingDays), after: null }]
        : []),
    ],
  };
}
