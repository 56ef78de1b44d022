import { DateScalar, PageInfo, type CalendarDate } from '@giaoviec/shared';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('RecordedComplianceFigures', {
  description:
    'The unit’s figures over the inspected period as they stood when the inspection was recorded. Compare with `Inspection.compliance` (live) to see later corrections.',
})
export class RecordedComplianceFigures {
  @Field(() => DateScalar, { description: 'The date they are as of: the end of the inspected period.' })
  asOf: CalendarDate;
  @Field(() => Int, { description: 'Tasks counted.' }) assigned: number;
  @Field(() => Int, { description: 'Completed on time.' }) completedOnTime: number;
  @Field(() => Int, { description: 'Completed late.' }) completedLate: number;
  @Field(() => Int, { description: 'Not completed, within the deadline or with none.' })
  inProgressWithinDeadline: number;
  @Field(() => Int, { description: 'Not completed, past the deadline in force.' }) inProgressOverdue: number;
  @Field(() => Int, { description: 'Counted tasks with no deadline.' }) withoutDeadline: number;
}

@ObjectType('Recommendation', {
  description: 'A recommendation (kiến nghị) of the inspected unit to the province, and its handling.',
})
export class Recommendation {
  @Field(() => ID, { description: 'Opaque, stable identifier.' }) id: string;
  @Field({ description: 'What the unit asks for.' }) text: string;
  @Field(() => String, { nullable: true, description: 'How the province handled it; null while open.' }) response:
    string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When it was handled.' }) respondedOn: CalendarDate | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Inspection', {
  description:
    'A check of one unit by a working group (Tổ công tác) over a period: findings, conclusions, recommendations.',
})
export class Inspection {
  @Field(() => ID, { description: 'Opaque, stable identifier.' }) id: string;
  @Field({ description: 'The working group, e.g. "Tổ công tác số 1 của Chủ tịch UBND tỉnh".' }) team: string;
  @Field(() => String, { nullable: true, description: 'Its leader.' }) teamLeader: string | null;
  @Field(() => DateScalar, { description: 'The inspection date.' }) inspectedOn: CalendarDate;
  @Field(() => DateScalar, { description: 'First day of the inspected period.' }) periodFrom: CalendarDate;
  @Field(() => DateScalar, { description: 'Last day of the inspected period.' }) periodTo: CalendarDate;
  @Field(() => String, { nullable: true, description: 'What the group found.' }) findings: string | null;
  @Field({ description: 'When it was recorded (an instant, ISO 8601).' }) recordedAt: string;

  /** Not in the schema: field resolvers read them. */
  organisationId: string;
  recordedFigures: RecordedComplianceFigures | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Conclusion', {
  description: 'A conclusion (kết luận) of an inspection, followed up by the tasks assigned for it.',
})
export class Conclusion {
  @Field(() => ID, { description: 'Opaque, stable identifier; give it as `originConclusionId` to a follow-up task.' })
  id: string;
  @Field({ description: 'What the group concluded.' }) text: string;

  /** Not in the schema: `inspection` resolves it. */
  inspectionId: string;
}

@ObjectType('InspectionEdge', { description: 'An inspection in a list, with its cursor.' })
export class InspectionEdge {
  @Field({ description: 'Opaque position in the list.' }) cursor: string;
  @Field(() => Inspection, { description: 'The inspection.' }) node: Inspection;
}

@ObjectType('InspectionConnection', { description: 'A page of inspections, newest first.' })
export class InspectionConnection {
  @Field(() => Int, { description: 'Inspections matching the filter, on all pages.' }) totalCount: number;
  @Field(() => [InspectionEdge], { description: 'The inspections of this page.' }) edges: InspectionEdge[];
  @Field(() => PageInfo, { description: 'Where this page ends.' }) pageInfo: PageInfo;
}
