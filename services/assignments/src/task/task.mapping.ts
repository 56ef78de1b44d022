import type { CompletionReportRow, TaskHistoryRow } from './reports.entity';
import type { TaskRow } from './task.entity';
import { AssignerKindEnum, CompletionReportStatusEnum, TaskPriorityEnum, TaskStatusEnum } from './task.enums';
import type { CompletionReport, Task, TaskFieldChange, TaskHistoryEntry } from './task.type';

/** A stored task as the GraphQL type: field by field, so a column added to one is not silently missing. */
export function taskOf(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: TaskStatusEnum[row.status],
    assignedOn: row.assignedOn,
    dueOn: row.dueOn,
    originalDueOn: row.originalDueOn,
    coordinationDueOn: row.coordinationDueOn,
    completedOn: row.completedOn,
    withdrawnOn: row.withdrawnOn,
    assignerKind: AssignerKindEnum[row.assignerKind],
    assignerName: row.assignerName,
    deadlineWorkingDays: row.deadlineWorkingDays,
    priority: TaskPriorityEnum[row.priority],
    originConclusionId: row.originConclusionId,
    version: row.version,
    leadOrganisationId: row.leadOrganisationId,
    parentId: row.parentId,
    assigningOrganisationId: row.assigningOrganisationId,
    coordinatingOrganisationIds: row.coordinatingOrganisationIds,
    documentNumber: row.documentNumber,
    documentKind: row.documentKind,
    documentIssuedOn: row.documentIssuedOn,
    documentSigner: row.documentSigner,
    extensionDecidedOn: row.extensionDecidedOn,
    extensionDueOn: row.extensionDueOn,
    assignedByOfficialId: row.assignedByOfficialId,
    leadTransferredOn: row.leadTransferredOn,
    leadTransferredFrom: row.leadTransferredFrom,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** `taskOf` for a row that may be missing. */
export const taskOrNull = (row: TaskRow | null): Task | null => (row === null ? null : taskOf(row));

export function completionReportOf(row: CompletionReportRow): CompletionReport {
  return {
    id: row.id,
    submittedOn: row.submittedOn,
    completedOn: row.completedOn,
    note: row.note,
    status: CompletionReportStatusEnum[row.status],
    decidedOn: row.decidedOn,
    decisionNote: row.decisionNote,
    quality: row.quality,
  };
}

/** A history row as the GraphQL type: the reason and the corrected fields are read from its details. */
export function historyEntryOf(row: TaskHistoryRow): TaskHistoryEntry {
  const details = row.details as { reason?: unknown; changes?: TaskFieldChange[] };
  return {
    at: row.at.toISOString(),
    onDate: row.onDate,
    action: row.action,
    actor: row.actor,
    details: details as Record<string, unknown>,
    reason: typeof details.reason === 'string' ? details.reason : null,
    changes: Array.isArray(details.changes) ? details.changes : [],
  };
}
