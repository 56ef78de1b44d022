import { DateScalar, todayInVietnam, type CalendarDate } from '@giaoviec/shared';
import { ArgsType, Field } from 'type-graphql';
import { figuresPeriod } from './period';
import type { Period } from './rules';

/** The arguments every figure takes: a period of assignment and the date it is counted as of. */
@ArgsType()
export class FiguresPeriodArgs {
  @Field(() => DateScalar, { description: 'First day of the period (included).' })
  from!: CalendarDate;

  @Field(() => DateScalar, { description: 'Last day of the period (included).' })
  to!: CalendarDate;

  @Field(() => DateScalar, { nullable: true, description: '`to` when it is past, else today, when absent.' })
  asOf?: CalendarDate | null;
}

/** The request's period checked, `asOf` defaulted from today in Việt Nam. */
export function requestedPeriod(args: FiguresPeriodArgs): Period & { asOf: CalendarDate } {
  return figuresPeriod(args.from, args.to, args.asOf, todayInVietnam());
}
