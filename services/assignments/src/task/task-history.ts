import type { CalendarDate } from '@giaoviec/shared';

/** Who assigned a task (bên giao): the People's Committee itself, its Chairman or a Vice-Chairman. */
export type AssignerKind = 'PEOPLES_COMMITTEE' | 'CHAIRMAN' | 'VICE_CHAIRMAN';

/** How a task is weighed (tính chất): key (trọng tâm), routine (thường xuyên), ad hoc (đột xuất). */
export type TaskPriority = 'KEY' | 'ROUTINE' | 'AD_HOC';

/** The kind of document a task comes from (loại văn bản). */
export type DocumentKind =
  'DECISION' | 'PLAN' | 'NOTICE' | 'CONCLUSION_NOTICE' | 'OFFICIAL_LETTER' | 'DIRECTIVE' | 'OTHER';

/**
 * What happened to a task, in the order it happened (for two decisions on the same day, the one
 * decided last comes last). Every figure is a function of these events (RULES.md).
 */
export type TaskEvent =
  | { type: 'ASSIGNED'; on: CalendarDate; dueOn: CalendarDate | null }
  | { type: 'PROGRESS_REPORTED'; on: CalendarDate; percentComplete: number | null; note: string }
  | { type: 'EXTENSION_REQUESTED'; on: CalendarDate; extensionId: string; proposedDueOn: CalendarDate; reason: string }
  | { type: 'EXTENSION_APPROVED'; on: CalendarDate; extensionId: string; note?: string }
  | { type: 'EXTENSION_REJECTED'; on: CalendarDate; extensionId: string; note?: string }
  | { type: 'COMPLETION_SUBMITTED'; on: CalendarDate; completedOn: CalendarDate; note: string }
  | { type: 'COMPLETION_CONFIRMED'; on: CalendarDate; quality?: number | null }
  | { type: 'COMPLETION_RETURNED'; on: CalendarDate; reason: string }
  | { type: 'WITHDRAWN'; on: CalendarDate; reason: string }
  | { type: 'CONTRIBUTION_SUBMITTED'; on: CalendarDate; organisationId: string; note: string }
  | { type: 'DELEGATED'; on: CalendarDate; subtaskId: string; divisionId: string; dueOn: CalendarDate | null };

export type TaskEventType = TaskEvent['type'];
