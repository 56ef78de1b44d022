import { fold } from './labels';

/** What a column of an imported task list holds. */
export type ImportField =
  | 'documentNumber'
  | 'documentKind'
  | 'documentDate'
  | 'signer'
  | 'summary'
  | 'title'
  | 'assignedOn'
  | 'lead'
  | 'coordinating'
  | 'dueOn'
  | 'assigner'
  | 'priority';

export interface ImportColumn {
  field: ImportField;
  /** The header as exported, and as reports name a column missing from the file. */
  header: string;
  /** Other headers seen in provincial spreadsheets for the same column. */
  aliases: string[];
  /** What goes in it, for the README and `--help`. */
  meaning: string;
}

/** The columns of an imported task list, in the order they are exported. */
export const IMPORT_COLUMNS: ImportColumn[] = [
  {
    field: 'documentNumber',
    header: 'Số hiệu văn bản',
    aliases: ['Số văn bản', 'Số, ký hiệu', 'Số ký hiệu văn bản', 'Số hiệu'],
    meaning: 'number and symbol of the source document, e.g. 162/QĐ-UBND; empty for an oral directive',
  },
  {
    field: 'documentKind',
    header: 'Loại văn bản',
    aliases: [],
    meaning:
      'Quyết định, Kế hoạch, Thông báo, Thông báo kết luận, Công văn, Chỉ thị or Khác; when empty, read from the symbol (QĐ, KH, TB, CV, CT)',
  },
  {
    field: 'documentDate',
    header: 'Ngày văn bản',
    aliases: ['Ngày ban hành', 'Ngày ký'],
    meaning: 'issue date of the source document; also the assignment date when "Ngày giao" is empty',
  },
  { field: 'signer', header: 'Người ký', aliases: [], meaning: 'who signed the document' },
  {
    field: 'summary',
    header: 'Trích yếu',
    aliases: ['Trích yếu nội dung', 'Mô tả', 'Chi tiết'],
    meaning: 'the task description (details)',
  },
  {
    field: 'title',
    header: 'Nội dung nhiệm vụ',
    aliases: ['Nhiệm vụ', 'Tên nhiệm vụ', 'Nội dung'],
    meaning: 'what is to be done (required, at most 500 characters)',
  },
  { field: 'assignedOn', header: 'Ngày giao', aliases: ['Ngày giao nhiệm vụ'], meaning: 'assignment date' },
  {
    field: 'lead',
    header: 'Đơn vị chủ trì',
    aliases: ['Mã đơn vị chủ trì', 'Cơ quan chủ trì'],
    meaning: 'code of the lead unit, e.g. SXD (required)',
  },
  {
    field: 'coordinating',
    header: 'Đơn vị phối hợp',
    aliases: ['Mã đơn vị phối hợp', 'Cơ quan phối hợp'],
    meaning: 'codes of coordinating units, separated by commas or semicolons',
  },
  {
    field: 'dueOn',
    header: 'Hạn xử lý',
    aliases: ['Thời hạn', 'Hạn hoàn thành', 'Thời hạn hoàn thành'],
    meaning: 'deadline; empty: no deadline',
  },
  {
    field: 'assigner',
    header: 'Người giao',
    aliases: ['Lãnh đạo giao', 'Cấp giao'],
    meaning: 'UBND tỉnh, Chủ tịch or Phó Chủ tịch followed by the name; empty: UBND tỉnh',
  },
  {
    field: 'priority',
    header: 'Tính chất',
    aliases: ['Tính chất nhiệm vụ'],
    meaning: 'Trọng tâm, Thường xuyên or Đột xuất; empty: Thường xuyên',
  },
];

const BY_FOLDED_HEADER = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((column) => [column.header, ...column.aliases].map((header) => [fold(header), column])),
);

/** The column a header names, whatever its case, spacing or diacritics. */
export function columnForHeader(header: string): ImportColumn | undefined {
  return BY_FOLDED_HEADER.get(fold(header));
}

export function columnHeader(field: ImportField): string {
  return IMPORT_COLUMNS.find((column) => column.field === field)?.header ?? field;
}
