import { DateScalar, type CalendarDate } from '@giaoviec/shared';
import { Authorized, Directive, Field, ID, ObjectType } from 'type-graphql';
import { OrganisationKind } from './organisation-kind';

/** A unit of the provincial administration (đơn vị) that can be assigned tasks and be inspected. */
@Directive('@key(fields: "id")')
@ObjectType('Organisation', {
  description:
    "A unit of the province's administration (đơn vị): the People's Committee, its Office, a department, a district or a commune.",
})
export class Organisation {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id: string;

  @Field({
    description: 'Short code, unique in the province, upper case (e.g. `SXD` for the Department of Construction).',
  })
  code: string;

  @Field({
    description:
      'Official name in Vietnamese (e.g. "Sở Xây dựng"): the current one, or under `organisations(asOf:)` the one in use on that date.',
  })
  name: string;

  @Field(() => OrganisationKind, { description: 'What kind of unit this is.' })
  kind: OrganisationKind;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day the unit existed (hiệu lực từ); null: before the records begin.',
  })
  validFrom: CalendarDate | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Last day the unit existed (hiệu lực đến), the day before the change that ended it; null: it still exists.',
  })
  validTo: CalendarDate | null;

  @Authorized('OFFICE', 'LEADER')
  @Field(() => String, {
    nullable: true,
    description:
      "The unit's contact e-mail address, for the daily digest of its notifications (OFFICE and LEADER read it).",
  })
  contactEmail: string | null;

  /** Not in the schema: `parent` resolves it. */
  parentId: string | null;

  /** Not in the schema: since when `name` is in use (null: always). */
  nameSince: CalendarDate | null;
}
