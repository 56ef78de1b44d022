import { Authorized, Ctx, FieldResolver, Resolver, Root, Args } from 'type-graphql';
import { FiguresPeriodArgs, requestedPeriod } from '../compliance/period.args';
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
    @Args() period: FiguresPeriodArgs,
    @Ctx() context: AssignmentContext,
  ): Promise<FollowUpFigures> {
    return context.loaders.followUpByUnit.load({ id: unit.id, args: requestedPeriod(period) });
  }
}
