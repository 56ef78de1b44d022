import { addWorkingDays } from '../working-days/rules';
import { leadUnitOnSql, ledOnSql } from '../transfer/rules';
import { loadHolidayCalendar } from '../working-days/holiday.store';
import {
  BadUserInputError,
  searchPattern,
  decodeCursor,
  encodeCursor,
  isUuid,
  parseCalendarDate,
  type CalendarDate,
} from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { TaskRow } from './task.entity';
import type { TaskFilter } from './task.inputs';

export interface TaskPage {
  rows: Array<TaskRow & { cursor: string }>;
  totalCount: number;
  hasNextPage: boolean;
}

export interface TaskListQuery {
  filter: TaskFilter;
  first: number;
  after: string | null;
  asOf: CalendarDate;
  /** A unit user's own unit: only the tasks it leads or coordinates (null: every task). */
  visibleTo: string | null;
}

const NO_DEADLINE_LAST = '9999-12-31';
const isDate = (text: string) => parseCalendarDate(text) !== null;

/**
 * Pages of tasks for many units in ONE statement: each unit's matching tasks are numbered in the
 * list's order (the deadline in force as of `asOf`, earliest first, so the most overdue lead; then
 * assignment date and id, so the order is total and cursors stable), counted, and cut after the cursor.
 * `unitIds` null: one list over all units (the `tasks` query).
 */
export async function taskPages(
  db: DataSource,
  query: TaskListQuery,
  unitIds: readonly string[] | null,
): Promise<Map<string, TaskPage>> {
  const { filter, asOf } = query;
  const parameters: unknown[] = [asOf];
  const param = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const conditions: string[] = [];
  if (query.visibleTo !== null) {
    const unit = param(query.visibleTo);
    conditions.push(
      `(t.lead_organisation_id = ${unit}::uuid OR ${unit}::uuid = ANY(t.coordinating_organisation_ids) OR t.assigning_organisation_id = ${unit}::uuid)`,
    );
  }
  // A unit's tasks as of a date are those it led that day: the list agrees with its figures.
  if (unitIds) conditions.push(ledOnSql('t', `${param(unitIds)}::uuid[]`, '$1::date'));
  if (filter.leadOrganisationId) {
    if (!isUuid(filter.leadOrganisationId)) return new Map();
    conditions.push(ledOnSql('t', `ARRAY[${param(filter.leadOrganisationId)}::uuid]`, '$1::date'));
  }
  if (filter.assignedBy) conditions.push(`t.assigner_kind = ${param(filter.assignedBy)}`);
  if (filter.priority?.length) conditions.push(`t.priority = ANY(${param(filter.priority)}::text[])`);
  if (filter.status?.length) conditions.push(`t.status = ANY(${param(filter.status)}::text[])`);
  if (filter.assignedFrom) conditions.push(`t.assigned_on >= ${param(filter.assignedFrom)}::date`);
  if (filter.assignedTo) conditions.push(`t.assigned_on <= ${param(filter.assignedTo)}::date`);
  if (filter.originConclusionId) {
    if (!isUuid(filter.originConclusionId)) return new Map();
    conditions.push(`t.origin_conclusion_id = ${param(filter.originConclusionId)}::uuid`);
  }
  if (filter.awaitingDecision) {
    // The pending rows are few and each table has a partial index on them (one pending per task).
    conditions.push(
      `t.id IN (SELECT task_id FROM assignments.completion_report WHERE status = 'SUBMITTED'
                UNION ALL SELECT task_id FROM assignments.extension WHERE status = 'PENDING')`,
    );
    // A unit user decides only the sub-tasks its unit delegated, not its own reports.
    if (query.visibleTo !== null) conditions.push(`t.assigning_organisation_id = ${param(query.visibleTo)}::uuid`);
  }
  if (filter.updatedSince) conditions.push(`t.updated_at >= ${param(filter.updatedSince.toISOString())}::timestamptz`);
  if (filter.compliance?.length) conditions.push(`bucket = ANY(${param(filter.compliance)}::text[])`);
  if (filter.dueWithinDays !== null && filter.dueWithinDays !== undefined) {
    if (filter.dueWithinDays < 0 || filter.dueWithinDays > 366) {
      throw new BadUserInputError('dueWithinDays must be between 0 and 366', 'dueWithinDays');
    }
    conditions.push(
      `bucket = 'IN_PROGRESS_WITHIN_DEADLINE' AND due_as_of BETWEEN $1::date AND $1::date + ${param(filter.dueWithinDays)}::int`,
    );
  }
  if (filter.dueWithinWorkingDays !== null && filter.dueWithinWorkingDays !== undefined) {
    const count = filter.dueWithinWorkingDays;
    if (!Number.isInteger(count) || count < 0 || count > 366) {
      throw new BadUserInputError('dueWithinWorkingDays must be between 0 and 366', 'dueWithinWorkingDays');
    }
    const until = count === 0 ? query.asOf : addWorkingDays(query.asOf, count, await loadHolidayCalendar(db));
    conditions.push(`bucket = 'IN_PROGRESS_WITHIN_DEADLINE' AND due_as_of BETWEEN $1::date AND ${param(until)}::date`);
  }
  const search = searchPattern(filter.search, 'search');
  if (search) conditions.push(`t.search_text LIKE ${param(search)}`);
  const after = query.after ? decodeCursor(query.after, [isDate, isDate, isUuid]) : null;
  const afterCondition = after
    ? `WHERE (sort_due, assigned_on, id) > (${param(after[0])}::date, ${param(after[1])}::date, ${param(after[2])}::uuid)`
    : '';
  const first = param(query.first + 1);

  const part = unitIds ? leadUnitOnSql('t', '$1::date') : 'NULL::uuid';
  const rows: Array<Record<string, unknown>> = await db.query(
    `WITH matching AS (
       SELECT t.id, t.assigned_on, ${part} AS part, coalesce(due_as_of, '${NO_DEADLINE_LAST}') AS sort_due,
              count(*) OVER (PARTITION BY ${part}) AS total
         FROM assignments.task t
        CROSS JOIN LATERAL (SELECT assignments.deadline_in_force(t.original_due_on, t.extension_decided_on, t.extension_due_on, $1::date) AS due_as_of) d
        CROSS JOIN LATERAL (SELECT assignments.compliance_bucket(t.assigned_on, t.original_due_on, t.extension_decided_on,
                              t.extension_due_on, t.completed_on, t.withdrawn_on, $1::date) AS bucket) b
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ), paged AS (
       SELECT *, row_number() OVER (PARTITION BY part ORDER BY sort_due, assigned_on, id) AS position
         FROM matching ${afterCondition}
     )
     SELECT u.part, u.total, p.position, p.sort_due::text AS sort_due, t.*
       FROM (SELECT DISTINCT part, total FROM matching) u
       LEFT JOIN paged p ON p.part IS NOT DISTINCT FROM u.part AND p.position <= ${first}
       LEFT JOIN assignments.task t ON t.id = p.id
      ORDER BY u.part, p.position`,
    parameters,
  );
  const tasks = db.getRepository(TaskRow);
  const pages = new Map<string, TaskPage>();
  for (const row of rows) {
    const key = unitIds ? String(row.part) : '';
    const page = pages.get(key) ?? { rows: [], totalCount: Number(row.total), hasNextPage: false };
    pages.set(key, page);
    if (row.id === null) continue;
    if (Number(row.position) > query.first) {
      page.hasNextPage = true;
      continue;
    }
    const task = tasks.create(mapTaskColumns(row));
    page.rows.push({
      ...task,
      cursor: encodeCursor([String(row.sort_due), task.assignedOn, task.id]),
    });
  }
  return pages;
}

/** Raw `assignments.task` columns → entity properties. */
function mapTaskColumns(row: Record<string, unknown>): TaskRow {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    documentNumber: row.document_number,
    documentKind: row.document_kind,
    documentIssuedOn: row.document_issued_on,
    documentSigner: row.document_signer,
    assignedOn: row.assigned_on,
    assignerKind: row.assigner_kind,
    assignerName: row.assigner_name,
    leadOrganisationId: row.lead_organisation_id,
    coordinatingOrganisationIds: row.coordinating_organisation_ids,
    originalDueOn: row.original_due_on,
    coordinationDueOn: row.coordination_due_on,
    priority: row.priority,
    originConclusionId: row.origin_conclusion_id,
    status: row.status,
    parentId: row.parent_id,
    assigningOrganisationId: row.assigning_organisation_id,
    dueOn: row.due_on,
    extensionDecidedOn: row.extension_decided_on,
    extensionDueOn: row.extension_due_on,
    leadTransferredOn: row.lead_transferred_on,
    leadTransferredFrom: row.lead_transferred_from,
    assignedByOfficialId: row.assigned_by_official_id,
    deadlineWorkingDays: row.deadline_working_days,
    completedOn: row.completed_on,
    withdrawnOn: row.withdrawn_on,
    quality: row.quality,
    searchText: row.search_text,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  } as TaskRow;
}
