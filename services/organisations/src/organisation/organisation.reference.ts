import type { RequestContext } from '@giaoviec/shared';
import type { OrganisationLoaders } from './organisation.loaders';

/**
 * `__resolveReference` for `Organisation`: the gateway sends one reference per row, and the
 * request's DataLoader turns them all into one SQL statement.
 */
export const organisationReference = {
  Organisation: {
    __resolveReference(reference: { id: string }, context: RequestContext<OrganisationLoaders>) {
      return context.loaders.organisationById.load(reference.id);
    },
  },
};
