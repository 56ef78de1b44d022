import { MAY, type RequestContext } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CreateOrganisationInput, UpdateOrganisationInput } from './organisation.inputs';
import { OrganisationKind } from './organisation-kind';
import type { OrganisationLoaders } from './organisation.loaders';
import { OrganisationStore } from './organisation.store';
import { Organisation } from './organisation.type';
import { cleanOrganisationCode, cleanOrganisationName } from './rules';

type Context = RequestContext<OrganisationLoaders>;

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => [Organisation], {
    description:
      "Units of the province, the People's Committee first, then by kind and code. `kinds` keeps only those kinds.",
  })
  async organisations(
    @Arg('kinds', () => [OrganisationKind], {
      nullable: true,
      description: 'Only units of these kinds (all when absent).',
    })
    kinds: OrganisationKind[] | null,
    @Ctx() context: Context,
  ): Promise<Organisation[]> {
    const rows = await new OrganisationStore(context.db).list(kinds);
    // Parents are usually in the list: later `parent` lookups then cost no statement.
    for (const row of rows) context.loaders.organisationById.prime(row.id, row);
    return rows;
  }

  @Query(() => Organisation, { nullable: true, description: 'One unit by id; null when there is none.' })
  organisation(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Organisation | null> {
    return context.loaders.organisationById.load(id);
  }

  @Authorized(...MAY.manageOrganisations)
  @Mutation(() => Organisation, {
    description: 'Adds a unit. A duplicate code answers CONFLICT; invalid input BAD_USER_INPUT.',
  })
  createOrganisation(
    @Arg('input', () => CreateOrganisationInput) input: CreateOrganisationInput,
    @Ctx() context: Context,
  ): Promise<Organisation> {
    return new OrganisationStore(context.db, {
      userId: context.user!.id,
      operation: 'createOrganisation',
      input,
    }).create({
      code: cleanOrganisationCode(input.code),
      name: cleanOrganisationName(input.name),
      kind: input.kind,
      parentId: input.parentId ?? null,
    });
  }

  @Authorized(...MAY.manageOrganisations)
  @Mutation(() => Organisation, {
    description:
      'Renames a unit, changes its kind or moves it under another parent (never under itself or its descendants).',
  })
  updateOrganisation(
    @Arg('input', () => UpdateOrganisationInput) input: UpdateOrganisationInput,
    @Ctx() context: Context,
  ): Promise<Organisation> {
    return new OrganisationStore(context.db, {
      userId: context.user!.id,
      operation: 'updateOrganisation',
      input,
    }).update(input.id, {
      ...(input.name !== undefined && input.name !== null ? { name: cleanOrganisationName(input.name) } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
    });
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The unit this one belongs to; null for a top-level unit.',
  })
  parent(@Root() unit: Organisation, @Ctx() context: Context): Promise<Organisation | null> | null {
    return unit.parentId ? context.loaders.organisationById.load(unit.parentId) : null;
  }

  @FieldResolver(() => [Organisation], { description: 'The units directly under this one, by code.' })
  children(@Root() unit: Organisation, @Ctx() context: Context): Promise<Organisation[]> {
    return context.loaders.childrenByParentId.load(unit.id);
  }
}
