import 'reflect-metadata';
import { buildFederatedSchema, startService, type ServiceDefinition, type ServiceOptions } from '@giaoviec/shared';
import { ComplianceSummaryResolver } from './compliance/compliance.resolver';
import { CorrectionResolver } from './correction/correction.resolver';
import { loadDemoTasks } from './demo/load-demo-tasks';
import { ExtensionRow } from './task/extension.entity';
import { ExtensionResolver, TaskExtensionsResolver } from './extension/extension.resolver';
import { Conclusion, Inspection } from './inspection/inspection.type';
import { CreateTasks1764300000000 } from './migrations/1764300000000-CreateTasks';
import { CreateIdempotencyKeys1764500000000 } from './migrations/1764500000000-CreateIdempotencyKeys';
import { InlineDeadlineShortcut1764600000000 } from './migrations/1764600000000-InlineDeadlineShortcut';
import {
  ConclusionFollowUpResolver,
  InspectionComplianceResolver,
  inspectionReferences,
} from './inspection/inspection.resolver';
import { OrganisationAssignmentsResolver, organisationReferenceResolver } from './organisation/organisation.resolver';
import { CompletionReportRow, ProgressReportRow, TaskHistoryRow } from './task/reports.entity';
import { TaskRow } from './task/task.entity';
import { createAssignmentLoaders, type AssignmentLoaders } from './context';
import { TaskResolver } from './task/task.resolver';
import { UnitsAndLeadersThroughTime1764800000000 } from './migrations/1764800000000-UnitsAndLeadersThroughTime';
import { FiguresFromTheRow1764900000000 } from './migrations/1764900000000-FiguresFromTheRow';
import { UnitTaskVersions1765000000000 } from './migrations/1765000000000-UnitTaskVersions';
import { RecordedHolidayYears1765040000000 } from './migrations/1765040000000-RecordedHolidayYears';
import { DatesInTheCalendar1765050000000 } from './migrations/1765050000000-DatesInTheCalendar';
import { TaskEventFeed1765100000000 } from './migrations/1765100000000-TaskEventFeed';
import { TaskUpdatedAtIndex1765110000000 } from './migrations/1765110000000-TaskUpdatedAtIndex';
import { Official } from './official/official.type';
import { TaskTransfersResolver, TransferResolver } from './transfer/transfer.resolver';
import { TaskComplianceResolver } from './compliance/task-compliance.resolver';
import { TaskEventResolver } from './event/task-event.resolver';
import { taskReferences } from './task/task.reference';
import { PublicHolidayResolver } from './working-days/holiday.resolver';

/** The assignments subgraph's schema; needs no database (the supergraph is composed from it). */
export function buildAssignmentsSchema() {
  return buildFederatedSchema({
    resolvers: [
      TaskResolver,
      ExtensionResolver,
      TaskExtensionsResolver,
      ComplianceSummaryResolver,
      OrganisationAssignmentsResolver,
      InspectionComplianceResolver,
      ConclusionFollowUpResolver,
      TransferResolver,
      CorrectionResolver,
      TaskEventResolver,
      TaskTransfersResolver,
      TaskComplianceResolver,
      PublicHolidayResolver,
    ],
    // Reached only through the gateway: no field of this subgraph returns them.
    orphanedTypes: [Inspection, Conclusion, Official],
    referenceResolvers: { ...organisationReferenceResolver, ...inspectionReferences, ...taskReferences },
  });
}

/**
 * Assignments (giao việc): tasks, documents, deadlines, extensions, progress, completion and the
 * compliance figures. Owns the `assignments` PostgreSQL schema.
 */
export const assignmentsService: ServiceDefinition<AssignmentLoaders> = {
  name: 'assignments',
  schema: buildAssignmentsSchema,
  database: {
    schema: 'assignments',
    entities: [TaskRow, ExtensionRow, CompletionReportRow, ProgressReportRow, TaskHistoryRow],
    migrations: [
      CreateTasks1764300000000,
      CreateIdempotencyKeys1764500000000,
      InlineDeadlineShortcut1764600000000,
      UnitsAndLeadersThroughTime1764800000000,
      FiguresFromTheRow1764900000000,
      UnitTaskVersions1765000000000,
      RecordedHolidayYears1765040000000,
      DatesInTheCalendar1765050000000,
      TaskEventFeed1765100000000,
      TaskUpdatedAtIndex1765110000000,
    ],
  },
  createLoaders: createAssignmentLoaders,
  loadDemoData: loadDemoTasks,
};

export const startAssignmentsService = (options: ServiceOptions) => startService(assignmentsService, options);

export { type TaskRecord, insertTaskRecords, taskRows } from './task/task-records';
export type { TaskEvent } from './task/task-history';
export { complianceBucket, complianceFigures } from './compliance/rules';
export { taskFacts } from './task/deadline';
export { complianceFiguresByGroup } from './compliance/figures.sql';
export { PUBLIC_HOLIDAYS } from './working-days/public-holidays';
export { complianceFiguresStatement } from './compliance/figures.sql';
export { generateProvinceYearByUnit } from './demo/generator';
export { leadUnitOn } from './transfer/rules';
