import { loaderById, loaderGroupedBy } from '@giaoviec/shared';
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { ConclusionRow, InspectionRow, RecommendationRow } from './inspection.entity';

/** The DataLoaders of one request: one SQL statement per batch, whatever the number of keys. */
export interface InspectionLoaders {
  inspectionById: DataLoader<string, InspectionRow | null>;
  conclusionById: DataLoader<string, ConclusionRow | null>;
  conclusionsByInspection: DataLoader<string, ConclusionRow[]>;
  recommendationsByInspection: DataLoader<string, RecommendationRow[]>;
  inspectionsByOrganisation: DataLoader<string, InspectionRow[]>;
}

export function createInspectionLoaders(db: DataSource): InspectionLoaders {
  return {
    inspectionById: loaderById(db.getRepository(InspectionRow)),
    conclusionById: loaderById(db.getRepository(ConclusionRow)),
    conclusionsByInspection: loaderGroupedBy(db.getRepository(ConclusionRow), 'inspectionId', { position: 'ASC' }),
    recommendationsByInspection: loaderGroupedBy(db.getRepository(RecommendationRow), 'inspectionId', {
      position: 'ASC',
    }),
    inspectionsByOrganisation: loaderGroupedBy(db.getRepository(InspectionRow), 'organisationId', {
      inspectedOn: 'DESC',
      id: 'DESC',
    }),
  };
}
