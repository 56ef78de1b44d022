import type { CalendarDate } from '@giaoviec/shared';
import { holidayCalendar, type HolidayCalendar } from './rules';

/**
 * Days off for public bodies in Vietnam (ngày nghỉ lễ, Tết), by year: the Labour Code's holidays,
 * Lunar New Year as the Government set it each year, and the compensating or swapped days when a
 * holiday fell on a weekend or beside one. Compiled from the annual notices of the Ministry of
 * Labour (now Home Affairs) carrying the Prime Minister's decisions, e.g. for 2024 Văn bản
 * 2450/VPCP-KGVX (30 April swap), for 2025 Văn bản 8726/VPCP-KGVX of 26/11/2024 (Tết 25/01–02/02,
 * 2 May swapped with Saturday 26 April, 1–2 September). Weekend days of a break are not listed, and
 * make-up working Saturdays (26/04/2025, 04/05/2024, 05/01/2019) are not modelled. Years not listed
 * have no calendar: a deadline in working days that reaches them is refused until the office
 * records them (`setPublicHolidays`). The demo generator counts its working days from this list.
 */
export const PUBLIC_HOLIDAYS: Readonly<Record<number, ReadonlyArray<readonly [string, string]>>> = {
  2017: [
    ['2017-01-02', 'Tết Dương lịch (nghỉ bù)'],
    ...tet(['2017-01-26', '2017-01-27', '2017-01-30', '2017-01-31', '2017-02-01']),
    ['2017-04-06', 'Giỗ Tổ Hùng Vương'],
    ['2017-05-01', 'Quốc tế Lao động'],
    ['2017-05-02', 'Ngày Giải phóng miền Nam (nghỉ bù)'],
    ['2017-09-04', 'Quốc khánh (nghỉ bù)'],
  ],
  // The 2017 demo's deadlines and decisions run into 2018.
  2018: [
    ['2018-01-01', 'Tết Dương lịch'],
    ...tet(['2018-02-14', '2018-02-15', '2018-02-16', '2018-02-19', '2018-02-20']),
    ['2018-04-25', 'Giỗ Tổ Hùng Vương'],
    ['2018-04-30', 'Ngày Giải phóng miền Nam'],
    ['2018-05-01', 'Quốc tế Lao động'],
    ['2018-09-03', 'Quốc khánh (nghỉ bù)'],
    ['2018-12-31', 'Tết Dương lịch 2019 (nghỉ hoán đổi)'],
  ],
  2024: [
    ['2024-01-01', 'Tết Dương lịch'],
    ...tet(['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14']),
    ['2024-04-18', 'Giỗ Tổ Hùng Vương'],
    ['2024-04-29', 'Nghỉ hoán đổi'],
    ['2024-04-30', 'Ngày Giải phóng miền Nam'],
    ['2024-05-01', 'Quốc tế Lao động'],
    ['2024-09-02', 'Quốc khánh'],
    ['2024-09-03', 'Quốc khánh'],
  ],
  2025: [
    ['2025-01-01', 'Tết Dương lịch'],
    ...tet(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']),
    ['2025-04-07', 'Giỗ Tổ Hùng Vương'],
    ['2025-04-30', 'Ngày Giải phóng miền Nam'],
    ['2025-05-01', 'Quốc tế Lao động'],
    ['2025-05-02', 'Nghỉ hoán đổi'],
    ['2025-09-01', 'Quốc khánh'],
    ['2025-09-02', 'Quốc khánh'],
  ],
  2026: [
    ['2026-01-01', 'Tết Dương lịch'],
    ...tet(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']),
    ['2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'],
    ['2026-04-30', 'Ngày Giải phóng miền Nam'],
    ['2026-05-01', 'Quốc tế Lao động'],
    ['2026-09-01', 'Quốc khánh'],
    ['2026-09-02', 'Quốc khánh'],
  ],
};

function tet(days: readonly string[]): Array<readonly [string, string]> {
  return days.map((day) => [day, 'Tết Nguyên đán'] as const);
}

/** The recorded holidays as the working-day rules take them (the service reads the database's copy). */
export const RECORDED_HOLIDAYS: HolidayCalendar = holidayCalendar(
  Object.keys(PUBLIC_HOLIDAYS).map(Number),
  Object.values(PUBLIC_HOLIDAYS).flatMap((days) => days.map(([day]) => day as CalendarDate)),
);
