import { loaderByArguments, type RequestContext } from '@giaoviec/shared';
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { deliveryPages, type DeliveryPageKey, type DeliveryRow } from './webhook/webhook.store';

type PageArgs = Omit<DeliveryPageKey, 'webhookIds'>;

/** The DataLoaders of one request. */
export interface NotificationLoaders {
  /** A page of each webhook's deliveries: one statement per distinct page arguments. */
  deliveryPage: DataLoader<{ id: string; args: PageArgs }, DeliveryRow[], string>;
}

export function createNotificationLoaders(db: DataSource): NotificationLoaders {
  return {
    deliveryPage: loaderByArguments<PageArgs, DeliveryRow[]>(
      (args, webhookIds) => deliveryPages(db, { ...args, webhookIds }),
      () => [],
    ),
  };
}

export type NotificationsContext = RequestContext<NotificationLoaders>;
