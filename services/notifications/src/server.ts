import 'reflect-metadata';
import { buildFederatedSchema, startService, type ServiceDefinition, type ServiceOptions } from '@giaoviec/shared';
import { startNotificationWork } from './background';
import { createNotificationLoaders, type NotificationLoaders } from './context';
import { CreateNotifications1766000000000 } from './migrations/1766000000000-CreateNotifications';
import { NotificationResolver } from './inbox/notification.resolver';
import { Inbox1766000000001 } from './migrations/1766000000001-Inbox';
import { Digest1766000000003 } from './migrations/1766000000003-Digest';
import { ToldOncePerTask1766000000004 } from './migrations/1766000000004-ToldOncePerTask';
import { WebhookResolver } from './webhook/webhook.resolver';

/** The notifications subgraph's schema; needs no database (the supergraph is composed from it). */
export function buildNotificationsSchema() {
  return buildFederatedSchema({ resolvers: [WebhookResolver, NotificationResolver], referenceResolvers: {} });
}

/**
 * Notifications (thông báo): webhooks and the inbox, fed by the task and inspection feeds it follows through
 * their subgraphs' APIs. Owns the `notifications` PostgreSQL schema, and its job queue's
 * `notifications_queue`.
 */
export const notificationsService: ServiceDefinition<NotificationLoaders> = {
  name: 'notifications',
  schema: buildNotificationsSchema,
  database: {
    schema: 'notifications',
    entities: [],
    migrations: [
      CreateNotifications1766000000000,
      Inbox1766000000001,
      Digest1766000000003,
      ToldOncePerTask1766000000004,
    ],
  },
  createLoaders: createNotificationLoaders,
  background: startNotificationWork,
};

export const startNotificationsService = (options: ServiceOptions) => startService(notificationsService, options);

export { TASK_EVENT_TYPES } from './feed/event-types';
export { JobQueue, type QueueSettings } from './queue/job-queue';
