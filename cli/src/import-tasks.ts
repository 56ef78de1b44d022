import { ApiClient, type Connection } from './api';
import { todayInVietnam } from './dates';
import type { ImportLimits } from './import-limits';
import { planImport, type KnownUnit, type PlannedTask, type RowError } from './import-plan';
import { ASSIGN_TASK, UNITS } from './operations';
import { readSheet } from './spreadsheet';

export interface ImportOptions extends Connection {
  file: string;
  /** Check every row and send nothing. */
  dryRun?: boolean;
  /** The sheet of an .xlsx file; the first when absent. */
  sheet?: string;
  /** What the file may hold before it is parsed; `DEFAULT_IMPORT_LIMITS` when absent. */
  limits?: ImportLimits;
  /** Rows sent at once. */
  concurrency?: number;
  /** Called after each row sent. */
  onProgress?(progress: { done: number; total: number }): void;
}

export interface ImportResult {
  /** Valid task rows in the file. */
  valid: number;
  /** Rows sent and acknowledged (new tasks, or tasks an earlier run of the same rows made). */
  sent: number;
  /** Every invalid row; nothing is sent unless this is empty. */
  errors: RowError[];
  /** A row the API refused: rows already sent are in, no more are sent; a rerun adds no duplicates. */
  failure?: { line: number; reason: string };
  ignoredColumns: string[];
}

const DEFAULT_CONCURRENCY = 4;

/**
 * Imports a task list (.xlsx or .csv) through `assignTask`. Every row is checked first, with unit
 * codes resolved through `organisations`; with any invalid row nothing is sent. Each row carries
 * an idempotency key made from its content, so running the same file again after an interruption
 * sends every row again but makes no task twice.
 */
export async function importTasks(options: ImportOptions): Promise<ImportResult> {
  const api = new ApiClient(options);
  const rows = await readSheet(options.file, { sheet: options.sheet, limits: options.limits });
  const { organisations } = await api.request<{ organisations: KnownUnit[] }>(UNITS);
  const plan = planImport(rows, { units: organisations, today: todayInVietnam() });
  const result: ImportResult = {
    valid: plan.tasks.length,
    sent: 0,
    errors: plan.errors,
    ignoredColumns: plan.ignoredColumns,
  };
  if (options.dryRun || plan.errors.length > 0) return result;

  // A few workers take rows in file order; the first refusal stops them taking more.
  const queue: PlannedTask[] = [...plan.tasks];
  const send = async () => {
    for (let task = queue.shift(); task && !result.failure; task = queue.shift()) {
      try {
        await api.request(ASSIGN_TASK, { input: { ...task.input, idempotencyKey: task.idempotencyKey } });
      } catch (error) {
        result.failure ??= { line: task.line, reason: (error as Error).message };
        return;
      }
      result.sent++;
      options.onProgress?.({ done: result.sent, total: plan.tasks.length });
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, plan.tasks.length));
  await Promise.all(Array.from({ length: workers }, send));
  return result;
}
