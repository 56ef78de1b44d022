import { pageSize, todayInVietnam, type RequestContext } from '@giaoviec/shared';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Organisation } from '../organisation/organisation.type';
import type { InspectionRow } from './inspection.entity';
import { InspectionPageArgs, RecordInspectionInput, RespondToRecommendationInput } from './inspection.inputs';
import type { InspectionLoaders } from './inspection.loaders';
import { InspectionStore } from './inspection.store';
import {
  Conclusion,
  Inspection,
  InspectionConnection,
  RecordedComplianceFigures,
  Recommendation,
} from './inspection.type';

type Context = RequestContext<InspectionLoaders>;

const store = (context: Context) =>
  new InspectionStore(context.db, { today: todayInVietnam(), requestId: context.requestId });

/** The row as the schema shows it. */
export const inspectionOf = (row: InspectionRow): Inspection => ({ ...row, recordedAt: row.recordedAt.toISOString() });

@Resolver(() => Inspection)
export class InspectionResolver {
  @Query(() => Inspection, { nullable: true, description: 'One inspection by id; null when there is none.' })
  async inspection(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Inspection | null> {
    const row = await context.loaders.inspectionById.load(id);
    return row && inspectionOf(row);
  }

  @Query(() => InspectionConnection, { description: 'Inspections matching a filter, newest first, a page at a time.' })
  async inspections(
    @Args(() => InspectionPageArgs) { filter, first, after }: InspectionPageArgs,
    @Ctx() context: Context,
  ): Promise<InspectionConnection> {
    const page = await store(context).page(filter ?? {}, pageSize(first), after ?? null);
    return {
      totalCount: page.totalCount,
      edges: page.rows.map(({ cursor, ...row }) => ({ cursor, node: inspectionOf(row) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
    };
  }

  @Mutation(() => Inspection, {
    description:
      'Records an inspection, with the unit’s figures over the period as they stand now (kept as `recordedCompliance`).',
  })
  async recordInspection(
    @Arg('input', () => RecordInspectionInput) input: RecordInspectionInput,
    @Ctx() context: Context,
  ): Promise<Inspection> {
    return inspectionOf(await store(context).record(input));
  }

  @Mutation(() => Recommendation, { description: 'Records how the province handled a recommendation.' })
  respondToRecommendation(
    @Arg('input', () => RespondToRecommendationInput) input: RespondToRecommendationInput,
    @Ctx() context: Context,
  ): Promise<Recommendation> {
    return store(context).respond(input);
  }

  @FieldResolver(() => Organisation, { description: 'The inspected unit.' })
  organisation(@Root() inspection: Inspection): Organisation {
    return { id: inspection.organisationId };
  }

  @FieldResolver(() => RecordedComplianceFigures, {
    nullable: true,
    description:
      'The unit’s figures over the inspected period, as of its end, as they stood when the inspection was recorded.',
  })
  recordedCompliance(@Root() inspection: Inspection): RecordedComplianceFigures | null {
    return inspection.recordedFigures;
  }

  @FieldResolver(() => [Conclusion], { description: 'The conclusions, in order.' })
  conclusions(@Root() inspection: Inspection, @Ctx() context: Context): Promise<Conclusion[]> {
    return context.loaders.conclusionsByInspection.load(inspection.id);
  }

  @FieldResolver(() => [Recommendation], { description: 'The unit’s recommendations to the province, in order.' })
  recommendations(@Root() inspection: Inspection, @Ctx() context: Context): Promise<Recommendation[]> {
    return context.loaders.recommendationsByInspection.load(inspection.id);
  }
}

@Resolver(() => Conclusion)
export class ConclusionResolver {
  @FieldResolver(() => Inspection, { description: 'The inspection that concluded it.' })
  async inspection(@Root() conclusion: Conclusion, @Ctx() context: Context): Promise<Inspection> {
    return inspectionOf((await context.loaders.inspectionById.load(conclusion.inspectionId))!);
  }
}

@Resolver(() => Organisation)
export class OrganisationInspectionsResolver {
  @FieldResolver(() => [Inspection], { description: 'The inspections of this unit, newest first.' })
  async inspections(@Root() unit: Organisation, @Ctx() context: Context): Promise<Inspection[]> {
    return (await context.loaders.inspectionsByOrganisation.load(unit.id)).map(inspectionOf);
  }
}

/** `__resolveReference` of the entities this subgraph owns or extends, batched per request. */
export const inspectionReferences = {
  Inspection: {
    __resolveReference: async ({ id }: { id: string }, context: Context) => {
      const row = await context.loaders.inspectionById.load(id);
      return row && inspectionOf(row);
    },
  },
  Conclusion: {
    __resolveReference: ({ id }: { id: string }, context: Context) => context.loaders.conclusionById.load(id),
  },
  Organisation: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
  },
};
