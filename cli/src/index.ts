/** Import and export through the GraphQL API, for other agencies' spreadsheets. */
export { ApiClient, ApiError, connectionFromEnvironment, DEFAULT_URL, type Connection } from './api';
export { IMPORT_COLUMNS, type ImportColumn, type ImportField } from './columns';
export { excelSerialToDate, parseCalendarDate, todayInVietnam, type CalendarDate } from './dates';
export {
  exportFigures,
  exportTasks,
  TASK_COLUMNS,
  type ExportedTask,
  type FiguresOptions,
  type TaskListFilter,
  type TasksOptions,
  type UnitFigures,
} from './export';
export { csvField, csvRecord, neutraliseFormula, restoreFormulaText } from './csv';
export {
  DEFAULT_IMPORT_LIMITS,
  IMPORT_LIMIT_SETTINGS,
  ImportLimitError,
  importLimits,
  type ImportLimits,
} from './import-limits';
export { importTasks, type ImportOptions, type ImportResult } from './import-tasks';
export {
  idempotencyKeyFor,
  parseAssigner,
  planImport,
  type AssignTaskInput,
  type ImportPlan,
  type RowError,
  type RowErrorCode,
} from './import-plan';
export { LEADERSHIP_COMPLIANCE } from './operations';
export { readSheet, writeTable, type CellValue, type SheetRow } from './spreadsheet';
export { writeAppendix, writeReport, type ReportOptions } from './report/report';
export {
  loadReportData,
  type ReportCycle,
  type ReportData,
  type ReportFigures,
  type ReportPeriodOptions,
} from './report/report-data';
export { reportDocument } from './report/report-document';
