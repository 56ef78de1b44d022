import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { BUCKETS, CHART_SIZE, bucketChart } from './chart';
import type { ReportCycle, ReportData, ReportFigures, ReportUnit } from './report-data';
import { asOfNote, figuresSentence, viDate, viNumber, viPercent } from './wording';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Quý III năm 2017 (từ ngày 15/06/2017 đến ngày 14/09/2017)", or just the days. */
export function periodTitle(data: Pick<ReportData, 'from' | 'to' | 'cycle'>): string {
  const days = `từ ngày ${viDate(data.from)} đến ngày ${viDate(data.to)}`;
  if (!data.cycle) return `Từ ngày ${viDate(data.from)} đến ngày ${viDate(data.to)}`;
  return `${cycleName(data.cycle)} (${days})`;
}

function cycleName({ cycle, year, index }: ReportCycle): string {
  switch (cycle) {
    case 'MONTH':
      return `Tháng ${index} năm ${year}`;
    case 'QUARTER':
      return `Quý ${ROMAN[(index ?? 1) - 1]} năm ${year}`;
    case 'HALF_YEAR':
      return `6 tháng đầu năm ${year}`;
    case 'YEAR':
      return `Năm ${year}`;
  }
}

/** The subject of the province's sentence. */
export const PROVINCE_SUBJECT = 'các cơ quan, đơn vị';

/** The columns of the appendix, shared by the .docx table and the .xlsx sheet. */
export function appendixColumns(): Array<{
  header: string;
  value(figures: ReportFigures): number | null;
  rate?: boolean;
}> {
  return [
    { header: 'Được giao', value: (f) => f.assigned },
    ...BUCKETS.map((bucket) => ({ header: bucket.label, value: (f: ReportFigures) => f[bucket.field] })),
    { header: 'Đã rút', value: (f) => f.withdrawn },
    { header: 'Tỷ lệ hoàn thành', value: (f) => f.completionRate, rate: true },
    { header: 'Tỷ lệ đúng hạn', value: (f) => f.onTimeRate, rate: true },
  ];
}

const cell = (text: string, options: { bold?: boolean; right?: boolean } = {}) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.bold, size: 20 })],
      }),
    ],
  });

const table = (header: string[], rows: string[][], numericFrom: number) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text) => cell(text, { bold: true })) }),
      ...rows.map(
        (row, r) =>
          new TableRow({
            children: row.map((text, i) =>
              cell(text, { right: i >= numericFrom, bold: r === rows.length - 1 && row[0] === '' }),
            ),
          }),
      ),
    ],
  });

const paragraph = (text: string) =>
  new Paragraph({
    spacing: { after: 120 },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, size: 26 })],
  });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
  new Paragraph({ heading: level, spacing: { before: 240, after: 120 }, children: [new TextRun({ text })] });
const centred = (text: string, bold = false, size = 26) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, size })] });

function rateSentence(figures: ReportFigures): string {
  if (figures.due === 0) return 'Trong kỳ chưa có nhiệm vụ nào đến hạn.';
  return `Trên ${viNumber(figures.due)} nhiệm vụ đến hạn, tỷ lệ hoàn thành đạt ${viPercent(figures.completionRate)}, tỷ lệ hoàn thành đúng hạn đạt ${viPercent(figures.onTimeRate)}.`;
}

function appendixRows(data: ReportData): string[][] {
  const columns = appendixColumns();
  const values = (figures: ReportFigures) =>
    columns.map((column) => {
      const value = column.value(figures);
      return column.rate ? viPercent(value) : viNumber(value ?? 0);
    });
  return [
    ...data.units.map((unit, index) => [String(index + 1), unit.name, ...values(unit.figures)]),
    ['', 'Toàn tỉnh', ...values(data.province)],
  ];
}

function overdueSection(data: ReportData): Array<Paragraph | Table> {
  const withTasks = data.units.filter((unit) => (data.overdue.get(unit.id)?.length ?? 0) > 0);
  if (withTasks.length === 0) return [paragraph(`Tính đến ngày ${viDate(data.asOf)}, không có nhiệm vụ nào quá hạn.`)];
  return withTasks.flatMap((unit: ReportUnit) => {
    const tasks = data.overdue.get(unit.id)!;
    return [
      heading(`${unit.name} (${viNumber(tasks.length)} nhiệm vụ)`, HeadingLevel.HEADING_3),
      table(
        ['STT', 'Nhiệm vụ', 'Ngày giao', 'Số ngày quá hạn'],
        tasks.map((task, index) => [
          String(index + 1),
          task.title,
          viDate(task.assignedOn),
          viNumber(task.daysOverdue),
        ]),
        3,
      ),
    ];
  });
}

/** The report as a Word document (.docx), in Vietnamese, from the API's figures alone. */
export async function reportDocument(data: ReportData): Promise<Buffer> {
  const chart = await bucketChart(data.province, 'Kết quả thực hiện nhiệm vụ toàn tỉnh');
  const note = asOfNote(data);
  const document = new Document({
    creator: 'Giao Việc',
    title: 'Báo cáo tình hình thực hiện nhiệm vụ',
    styles: { default: { document: { run: { font: 'Times New Roman' } } } },
    sections: [
      {
        children: [
          centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true),
          centred('Độc lập - Tự do - Hạnh phúc', true),
          new Paragraph({ text: '' }),
          centred('BÁO CÁO', true, 32),
          centred('Tình hình thực hiện nhiệm vụ do UBND tỉnh giao', true, 28),
          centred(periodTitle(data), false, 26),
          ...(note ? [centred(note, false, 24)] : []),
          heading('I. KẾT QUẢ CHUNG'),
          paragraph(figuresSentence(PROVINCE_SUBJECT, data, data.province)),
          paragraph(rateSentence(data.province)),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new ImageRun({
                type: 'png',
                data: chart,
                transformation: { width: CHART_SIZE.width / 2, height: CHART_SIZE.height / 2 },
                altText: {
                  name: 'Biểu đồ',
                  title: 'Biểu đồ kết quả',
                  description: 'Số nhiệm vụ theo bốn nhóm kết quả',
                },
              }),
            ],
          }),
          heading('II. KẾT QUẢ CỦA TỪNG CƠ QUAN, ĐƠN VỊ'),
          ...data.units.map((unit) => paragraph(figuresSentence(unit.name, data, unit.figures))),
          heading('PHỤ LỤC I. SỐ LIỆU THEO CƠ QUAN, ĐƠN VỊ'),
          table(['STT', 'Cơ quan, đơn vị', ...appendixColumns().map((c) => c.header)], appendixRows(data), 2),
          heading(`PHỤ LỤC II. NHIỆM VỤ QUÁ HẠN TÍNH ĐẾN NGÀY ${viDate(data.asOf)}`),
          ...overdueSection(data),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
