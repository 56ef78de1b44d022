import type { RequestContext } from '@giaoviec/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { OrganisationKind } from '../organisation/organisation-kind';
import type { OrganisationLoaders } from '../organisation/organisation.loaders';
import { Organisation } from '../organisation/organisation.type';

/** A unit's divisions (phòng, ban): its children of kind DIVISION, batched as `children` is. */
@Resolver(() => Organisation)
export class DivisionResolver {
  @FieldResolver(() => [Organisation], {
    description: 'The divisions of this unit (phòng, ban: children of kind DIVISION), by code; empty for a division.',
  })
  async divisions(
    @Root() unit: Organisation,
    @Ctx() context: RequestContext<OrganisationLoaders>,
  ): Promise<Organisation[]> {
    const children = await context.loaders.childrenByParentId.load(unit.id);
    return children.filter((child) => child.kind === OrganisationKind.DIVISION);
  }
}
