import { excelSerialToDate, parseCalendarDate, todayInVietnam } from './dates';

describe('parseCalendarDate', () => {
  it.each([
    ['05/01/2017', '2017-01-05'],
    ['5/1/2017', '2017-01-05'],
    ['05.01.2017', '2017-01-05'],
    ['2017-01-05', '2017-01-05'],
    [' 29/02/2016 ', '2016-02-29'],
  ])('reads %s as %s (day first)', (text, date) => {
    expect(parseCalendarDate(text)).toBe(date);
  });

  it.each(['31/02/2017', '29/02/2017', '2017-13-01', '13/13/2017', 'hôm nay', '', '05/01/17'])(
    'refuses "%s"',
    (text) => {
      expect(parseCalendarDate(text)).toBeNull();
    },
  );

  it('reads an Excel date cell by its UTC day, whatever the time zone of the machine', () => {
    // exceljs gives a date cell as that day's UTC midnight; in Viet Nam that is 07:00 the same day,
    // in New York 19:00 the day before. The day in the spreadsheet is the UTC one.
    const cell = new Date(Date.UTC(2017, 0, 5));
    expect(parseCalendarDate(cell)).toBe('2017-01-05');
    // A serial stored as a float can come back a millisecond before midnight.
    expect(parseCalendarDate(new Date(Date.UTC(2017, 0, 5) - 1))).toBe('2017-01-05');
  });

  it('reads Excel serial numbers, around the leap day 1900 never had', () => {
    expect(excelSerialToDate(42740)).toBe('2017-01-05');
    expect(excelSerialToDate(42740.75)).toBe('2017-01-05');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(0)).toBeNull();
  });
});

describe('todayInVietnam', () => {
  it('is the date in UTC+7, not in UTC', () => {
    expect(todayInVietnam(new Date('2017-10-14T17:30:00Z'))).toBe('2017-10-15');
    expect(todayInVietnam(new Date('2017-10-14T16:59:59Z'))).toBe('2017-10-14');
  });
});
