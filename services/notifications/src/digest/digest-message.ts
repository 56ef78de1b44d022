/**
 * The daily e-mail digest of a unit (pure): its new notifications, in Vietnamese, as plain text
 * and as HTML (every text escaped).
 */
export interface DigestItem {
  text: string;
  createdAt: Date;
}

export interface DigestMessage {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `dd/mm/yyyy hh:mm` in Vietnam, as Vietnamese correspondence writes a time. */
function vietnamTime(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** The digest of `day` (YYYY-MM-DD) for the unit named `unitName`. */
export function digestMessage(unitName: string, day: string, items: readonly DigestItem[]): DigestMessage {
  const [year, month, date] = day.split('-');
  const subject = `[Giao Việc] ${items.length} thông báo mới của ${unitName} ngày ${date}/${month}/${year}`;
  const lines = items.map((item) => `- ${vietnamTime(item.createdAt)}: ${item.text}`);
  const text = [
    `Kính gửi ${unitName},`,
    '',
    `Hệ thống Giao Việc có ${items.length} thông báo mới cho đơn vị:`,
    '',
    ...lines,
    '',
    'Xem chi tiết và cập nhật tiến độ trên hệ thống Giao Việc.',
  ].join('\n');
  const html = [
    `<p>Kính gửi ${escapeHtml(unitName)},</p>`,
    `<p>Hệ thống Giao Việc có ${items.length} thông báo mới cho đơn vị:</p>`,
    '<ul>',
    ...items.map((item) => `<li>${escapeHtml(vietnamTime(item.createdAt))}: ${escapeHtml(item.text)}</li>`),
    '</ul>',
    '<p>Xem chi tiết và cập nhật tiến độ trên hệ thống Giao Việc.</p>',
  ].join('\n');
  return { subject, text, html };
}
