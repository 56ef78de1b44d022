import { DateScalar, IdempotentInput, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, InputType } from 'type-graphql';
import { OrganisationKind } from './organisation-kind';

@InputType('CreateOrganisationInput', { description: 'A new unit.' })
export class CreateOrganisationInput extends IdempotentInput {
  @Field({
    description:
      'Short code, unique in the province: letters A-Z, digits, `.`, `_`, `-`; at most 32; stored upper case.',
  })
  code: string;

  @Field({ description: 'Official name, 1 to 255 characters on one line.' })
  name: string;

  @Field(() => OrganisationKind, { description: 'What kind of unit it is.' })
  kind: OrganisationKind;

  @Field(() => ID, { nullable: true, description: 'The unit it belongs to; none for a top-level unit.' })
  parentId?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day the unit exists; absent: before the records begin. Its code must be free from then on.',
  })
  validFrom?: CalendarDate | null;
}

@InputType('UpdateOrganisationInput', { description: 'Changes to a unit; fields left out stay as they are.' })
export class UpdateOrganisationInput extends IdempotentInput {
  @Field(() => ID, { description: 'The unit to change.' })
  id: string;

  @Field({ nullable: true, description: 'New official name.' })
  name?: string;

  @Field(() => OrganisationKind, { nullable: true, description: 'New kind.' })
  kind?: OrganisationKind;

  @Field(() => ID, {
    nullable: true,
    description:
      'New parent unit; explicit null makes the unit top-level. A unit cannot be placed under itself or its descendants.',
  })
  parentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'New contact e-mail address (at most 254 characters); explicit null removes it.',
  })
  contactEmail?: string | null;
}
