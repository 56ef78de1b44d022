import { DateScalar, todayInVietnam, type CalendarDate } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { figuresPeriod } from '../compliance/period';
import type { AssignmentContext } from '../context';
import { Organisation } from '../organisation/organisation.type';
import { FollowUpFigures } from './follow-up.type';

/** A unit's follow-up figures, batched over all units of a request. */
@Resolver(() => Organisation)
export class OrganisationFollowUpResolver {
  @Authorized()
  @FieldResolver(() => FollowUpFigures, {
    nullable: true,
    description:
      'Reminders and requests for explanation of the tasks this unit led, over a period, as of a date (RULES.md, Follow-up figures). All units of a request cost one SQL statement. Null when the assignments service is unavailable.',
  })
  followUp(
    @Root() unit: Organisation,
    @Arg('from', () => DateScalar, { description: 'First day of the period (included).' }) from: CalendarDate,
    @Arg('to', () => DateScalar, { description: 'Last day of the period (included).' }) to: CalendarDate,
    @Arg('asOf', () => DateScalar, { nullable: true, description: '`to` when it is past, else today, when absent.' })
    asOf: CalendarDate | null,
    @Ctx() context: AssignmentContext,
  ): Promise<FollowUpFigures> {
    return context.loaders.followUpByUnit.load({ id: unit.id, args: figuresPeriod(from, to, asOf, todayInVietnam()) });
  }
}
