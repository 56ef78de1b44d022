import { calendarDateAt, type CalendarDate, type SubgraphName } from '@giaoviec/shared';
import { webhookEventType } from './event-types';

/** An event of a feed as this service keeps it: what a webhook payload and the inbox need. */
export interface FeedEvent {
  /** `<source>:<the feed's id>`, unique across feeds. */
  id: string;
  /** The WebhookEventType. */
  type: string;
  occurredAt: Date;
  on: CalendarDate;
  /** The task or inspection; null for figure signals. */
  subjectId: string | null;
  /** The task's lead and coordinating units, or the inspected unit. */
  organisationIds: string[];
  /** Of a task event: the task's lead unit, its coordinating units and its title, for the inbox. */
  task?: { leadOrganisationId: string; coordinatingOrganisationIds: string[]; title: string };
}

interface FeedPage<Node> {
  edges: Array<{ node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A feed another subgraph serves, read through its GraphQL API (never its tables). */
export interface FeedSource {
  /** The name of its cursor row. */
  feed: 'task' | 'inspection';
  subgraph: SubgraphName;
  query: string;
  page(data: unknown): FeedPage<unknown>;
  event(node: unknown): FeedEvent;
}

interface TaskEventNode {
  id: string;
  type: string;
  occurredAt: string;
  on: CalendarDate;
  task: {
    id: string;
    title: string;
    leadOrganisation: { id: string };
    coordinatingOrganisations: Array<{ id: string }>;
  } | null;
}

interface InspectionEventNode {
  id: string;
  type: string;
  occurredAt: string;
  inspection: { id: string; organisation: { id: string } } | null;
}

export const PAGE_SIZE = 100;

export const TASK_FEED: FeedSource = {
  feed: 'task',
  subgraph: 'assignments',
  query: `query ($after: String) { taskEvents(after: $after, first: ${PAGE_SIZE}) {
    edges { node { id type occurredAt on task { id title leadOrganisation { id } coordinatingOrganisations { id } } } }
    pageInfo { hasNextPage endCursor } } }`,
  page: (data) => (data as { taskEvents: FeedPage<TaskEventNode> }).taskEvents,
  event: (node) => {
    const { id, type, occurredAt, on, task } = node as TaskEventNode;
    return {
      id: `task:${id}`,
      type: webhookEventType('task', type),
      occurredAt: new Date(occurredAt),
      on,
      subjectId: task?.id ?? null,
      organisationIds: task
        ? [...new Set([task.leadOrganisation.id, ...task.coordinatingOrganisations.map((unit) => unit.id)])]
        : [],
      task: task
        ? {
            leadOrganisationId: task.leadOrganisation.id,
            coordinatingOrganisationIds: task.coordinatingOrganisations.map((unit) => unit.id),
            title: task.title,
          }
        : undefined,
    };
  },
};

export const INSPECTION_FEED: FeedSource = {
  feed: 'inspection',
  subgraph: 'inspections',
  query: `query ($after: String) { inspectionEvents(after: $after, first: ${PAGE_SIZE}) {
    edges { node { id type occurredAt inspection { id organisation { id } } } }
    pageInfo { hasNextPage endCursor } } }`,
  page: (data) => (data as { inspectionEvents: FeedPage<InspectionEventNode> }).inspectionEvents,
  event: (node) => {
    const { id, type, occurredAt, inspection } = node as InspectionEventNode;
    return {
      id: `inspection:${id}`,
      type: webhookEventType('inspection', type),
      occurredAt: new Date(occurredAt),
      // The inspection feed carries no date of its own: the day it was recorded, in Vietnam.
      on: calendarDateAt(new Date(occurredAt)),
      subjectId: inspection?.id ?? null,
      organisationIds: inspection ? [inspection.organisation.id] : [],
    };
  },
};

export const FEEDS = [TASK_FEED, INSPECTION_FEED];
