#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connectionFromEnvironment } from './api';
import { IMPORT_COLUMNS } from './columns';
import { parseCalendarDate } from './dates';
import { exportFigures, exportTasks, type TaskListFilter } from './export';
import { DEFAULT_IMPORT_LIMITS, IMPORT_LIMIT_SETTINGS, importLimits } from './import-limits';
import { importTasks } from './import-tasks';
import { progressReporter } from './progress';
import { writeReport } from './report/report';
import type { ReportCycle } from './report/report-data';

const USAGE = `Giao Việc: import and export through the GraphQL API (GIAOVIEC_URL, GIAOVIEC_TOKEN).

  import FILE.xlsx|FILE.csv [--dry-run] [--sheet NAME] [--max-inflated-mib N] [--max-rows N]
  export figures --from DATE --to DATE [--as-of DATE] [--kinds DEPARTMENT,DISTRICT] --out FILE.xlsx|csv
  export tasks [--unit CODE] [--status S,..] [--priority P,..] [--assigned-by KIND] [--assigned-from DATE]
               [--assigned-to DATE] [--as-of DATE] [--compliance BUCKET,..] [--due-within-days N]
               [--search TEXT] --out FILE.xlsx|csv
  report --cycle MONTH|QUARTER|HALF_YEAR|YEAR --year YYYY [--index N] [--out FILE.docx] [--xlsx FILE.xlsx]
  report --from DATE --to DATE [--as-of DATE] [--out FILE.docx] [--xlsx FILE.xlsx]
         The periodic report (Decree 09/2019/NĐ-CP windows) as a Word document, and its appendix as a spreadsheet.

Limits of an imported file, checked before it is read (a flag, else the environment, else the default):
  ${IMPORT_LIMIT_SETTINGS.maxInflatedMib.flag} N  ${IMPORT_LIMIT_SETTINGS.maxInflatedMib.env}  unzipped .xlsx, or .csv, in MiB (${DEFAULT_IMPORT_LIMITS.maxInflatedBytes / 1024 / 1024})
  ${IMPORT_LIMIT_SETTINGS.maxRows.flag} N          ${IMPORT_LIMIT_SETTINGS.maxRows.env}          rows of all its sheets (${DEFAULT_IMPORT_LIMITS.maxRows})

Dates: yyyy-mm-dd or dd/mm/yyyy. Columns of an imported file (header row, Vietnamese):
${IMPORT_COLUMNS.map((column) => `  ${column.header.padEnd(20)} ${column.meaning}`).join('\n')}
`;

class UsageError extends Error {}

/** The report goes to stdout; progress and failures to stderr. */
function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Under `npm run`, the working directory is the repository: files are relative to where npm was run. */
function userPath(file: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function list(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function date(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = parseCalendarDate(value);
  if (!parsed) throw new UsageError(`--${name}: not a date: "${value}"`);
  return parsed;
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      sheet: { type: 'string' },
      'max-inflated-mib': { type: 'string' },
      'max-rows': { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('import takes one file');
  const file = userPath(positionals[0]!);
  const limits = importLimits({ maxInflatedMib: values['max-inflated-mib'], maxRows: values['max-rows'] });
  const progress = progressReporter('Importing');
  const result = await importTasks({
    ...connectionFromEnvironment(),
    file,
    dryRun: values['dry-run'],
    sheet: values.sheet,
    limits,
    onProgress: progress.update,
  }).finally(progress.stop);
  if (result.ignoredColumns.length > 0) print(`Columns not read: ${result.ignoredColumns.join(', ')}`);
  if (result.errors.length > 0) {
    print(`${file}: ${result.errors.length} error(s); nothing was imported.`);
    for (const error of result.errors) {
      print(`  line ${error.line}${error.column ? `, "${error.column}"` : ''}: ${error.code}: ${error.reason}`);
    }
    return 1;
  }
  if (values['dry-run']) {
    print(`${file}: ${result.valid} valid task row(s). Dry run: nothing was sent.`);
    return 0;
  }
  print(`${file}: ${result.sent} of ${result.valid} task(s) imported (rows imported before are not duplicated).`);
  if (result.failure) {
    print(`  line ${result.failure.line} was refused: ${result.failure.reason}`);
    print('  Fix it and run the import again: the rows already imported will not be imported twice.');
    return 1;
  }
  return 0;
}

async function runExport(args: string[]): Promise<number> {
  const [what, ...rest] = args;
  const connection = connectionFromEnvironment();
  if (what === 'figures') {
    const { values } = parseArgs({
      args: rest,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        'as-of': { type: 'string' },
        kinds: { type: 'string' },
        out: { type: 'string' },
      },
    });
    const out = userPath(required('out', values.out));
    const result = await exportFigures({
      ...connection,
      from: required('from', date('from', values.from)),
      to: required('to', date('to', values.to)),
      asOf: date('as-of', values['as-of']),
      kinds: list(values.kinds),
      out,
    });
    print(`${out}: figures of ${result.rows} unit(s) as of ${result.asOf}.`);
    return 0;
  }
  if (what === 'tasks') {
    const { values } = parseArgs({
      args: rest,
      options: Object.fromEntries(
        [
          'unit',
          'status',
          'priority',
          'assigned-by',
          'assigned-from',
          'assigned-to',
          'as-of',
          'compliance',
          'due-within-days',
          'search',
          'out',
        ].map((name) => [name, { type: 'string' as const }]),
      ),
    });
    const text = (name: string) => values[name] as string | undefined;
    const days = text('due-within-days');
    if (days !== undefined && !/^\d+$/.test(days)) throw new UsageError(`--due-within-days: not a number: "${days}"`);
    const filter: TaskListFilter = {
      unit: text('unit'),
      status: list(text('status')),
      priority: list(text('priority')),
      assignedBy: text('assigned-by'),
      assignedFrom: date('assigned-from', text('assigned-from')),
      assignedTo: date('assigned-to', text('assigned-to')),
      asOf: date('as-of', text('as-of')),
      compliance: list(text('compliance')),
      dueWithinDays: days === undefined ? undefined : Number(days),
      search: text('search'),
    };
    const out = userPath(required('out', text('out')));
    const progress = progressReporter('Reading tasks');
    const result = await exportTasks({
      ...connection,
      filter: Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)),
      out,
      onProgress: progress.update,
    }).finally(progress.stop);
    print(`${out}: ${result.rows} task(s).`);
    return 0;
  }
  throw new UsageError('export figures or export tasks');
}

const CYCLES = ['MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'];

async function runReport(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(
      ['cycle', 'year', 'index', 'from', 'to', 'as-of', 'out', 'xlsx'].map((name) => [
        name,
        { type: 'string' as const },
      ]),
    ),
  });
  const text = (name: string) => values[name] as string | undefined;
  const whole = (name: string) => {
    const value = text(name);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError(`--${name}: not a number: "${value}"`);
    return Number(value);
  };
  let period: Parameters<typeof writeReport>[0]['period'];
  const cycle = text('cycle')?.toUpperCase();
  if (cycle !== undefined) {
    if (!CYCLES.includes(cycle)) throw new UsageError(`--cycle: one of ${CYCLES.join(', ')}`);
    if (text('from') || text('to')) throw new UsageError('--cycle or --from/--to, not both');
    const year = whole('year');
    if (year === undefined) throw new UsageError('--year is required with --cycle');
    period = { cycle: { cycle: cycle as ReportCycle['cycle'], year, index: whole('index') } };
  } else {
    period = {
      from: required('from', date('from', text('from'))),
      to: required('to', date('to', text('to'))),
      asOf: date('as-of', text('as-of')),
    };
  }
  const out = userPath(text('out') ?? 'bao-cao.docx');
  const xlsx = text('xlsx') === undefined ? undefined : userPath(text('xlsx')!);
  const data = await writeReport({ ...connectionFromEnvironment(), period, out, xlsx });
  print(`${out}: report from ${data.from} to ${data.to} as of ${data.asOf}, ${data.units.length} unit(s).`);
  if (xlsx) print(`${xlsx}: its appendix.`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === undefined || command === 'help' || argv.includes('--help')) {
      print(USAGE);
      return 0;
    }
    if (command === 'import') return await runImport(args);
    if (command === 'export') return await runExport(args);
    if (command === 'report') return await runReport(args);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    console.error((error as Error).message);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
