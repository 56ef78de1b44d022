import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { calendarDateAt, parseCalendarDate, toCalendarDate, type CalendarDate } from '../dates/calendar-date';
import { ErrorCode } from '../errors';

const STORED_DATE = /^\d{4,5}-\d{2}-\d{2}$/;

function invalid(value: unknown): GraphQLError {
  return new GraphQLError(
    `Date must be a calendar date YYYY-MM-DD (or a timestamp with its zone), got ${JSON.stringify(value)}`,
    { extensions: { code: ErrorCode.BAD_USER_INPUT } },
  );
}

function read(value: unknown): CalendarDate {
  const date = typeof value === 'string' ? toCalendarDate(value) : null;
  if (!date) throw invalid(value);
  return date;
}

/** The `Date` scalar shared by every subgraph (RULES.md, Dates). */
export const DateScalar = new GraphQLScalarType<CalendarDate, string>({
  name: 'Date',
  description:
    'A calendar date `YYYY-MM-DD` in Asia/Ho_Chi_Minh (ngày). A timestamp sent where a date is meant is read as its local date in that zone.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize(value) {
    if (value instanceof Date) return calendarDateAt(value);
    if (typeof value === 'string' && parseCalendarDate(value)) return value;
    // A date stored before the range was enforced is shown as it is: one bad row must not break a
    // list for everyone reading it (new ones are refused on the way in and by the database).
    if (typeof value === 'string' && STORED_DATE.test(value)) return value;
    throw new GraphQLError(`Cannot serialise ${JSON.stringify(value)} as a Date`);
  },
  parseValue: read,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid(ast.kind);
    return read(ast.value);
  },
});
