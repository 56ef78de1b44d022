import { addDays, type CalendarDate } from '@giaoviec/shared';

/**
 * Who is told what (thông báo), from an event of the task feed (pure): a unit's staff are told
 * what asks something of their unit, the Office what waits for its decision. Texts in Vietnamese.
 * DUE_SOON and OVERDUE come from the dates, not from an event (deadline-watch.ts).
 */
export const NOTIFICATION_KINDS = [
  'TASK_ASSIGNED',
  'DUE_SOON',
  'OVERDUE',
  'REMINDED',
  'EXPLANATION_REQUESTED',
  'EXPLANATION_ANSWERED',
  'COMPLETION_RETURNED',
  'EXTENSION_DECIDED',
  'AWAITING_CONFIRMATION',
  'AWAITING_EXTENSION_DECISION',
  'COORDINATION_REQUESTED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds a unit is told at most once per task, whatever events repeat them. */
export const ONCE_PER_TASK: readonly NotificationKind[] = ['TASK_ASSIGNED', 'COORDINATION_REQUESTED'];

/** A unit's staff, or the Office. */
export type Audience = { unit: string } | 'OFFICE';

export interface NotificationDraft {
  kind: NotificationKind;
  audience: Audience;
  text: string;
}

/** What the routing reads of a task event. */
export interface RoutedEvent {
  /** The WebhookEventType (`TASK_<type>`). */
  type: string;
  leadOrganisationId: string | null;
  coordinatingOrganisationIds: readonly string[];
  title: string | null;
}

const quoted = (title: string | null) => (title ? `«${title}»` : 'không rõ tên');

/**
 * Whether an event of day `on` is news on `today`: within `recentDays` before it. Older events
 * (history replayed on a first start, a task recorded long after it happened) make no inbox entry,
 * so the inbox and the digest carry what asks something now; webhooks still get every event.
 */
export function isNews(on: CalendarDate, today: CalendarDate, recentDays: number): boolean {
  return on >= addDays(today, -recentDays);
}

/** The notifications an event makes; none for most. */
export function notificationsFor(event: RoutedEvent): NotificationDraft[] {
  const title = quoted(event.title);
  const lead = event.leadOrganisationId;
  const toLead = (kind: NotificationKind, text: string): NotificationDraft[] =>
    lead ? [{ kind, audience: { unit: lead }, text }] : [];
  const toOffice = (kind: NotificationKind, text: string): NotificationDraft[] => [{ kind, audience: 'OFFICE', text }];
  switch (event.type) {
    // A correction may add coordinating units, a transfer names a new lead: told as at an
    // assignment, once per task and unit (`ONCE_PER_TASK`), so the units already told are not again.
    case 'TASK_ASSIGNED':
    case 'TASK_CORRECTED':
    case 'TASK_TRANSFERRED':
      return [
        ...toLead('TASK_ASSIGNED', `Đơn vị được giao chủ trì nhiệm vụ ${title}.`),
        ...event.coordinatingOrganisationIds.map((unit) => ({
          kind: 'COORDINATION_REQUESTED' as const,
          audience: { unit },
          text: `Đơn vị được đề nghị phối hợp thực hiện nhiệm vụ ${title}.`,
        })),
      ];
    case 'TASK_EXTENSION_APPROVED':
      return toLead('EXTENSION_DECIDED', `Đề nghị gia hạn nhiệm vụ ${title} đã được chấp thuận.`);
    case 'TASK_EXTENSION_REJECTED':
      return toLead('EXTENSION_DECIDED', `Đề nghị gia hạn nhiệm vụ ${title} không được chấp thuận.`);
    case 'TASK_COMPLETION_RETURNED':
      return toLead('COMPLETION_RETURNED', `Báo cáo hoàn thành nhiệm vụ ${title} đã bị trả lại.`);
    case 'TASK_REMINDED':
      return toLead('REMINDED', `Đôn đốc thực hiện nhiệm vụ ${title}.`);
    case 'TASK_EXPLANATION_REQUESTED':
      return toLead('EXPLANATION_REQUESTED', `Yêu cầu giải trình về việc thực hiện nhiệm vụ ${title}.`);
    case 'TASK_COMPLETION_SUBMITTED':
      return toOffice('AWAITING_CONFIRMATION', `Nhiệm vụ ${title} đã được báo cáo hoàn thành, chờ xác nhận.`);
    case 'TASK_EXTENSION_REQUESTED':
      return toOffice('AWAITING_EXTENSION_DECISION', `Đề nghị gia hạn nhiệm vụ ${title} đang chờ quyết định.`);
    case 'TASK_EXPLANATION_ANSWERED':
      return toOffice('EXPLANATION_ANSWERED', `Đơn vị đã giải trình về việc thực hiện nhiệm vụ ${title}.`);
    default:
      return [];
  }
}
