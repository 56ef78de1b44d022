import 'reflect-metadata';
import { buildFederatedSchema, startService, type ServiceDefinition, type ServiceOptions } from '@giaoviec/shared';
import { loadDemoOrganisations } from './demo/load-demo-organisations';
import { CreateOrganisations1764200000000 } from './migrations/1764200000000-CreateOrganisations';
import { CreateIdempotencyKeys1764500000000 } from './migrations/1764500000000-CreateIdempotencyKeys';
import { OrganisationRow } from './organisation/organisation.entity';
import { createOrganisationLoaders, type OrganisationLoaders } from './organisation/organisation.loaders';
import { organisationReference } from './organisation/organisation.reference';
import { OrganisationResolver } from './organisation/organisation.resolver';
import { OfficialRow, TermOfOfficeRow } from './official/official.entity';
import {
  OfficialResolver,
  OrganisationLeadersResolver,
  TermOfOfficeResolver,
  officialReference,
} from './official/official.resolver';
import { ContactEmail1766000000002 } from './migrations/1766000000002-ContactEmail';
import { DataVersion1766000000010 } from './migrations/1766000000010-DataVersion';
import { organisationsDataVersions } from './data-version/data-version';
import { UnitsThroughTime1764700000000 } from './migrations/1764700000000-UnitsThroughTime';
import { Divisions1765330000000 } from './migrations/1765330000000-Divisions';
import { DivisionResolver } from './division/division.resolver';
import { FormerNameRow, RestructuringEventRow, RestructuringLinkRow } from './restructuring/restructuring.entity';
import { RestructuringResolver } from './restructuring/restructuring.resolver';

/** The organisations subgraph's schema; needs no database (the supergraph is composed from it). */
export function buildOrganisationsSchema() {
  return buildFederatedSchema({
    resolvers: [
      OrganisationResolver,
      RestructuringResolver,
      OfficialResolver,
      TermOfOfficeResolver,
      OrganisationLeadersResolver,
      DivisionResolver,
    ],
    referenceResolvers: { ...organisationReference, ...officialReference },
  });
}

/** Organisations (đơn vị): units, their hierarchy and their changes through time, and officials. Owns the `organisations` PostgreSQL schema. */
export const organisationsService: ServiceDefinition<OrganisationLoaders> = {
  name: 'organisations',
  schema: buildOrganisationsSchema,
  database: {
    schema: 'organisations',
    entities: [
      OrganisationRow,
      FormerNameRow,
      RestructuringEventRow,
      RestructuringLinkRow,
      OfficialRow,
      TermOfOfficeRow,
    ],
    migrations: [
      CreateOrganisations1764200000000,
      CreateIdempotencyKeys1764500000000,
      UnitsThroughTime1764700000000,
      Divisions1765330000000,
      ContactEmail1766000000002,
      DataVersion1766000000010,
    ],
  },
  createLoaders: createOrganisationLoaders,
  dataVersions: organisationsDataVersions,
  loadDemoData: loadDemoOrganisations,
};

export const startOrganisationsService = (options: ServiceOptions) => startService(organisationsService, options);
