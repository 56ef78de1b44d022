import { DateScalar, MAY, type CalendarDate, type RequestContext } from '@giaoviec/shared';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CreateOrganisationInput, UpdateOrganisationInput } from './organisation.inputs';
import { OrganisationKind } from './organisation-kind';
import type { OrganisationLoaders } from './organisation.loaders';
import { OrganisationStore } from './organisation.store';
import { Organisation } from './organisation.type';
import { cleanContactEmail, cleanOrganisationCode, cleanOrganisationName } from './rules';
import type { RestructuringEventRow } from '../restructuring/restructuring.entity';
import { FormerName, RestructuringEvent } from '../restructuring/restructuring.type';
import { nameOn } from '../restructuring/rules';

const uniqueOthers = (ids: readonly string[], self: string) => [...new Set(ids)].filter((id) => id !== self);

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
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description:
        'The structure as it stood on this date: only units that existed then, under the names they bore then. Absent: every unit, current and former (see `validTo`).',
    })
    asOf: CalendarDate | null,
    @Ctx() context: Context,
  ): Promise<Organisation[]> {
    const rows = await new OrganisationStore(context.db).list(kinds, asOf);
    // Parents are usually in the list: later `parent` lookups then cost no statement.
    for (const row of rows) context.loaders.organisationById.prime(row.id, row);
    if (!asOf) return rows;
    // Renamed since: one more statement for all of them, and a copy under the name of the day.
    return Promise.all(
      rows.map(async (row) =>
        row.nameSince === null || asOf >= row.nameSince
          ? row
          : { ...row, name: nameOn(row, await context.loaders.formerNamesByUnit.load(row.id), asOf) },
      ),
    );
  }

  @Query(() => Organisation, { nullable: true, description: 'One unit by id; null when there is none.' })
  organisation(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() context: Context,
  ): Promise<Organisation | null> {
    return context.loaders.organisationById.load(id);
  }

  @Authorized(...MAY.manageOrganisations)
  @Mutation(() => Organisation, {
    description: 'Adds a unit. A duplicate code answers CONFLICT; invalid input BAD_USER_INPUT.',
  })
  createOrganisation(
    @Arg('input', () => CreateOrganisationInput, { description: 'The change (see `CreateOrganisationInput`).' })
    input: CreateOrganisationInput,
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
      validFrom: input.validFrom ?? null,
    });
  }

  @Authorized(...MAY.manageOrganisations)
  @Mutation(() => Organisation, {
    description:
      'Renames a unit, changes its kind, moves it under another parent (never under itself or its descendants) or sets its contact e-mail address.',
  })
  updateOrganisation(
    @Arg('input', () => UpdateOrganisationInput, { description: 'The change (see `UpdateOrganisationInput`).' })
    input: UpdateOrganisationInput,
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
      ...(input.contactEmail !== undefined ? { contactEmail: cleanContactEmail(input.contactEmail) } : {}),
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

  @FieldResolver(() => [FormerName], { description: 'Names the unit bore before its renames, oldest first.' })
  formerNames(@Root() unit: Organisation, @Ctx() context: Context): Promise<FormerName[]> {
    return context.loaders.formerNamesByUnit.load(unit.id);
  }

  @FieldResolver(() => [Organisation], {
    description: 'The units whose work passed directly to this one by a merge, split or abolition (đơn vị tiền thân).',
  })
  async predecessors(@Root() unit: Organisation, @Ctx() context: Context): Promise<Organisation[]> {
    const links = await context.loaders.linksBySuccessor.load(unit.id);
    return context.loaders.organisationsByIds(
      uniqueOthers(
        links.map((link) => link.predecessorId),
        unit.id,
      ),
    );
  }

  @FieldResolver(() => [Organisation], {
    description: 'The units that took over this one’s work directly (đơn vị kế thừa).',
  })
  async successors(@Root() unit: Organisation, @Ctx() context: Context): Promise<Organisation[]> {
    const links = await context.loaders.linksByPredecessor.load(unit.id);
    return context.loaders.organisationsByIds(
      uniqueOthers(
        links.map((link) => link.successorId),
        unit.id,
      ),
    );
  }

  @FieldResolver(() => [Organisation], {
    description:
      'Every unit whose work reached this one, directly or through earlier changes: the units `compliance(includePredecessors: true)` adds.',
  })
  async allPredecessors(@Root() unit: Organisation, @Ctx() context: Context): Promise<Organisation[]> {
    return context.loaders.organisationsByIds(await context.loaders.allPredecessorIds.load(unit.id));
  }

  @FieldResolver(() => [RestructuringEvent], {
    description: 'The restructurings that concern this unit, by effective date.',
  })
  async restructurings(@Root() unit: Organisation, @Ctx() context: Context): Promise<RestructuringEvent[]> {
    const [before, after] = await Promise.all([
      context.loaders.linksBySuccessor.load(unit.id),
      context.loaders.linksByPredecessor.load(unit.id),
    ]);
    const events = await context.loaders.eventById.loadMany([
      ...new Set([...before, ...after].map((link) => link.eventId)),
    ]);
    return events
      .filter((event): event is RestructuringEventRow => event !== null && !(event instanceof Error))
      .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn)) as RestructuringEvent[];
  }
}
