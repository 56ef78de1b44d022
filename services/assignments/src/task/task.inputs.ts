import { DateScalar, IdempotentInput, type CalendarDate } from '@giaoviec/shared';
import { GraphQLDateTime } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  AssignerKindEnum,
  ComplianceBucketEnum,
  DocumentKindEnum,
  TaskPriorityEnum,
  TaskStatusEnum,
} from './task.enums';

/** What every change of an existing task accepts: a retry key, and the version the client read. */
@InputType()
export abstract class TaskChangeInput extends IdempotentInput {
  @Field(() => Int, {
    nullable: true,
    description:
      'The task `version` the client read: if the task has changed since, the change is refused with CONFLICT (no lost updates).',
  })
  expectedVersion?: number | null;
}

@InputType('SourceDocumentInput', { description: 'The document a task comes from.' })
export class SourceDocumentInput {
  @Field({ description: 'Its number and symbol, e.g. `162/QĐ-UBND` (at most 64 characters).' })
  number: string;

  @Field(() => DocumentKindEnum, { description: 'Its kind.' })
  kind: DocumentKindEnum;

  @Field(() => DateScalar, { description: 'Its issue date; not after the assignment date.' })
  issuedOn: CalendarDate;

  @Field(() => String, { nullable: true, description: 'Who signed it.' })
  signer?: string | null;
}

@InputType('AssignTaskInput', { description: 'A new task (giao nhiệm vụ).' })
export class AssignTaskInput extends IdempotentInput {
  @Field({ description: 'What is to be done, 1 to 500 characters.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Details, at most 5,000 characters.' })
  description?: string | null;

  @Field(() => DateScalar, { description: 'The assignment date; not in the future.' })
  assignedOn: CalendarDate;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The deadline; null or absent: no deadline. Not before the assignment date.',
  })
  dueOn?: CalendarDate | null;

  @Field(() => ID, { description: 'The lead unit (đơn vị chủ trì).' })
  leadOrganisationId: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The coordinating units’ own deadline (hạn phối hợp): not before the assignment, not after `dueOn` when there is one. Absent: the task’s deadline in force.',
  })
  coordinationDueOn?: CalendarDate | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Coordinating units (đơn vị phối hợp), at most 20, not the lead unit.',
  })
  coordinatingOrganisationIds?: string[] | null;

  @Field(() => SourceDocumentInput, {
    nullable: true,
    description: 'The source document; absent for an oral directive.',
  })
  sourceDocument?: SourceDocumentInput | null;

  @Field(() => TaskPriorityEnum, { nullable: true, description: 'Priority; ROUTINE when absent.' })
  priority?: TaskPriorityEnum | null;

  @Field(() => AssignerKindEnum, { nullable: true, description: "Who assigns it; the People's Committee when absent." })
  assignedBy?: AssignerKindEnum | null;

  @Field(() => String, { nullable: true, description: 'The name of the Chairman or Vice-Chairman who assigns it.' })
  assignerName?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The leader (an `Official`) who assigns it; `byAssigner` groups figures by this leader.',
  })
  assignedByOfficialId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The deadline as a number of working days after the assignment date (1 to 366), skipping weekends and public holidays (Tết included); the due date is computed and stored. Not with `dueOn`.',
  })
  deadlineInWorkingDays?: number | null;

  @Field(() => ID, { nullable: true, description: 'The inspection conclusion this task follows up, if any.' })
  originConclusionId?: string | null;
}

@InputType('ReportProgressInput', { description: 'A progress report of the lead unit (báo cáo tiến độ).' })
export class ReportProgressInput extends TaskChangeInput {
  @Field(() => ID, { description: 'The task.' }) taskId: string;

  @Field(() => DateScalar, { description: 'The report date; not before the assignment, not in the future.' })
  reportedOn: CalendarDate;

  @Field(() => Int, { nullable: true, description: 'Estimated share done, 0 to 100.' })
  percentComplete?: number | null;

  @Field({ description: 'What was done, 1 to 2,000 characters.' })
  note: string;
}

@InputType('SubmitCompletionInput', { description: 'The lead unit reports the task done (báo cáo hoàn thành).' })
export class SubmitCompletionInput extends TaskChangeInput {
  @Field(() => ID, { description: 'The task.' }) taskId: string;

  @Field(() => DateScalar, { description: 'The date the work was done: not before the assignment, not in the future.' })
  completedOn: CalendarDate;

  @Field({ description: 'What was delivered, 1 to 2,000 characters.' })
  note: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date the report was sent; the completion date when absent.',
  })
  submittedOn?: CalendarDate | null;
}

@InputType('ConfirmCompletionInput', { description: 'The assigning side confirms a completion report (xác nhận).' })
export class ConfirmCompletionInput extends TaskChangeInput {
  @Field(() => ID, { description: 'The task.' }) taskId: string;

  @Field(() => DateScalar, { description: 'The confirmation date: not before the report, not in the future.' })
  confirmedOn: CalendarDate;

  @Field(() => Int, {
    nullable: true,
    description: 'The quality of the result (chất lượng), from 1 (poor) to 5 (excellent); none when absent.',
  })
  quality?: number | null;
}

@InputType('ReturnCompletionInput', { description: 'The assigning side returns a completion report for more work.' })
export class ReturnCompletionInput extends TaskChangeInput {
  @Field(() => ID, { description: 'The task.' }) taskId: string;

  @Field(() => DateScalar, { description: 'The date: not before the report, not in the future.' })
  returnedOn: CalendarDate;

  @Field({ description: 'Why, 1 to 2,000 characters.' })
  reason: string;
}

@InputType('WithdrawTaskInput', { description: 'The task is no longer to be done (rút nhiệm vụ).' })
export class WithdrawTaskInput extends TaskChangeInput {
  @Field(() => ID, { description: 'The task.' }) taskId: string;

  @Field(() => DateScalar, { description: 'From when: not before the assignment, not in the future.' })
  withdrawnOn: CalendarDate;

  @Field({ description: 'Why, 1 to 2,000 characters.' })
  reason: string;
}

@InputType('TaskFilter', { description: 'Which tasks to list; all conditions hold together.' })
export class TaskFilter {
  @Field(() => ID, { nullable: true, description: 'Led by this unit.' })
  leadOrganisationId?: string | null;

  @Field(() => AssignerKindEnum, { nullable: true, description: 'Assigned by this side.' })
  assignedBy?: AssignerKindEnum | null;

  @Field(() => [TaskPriorityEnum], { nullable: true, description: 'Of these priorities.' })
  priority?: TaskPriorityEnum[] | null;

  @Field(() => [TaskStatusEnum], { nullable: true, description: 'In these workflow states.' })
  status?: TaskStatusEnum[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Assigned on or after this date.' })
  assignedFrom?: CalendarDate | null;

  @Field(() => DateScalar, { nullable: true, description: 'Assigned on or before this date.' })
  assignedTo?: CalendarDate | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date that `compliance`, `dueWithinDays` and the order are taken as of; today when absent.',
  })
  asOf?: CalendarDate | null;

  @Field(() => [ComplianceBucketEnum], {
    nullable: true,
    description: 'In these buckets as of `asOf` (withdrawn tasks are in none).',
  })
  compliance?: ComplianceBucketEnum[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Not completed, with the deadline in force falling within this many days of `asOf` (0 to 366): the "due soon" list.',
  })
  dueWithinDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Like `dueWithinDays`, counted in working days (weekends and public holidays skipped): the deadline falls within this many working days of `asOf` (0 to 366).',
  })
  dueWithinWorkingDays?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Words in the title or document number; diacritics and case ignored ("so xay dung" finds "Sở Xây dựng").',
  })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Following up this inspection conclusion.' })
  originConclusionId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: only the tasks waiting for the assigning side (chờ quyết định): a completion report to confirm or return, or an extension request to decide. A unit user gets the sub-tasks its unit delegated, the ones it decides. False or absent: no condition.',
  })
  awaitingDecision?: boolean | null;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      'Changed at or after this instant (`Task.updatedAt`): after a CURSOR_EXPIRED, read what changed since the last event kept, then follow the feed from its start.',
  })
  updatedSince?: Date | null;
}

@ArgsType()
export class TaskPageArgs {
  @Field(() => TaskFilter, { nullable: true, description: 'Which tasks; all when absent.' })
  filter?: TaskFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100; 20 when absent.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}
