import { DateScalar, IdempotentInput, type CalendarDate } from '@giaoviec/shared';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@InputType('RecordInspectionInput', {
  description: 'An inspection to record, with the figures of the unit as they stand now.',
})
export class RecordInspectionInput extends IdempotentInput {
  @Field(() => ID, { description: 'The inspected unit.' }) organisationId: string;
  @Field({ description: 'The working group, 1 to 255 characters.' }) team: string;
  @Field(() => String, { nullable: true, description: 'Its leader.' }) teamLeader?: string | null;
  @Field(() => DateScalar, { description: 'The inspection date; not before the end of the period, not in the future.' })
  inspectedOn: CalendarDate;
  @Field(() => DateScalar, { description: 'First day of the inspected period.' }) periodFrom: CalendarDate;
  @Field(() => DateScalar, { description: 'Last day of the inspected period; not before its first.' })
  periodTo: CalendarDate;
  @Field(() => String, { nullable: true, description: 'What the group found, at most 10,000 characters.' }) findings?:
    string | null;
  @Field(() => [String], { description: 'Conclusions, 1 to 50, each 1 to 2,000 characters.' }) conclusions: string[];
  @Field(() => [String], { nullable: true, description: 'Recommendations of the unit to the province, at most 50.' })
  recommendations?: string[] | null;
}

@InputType('RespondToRecommendationInput', { description: 'How the province handled a recommendation.' })
export class RespondToRecommendationInput extends IdempotentInput {
  @Field(() => ID, { description: 'The recommendation.' }) recommendationId: string;
  @Field(() => DateScalar, { description: 'When; not before the inspection, not in the future.' })
  respondedOn: CalendarDate;
  @Field({ description: 'The answer, 1 to 2,000 characters.' }) response: string;
}

@InputType('InspectionFilter', { description: 'Which inspections to list; all conditions hold together.' })
export class InspectionFilter {
  @Field(() => ID, { nullable: true, description: 'Of this unit.' }) organisationId?: string | null;
  @Field(() => String, { nullable: true, description: 'Words in the team’s name; diacritics and case ignored.' })
  team?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Inspected on or after this date.' })
  inspectedFrom?: CalendarDate | null;
  @Field(() => DateScalar, { nullable: true, description: 'Inspected on or before this date.' })
  inspectedTo?: CalendarDate | null;
}

@ArgsType()
export class InspectionPageArgs {
  @Field(() => InspectionFilter, { nullable: true, description: 'Which inspections; all when absent.' })
  filter?: InspectionFilter | null;
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100; 20 when absent.' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after?: string | null;
}
