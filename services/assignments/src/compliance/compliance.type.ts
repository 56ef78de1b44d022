import { DateScalar, type CalendarDate } from '@giaoviec/shared';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Official } from '../official/official.type';
import { AssignerKindEnum, TaskPriorityEnum } from '../task/task.enums';

// Plain values read off the object: no per-field middleware wrapper (a unit's nine figures,
// 1,000 units a request at `national`: bench/README.md).
@ObjectType('ComplianceFigures', {
  simpleResolvers: true,
  description:
    'Deadline-compliance figures of the tasks assigned in a period, as of a date, counted by RULES.md. Every counted task is in exactly one of the four buckets.',
})
export class ComplianceFigures {
  @Field(() => DateScalar, { description: 'First day of the period (included).' })
  from: CalendarDate;

  @Field(() => DateScalar, { description: 'Last day of the period (included).' })
  to: CalendarDate;

  @Field(() => DateScalar, { description: 'The date the figures are as of.' })
  asOf: CalendarDate;

  @Field(() => Int, { description: 'Tasks counted (giao): the sum of the four buckets.' })
  assigned: number;

  @Field(() => Int, { description: 'Completed on time (hoàn thành đúng hạn).' })
  completedOnTime: number;

  @Field(() => Int, { description: 'Completed late (hoàn thành quá hạn).' })
  completedLate: number;

  @Field(() => Int, { description: 'Not completed, within the deadline or with none (đang thực hiện trong hạn).' })
  inProgressWithinDeadline: number;

  @Field(() => Int, { description: 'Not completed, past the deadline in force (chưa hoàn thành, quá hạn).' })
  inProgressOverdue: number;

  @Field(() => Int, { description: 'Counted tasks with no deadline (không có thời hạn); also in one of the buckets.' })
  withoutDeadline: number;

  @Field(() => Int, { description: 'Tasks due (đến hạn): completedOnTime + completedLate + inProgressOverdue.' })
  due: number;

  @Field(() => Float, {
    nullable: true,
    description: '(completedOnTime + completedLate) / due, a fraction; null when due = 0.',
  })
  completionRate: number | null;

  @Field(() => Float, { nullable: true, description: 'completedOnTime / due, a fraction; null when due = 0.' })
  onTimeRate: number | null;

  @Field(() => Int, {
    description: 'Tasks of the period withdrawn (rút) on or before the date: in no bucket, not in `assigned`.',
  })
  withdrawn: number;

  @Field(() => Int, {
    description: 'Counted tasks completed as of the date whose confirmation gave a quality (chất lượng).',
  })
  qualityRated: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The mean quality (1 to 5) of the `qualityRated` tasks, not rounded; null when there are none.',
  })
  averageQuality: number | null;
}

@ObjectType('MonthFigures', { description: 'Figures of the tasks assigned in one month of the period.' })
export class MonthFigures {
  @Field({ description: 'The month of assignment, `YYYY-MM`.' })
  month: string;

  @Field(() => ComplianceFigures, { description: 'Its figures, as of the summary’s date.' })
  figures: ComplianceFigures;
}

@ObjectType('AssignerFigures', {
  description: 'Figures of the tasks one assigning side gave: the People’s Committee, or one leader.',
})
export class AssignerFigures {
  @Field(() => AssignerKindEnum, { description: 'Who assigned them.' })
  assignedBy: AssignerKindEnum;

  @Field(() => String, { nullable: true, description: 'The leader’s name, for a Chairman or Vice-Chairman.' })
  assignerName: string | null;

  @Field(() => Official, {
    nullable: true,
    description: 'The leader who assigned them, when the tasks record one (an official with terms of office).',
  })
  official: Official | null;

  @Field(() => ComplianceFigures, { description: 'Their figures.' })
  figures: ComplianceFigures;
}

@ObjectType('PriorityFigures', { description: 'Figures of the tasks of one priority.' })
export class PriorityFigures {
  @Field(() => TaskPriorityEnum, { description: 'The priority.' })
  priority: TaskPriorityEnum;

  @Field(() => ComplianceFigures, { description: 'Their figures.' })
  figures: ComplianceFigures;
}

@ObjectType('ComplianceSummary', {
  description: 'Province-wide figures over a period, as of a date, and their breakdowns.',
})
export class ComplianceSummary {
  @Field(() => ComplianceFigures, { description: 'All tasks of the province.' })
  totals: ComplianceFigures;

  @Field(() => [MonthFigures], { description: 'By month of assignment, in order; months without tasks are left out.' })
  byMonth: MonthFigures[];

  @Field(() => [AssignerFigures], { description: 'By assigning side and leader.' })
  byAssigner: AssignerFigures[];

  @Field(() => [PriorityFigures], { description: 'By priority.' })
  byPriority: PriorityFigures[];
}
