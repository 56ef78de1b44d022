import {
  CALENDAR_YEARS,
  DateScalar,
  IdempotentInput,
  MAY,
  cleanText,
  requireIntBetween,
  type CalendarDate,
} from '@giaoviec/shared';
import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { holidaysOf, setHolidays, type PublicHolidayRow } from './holiday.store';
import { type AssignmentContext } from '../context';

type Context = AssignmentContext;

@ObjectType('PublicHoliday', { description: 'A weekday off for public bodies (ngày nghỉ lễ, Tết).' })
export class PublicHoliday {
  @Field(() => DateScalar, { description: 'The day.' })
  day: CalendarDate;

  @Field({ description: 'What it is, e.g. "Tết Nguyên đán".' })
  name: string;
}

@InputType('PublicHolidayInput', { description: 'A weekday off.' })
export class PublicHolidayInput {
  @Field(() => DateScalar, { description: 'The day: in the year, not a Saturday or Sunday.' })
  day: CalendarDate;

  @Field({ description: 'What it is, 1 to 255 characters.' })
  name: string;
}

@InputType('SetPublicHolidaysInput', { description: 'The weekdays off of one year, as the Government set them.' })
export class SetPublicHolidaysInput extends IdempotentInput {
  @Field(() => Int, { description: 'The year.' })
  year: number;

  @Field(() => [PublicHolidayInput], { description: 'All its weekdays off (replacing those recorded).' })
  days: PublicHolidayInput[];
}

/** The public holiday calendar that deadlines in working days skip. */
@Resolver()
export class PublicHolidayResolver {
  @Query(() => [PublicHoliday], {
    nullable: true,
    description:
      'The weekdays off of a year; null when no calendar is recorded for it (then working days cannot be counted in it).',
  })
  publicHolidays(
    @Arg('year', () => Int, { description: 'The year, e.g. 2025.' }) year: number,
    @Ctx() context: Context,
  ): Promise<PublicHolidayRow[] | null> {
    return holidaysOf(context.db, requireIntBetween(year, 'year', CALENDAR_YEARS.min, CALENDAR_YEARS.max));
  }

  @Authorized(...MAY.decideOnTasks)
  @Mutation(() => [PublicHoliday], {
    description: 'Records the weekdays off of a year. Deadlines already computed keep their date.',
  })
  setPublicHolidays(
    @Arg('input', () => SetPublicHolidaysInput, { description: 'The change (see `SetPublicHolidaysInput`).' })
    input: SetPublicHolidaysInput,
    @Ctx() context: Context,
  ): Promise<PublicHolidayRow[]> {
    return setHolidays(
      context.db,
      { userId: context.user!.id, operation: 'setPublicHolidays', input },
      requireIntBetween(input.year, 'year', CALENDAR_YEARS.min, CALENDAR_YEARS.max),
      input.days.map((day) => ({
        day: day.day,
        name: cleanText(day.name, { field: 'name', max: 255, singleLine: true }),
      })),
    );
  }
}
