import {
  addDays,
  calendarDateAt,
  compareDates,
  parseCalendarDate,
  toCalendarDate,
  todayInVietnam,
  type CalendarDate,
} from './calendar-date';

describe('parseCalendarDate', () => {
  it.each(['2017-01-01', '2017-10-15', '2016-02-29', '2000-02-29', '9999-12-31'])('accepts %s', (text) => {
    expect(parseCalendarDate(text)).toBe(text);
  });

  it.each([
    '2017-02-29',
    '1900-02-29',
    '2017-13-01',
    '2017-00-10',
    '2017-04-31',
    '2017-1-1',
    '17-01-01',
    '',
    ' 2017-01-01',
    '1899-12-31',
  ])('refuses %j', (text) => {
    expect(parseCalendarDate(text)).toBeNull();
  });
});

describe('toCalendarDate', () => {
  it('keeps a plain date', () => {
    expect(toCalendarDate('2017-10-15')).toBe('2017-10-15');
  });

  it('turns a UTC evening into the next local day (UTC+7)', () => {
    expect(toCalendarDate('2017-10-15T17:00:00Z')).toBe('2017-10-16');
    expect(toCalendarDate('2017-10-15T16:59:59Z')).toBe('2017-10-15');
  });

  it('reads an explicit offset', () => {
    expect(toCalendarDate('2017-10-15T23:30:00-05:00')).toBe('2017-10-16');
    expect(toCalendarDate('2017-10-16T00:30:00+07:00')).toBe('2017-10-16');
  });

  it('reads a timestamp without a zone as local time', () => {
    expect(toCalendarDate('2017-10-15T23:59')).toBe('2017-10-15');
  });

  it.each([
    'yesterday',
    '2017-10-15T25:00Z',
    '2017-02-30T10:00Z',
    '2017-10-15T10:00:00+07:00junk',
    // Whose local date leaves the calendar's range (1900 to 9999).
    '9999-12-31T20:00:00Z',
    '9999-12-31T23:00:00-03:00',
    '1900-01-01T05:00:00+14:00',
  ])('refuses %j', (text) => {
    expect(toCalendarDate(text)).toBeNull();
  });
});

describe('calendarDateAt and todayInVietnam', () => {
  it('uses Asia/Ho_Chi_Minh whatever the process time zone', () => {
    expect(calendarDateAt(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(todayInVietnam(new Date('2026-11-26T16:59:59Z'))).toBe('2026-11-26');
    expect(todayInVietnam(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
  });
});

describe('addDays and compareDates', () => {
  const d = (text: string) => text as CalendarDate;

  it('crosses months, leap days and years', () => {
    expect(addDays(d('2016-02-28'), 1)).toBe('2016-02-29');
    expect(addDays(d('2017-02-28'), 1)).toBe('2017-03-01');
    expect(addDays(d('2017-12-31'), 1)).toBe('2018-01-01');
    expect(addDays(d('2017-01-01'), -1)).toBe('2016-12-31');
    expect(addDays(d('2017-10-15'), 0)).toBe('2017-10-15');
  });

  it('orders dates', () => {
    expect(compareDates(d('2017-10-15'), d('2017-10-16'))).toBeLessThan(0);
    expect(compareDates(d('2017-10-15'), d('2017-10-15'))).toBe(0);
    expect(compareDates(d('2018-01-01'), d('2017-12-31'))).toBeGreaterThan(0);
  });
});
