import 'reflect-metadata';
import { buildFederatedSchema, startService, type ServiceDefinition, type ServiceOptions } from '@giaoviec/shared';

/** The assignments subgraph's schema; needs no database (the supergraph is composed from it). */
export function buildAssignmentsSchema() {
  // Its domain lands with its own issue; until then the subgraph serves only the federation fields.
  return buildFederatedSchema({ resolvers: [] });
}

/** Assignments (giao việc): tasks, documents, deadlines, extensions, progress, completion and the compliance figures. Owns the `assignments` PostgreSQL schema. */
export const assignmentsService: ServiceDefinition<Record<string, never>> = {
  name: 'assignments',
  schema: buildAssignmentsSchema,
  database: { schema: 'assignments', entities: [], migrations: [] },
  createLoaders: () => ({}),
};

export const startAssignmentsService = (options: ServiceOptions) => startService(assignmentsService, options);
