/**
 * Vietnamese labels of the API's enums, as they appear in exported files and are accepted in
 * imported ones (besides the enum names themselves).
 */
export const TASK_STATUS_LABELS: Record<string, string> = {
  IN_PROGRESS: 'Đang thực hiện',
  COMPLETION_SUBMITTED: 'Đã báo cáo hoàn thành',
  COMPLETED: 'Đã hoàn thành',
  WITHDRAWN: 'Đã rút',
};

export const PRIORITY_LABELS: Record<string, string> = {
  KEY: 'Trọng tâm',
  ROUTINE: 'Thường xuyên',
  AD_HOC: 'Đột xuất',
};

export const ASSIGNER_LABELS: Record<string, string> = {
  PEOPLES_COMMITTEE: 'UBND tỉnh',
  CHAIRMAN: 'Chủ tịch',
  VICE_CHAIRMAN: 'Phó Chủ tịch',
};

export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  DECISION: 'Quyết định',
  PLAN: 'Kế hoạch',
  NOTICE: 'Thông báo',
  CONCLUSION_NOTICE: 'Thông báo kết luận',
  OFFICIAL_LETTER: 'Công văn',
  DIRECTIVE: 'Chỉ thị',
  OTHER: 'Khác',
};

/** The abbreviations in a document's number and symbol (`162/QĐ-UBND`), by kind. */
export const DOCUMENT_KIND_SYMBOLS: Record<string, string> = {
  QD: 'DECISION',
  KH: 'PLAN',
  TB: 'NOTICE',
  TBKL: 'CONCLUSION_NOTICE',
  CV: 'OFFICIAL_LETTER',
  CT: 'DIRECTIVE',
};

export const COMPLIANCE_LABELS: Record<string, string> = {
  COMPLETED_ON_TIME: 'Hoàn thành đúng hạn',
  COMPLETED_LATE: 'Hoàn thành quá hạn',
  IN_PROGRESS_WITHIN_DEADLINE: 'Đang thực hiện trong hạn',
  IN_PROGRESS_OVERDUE: 'Quá hạn, chưa hoàn thành',
};

export const ORGANISATION_KIND_LABELS: Record<string, string> = {
  PEOPLES_COMMITTEE: 'UBND tỉnh',
  OFFICE: 'Văn phòng',
  DEPARTMENT: 'Sở, ban, ngành',
  DISTRICT: 'Cấp huyện',
  COMMUNE: 'Cấp xã',
  OTHER: 'Khác',
};

/**
 * Text folded for matching headers and labels: no diacritics (đ as d), lower case, words
 * separated by single spaces. "Đơn vị  chủ trì" and "don vi chu tri" fold alike.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The enum value a cell names, by enum name or Vietnamese label; undefined when none. */
export function enumFromLabel(labels: Record<string, string>, text: string): string | undefined {
  const folded = fold(text);
  return Object.keys(labels).find((value) => fold(value) === folded || fold(labels[value] ?? '') === folded);
}
