import { DateScalar, IdempotentInput, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, InputType } from 'type-graphql';
import { Position } from './position';

@InputType('CreateOfficialInput', { description: 'A new official.' })
export class CreateOfficialInput extends IdempotentInput {
  @Field({ description: 'Full name, 1 to 255 characters on one line.' })
  fullName: string;
}

@InputType('AppointOfficialInput', { description: 'A term of office: an official in a position of a unit.' })
export class AppointOfficialInput extends IdempotentInput {
  @Field(() => ID, { description: 'The official.' })
  officialId: string;

  @Field(() => ID, { description: 'The unit; it must exist on `startsOn`.' })
  organisationId: string;

  @Field(() => Position, { description: 'The position.' })
  position: Position;

  @Field(() => DateScalar, { description: 'First day in office.' })
  startsOn: CalendarDate;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in office; absent: open.' })
  endsOn?: CalendarDate | null;

  @Field(() => String, { nullable: true, description: 'The appointing decision.' })
  legalBasis?: string | null;
}

@InputType('EndTermOfOfficeInput', { description: 'The end of a term of office.' })
export class EndTermOfOfficeInput extends IdempotentInput {
  @Field(() => ID, { description: 'The term.' })
  termId: string;

  @Field(() => DateScalar, { description: 'Last day in office; not before the first.' })
  endsOn: CalendarDate;
}
