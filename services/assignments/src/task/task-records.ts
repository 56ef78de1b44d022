import { foldForSearch, uuidFromName, type CalendarDate } from '@giaoviec/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { ContributionRow } from '../coordination/contribution.entity';
import { ExtensionRow } from './extension.entity';
import { CompletionReportRow, ProgressReportRow, TaskHistoryRow } from './reports.entity';

import type { AssignerKind, DocumentKind, TaskEvent, TaskPriority } from './task-history';
import { deadlineInForce } from './deadline';
import { foldHistory } from './lifecycle';
import { TaskRow } from './task.entity';

/** A task with its whole history, as the demo data and generators describe it. */
export interface TaskRecord {
  id: string;
  title: string;
  description: string | null;
  document: { number: string; kind: DocumentKind; issuedOn: CalendarDate; signer: string | null } | null;
  assignerKind: AssignerKind;
  assignerName: string | null;
  /** The leader who assigned it, when known. */
  assignedByOfficialId?: string | null;
  leadOrganisationId: string;
  coordinatingOrganisationIds: string[];
  /** The coordinating units' own deadline, when set. */
  coordinationDueOn?: CalendarDate | null;
  priority: TaskPriority;
  originConclusionId?: string | null;
  /** For a sub-task: its parent and the parent's lead unit. */
  parentId?: string | null;
  assigningOrganisationId?: string | null;
  events: TaskEvent[];
}

export interface TaskRows {
  task: TaskRow;
  extensions: ExtensionRow[];
  completionReports: CompletionReportRow[];
  progressReports: ProgressReportRow[];
  contributions: ContributionRow[];
  history: Array<Omit<TaskHistoryRow, 'id' | 'at'>>;
}

const FAR_FUTURE = '9999-12-31' as CalendarDate;

/**
 * The rows a task's history leaves, exactly as the workflow would have written them: the
 * lifecycle folds the history (and refuses one the workflow would have refused), the rows of its
 * requests and reports follow the events.
 */
export function taskRows(record: TaskRecord, actor: string): TaskRows {
  const { state: facts, refusals } = foldHistory(record.events);
  if (facts === null || refusals.length > 0) {
    const [first] = refusals;
    throw new Error(`task ${record.id}: event #${first?.index ?? 0} refused: ${first?.refusal.message ?? ''}`);
  }
  const extensions = new Map<string, ExtensionRow>();
  const completionReports: CompletionReportRow[] = [];
  const progressReports: ProgressReportRow[] = [];
  const contributions: ContributionRow[] = [];
  for (const [index, event] of record.events.entries()) {
    switch (event.type) {
      case 'PROGRESS_REPORTED':
        progressReports.push({
          id: uuidFromName(`progress:${record.id}:${index}`),
          taskId: record.id,
          reportedOn: event.on,
          percentComplete: event.percentComplete,
          note: event.note,
        });
        break;
      case 'EXTENSION_REQUESTED':
        extensions.set(event.extensionId, {
          id: event.extensionId,
          taskId: record.id,
          requestedOn: event.on,
          proposedDueOn: event.proposedDueOn,
          reason: event.reason,
          status: 'PENDING',
          decidedOn: null,
          decisionNote: null,
        });
        break;
      case 'EXTENSION_APPROVED':
      case 'EXTENSION_REJECTED':
        Object.assign(extensions.get(event.extensionId)!, {
          status: event.type === 'EXTENSION_APPROVED' ? 'APPROVED' : 'REJECTED',
          decidedOn: event.on,
          decisionNote: event.note ?? null,
        });
        break;
      case 'COMPLETION_SUBMITTED':
        completionReports.push({
          id: uuidFromName(`completion:${record.id}:${index}`),
          taskId: record.id,
          submittedOn: event.on,
          completedOn: event.completedOn,
          note: event.note,
          status: 'SUBMITTED',
          decidedOn: null,
          decisionNote: null,
          quality: null,
        });
        break;
      case 'CONTRIBUTION_SUBMITTED':
        contributions.push({
          id: uuidFromName(`contribution:${record.id}:${index}`),
          taskId: record.id,
          organisationId: event.organisationId,
          submittedOn: event.on,
          note: event.note,
        });
        break;
      case 'COMPLETION_CONFIRMED':
      case 'COMPLETION_RETURNED':
        Object.assign(completionReports.at(-1)!, {
          status: event.type === 'COMPLETION_CONFIRMED' ? 'CONFIRMED' : 'RETURNED',
          decidedOn: event.on,
          decisionNote: event.type === 'COMPLETION_RETURNED' ? event.reason : null,
          quality: event.type === 'COMPLETION_CONFIRMED' ? (event.quality ?? null) : null,
        });
        break;
      default:
        break;
    }
  }
  const { document } = record;
  const loadedAt = new Date();
  const task: TaskRow = {
    id: record.id,
    title: record.title,
    description: record.description,
    documentNumber: document?.number ?? null,
    documentKind: document?.kind ?? null,
    documentIssuedOn: document?.issuedOn ?? null,
    documentSigner: document?.signer ?? null,
    assignedOn: facts.assignedOn,
    assignerKind: record.assignerKind,
    assignerName: record.assignerName,
    leadOrganisationId: record.leadOrganisationId,
    coordinatingOrganisationIds: record.coordinatingOrganisationIds,
    originalDueOn: facts.originalDueOn,
    coordinationDueOn: record.coordinationDueOn ?? null,
    priority: record.priority,
    originConclusionId: record.originConclusionId ?? null,
    status: facts.status,
    parentId: record.parentId ?? null,
    assigningOrganisationId: record.assigningOrganisationId ?? null,
    dueOn: deadlineInForce(facts, FAR_FUTURE),
    extensionDecidedOn: facts.approvedExtensions.map((extension) => extension.decidedOn),
    extensionDueOn: facts.approvedExtensions.map((extension) => extension.newDueOn),
    leadTransferredOn: [],
    leadTransferredFrom: [],
    assignedByOfficialId: record.assignedByOfficialId ?? null,
    deadlineWorkingDays: null,
    completedOn: facts.completedOn,
    withdrawnOn: facts.withdrawnOn,
    quality: facts.quality ?? null,
    searchText: searchTextOf(record.title, document?.number ?? null),
    version: record.events.length,
    createdAt: loadedAt,
    updatedAt: loadedAt,
  };
  const history = record.events.map(({ type, on, ...details }) => ({
    taskId: record.id,
    onDate: on,
    action: type,
    actor,
    details: details as Record<string, unknown>,
  }));
  return { task, extensions: [...extensions.values()], completionReports, progressReports, contributions, history };
}

/** What text search looks in: the title and the document number, folded. */
export function searchTextOf(title: string, documentNumber: string | null): string {
  return foldForSearch(`${title} ${documentNumber ?? ''}`);
}

const CHUNK = 1000;

async function insertChunked<T extends object>(manager: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await manager.getRepository(entity).insert(rows.slice(start, start + CHUNK) as never);
  }
}

/** Writes whole task histories in one transaction, with multi-row inserts. */
export async function insertTaskRecords(db: DataSource, records: readonly TaskRecord[], actor: string): Promise<void> {
  const all = records.map((record) => taskRows(record, actor));
  await db.transaction(async (manager) => {
    await insertChunked(
      manager,
      TaskRow,
      all.map((rows) => rows.task),
    );
    await insertChunked(
      manager,
      ExtensionRow,
      all.flatMap((rows) => rows.extensions),
    );
    await insertChunked(
      manager,
      CompletionReportRow,
      all.flatMap((rows) => rows.completionReports),
    );
    await insertChunked(
      manager,
      ProgressReportRow,
      all.flatMap((rows) => rows.progressReports),
    );
    await insertChunked(
      manager,
      ContributionRow,
      all.flatMap((rows) => rows.contributions),
    );
    await insertChunked(manager, TaskHistoryRow, all.flatMap((rows) => rows.history) as TaskHistoryRow[]);
  });
}
