import { type CalendarDate } from '@giaoviec/shared';
import { Authorized, Ctx, FieldResolver, Query, Resolver, Root, Args } from 'type-graphql';
import { FiguresPeriodArgs, requestedPeriod } from './period.args';
import type { AssignerKindEnum, TaskPriorityEnum } from '../task/task.enums';
import { officialReference } from '../official/official.type';
import {
  AssignerFigures,
  ComplianceFigures,
  ComplianceSummary,
  MonthFigures,
  PriorityFigures,
} from './compliance.type';
import { complianceFiguresByGroup, emptyFigures, type Grouping } from './figures.sql';
import type { Period } from './rules';
import { type AssignmentContext } from '../context';

type Context = AssignmentContext;
type SummaryRoot = ComplianceSummary & { period: Period & { asOf: CalendarDate } };

@Resolver(() => ComplianceSummary)
export class ComplianceSummaryResolver {
  @Authorized()
  @Query(() => ComplianceSummary, {
    description: 'Province-wide figures of the tasks assigned in a period, as of a date (RULES.md).',
  })
  complianceSummary(@Args() period: FiguresPeriodArgs): SummaryRoot {
    return { period: requestedPeriod(period) } as SummaryRoot;
  }

  @FieldResolver(() => ComplianceFigures, { description: 'All tasks of the province.' })
  async totals(@Root() summary: SummaryRoot, @Ctx() context: Context): Promise<ComplianceFigures> {
    const groups = await this.figures(summary, 'none', context);
    return groups.get('') ?? emptyFigures(summary.period);
  }

  @FieldResolver(() => [MonthFigures], {
    description: 'By month of assignment, in order; months without tasks are left out.',
  })
  async byMonth(@Root() summary: SummaryRoot, @Ctx() context: Context): Promise<MonthFigures[]> {
    const groups = await this.figures(summary, 'month', context);
    return [...groups].map(([month, figures]) => ({ month, figures }));
  }

  @FieldResolver(() => [AssignerFigures], {
    description: 'By assigning side and leader: one entry per leader (`official`) who assigned tasks in the period.',
  })
  async byAssigner(@Root() summary: SummaryRoot, @Ctx() context: Context): Promise<AssignerFigures[]> {
    const groups = await this.figures(summary, 'assigner', context);
    return [...groups].map(([key, figures]) => {
      const [assignedBy, officialId, name] = key.split('|') as [AssignerKindEnum, string, string];
      return { assignedBy, assignerName: name || null, official: officialReference(officialId || null), figures };
    });
  }

  @FieldResolver(() => [PriorityFigures], { description: 'By priority.' })
  async byPriority(@Root() summary: SummaryRoot, @Ctx() context: Context): Promise<PriorityFigures[]> {
    const groups = await this.figures(summary, 'priority', context);
    return [...groups].map(([priority, figures]) => ({ priority: priority as TaskPriorityEnum, figures }));
  }

  private figures(summary: SummaryRoot, groupBy: Grouping, context: Context) {
    return complianceFiguresByGroup(context.db, { ...summary.period, groupBy });
  }
}
