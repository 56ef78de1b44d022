import { addDays, demoUnitId, type CalendarDate } from '@giaoviec/shared';
import type { DataSource } from 'typeorm';
import { runRemindersOf } from '../reminder/daily-run.sql';
import { reminderSettings } from '../reminder/rules';

const FIRST_DAY = '2017-01-01' as CalendarDate;
const LAST_DAY = '2017-12-31' as CalendarDate;
const REQUESTED_BY = 'Văn phòng UBND tỉnh (dữ liệu mẫu)';

/**
 * The follow-up of the 2017 demo: the daily run of every day of 2017 over the demo tasks (as the
 * job would have run them), then a request for explanation of each Department of Construction task
 * on its first OVERDUE reminder, answered within a week, late, or never, by a hash of the task id
 * (the same demo every time). Returns the reminders and requests created.
 */
export async function loadDemoReminders2017(db: DataSource): Promise<{ reminders: number; explanations: number }> {
  const settings = reminderSettings({});
  let reminders = 0;
  for (let day = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) {
    reminders += (await runRemindersOf(db, day, settings)).created;
  }
  const [row]: Array<{ explanations: number }> = await db.query(
    `WITH first_overdue AS (
       SELECT DISTINCT ON (r.task_id) r.task_id, r.sent_on,
              ('x' || substr(md5(r.task_id::text), 1, 2))::bit(8)::int % 10 AS dice
         FROM assignments.reminder r JOIN assignments.task t ON t.id = r.task_id
        WHERE r.kind = 'OVERDUE' AND t.lead_organisation_id = $1::uuid AND r.sent_on <= $2::date
        ORDER BY r.task_id, r.sent_on),
     requested AS (
       INSERT INTO assignments.explanation
         (id, task_id, requested_on, answer_by, question, requested_by, requested_by_id,
          answered_on, answer, answered_by, answered_by_id)
       SELECT gen_random_uuid(), task_id, sent_on, sent_on + 7,
              'Đề nghị giải trình lý do chưa hoàn thành nhiệm vụ đúng thời hạn được giao.', $3, 'demo',
              answered_on, CASE WHEN answered_on IS NULL THEN NULL ELSE 'Đơn vị đã báo cáo nguyên nhân và đề xuất giải pháp khắc phục.' END,
              CASE WHEN answered_on IS NULL THEN NULL ELSE 'Sở Xây dựng (dữ liệu mẫu)' END,
              CASE WHEN answered_on IS NULL THEN NULL ELSE 'demo' END
         FROM (SELECT task_id, sent_on,
                      CASE WHEN dice < 6 THEN sent_on + 1 + dice WHEN dice < 9 THEN sent_on + 9 + dice END AS answered_on
                 FROM first_overdue) AS f
       RETURNING id, task_id, requested_on, answer_by, answered_on),
     history AS (
       INSERT INTO assignments.task_history (task_id, on_date, action, actor, details)
       SELECT task_id, requested_on, 'EXPLANATION_REQUESTED', $3, jsonb_build_object('explanationId', id, 'answerBy', answer_by)
         FROM requested
       UNION ALL
       SELECT task_id, answered_on, 'EXPLANATION_ANSWERED', 'Sở Xây dựng (dữ liệu mẫu)', jsonb_build_object('explanationId', id)
         FROM requested WHERE answered_on IS NOT NULL)
     SELECT count(*)::int AS explanations FROM requested`,
    [demoUnitId('SXD'), LAST_DAY, REQUESTED_BY],
  );
  return { reminders, explanations: row!.explanations };
}
