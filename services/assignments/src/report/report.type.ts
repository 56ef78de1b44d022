import { DateScalar, type CalendarDate } from '@giaoviec/shared';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ComplianceFigures } from '../compliance/compliance.type';

export enum ReportingCycleEnum {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
}
registerEnumType(ReportingCycleEnum, {
  name: 'ReportingCycle',
  description: 'The cycle of a periodic report (kỳ báo cáo), Decree 09/2019/NĐ-CP, Article 12.',
  valuesConfig: {
    MONTH: { description: 'Monthly (hằng tháng): index 1-12.' },
    QUARTER: { description: 'Quarterly (hằng quý): index 1-4.' },
    HALF_YEAR: { description: 'Half-yearly (6 tháng): no index.' },
    YEAR: { description: 'Yearly (hằng năm): no index.' },
  },
});

export enum BreakdownDimensionEnum {
  LEAD_UNIT = 'LEAD_UNIT',
  UNIT_KIND = 'UNIT_KIND',
  ASSIGNER = 'ASSIGNER',
  PRIORITY = 'PRIORITY',
  DOCUMENT_KIND = 'DOCUMENT_KIND',
  ASSIGNED_MONTH = 'ASSIGNED_MONTH',
  OVERDUE_AGE = 'OVERDUE_AGE',
}
registerEnumType(BreakdownDimensionEnum, {
  name: 'BreakdownDimension',
  description: 'What `complianceBreakdown` groups the counted tasks by (RULES.md, Breakdowns).',
  valuesConfig: {
    LEAD_UNIT: { description: 'The unit that led the task on the figures’ date; the value is its id.' },
    UNIT_KIND: { description: 'The kind of that unit (`OrganisationKind`).' },
    ASSIGNER: { description: 'Who assigned it (`AssignerKind`).' },
    PRIORITY: { description: 'Its priority (`TaskPriority`).' },
    DOCUMENT_KIND: { description: 'The kind of its source document (`DocumentKind`); `NONE` when none is recorded.' },
    ASSIGNED_MONTH: { description: 'The month it was assigned in, `YYYY-MM`.' },
    OVERDUE_AGE: {
      description:
        'For tasks in progress overdue, the calendar days past the deadline in force: `D1_30`, `D31_90`, `D91_180`, `OVER_180`; every other task is `NOT_OVERDUE`.',
    },
  },
});

@ObjectType('ReportingPeriod', { description: 'The cut-off window of a periodic report, both days included.' })
export class ReportingPeriod {
  @Field(() => DateScalar, { description: 'First day (included).' })
  from: CalendarDate;

  @Field(() => DateScalar, { description: 'Last day (included).' })
  to: CalendarDate;
}

@ObjectType('BreakdownKey', { description: 'One dimension’s value of a breakdown group.' })
export class BreakdownKey {
  @Field(() => BreakdownDimensionEnum, { description: 'The dimension.' })
  dimension: BreakdownDimensionEnum;

  @Field({
    description: 'The unit’s id for `LEAD_UNIT`, `YYYY-MM` for `ASSIGNED_MONTH`, else the enumeration’s value.',
  })
  value: string;

  @Field({ description: 'The Vietnamese name of the value (tên), for reports.' })
  label: string;
}

@ObjectType('BreakdownGroup', {
  description: 'The figures of the counted tasks that share one value of each dimension.',
})
export class BreakdownGroup {
  @Field(() => [BreakdownKey], { description: 'One key per requested dimension, in the order requested.' })
  keys: BreakdownKey[];

  @Field(() => ComplianceFigures, { description: 'Their figures; those of all groups add up to the totals.' })
  figures: ComplianceFigures;
}
