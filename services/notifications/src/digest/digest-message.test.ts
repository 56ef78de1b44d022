import { digestMessage } from './digest-message';

describe('the daily digest', () => {
  const items = [
    { text: 'Đơn vị được giao chủ trì nhiệm vụ «Rà soát <quy hoạch>».', createdAt: new Date('2026-03-02T01:30:00Z') },
    { text: 'Đôn đốc thực hiện nhiệm vụ «Báo cáo quý».', createdAt: new Date('2026-03-02T09:05:00Z') },
  ];
  const message = digestMessage('Sở Xây dựng', '2026-03-02', items);

  it('has a Vietnamese subject naming the unit, the count and the day', () => {
    expect(message.subject).toBe('[Giao Việc] 2 thông báo mới của Sở Xây dựng ngày 02/03/2026');
  });

  it('lists each notification with its time in Vietnam, in plain text', () => {
    expect(message.text).toContain('Kính gửi Sở Xây dựng,');
    expect(message.text).toContain('- 02/03/2026 08:30: Đơn vị được giao chủ trì nhiệm vụ «Rà soát <quy hoạch>».');
    expect(message.text).toContain('- 02/03/2026 16:05: Đôn đốc thực hiện nhiệm vụ «Báo cáo quý».');
  });

  it('escapes every text in the HTML', () => {
    expect(message.html).toContain(
      '<li>02/03/2026 08:30: Đơn vị được giao chủ trì nhiệm vụ «Rà soát &lt;quy hoạch&gt;».</li>',
    );
    expect(message.html).not.toContain('<quy');
  });
});
