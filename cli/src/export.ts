import { ApiClient, type Connection } from './api';
import { parseCalendarDate, todayInVietnam, type CalendarDate } from './dates';
import {
  ASSIGNER_LABELS,
  COMPLIANCE_LABELS,
  DOCUMENT_KIND_LABELS,
  ORGANISATION_KIND_LABELS,
  PRIORITY_LABELS,
  TASK_STATUS_LABELS,
} from './labels';
import { LEADERSHIP_COMPLIANCE, TASK_PAGE, UNITS } from './operations';
import { writeTable, type TableColumn } from './spreadsheet';

export interface ComplianceFigures {
  assigned: number;
  completedOnTime: number;
  completedLate: number;
  inProgressWithinDeadline: number;
  inProgressOverdue: number;
  withoutDeadline: number;
  due: number;
  completionRate: number | null;
  onTimeRate: number | null;
}

export interface UnitFigures {
  id: string;
  code: string;
  name: string;
  kind: string;
  compliance: ComplianceFigures | null;
}

export interface FiguresOptions extends Connection {
  from: CalendarDate;
  to: CalendarDate;
  /** As of this date; when absent, as the API: the end of the period when past, else today. */
  asOf?: CalendarDate;
  /** Only units of these kinds (DEPARTMENT, DISTRICT, ...); all when absent. */
  kinds?: string[];
  out: string;
}

function calendarDate(name: string, value: string): CalendarDate {
  const date = parseCalendarDate(value);
  if (!date) throw new Error(`${name}: not a date: "${value}" (yyyy-mm-dd or dd/mm/yyyy)`);
  return date;
}

/**
 * Writes the compliance figures of every unit for a period (the contract's LeadershipCompliance
 * operation). The as-of date is always sent, so that the file can say which date it is.
 */
export async function exportFigures(options: FiguresOptions): Promise<{ rows: number; asOf: CalendarDate }> {
  const from = calendarDate('--from', options.from);
  const to = calendarDate('--to', options.to);
  const today = todayInVietnam();
  const asOf = options.asOf ? calendarDate('--as-of', options.asOf) : to < today ? to : today;
  const { organisations } = await new ApiClient(options).request<{ organisations: UnitFigures[] }>(
    LEADERSHIP_COMPLIANCE,
    { kinds: options.kinds ?? null, from, to, asOf },
  );
  const rows = organisations.map((unit) => {
    if (!unit.compliance) throw new Error(`no figures for ${unit.code}: the assignments service did not answer`);
    return { ...unit, compliance: unit.compliance };
  });
  type Row = (typeof rows)[number];
  const figure = (header: string, pick: (figures: ComplianceFigures) => number, width = 14): TableColumn<Row> => ({
    header,
    type: 'integer',
    value: (row) => pick(row.compliance),
    width,
  });
  const columns: Array<TableColumn<Row>> = [
    { header: 'Mã đơn vị', type: 'text', value: (row) => row.code },
    { header: 'Tên đơn vị', type: 'text', value: (row) => row.name, width: 40 },
    { header: 'Loại đơn vị', type: 'text', value: (row) => ORGANISATION_KIND_LABELS[row.kind] ?? row.kind },
    { header: 'Từ ngày', type: 'date', value: () => from },
    { header: 'Đến ngày', type: 'date', value: () => to },
    { header: 'Tính đến ngày', type: 'date', value: () => asOf },
    figure('Số nhiệm vụ được giao', (f) => f.assigned),
    figure('Hoàn thành đúng hạn', (f) => f.completedOnTime),
    figure('Hoàn thành quá hạn', (f) => f.completedLate),
    figure('Đang thực hiện trong hạn', (f) => f.inProgressWithinDeadline),
    figure('Quá hạn, chưa hoàn thành', (f) => f.inProgressOverdue),
    figure('Không có thời hạn', (f) => f.withoutDeadline),
    figure('Đã đến hạn', (f) => f.due),
    { header: 'Tỷ lệ hoàn thành', type: 'fraction', value: (row) => row.compliance.completionRate },
    { header: 'Tỷ lệ đúng hạn', type: 'fraction', value: (row) => row.compliance.onTimeRate },
  ];
  await writeTable(options.out, 'Kết quả thực hiện', columns, rows);
  return { rows: rows.length, asOf };
}

/** A task as `ExportTasks` reads it. */
export interface ExportedTask {
  id: string;
  title: string;
  description: string | null;
  status: string;
  assignedOn: CalendarDate;
  dueOn: CalendarDate | null;
  originalDueOn: CalendarDate | null;
  completedOn: CalendarDate | null;
  withdrawnOn: CalendarDate | null;
  assignerKind: string;
  assignerName: string | null;
  priority: string;
  compliance: string | null;
  leadOrganisation: { code: string; name: string } | null;
  coordinatingOrganisations: Array<{ code: string }>;
  sourceDocument: { number: string; kind: string; issuedOn: CalendarDate; signer: string | null } | null;
}

/** The API's `TaskFilter`, with the unit by code. */
export interface TaskListFilter {
  /** Led by the unit of this code. */
  unit?: string;
  status?: string[];
  priority?: string[];
  assignedBy?: string;
  assignedFrom?: CalendarDate;
  assignedTo?: CalendarDate;
  /** The date compliance is taken as of (today when absent). */
  asOf?: CalendarDate;
  compliance?: string[];
  dueWithinDays?: number;
  search?: string;
}

export interface TasksOptions extends Connection {
  filter?: TaskListFilter;
  out: string;
  /** Page size, 1 to 100 (100 by default). */
  pageSize?: number;
  onProgress?(progress: { done: number; total: number }): void;
}

/**
 * The columns of an exported task list. The ones an import reads have the import's headers, so a
 * list exported from one province's system loads into another's.
 */
export const TASK_COLUMNS: Array<TableColumn<ExportedTask>> = [
  { header: 'Mã nhiệm vụ', type: 'text', value: (t) => t.id, width: 38 },
  { header: 'Số hiệu văn bản', type: 'text', value: (t) => t.sourceDocument?.number },
  {
    header: 'Loại văn bản',
    type: 'text',
    value: (t) => t.sourceDocument && (DOCUMENT_KIND_LABELS[t.sourceDocument.kind] ?? t.sourceDocument.kind),
  },
  { header: 'Ngày văn bản', type: 'date', value: (t) => t.sourceDocument?.issuedOn },
  { header: 'Người ký', type: 'text', value: (t) => t.sourceDocument?.signer },
  { header: 'Nội dung nhiệm vụ', type: 'text', value: (t) => t.title, width: 60 },
  { header: 'Trích yếu', type: 'text', value: (t) => t.description, width: 40 },
  { header: 'Ngày giao', type: 'date', value: (t) => t.assignedOn },
  {
    header: 'Người giao',
    type: 'text',
    value: (t) => [ASSIGNER_LABELS[t.assignerKind] ?? t.assignerKind, t.assignerName].filter(Boolean).join(' '),
    width: 24,
  },
  { header: 'Tính chất', type: 'text', value: (t) => PRIORITY_LABELS[t.priority] ?? t.priority },
  { header: 'Đơn vị chủ trì', type: 'text', value: (t) => t.leadOrganisation?.code },
  { header: 'Tên đơn vị chủ trì', type: 'text', value: (t) => t.leadOrganisation?.name, width: 40 },
  {
    header: 'Đơn vị phối hợp',
    type: 'text',
    value: (t) => t.coordinatingOrganisations.map((unit) => unit.code).join(', '),
  },
  { header: 'Hạn xử lý', type: 'date', value: (t) => t.dueOn },
  { header: 'Hạn ban đầu', type: 'date', value: (t) => t.originalDueOn },
  { header: 'Trạng thái', type: 'text', value: (t) => TASK_STATUS_LABELS[t.status] ?? t.status, width: 22 },
  { header: 'Ngày hoàn thành', type: 'date', value: (t) => t.completedOn },
  { header: 'Ngày rút', type: 'date', value: (t) => t.withdrawnOn },
  {
    header: 'Tình hình thực hiện',
    type: 'text',
    value: (t) => t.compliance && (COMPLIANCE_LABELS[t.compliance] ?? t.compliance),
    width: 26,
  },
];

/**
 * The API's largest page. The gateway counts 1 per object, 14 per task here (10 coordinating units
 * assumed): a page of 100 costs 1,402, under the default limit of 5,000 (GRAPHQL_MAX_COST).
 */
const DEFAULT_EXPORT_PAGE = 100;

interface TaskPage {
  tasks: {
    totalCount: number;
    edges: Array<{ node: ExportedTask }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Writes a task list, following the `tasks` connection's cursor page by page, in the API's order. */
export async function exportTasks(options: TasksOptions): Promise<{ rows: number }> {
  const api = new ApiClient(options);
  const { unit, ...rest } = options.filter ?? {};
  const filter: Record<string, unknown> = { ...rest };
  if (unit) {
    const { organisations } = await api.request<{ organisations: Array<{ id: string; code: string }> }>(UNITS);
    const lead = organisations.find((candidate) => candidate.code.toUpperCase() === unit.trim().toUpperCase());
    if (!lead) throw new Error(`--unit: no unit has the code "${unit}"`);
    filter.leadOrganisationId = lead.id;
  }
  const tasks: ExportedTask[] = [];
  let after: string | null = null;
  for (;;) {
    const page: TaskPage = await api.request<TaskPage>(TASK_PAGE, {
      filter,
      first: options.pageSize ?? DEFAULT_EXPORT_PAGE,
      after,
      asOf: rest.asOf ?? null,
    });
    tasks.push(...page.tasks.edges.map((edge) => edge.node));
    options.onProgress?.({ done: tasks.length, total: page.tasks.totalCount });
    if (!page.tasks.pageInfo.hasNextPage) break;
    after = page.tasks.pageInfo.endCursor;
  }
  await writeTable(options.out, 'Nhiệm vụ', TASK_COLUMNS, tasks);
  return { rows: tasks.length };
}
