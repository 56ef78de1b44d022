import { BadUserInputError, DateScalar, MAY, type CalendarDate } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { actorOf, type AssignmentContext } from '../context';
import { runRemindersOf } from './daily-run.sql';
import { reminderSettings } from './rules';

@ObjectType('DailyReminderRun', { description: 'What the automatic reminders of one day created.' })
export class DailyReminderRun {
  @Field(() => DateScalar, { description: 'The day run.' })
  on: CalendarDate;

  @Field(() => Int, {
    description: 'Reminders created by this run (0 when the day had been run, or is no working day).',
  })
  created: number;

  @Field({
    description: "Whether the day's year has a recorded public holiday calendar (without one, Monday to Friday count).",
  })
  calendarRecorded: boolean;
}

@Resolver()
export class DailyReminderResolver {
  @Authorized(...MAY.runReminders)
  @Mutation(() => DailyReminderRun, {
    description:
      'Runs the automatic reminders of one day (đôn đốc tự động; RULES.md, Reminders). The daily job runs it at 07:00 Asia/Ho_Chi_Minh; running a day again creates nothing it created before. A future day is BAD_USER_INPUT.',
  })
  async runDailyReminders(
    @Arg('on', () => DateScalar, { description: 'The day, not in the future.' }) on: CalendarDate,
    @Ctx() context: AssignmentContext,
  ): Promise<DailyReminderRun> {
    const { today } = actorOf(context);
    if (on > today) throw new BadUserInputError(`on must not be in the future (today is ${today})`, 'on');
    return runRemindersOf(context.db, on, reminderSettings());
  }
}
