import {
  BadUserInputError,
  DateScalar,
  MAY,
  cleanText,
  type CalendarDate,
  type RequestContext,
} from '@giaoviec/shared';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OrganisationLoaders } from '../organisation/organisation.loaders';
import { Organisation } from '../organisation/organisation.type';
import { cleanOrganisationCode, cleanOrganisationName } from '../organisation/rules';
import {
  AbolishOrganisationInput,
  MergeOrganisationsInput,
  type NewUnitInput,
  RenameOrganisationInput,
  type RestructuringInput,
  SplitOrganisationInput,
} from './restructuring.inputs';
import { RestructuringEventRow } from './restructuring.entity';
import { RestructuringStore, type NewUnit, type RestructuringRecord } from './restructuring.store';
import { RestructuringEvent } from './restructuring.type';

type Context = RequestContext<OrganisationLoaders>;

const newUnit = (unit: NewUnitInput): NewUnit => ({
  code: cleanOrganisationCode(unit.code),
  name: cleanOrganisationName(unit.name),
  kind: unit.kind,
  parentId: unit.parentId ?? null,
});

function record(input: RestructuringInput, context: Context): RestructuringRecord {
  return {
    effectiveOn: input.effectiveOn,
    legalBasis: cleanText(input.legalBasis, { field: 'legalBasis', max: 255, singleLine: true }),
    note:
      input.note === null || input.note === undefined || input.note.trim() === ''
        ? null
        : cleanText(input.note, { field: 'note', max: 2000 }),
    recordedBy: context.user!.id,
  };
}

const store = (context: Context, operation: string, input: RestructuringInput) =>
  new RestructuringStore(context.db, { userId: context.user!.id, operation, input });

/** Restructuring (sắp xếp, tổ chức lại): merges, splits, renames and abolitions through time. */
@Resolver(() => RestructuringEvent)
export class RestructuringResolver {
  @Query(() => [RestructuringEvent], {
    description: 'Recorded restructurings, by effective date; `from`/`to` keep those effective in that span.',
  })
  restructuringEvents(
    @Arg('from', () => DateScalar, { nullable: true, description: 'First effective date kept.' })
    from: CalendarDate | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Last effective date kept.' })
    to: CalendarDate | null,
    @Ctx() context: Context,
  ): Promise<RestructuringEventRow[]> {
    const query = context.db
      .getRepository(RestructuringEventRow)
      .createQueryBuilder('e')
      .orderBy('e.effective_on')
      .addOrderBy('e.recorded_at');
    if (from) query.andWhere('e.effective_on >= :from', { from });
    if (to) query.andWhere('e.effective_on <= :to', { to });
    return query.getMany();
  }

  @Authorized(...MAY.manageOrganisations)
  @Mutation(() => RestructuringEvent, {
    description:
      'Merges units into an existing unit or a new one: the sources end the day before `effectiveOn` and become its predecessors. Refused (BAD_USER_INPUT, nothing written) for a merge into itself, a date on or before a source began, or a source already ended; CONFLICT when a new code is in use.',
  })
  mergeOrganisations(
    @Arg('input', () => MergeOrganisationsInput, { description: 'The change (see `MergeOrganisationsInput`).' })
    input: MergeOrganisationsInput,
    @Ctx() context: Context,
  ): Promise<RestructuringEventRow> {
    if (!input.sourceIds.length) throw new BadUserInputError('at least one unit to merge', 'sourceIds');
    if (Boolean(input.intoId) === Boolean(input.newUnit)) {
      throw new BadUserInputError('give exactly one of intoId and newUnit', 'intoId');
    }
    return store(context, 'mergeOrganisations', input).succeed({
      ...record(input, context),
      kind: 'MERGE',
      endingIds: input.sourceIds,
      successorIds: input.intoId ? [input.intoId] : [],
      newUnits: input.newUnit ? [newUnit(input.newUnit)] : [],
    });
  }

  @Authorized(...MAY.manageOrganisations)
  @Mutation(() => RestructuringEvent, {
    description: 'Splits a unit into at least two units; it ends the day before `effectiveOn`.',
  })
  splitOrganisation(
    @Arg('input', () => SplitOrganisationInput, { description: 'The change (see `SplitOrganisationInput`).' })
    input: SplitOrganisationInput,
    @Ctx() context: Context,
  ): Promise<RestructuringEventRow> {
    const intoIds = input.intoIds ?? [];
    const newUnits = (input.newUnits ?? []).map(newUnit);
    if (intoIds.length + newUnits.length < 2)
      throw new BadUserInputError('a split needs at least two units', 'intoIds');
    return store(context, 'splitOrganisation', input).succeed({
      ...record(input, context),
      kind: 'SPLIT',
      endingIds: [input.sourceId],
      successorIds: intoIds,
      newUnits,
    });
  }

  @Authorized(...MAY.manageOrganisations)
  @Mutation(() => RestructuringEvent, {
    description:
      'Renames a unit from `effectiveOn`; its former name stays in `formerNames` and in the structure as of earlier dates.',
  })
  renameOrganisation(
    @Arg('input', () => RenameOrganisationInput, { description: 'The change (see `RenameOrganisationInput`).' })
    input: RenameOrganisationInput,
    @Ctx() context: Context,
  ): Promise<RestructuringEventRow> {
    return store(context, 'renameOrganisation', input).rename(
      input.id,
      cleanOrganisationName(input.name),
      record(input, context),
    );
  }

  @Authorized(...MAY.manageOrganisations)
  @Mutation(() => RestructuringEvent, {
    description:
      'Abolishes a unit: it ends the day before `effectiveOn`; its successors take over its work. Its open tasks move with `transferTasks` (assignments).',
  })
  abolishOrganisation(
    @Arg('input', () => AbolishOrganisationInput, { description: 'The change (see `AbolishOrganisationInput`).' })
    input: AbolishOrganisationInput,
    @Ctx() context: Context,
  ): Promise<RestructuringEventRow> {
    return store(context, 'abolishOrganisation', input).succeed({
      ...record(input, context),
      kind: 'ABOLISH',
      endingIds: [input.id],
      successorIds: input.successorIds ?? [],
      newUnits: [],
    });
  }

  @FieldResolver(() => [Organisation], { description: 'The units whose work passed on (for a rename, the unit).' })
  async predecessors(@Root() event: RestructuringEventRow, @Ctx() context: Context) {
    const links = await context.loaders.linksByEvent.load(event.id);
    return context.loaders.organisationsByIds([...new Set(links.map((link) => link.predecessorId))]);
  }

  @FieldResolver(() => [Organisation], { description: 'The units that took the work over (for a rename, the unit).' })
  async successors(@Root() event: RestructuringEventRow, @Ctx() context: Context) {
    const links = await context.loaders.linksByEvent.load(event.id);
    return context.loaders.organisationsByIds([...new Set(links.map((link) => link.successorId))]);
  }
}
