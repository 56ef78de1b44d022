import { DateScalar, type CalendarDate } from '@giaoviec/shared';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Organisation } from '../organisation/organisation.type';

/**
 * The `Inspection` entity, owned by the inspections subgraph. This subgraph reads its unit and
 * period (`@external`, sent by the gateway) to add the live figures of the inspected period.
 */
@Directive('@key(fields: "id")')
@ObjectType('Inspection')
export class Inspection {
  @Field(() => ID)
  id: string;

  @Directive('@external')
  @Field(() => DateScalar)
  periodFrom: CalendarDate;

  @Directive('@external')
  @Field(() => DateScalar)
  periodTo: CalendarDate;

  @Directive('@external')
  @Field(() => Organisation)
  organisation: Organisation;
}

/** The `Conclusion` entity of the inspections subgraph, to which this subgraph adds its follow-up tasks. */
@Directive('@key(fields: "id")')
@ObjectType('Conclusion')
export class Conclusion {
  @Field(() => ID)
  id: string;
}
