import 'reflect-metadata';
import { buildFederatedSchema, startService, type ServiceDefinition, type ServiceOptions } from '@giaoviec/shared';
import { loadDemoInspection } from './demo/load-demo-inspection';
import { ConclusionRow, InspectionRow, RecommendationRow } from './inspection/inspection.entity';
import { createInspectionLoaders, type InspectionLoaders } from './inspection/inspection.loaders';
import {
  ConclusionResolver,
  InspectionResolver,
  OrganisationInspectionsResolver,
  inspectionReferences,
} from './inspection/inspection.resolver';
import { CreateInspections1764400000000 } from './migrations/1764400000000-CreateInspections';
import { CreateIdempotencyKeys1764500000000 } from './migrations/1764500000000-CreateIdempotencyKeys';
import { InspectionEvents1765100000000 } from './migrations/1765100000000-InspectionEvents';
import { InspectionEventResolver } from './event/inspection-event.resolver';

/** The inspections subgraph's schema; needs no database (the supergraph is composed from it). */
export function buildInspectionsSchema() {
  return buildFederatedSchema({
    resolvers: [InspectionResolver, ConclusionResolver, OrganisationInspectionsResolver, InspectionEventResolver],
    referenceResolvers: inspectionReferences,
  });
}

/**
 * Inspections (kiểm tra): working-group inspections, findings, conclusions, recommendations and
 * their follow-up. Owns the `inspections` PostgreSQL schema.
 */
export const inspectionsService: ServiceDefinition<InspectionLoaders> = {
  name: 'inspections',
  schema: buildInspectionsSchema,
  database: {
    schema: 'inspections',
    entities: [InspectionRow, ConclusionRow, RecommendationRow],
    migrations: [CreateInspections1764400000000, CreateIdempotencyKeys1764500000000, InspectionEvents1765100000000],
  },
  createLoaders: createInspectionLoaders,
  loadDemoData: loadDemoInspection,
};

export const startInspectionsService = (options: ServiceOptions) => startService(inspectionsService, options);
