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
import { assignmentsDataVersions } from './compliance/data-version';
import { TaskResolver } from './task/task.resolver';
import { UnitsAndLeadersThroughTime1764800000000 } from './migrations/1764800000000-UnitsAndLeadersThroughTime';
import { FiguresFromTheRow1764900000000 } from './migrations/1764900000000-FiguresFromTheRow';
import { UnitTaskVersions1765000000000 } from './migrations/1765000000000-UnitTaskVersions';
import { RecordedHolidayYears1765040000000 } from './migrations/1765040000000-RecordedHolidayYears';
import { DatesInTheCalendar1765050000000 } from './migrations/1765050000000-DatesInTheCalendar';
import { TaskEventFeed1765100000000 } from './migrations/1765100000000-TaskEventFeed';
import { TaskUpdatedAtIndex1765110000000 } from './migrations/1765110000000-TaskUpdatedAtIndex';
import { QualityOfResults1765300000000 } from './migrations/1765300000000-QualityOfResults';
import { Coordination1765310000000 } from './migrations/1765310000000-Coordination';
import { Delegation1765320000000 } from './migrations/1765320000000-Delegation';
import { CoordinationFromTheIndex1765330000000 } from './migrations/1765330000000-CoordinationFromTheIndex';
import { DeadlineInForceInPlpgsql1765340000000 } from './migrations/1765340000000-DeadlineInForceInPlpgsql';
import { OpenTasksIndex1765350000000 } from './migrations/1765350000000-OpenTasksIndex';
import { TaskLeadLookupIndex1765360000000 } from './migrations/1765360000000-TaskLeadLookupIndex';
import { FormerLeadsBumped1765370000000 } from './migrations/1765370000000-FormerLeadsBumped';
import { DelegationResolver } from './delegation/delegation.resolver';
import { ContributionRow } from './coordination/contribution.entity';
import {
  ContributionResolver,
  OrganisationCoordinationResolver,
  TaskCoordinationResolver,
} from './coordination/coordination.resolver';
import { Official } from './official/official.type';
import { TaskTransfersResolver, TransferResolver } from './transfer/transfer.resolver';
import { TaskComplianceResolver } from './compliance/task-compliance.resolver';
import { TaskEventResolver } from './event/task-event.resolver';
import { taskReferences } from './task/task.reference';
import { PublicHolidayResolver } from './working-days/holiday.resolver';
import { DailyReminderResolver } from './reminder/daily-run.resolver';
import { Reminders1765200000000 } from './migrations/1765200000000-Reminders';
import { ReminderSchedule1765210000000 } from './migrations/1765210000000-ReminderSchedule';
import { startReminderJob } from './reminder/scheduler';
import { ReminderResolver, TaskRemindersResolver } from './reminder/reminder.resolver';
import { ReminderRow } from './reminder/reminder.entity';
import { ExplanationResolver, TaskExplanationsResolver } from './explanation/explanation.resolver';
import { ExplanationRow } from './explanation/explanation.entity';
import { Explanations1765220000000 } from './migrations/1765220000000-Explanations';
import { OrganisationFollowUpResolver } from './follow-up/follow-up.resolver';
import { reminderSettings } from './reminder/rules';
import { ReportResolver } from './report/report.resolver';
import { TaskOverdueResolver } from './report/task-overdue.resolver';

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
      DailyReminderResolver,
      ReminderResolver,
      TaskRemindersResolver,
      ExplanationResolver,
      TaskExplanationsResolver,
      OrganisationFollowUpResolver,
      ContributionResolver,
      TaskCoordinationResolver,
      OrganisationCoordinationResolver,
      DelegationResolver,
      ReportResolver,
      TaskOverdueResolver,
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
    entities: [
      TaskRow,
      ExtensionRow,
      CompletionReportRow,
      ProgressReportRow,
      TaskHistoryRow,
      ReminderRow,
      ExplanationRow,
      ContributionRow,
    ],
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
      Reminders1765200000000,
      ReminderSchedule1765210000000,
      Explanations1765220000000,
      QualityOfResults1765300000000,
      Coordination1765310000000,
      Delegation1765320000000,
      CoordinationFromTheIndex1765330000000,
      DeadlineInForceInPlpgsql1765340000000,
      OpenTasksIndex1765350000000,
      TaskLeadLookupIndex1765360000000,
      FormerLeadsBumped1765370000000,
    ],
  },
  createLoaders: createAssignmentLoaders,
  dataVersions: assignmentsDataVersions,
  loadDemoData: loadDemoTasks,
  startJobs: (db, log) => startReminderJob({ db, log, settings: reminderSettings() }),
};

export const startAssignmentsService = (options: ServiceOptions) => startService(assignmentsService, options);

export { type TaskRecord, insertTaskRecords, taskRows } from './task/task-records';
export type { TaskEvent } from './task/task-history';
export { complianceBucket, complianceFigures } from './compliance/rules';
export { taskFacts } from './task/deadline';
export { complianceFiguresByGroup } from './compliance/figures.sql';
export { PUBLIC_HOLIDAYS, RECORDED_HOLIDAYS } from './working-days/public-holidays';
export { complianceFiguresStatement } from './compliance/figures.sql';
export { generateProvinceYearByUnit } from './demo/generator';
export { withDemoContributions } from './demo/contributions';
export { leadUnitOn } from './transfer/rules';
export { reminderSettings, reminderTaskOf, remindersOfRuns, type AutomaticReminder } from './reminder/rules';
export { runRemindersOf } from './reminder/daily-run.sql';
export { catchUpReminders, startReminderJob } from './reminder/scheduler';
export { followUpFigures, type FollowUpTask } from './follow-up/rules';
export { followUpByUnit } from './follow-up/figures.sql';
export { coordinationFigures } from './coordination/rules';
export { FEW_UNITS, coordinationFiguresByUnit } from './coordination/figures.sql';
export { breakdownGroups } from './report/breakdown.sql';
export { BREAKDOWN_DIMENSIONS, breakdownValue, countsOf, mergeGroups } from './report/breakdown';
