import 'reflect-metadata';
import { buildFederatedSchema, startService, type ServiceDefinition, type ServiceOptions } from '@giaoviec/shared';

/** The inspections subgraph's schema; needs no database (the supergraph is composed from it). */
export function buildInspectionsSchema() {
  // Its domain lands with its own issue; until then the subgraph serves only the federation fields.
  return buildFederatedSchema({ resolvers: [] });
}

/** Inspections (kiểm tra): working-group inspections, findings, conclusions, recommendations and their follow-up. Owns the `inspections` PostgreSQL schema. */
export const inspectionsService: ServiceDefinition<Record<string, never>> = {
  name: 'inspections',
  schema: buildInspectionsSchema,
  database: { schema: 'inspections', entities: [], migrations: [] },
  createLoaders: () => ({}),
};

export const startInspectionsService = (options: ServiceOptions) => startService(inspectionsService, options);
