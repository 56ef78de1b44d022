import { writeFile } from 'node:fs/promises';
import type { Connection } from '../api';
import { writeTable, type TableColumn } from '../spreadsheet';
import { loadReportData, type ReportData, type ReportFigures, type ReportPeriodOptions } from './report-data';
import { appendixColumns, reportDocument } from './report-document';

/** The appendix of every unit as a spreadsheet (.xlsx): the same columns as the document's table. */
export async function writeAppendix(file: string, data: ReportData): Promise<void> {
  type Row = { code: string; name: string; figures: ReportFigures };
  const columns: Array<TableColumn<Row>> = [
    { header: 'Mã đơn vị', type: 'text', value: (row) => row.code },
    { header: 'Cơ quan, đơn vị', type: 'text', value: (row) => row.name, width: 40 },
    ...appendixColumns().map((column): TableColumn<Row> => ({
      header: column.header,
      type: column.rate ? 'fraction' : 'integer',
      value: (row) => column.value(row.figures),
      width: Math.max(14, column.header.length + 2),
    })),
  ];
  const rows: Row[] = [...data.units, { code: '', name: 'Toàn tỉnh', figures: data.province }];
  await writeTable(file, 'Phụ lục', columns, rows);
}

export interface ReportOptions extends Connection {
  period: ReportPeriodOptions;
  /** The .docx file to write. */
  out: string;
  /** The .xlsx appendix, when wanted. */
  xlsx?: string;
}

/** Reads the figures from the API with the caller's token and writes the report (and its appendix). */
export async function writeReport(options: ReportOptions): Promise<ReportData> {
  const data = await loadReportData(options, options.period);
  await writeFile(options.out, await reportDocument(data));
  if (options.xlsx) await writeAppendix(options.xlsx, data);
  return data;
}
