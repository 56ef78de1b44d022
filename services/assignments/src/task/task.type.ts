import { DateScalar, PageInfo, type CalendarDate } from '@giaoviec/shared';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  AssignerKindEnum,
  CompletionReportStatusEnum,
  DocumentKindEnum,
  TaskPriorityEnum,
  TaskStatusEnum,
} from './task.enums';

@ObjectType('SourceDocument', { description: 'The document a task comes from (văn bản giao nhiệm vụ).' })
export class SourceDocument {
  @Field({ description: 'Number and symbol, e.g. `162/QĐ-UBND`.' })
  number: string;

  @Field(() => DocumentKindEnum, { description: 'Its kind.' })
  kind: DocumentKindEnum;

  @Field(() => DateScalar, { description: 'Its issue date.' })
  issuedOn: CalendarDate;

  @Field(() => String, { nullable: true, description: 'Who signed it.' })
  signer: string | null;
}

// An entity: the notifications subgraph's inbox names tasks by id.
@Directive('@key(fields: "id")')
@ObjectType('Task', { description: 'A task (nhiệm vụ) assigned to a lead unit, with its deadline and workflow.' })
export class Task {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id: string;

  @Field({ description: 'What is to be done.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Details.' })
  description: string | null;

  @Field(() => TaskStatusEnum, { description: 'Where the task stands in its workflow.' })
  status: TaskStatusEnum;

  @Field(() => DateScalar, { description: 'The assignment date.' })
  assignedOn: CalendarDate;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The deadline in force today (after approved extensions); null: no deadline.',
  })
  dueOn: CalendarDate | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The first deadline, before any extension; null: no deadline.',
  })
  originalDueOn: CalendarDate | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The deadline of the coordinating units (hạn phối hợp), as set; null: none was set, and they contribute by the task’s deadline in force.',
  })
  coordinationDueOn: CalendarDate | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The completion date of the confirmed completion report; null until confirmed.',
  })
  completedOn: CalendarDate | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the task was withdrawn, if it was.' })
  withdrawnOn: CalendarDate | null;

  @Field(() => AssignerKindEnum, { description: 'Who assigned it.' })
  assignerKind: AssignerKindEnum;

  @Field(() => String, { nullable: true, description: 'The Chairman or Vice-Chairman who assigned it.' })
  assignerName: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The deadline as given in working days, when it was; `originalDueOn` is the date computed from it.',
  })
  deadlineWorkingDays: number | null;

  @Field(() => TaskPriorityEnum, { description: 'Its priority.' })
  priority: TaskPriorityEnum;

  @Field(() => ID, { nullable: true, description: 'The inspection conclusion this task follows up, if any.' })
  originConclusionId: string | null;

  @Field(() => Int, { description: 'Incremented by every change: tells a client its copy is stale.' })
  version: number;

  @Field(() => GraphQLDateTime, { description: 'When the task was recorded (an instant, ISO 8601 with offset).' })
  createdAt: Date;

  @Field(() => GraphQLDateTime, {
    description:
      'When the task last changed (an instant): with `tasks(filter: { updatedSince })`, how a consumer of the feeds re-synchronises.',
  })
  updatedAt: Date;

  /** Not in the schema: field resolvers read them. */
  leadOrganisationId: string;
  parentId: string | null;
  assigningOrganisationId: string | null;
  coordinatingOrganisationIds: string[];
  documentNumber: string | null;
  documentKind: string | null;
  documentIssuedOn: CalendarDate | null;
  documentSigner: string | null;
  extensionDecidedOn: CalendarDate[];
  extensionDueOn: CalendarDate[];
  assignedByOfficialId: string | null;
  leadTransferredOn: CalendarDate[];
  leadTransferredFrom: string[];
}

@ObjectType('TaskFieldChange', { description: 'One field a correction replaced, with its value before and after.' })
export class TaskFieldChange {
  @Field({
    description:
      'The field as `CorrectTaskInput` names it (`title`, `assignedOn`, `originalDueOn`, `sourceDocument.number`...).',
  })
  field: string;

  @Field(() => String, { nullable: true, description: 'Its value before, as text (dates `YYYY-MM-DD`); null: none.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'Its value after, as text (dates `YYYY-MM-DD`); null: none.' })
  after: string | null;
}

@ObjectType('TaskHistoryEntry', { description: 'One change of a task; the history is append-only.' })
export class TaskHistoryEntry {
  @Field({ description: 'When it was recorded (an instant, ISO 8601).' })
  at: string;

  @Field(() => DateScalar, { description: 'The domain date the change carries (e.g. the decision date).' })
  onDate: CalendarDate;

  @Field({
    description:
      'What happened: ASSIGNED, CORRECTED, PROGRESS_REPORTED, EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_REJECTED, COMPLETION_SUBMITTED, COMPLETION_CONFIRMED, COMPLETION_RETURNED, WITHDRAWN or TRANSFERRED (the values of `TaskEventType`).',
  })
  action: string;

  @Field({ description: 'Who made the change.' })
  actor: string;

  @Field(() => GraphQLJSONObject, { description: 'What the change carried (dates, notes, reasons).' })
  details: Record<string, unknown>;

  @Field(() => String, {
    nullable: true,
    description:
      'Why, when the change gives a reason: a correction, a withdrawal, a returned completion report, an extension request.',
  })
  reason: string | null;

  @Field(() => [TaskFieldChange], {
    description: 'For a correction (CORRECTED): each field it replaced, before and after; empty for other changes.',
  })
  changes: TaskFieldChange[];
}

@ObjectType('ProgressReport', { description: 'A progress report of the lead unit (báo cáo tiến độ).' })
export class ProgressReport {
  @Field(() => ID, { description: 'Opaque, stable identifier.' }) id: string;
  @Field(() => DateScalar, { description: 'The report date.' }) reportedOn: CalendarDate;
  @Field(() => Int, { nullable: true, description: 'Estimated share done, 0 to 100.' }) percentComplete: number | null;
  @Field({ description: 'What was done.' }) note: string;
}

@ObjectType('CompletionReport', {
  description: 'A report that the task is done (báo cáo hoàn thành), and its decision.',
})
export class CompletionReport {
  @Field(() => ID, { description: 'Opaque, stable identifier.' }) id: string;
  @Field(() => DateScalar, { description: 'When the report was sent.' }) submittedOn: CalendarDate;
  @Field(() => DateScalar, { description: 'The date the work was done, as reported.' }) completedOn: CalendarDate;
  @Field({ description: 'What was delivered.' }) note: string;
  @Field(() => CompletionReportStatusEnum, { description: 'Where the report stands.' })
  status: CompletionReportStatusEnum;
  @Field(() => DateScalar, { nullable: true, description: 'When it was confirmed or returned.' })
  decidedOn: CalendarDate | null;
  @Field(() => String, { nullable: true, description: 'Why it was returned.' }) decisionNote: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The quality given when it was confirmed, 1 (poor) to 5 (excellent); null when none was given.',
  })
  quality: number | null;
}

@ObjectType('TaskEdge', { description: 'A task in a list, with its cursor.' })
export class TaskEdge {
  @Field({ description: 'Opaque position of this task in the list.' }) cursor: string;
  @Field(() => Task, { description: 'The task.' }) node: Task;
}

@ObjectType('TaskConnection', { description: 'A page of tasks.' })
export class TaskConnection {
  @Field(() => Int, { description: 'Tasks matching the filter, on all pages.' }) totalCount: number;
  @Field(() => [TaskEdge], { description: 'The tasks of this page.' }) edges: TaskEdge[];
  @Field(() => PageInfo, { description: 'Where this page ends.' }) pageInfo: PageInfo;
}
