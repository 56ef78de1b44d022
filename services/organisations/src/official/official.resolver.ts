import {
  DateScalar,
  MAY,
  cleanText,
  isUuid,
  todayInVietnam,
  type CalendarDate,
  type RequestContext,
} from '@giaoviec/shared';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OrganisationLoaders } from '../organisation/organisation.loaders';
import { Organisation } from '../organisation/organisation.type';
import { AppointOfficialInput, CreateOfficialInput, EndTermOfOfficeInput } from './official.inputs';
import { OfficialStore } from './official.store';
import { Official, TermOfOffice } from './official.type';
import { inOfficeOn } from './rules';

type Context = RequestContext<OrganisationLoaders>;

const name = (text: string) => cleanText(text, { field: 'fullName', max: 255, singleLine: true });

/** Officials (cán bộ lãnh đạo) and their terms of office (nhiệm kỳ). */
@Resolver(() => Official)
export class OfficialResolver {
  @Query(() => [Official], {
    description: 'Officials by name; `asOf` keeps those in office on that date, `organisationId` those of one unit.',
  })
  async officials(
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Only those in office on this date.' })
    asOf: CalendarDate | null,
    @Arg('organisationId', () => ID, { nullable: true, description: 'Only those with a term in this unit.' })
    organisationId: string | null,
    @Ctx() context: Context,
  ): Promise<Official[]> {
    // An id that is no UUID names no unit; null filters are no filters. Names in Vietnamese order
    // (ICU's "vi" collation: the database's own is C, where "Đ" comes after "Z").
    if (organisationId && !isUuid(organisationId)) return [];
    return context.db.query(
      `SELECT o.id, o.full_name AS "fullName" FROM organisations.official o
        WHERE EXISTS (SELECT 1 FROM organisations.term_of_office t
                       WHERE t.official_id = o.id
                         AND ($1::uuid IS NULL OR t.organisation_id = $1::uuid)
                         AND ($2::date IS NULL OR (t.starts_on <= $2::date AND (t.ends_on IS NULL OR t.ends_on >= $2::date))))
           OR ($1::uuid IS NULL AND $2::date IS NULL)
        ORDER BY o.full_name COLLATE "vi-x-icu", o.id`,
      [organisationId ?? null, asOf ?? null],
    );
  }

  @Query(() => Official, { nullable: true, description: 'One official by id; null when there is none.' })
  official(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() context: Context,
  ): Promise<Official | null> {
    return context.loaders.officialById.load(id);
  }

  @Authorized(...MAY.manageOrganisations)
  @Mutation(() => Official, { description: 'Adds an official.' })
  createOfficial(
    @Arg('input', () => CreateOfficialInput, { description: 'The change (see `CreateOfficialInput`).' })
    input: CreateOfficialInput,
    @Ctx() context: Context,
  ) {
    return new OfficialStore(context.db, { userId: context.user!.id, operation: 'createOfficial', input }).create(
      name(input.fullName),
    );
  }

  @Authorized(...MAY.manageOrganisations)
  @Mutation(() => TermOfOffice, {
    description:
      'Records a term of office. CONFLICT when it overlaps a term of the same official in the same position, or of anyone in a one-holder position (Chairman, Chief of Office, Director).',
  })
  appointOfficial(
    @Arg('input', () => AppointOfficialInput, { description: 'The change (see `AppointOfficialInput`).' })
    input: AppointOfficialInput,
    @Ctx() context: Context,
  ) {
    return new OfficialStore(context.db, { userId: context.user!.id, operation: 'appointOfficial', input }).appoint({
      officialId: input.officialId,
      organisationId: input.organisationId,
      position: input.position,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      legalBasis: input.legalBasis
        ? cleanText(input.legalBasis, { field: 'legalBasis', max: 255, singleLine: true })
        : null,
    });
  }

  @Authorized(...MAY.manageOrganisations)
  @Mutation(() => TermOfOffice, { description: 'Ends a term of office on a date.' })
  endTermOfOffice(
    @Arg('input', () => EndTermOfOfficeInput, { description: 'The change (see `EndTermOfOfficeInput`).' })
    input: EndTermOfOfficeInput,
    @Ctx() context: Context,
  ) {
    return new OfficialStore(context.db, { userId: context.user!.id, operation: 'endTermOfOffice', input }).end(
      input.termId,
      input.endsOn,
    );
  }

  @FieldResolver(() => [TermOfOffice], { description: 'The official’s terms of office, oldest first.' })
  terms(@Root() official: Official, @Ctx() context: Context) {
    return context.loaders.termsByOfficial.load(official.id);
  }
}

@Resolver(() => TermOfOffice)
export class TermOfOfficeResolver {
  @FieldResolver(() => Official, { description: 'Who held the position.' })
  async official(@Root() term: TermOfOffice, @Ctx() context: Context) {
    return context.loaders.officialById.load(term.officialId);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Where.' })
  organisation(@Root() term: TermOfOffice, @Ctx() context: Context) {
    return context.loaders.organisationById.load(term.organisationId);
  }
}

@Resolver(() => Organisation)
export class OrganisationLeadersResolver {
  @FieldResolver(() => [TermOfOffice], {
    description: 'The unit’s leaders in office on a date (today when absent), by position.',
  })
  async leaders(
    @Root() unit: Organisation,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date; today when absent.' })
    asOf: CalendarDate | null,
    @Ctx() context: Context,
  ): Promise<TermOfOffice[]> {
    const day = asOf ?? todayInVietnam();
    const terms = await context.loaders.termsByUnit.load(unit.id);
    return terms.filter((term) => inOfficeOn(term, day)).sort((a, b) => a.position.localeCompare(b.position));
  }
}

/** `Official` references from other subgraphs (the task's assigning leader): batched by DataLoader. */
export const officialReference = {
  Official: {
    __resolveReference(reference: { id: string }, context: Context) {
      return context.loaders.officialById.load(reference.id);
    },
  },
};
