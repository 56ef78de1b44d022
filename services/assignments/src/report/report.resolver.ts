import { fetchEntities } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, Int, Query, Resolver, Args } from 'type-graphql';
import { FiguresPeriodArgs, requestedPeriod } from '../compliance/period.args';
import { figuresFromCounts } from '../compliance/rules';
import { type AssignmentContext } from '../context';
import { breakdownDimensions, breakdownLabel, compareValues, mergeGroups } from './breakdown';
import { breakdownGroups } from './breakdown.sql';
import { reportingPeriod } from './reporting-period';
import { BreakdownDimensionEnum, BreakdownGroup, ReportingCycleEnum, ReportingPeriod } from './report.type';

type Unit = { id: string; name: string; kind: string };

@Resolver()
export class ReportResolver {
  @Authorized()
  @Query(() => ReportingPeriod, {
    description: 'The cut-off window of a periodic report under Decree 09/2019/NĐ-CP, Article 12 (RULES.md).',
  })
  reportingPeriod(
    @Arg('cycle', () => ReportingCycleEnum, { description: 'The cycle.' }) cycle: ReportingCycleEnum,
    @Arg('year', () => Int, { description: 'The year of the report, e.g. 2017.' }) year: number,
    @Arg('index', () => Int, {
      nullable: true,
      description: 'The month (1-12) or quarter (1-4); none for HALF_YEAR and YEAR.',
    })
    index: number | null,
  ): ReportingPeriod {
    return reportingPeriod(cycle, year, index);
  }

  @Authorized()
  @Query(() => [BreakdownGroup], {
    description:
      'Province-wide figures over a period, as of a date, grouped by one or two dimensions (RULES.md, Breakdowns): the groups with counted tasks, adding up to the totals. One SQL statement.',
  })
  async complianceBreakdown(
    @Args() requested: FiguresPeriodArgs,
    @Arg('by', () => [BreakdownDimensionEnum], { description: 'One or two dimensions, in the order of the keys.' })
    by: BreakdownDimensionEnum[],
    @Ctx() context: AssignmentContext,
  ): Promise<BreakdownGroup[]> {
    const dimensions = breakdownDimensions(by);
    const period = requestedPeriod(requested);
    let groups = await breakdownGroups(context.db, { ...period, by: dimensions });
    // Units' names and kinds are the organisations subgraph's: one call for every unit of the groups.
    const units = new Map<string, Unit>();
    if (
      dimensions.includes(BreakdownDimensionEnum.LEAD_UNIT) ||
      dimensions.includes(BreakdownDimensionEnum.UNIT_KIND)
    ) {
      const ids = [...new Set(groups.flatMap((group) => group.values.filter((_, i) => isUnit(dimensions[i]!))))];
      const found = await fetchEntities<Unit>('organisations', 'Organisation', ids, 'id name kind', context);
      for (const unit of found) if (unit) units.set(unit.id, unit);
    }
    if (dimensions.includes(BreakdownDimensionEnum.UNIT_KIND)) {
      groups = mergeGroups(groups, (value, i) =>
        dimensions[i] === BreakdownDimensionEnum.UNIT_KIND ? (units.get(value)?.kind ?? 'OTHER') : value,
      );
    }
    const result = groups.map((group) => ({
      keys: group.values.map((value, i) => ({
        dimension: dimensions[i]! as BreakdownDimensionEnum,
        value,
        label: breakdownLabel(dimensions[i]!, value, (id) => units.get(id)?.name),
      })),
      figures: { ...period, ...figuresFromCounts(group.counts) },
    }));
    return result.sort((a, b) => {
      for (let i = 0; i < dimensions.length; i++) {
        const order = compareValues(dimensions[i]!, a.keys[i]!, b.keys[i]!);
        if (order !== 0) return order;
      }
      return 0;
    });
  }
}

const isUnit = (dimension: string) =>
  dimension === BreakdownDimensionEnum.LEAD_UNIT || dimension === BreakdownDimensionEnum.UNIT_KIND;
