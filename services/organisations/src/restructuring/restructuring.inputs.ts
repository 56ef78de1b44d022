import { DateScalar, IdempotentInput, type CalendarDate } from '@giaoviec/shared';
import { Field, ID, InputType } from 'type-graphql';
import { OrganisationKind } from '../organisation/organisation-kind';

@InputType('NewUnitInput', { description: 'A unit a restructuring creates; it begins on the effective date.' })
export class NewUnitInput {
  @Field({ description: 'Its code: not in use by another unit from the effective date on.' })
  code: string;

  @Field({ description: 'Its official name.' })
  name: string;

  @Field(() => OrganisationKind, { description: 'What kind of unit it is.' })
  kind: OrganisationKind;

  @Field(() => ID, { nullable: true, description: 'The unit it belongs to.' })
  parentId?: string | null;
}

/** What every restructuring records. */
@InputType()
export abstract class RestructuringInput extends IdempotentInput {
  @Field(() => DateScalar, {
    description: 'The day it takes effect: after every unit it ends or renames began; those units end the day before.',
  })
  effectiveOn: CalendarDate;

  @Field({ description: 'The legal basis, e.g. "Nghị quyết số 10/NQ-HĐND" (1 to 255 characters).' })
  legalBasis: string;

  @Field(() => String, { nullable: true, description: 'Free remarks, at most 2,000 characters.' })
  note?: string | null;
}

@InputType('MergeOrganisationsInput', {
  description: 'Units merged into an existing unit (`intoId`) or into a new one (`newUnit`): give exactly one.',
})
export class MergeOrganisationsInput extends RestructuringInput {
  @Field(() => [ID], { description: 'The units that end and pass their work on; not the unit they merge into.' })
  sourceIds: string[];

  @Field(() => ID, { nullable: true, description: 'The existing unit that absorbs them (it goes on).' })
  intoId?: string | null;

  @Field(() => NewUnitInput, { nullable: true, description: 'The new unit they form.' })
  newUnit?: NewUnitInput | null;
}

@InputType('SplitOrganisationInput', {
  description: 'A unit split into at least two: existing units (`intoIds`) and new ones (`newUnits`).',
})
export class SplitOrganisationInput extends RestructuringInput {
  @Field(() => ID, { description: 'The unit that ends.' })
  sourceId: string;

  @Field(() => [ID], { nullable: true, description: 'Existing units that take over part of its work.' })
  intoIds?: string[] | null;

  @Field(() => [NewUnitInput], { nullable: true, description: 'New units that take over part of its work.' })
  newUnits?: NewUnitInput[] | null;
}

@InputType('RenameOrganisationInput', { description: 'A new name for a unit; the old one is kept as history.' })
export class RenameOrganisationInput extends RestructuringInput {
  @Field(() => ID, { description: 'The unit.' })
  id: string;

  @Field({ description: 'Its new official name.' })
  name: string;
}

@InputType('AbolishOrganisationInput', {
  description: 'A unit abolished; its successors (if any) take over its work, including its open tasks.',
})
export class AbolishOrganisationInput extends RestructuringInput {
  @Field(() => ID, { description: 'The unit that ends.' })
  id: string;

  @Field(() => [ID], { nullable: true, description: 'Existing units that take over its work.' })
  successorIds?: string[] | null;
}
