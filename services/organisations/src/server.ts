import 'reflect-metadata';
import { buildFederatedSchema, startService, type ServiceDefinition, type ServiceOptions } from '@giaoviec/shared';
import { loadDemoOrganisations } from './demo/load-demo-organisations';
import { CreateOrganisations1764200000000 } from './migrations/1764200000000-CreateOrganisations';
import { CreateIdempotencyKeys1764500000000 } from './migrations/1764500000000-CreateIdempotencyKeys';
import { OrganisationRow } from './organisation/organisation.entity';
import { createOrganisationLoaders, type OrganisationLoaders } from './organisation/organisation.loaders';
import { organisationReference } from './organisation/organisation.reference';
import { OrganisationResolver } from './organisation/organisation.resolver';

/** The organisations subgraph's schema; needs no database (the supergraph is composed from it). */
export function buildOrganisationsSchema() {
  return buildFederatedSchema({ resolvers: [OrganisationResolver], referenceResolvers: organisationReference });
}

/** Organisations (đơn vị): units, their hierarchy. Owns the `organisations` PostgreSQL schema. */
export const organisationsService: ServiceDefinition<OrganisationLoaders> = {
  name: 'organisations',
  schema: buildOrganisationsSchema,
  database: {
    schema: 'organisations',
    entities: [OrganisationRow],
    migrations: [CreateOrganisations1764200000000, CreateIdempotencyKeys1764500000000],
  },
  createLoaders: createOrganisationLoaders,
  loadDemoData: loadDemoOrganisations,
};

export const startOrganisationsService = (options: ServiceOptions) => startService(organisationsService, options);
