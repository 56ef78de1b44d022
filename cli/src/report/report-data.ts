import { ApiClient, type Connection } from '../api';
import { todayInVietnam, type CalendarDate } from '../dates';
import type { ComplianceFigures } from '../export';

/** The figures of the report, as the API serves them (`ComplianceFigures`). */
export interface ReportFigures extends ComplianceFigures {
  /** Tasks withdrawn in the period, in no bucket (RULES.md, Withdrawn tasks in the figures). */
  withdrawn: number;
}

export interface ReportUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  figures: ReportFigures;
}

export interface OverdueTask {
  id: string;
  title: string;
  assignedOn: CalendarDate;
  daysOverdue: number;
}

export interface ReportData {
  from: CalendarDate;
  to: CalendarDate;
  asOf: CalendarDate;
  /** The cycle the period was asked by, when it was (`QUARTER 3 of 2017`). */
  cycle?: ReportCycle;
  province: ReportFigures;
  /** The units as they stood at the end of the period, in the API's order. */
  units: ReportUnit[];
  /** The tasks in progress overdue as of the date, by the id of their lead unit, most overdue first. */
  overdue: Map<string, OverdueTask[]>;
}

export interface ReportCycle {
  cycle: 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR';
  year: number;
  index?: number;
}

/** The contract's ReportingPeriod (reports.graphql). */
export const REPORTING_PERIOD = `query ReportingPeriod($cycle: ReportingCycle!, $year: Int!, $index: Int) {
  reportingPeriod(cycle: $cycle, year: $year, index: $index) { from to }
}`;

const FIGURES = `assigned completedOnTime completedLate inProgressWithinDeadline inProgressOverdue withoutDeadline due completionRate onTimeRate`;

/** The province and every unit of the period. */
export const REPORT_FIGURES = `query ReportFigures($from: Date!, $to: Date!, $asOf: Date) {
  complianceSummary(from: $from, to: $to, asOf: $asOf) { totals { ...ReportFigures } }
  organisations(asOf: $to) { id code name kind compliance(from: $from, to: $to, asOf: $asOf) { ...ReportFigures } }
}
fragment ReportFigures on ComplianceFigures { ${FIGURES} withdrawn }`;

const OVERDUE_PAGE = `edges { node { id title assignedOn daysOverdue(asOf: $asOf) } } pageInfo { hasNextPage endCursor }`;

/**
 * The first page of every unit's overdue tasks in one request: `Organisation.tasks` counts a task
 * for the unit that led it on `asOf` (a task moved to a successor since is still its unit's then).
 */
export const OVERDUE_TASKS = `query ReportOverdueTasks($to: Date!, $filter: TaskFilter, $first: Int, $asOf: Date) {
  organisations(asOf: $to) { id tasks(filter: $filter, first: $first) { ${OVERDUE_PAGE} } }
}`;

/** The next pages of one unit. */
export const MORE_OVERDUE_TASKS = `query ReportMoreOverdueTasks($id: ID!, $filter: TaskFilter, $first: Int, $after: String, $asOf: Date) {
  organisation(id: $id) { id tasks(filter: $filter, first: $first, after: $after) { ${OVERDUE_PAGE} } }
}`;

const PAGE = 100;

interface FiguresAnswer {
  complianceSummary: { totals: ReportFigures };
  organisations: Array<Omit<ReportUnit, 'figures'> & { compliance: ReportFigures | null }>;
}

interface OverduePage {
  edges: Array<{ node: Omit<OverdueTask, 'daysOverdue'> & { daysOverdue: number | null } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
type UnitTasks = { id: string; tasks: OverduePage | null };

export type ReportPeriodOptions =
  { cycle: ReportCycle } | { from: CalendarDate; to: CalendarDate; asOf?: CalendarDate };

/**
 * Everything the report says, read from the API as any client would, with the caller's token: the
 * period (the API's reporting windows), the figures, and the overdue tasks a page at a time.
 */
export async function loadReportData(connection: Connection, options: ReportPeriodOptions): Promise<ReportData> {
  const api = new ApiClient(connection);
  let from: CalendarDate;
  let to: CalendarDate;
  let asOf: CalendarDate | undefined;
  if ('cycle' in options) {
    ({ from, to } = (
      await api.request<{ reportingPeriod: { from: CalendarDate; to: CalendarDate } }>(REPORTING_PERIOD, {
        ...options.cycle,
        index: options.cycle.index ?? null,
      })
    ).reportingPeriod);
  } else ({ from, to, asOf } = options);
  const today = todayInVietnam();
  asOf ??= to < today ? to : today;

  const answer = await api.request<FiguresAnswer>(REPORT_FIGURES, { from, to, asOf });
  const units = answer.organisations.map(({ compliance, ...unit }) => {
    if (!compliance) throw new Error(`no figures for ${unit.code}: the assignments service did not answer`);
    return { ...unit, figures: compliance };
  });

  const overdue = new Map<string, OverdueTask[]>();
  const filter = { compliance: ['IN_PROGRESS_OVERDUE'], asOf, assignedFrom: from, assignedTo: to };
  const add = (unit: string, page: OverduePage) => {
    const list = overdue.get(unit) ?? [];
    for (const { node } of page.edges) list.push({ ...node, daysOverdue: node.daysOverdue ?? 0 });
    if (list.length > 0) overdue.set(unit, list);
  };
  const first = await api.request<{ organisations: UnitTasks[] }>(OVERDUE_TASKS, { to, filter, first: PAGE, asOf });
  for (const unit of first.organisations) {
    if (!unit.tasks) throw new Error('no tasks: the assignments service did not answer');
    add(unit.id, unit.tasks);
    for (let page = unit.tasks; page.pageInfo.hasNextPage;) {
      const next: { organisation: UnitTasks } = await api.request(MORE_OVERDUE_TASKS, {
        id: unit.id,
        filter,
        first: PAGE,
        after: page.pageInfo.endCursor,
        asOf,
      });
      page = next.organisation.tasks!;
      add(unit.id, page);
    }
  }
  for (const list of overdue.values())
    list.sort((a, b) => b.daysOverdue - a.daysOverdue || a.assignedOn.localeCompare(b.assignedOn));

  return {
    from,
    to,
    asOf,
    ...('cycle' in options ? { cycle: options.cycle } : {}),
    province: answer.complianceSummary.totals,
    units,
    overdue,
  };
}
