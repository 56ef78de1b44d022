import { DateScalar, type CalendarDate } from '@giaoviec/shared';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Position } from './position';

/** A leader or official (cán bộ lãnh đạo), e.g. the Chairman who assigns tasks. */
@Directive('@key(fields: "id")')
@ObjectType('Official', {
  description:
    'A leader or official (cán bộ lãnh đạo) with terms of office, e.g. a Chairman or Vice-Chairman who assigns tasks.',
})
export class Official {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id: string;

  @Field({ description: 'Full name in Vietnamese (họ và tên).' })
  fullName: string;
}

@ObjectType('TermOfOffice', { description: 'A position an official held in a unit, from a date to a date (nhiệm kỳ).' })
export class TermOfOffice {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id: string;

  @Field(() => Position, { description: 'The position.' })
  position: Position;

  @Field(() => DateScalar, { description: 'First day in office.' })
  startsOn: CalendarDate;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in office; null: still in office.' })
  endsOn: CalendarDate | null;

  @Field(() => String, { nullable: true, description: 'The appointing decision, e.g. "Quyết định số 123/QĐ-TTg".' })
  legalBasis: string | null;

  /** Not in the schema: `official` and `organisation` resolve them. */
  officialId: string;
  organisationId: string;
}
