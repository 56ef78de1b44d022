import {
  ForbiddenError,
  MAY,
  ownUnitOnly,
  pageSize,
  requireUnitAccess,
  todayInVietnam,
  type RequestContext,
} from '@giaoviec/shared';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
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

const store = (context: Context, mutation?: { operation: string; input: object }) =>
  new InspectionStore(context.db, {
    today: todayInVietnam(),
    user: { id: context.user!.id, name: context.user!.name ?? context.user!.id },
    requestId: context.requestId,
    userToken: context.userToken,
    request: mutation && { userId: context.user!.id, ...mutation },
  });

/** The row as the schema shows it. */
export const inspectionOf = (row: InspectionRow): Inspection => ({ ...row, recordedAt: row.recordedAt.toISOString() });

/**
 * An inspection the user may read, or FORBIDDEN: the roles of the table, and a unit user only its
 * own unit's. Used on every path, `_entities` included, which type-graphql's checks do not cover.
 */
function readable(context: Context, row: InspectionRow | null): Inspection | null {
  const user = context.user!;
  if (!MAY.readInspections.some((role) => user.roles.includes(role))) {
    throw new ForbiddenError(`This needs one of the roles ${MAY.readInspections.join(', ')}`);
  }
  if (row) requireUnitAccess(user, [row.organisationId], 'inspections');
  return row && inspectionOf(row);
}

@Resolver(() => Inspection)
export class InspectionResolver {
  @Authorized(...MAY.readInspections)
  @Query(() => Inspection, { nullable: true, description: 'One inspection by id; null when there is none.' })
  async inspection(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() context: Context,
  ): Promise<Inspection | null> {
    return readable(context, await context.loaders.inspectionById.load(id));
  }

  @Authorized(...MAY.readInspections)
  @Query(() => InspectionConnection, { description: 'Inspections matching a filter, newest first, a page at a time.' })
  async inspections(
    @Args(() => InspectionPageArgs) { filter, first, after }: InspectionPageArgs,
    @Ctx() context: Context,
  ): Promise<InspectionConnection> {
    // A unit user lists its own unit's inspections only.
    const own = ownUnitOnly(context.user!);
    if (own !== null && filter?.organisationId && filter.organisationId !== own) {
      requireUnitAccess(context.user!, [filter.organisationId], 'inspections');
    }
    const page = await store(context).page(
      { ...filter, ...(own !== null ? { organisationId: own } : {}) },
      pageSize(first),
      after ?? null,
    );
    return {
      totalCount: page.totalCount,
      edges: page.rows.map(({ cursor, ...row }) => ({ cursor, node: inspectionOf(row) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
    };
  }

  @Authorized(...MAY.recordInspections)
  @Mutation(() => Inspection, {
    description:
      'Records an inspection, with the unit’s figures over the period as they stand now (kept as `recordedCompliance`).',
  })
  async recordInspection(
    @Arg('input', () => RecordInspectionInput, { description: 'The change (see `RecordInspectionInput`).' })
    input: RecordInspectionInput,
    @Ctx() context: Context,
  ): Promise<Inspection> {
    return inspectionOf(await store(context, { operation: 'recordInspection', input }).record(input));
  }

  @Authorized(...MAY.respondToRecommendations)
  @Mutation(() => Recommendation, { description: 'Records how the province handled a recommendation.' })
  respondToRecommendation(
    @Arg('input', () => RespondToRecommendationInput, {
      description: 'The change (see `RespondToRecommendationInput`).',
    })
    input: RespondToRecommendationInput,
    @Ctx() context: Context,
  ): Promise<Recommendation> {
    return store(context, { operation: 'respondToRecommendation', input }).respond(input);
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
    return readable(context, await context.loaders.inspectionById.load(conclusion.inspectionId))!;
  }
}

@Resolver(() => Organisation)
export class OrganisationInspectionsResolver {
  @Authorized(...MAY.readInspections)
  @FieldResolver(() => [Inspection], {
    nullable: true,
    description: 'The inspections of this unit, newest first. Null when the inspections service is unavailable.',
  })
  async inspections(@Root() unit: Organisation, @Ctx() context: Context): Promise<Inspection[]> {
    requireUnitAccess(context.user!, [unit.id], 'inspections');
    return (await context.loaders.inspectionsByOrganisation.load(unit.id)).map(inspectionOf);
  }
}

/** `__resolveReference` of the entities this subgraph owns or extends, batched and authorised per request. */
export const inspectionReferences = {
  Inspection: {
    __resolveReference: async ({ id }: { id: string }, context: Context) =>
      readable(context, await context.loaders.inspectionById.load(id)),
  },
  Conclusion: {
    __resolveReference: async ({ id }: { id: string }, context: Context) => {
      const conclusion = await context.loaders.conclusionById.load(id);
      if (conclusion) readable(context, await context.loaders.inspectionById.load(conclusion.inspectionId));
      return conclusion;
    },
  },
  Organisation: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
  },
};
