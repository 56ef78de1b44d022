import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/** Who sends the request, as the gateway verified it. */
export interface RequestUser {
  id: string;
  name?: string;
  roles: string[];
  /** The user's organisation, for unit roles. */
  organisationId?: string;
}

/** What every resolver of every subgraph receives. */
export interface RequestContext<Loaders = unknown> {
  requestId: string;
  /** The user the gateway verified (null only in the gateway before authentication). */
  user: RequestUser | null;
  /** The gateway's proof of that user, forwarded when this service asks another. */
  userToken: string;
  log: Logger;
  /** The service's own database (its PostgreSQL schema only). */
  db: DataSource;
  /** DataLoaders made for this request only, so batching and caching never cross requests. */
  loaders: Loaders;
}

export const REQUEST_ID_HEADER = 'x-request-id';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request id sent by the gateway (or a client), or a new one when absent or malformed. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const sent = headers[REQUEST_ID_HEADER];
  return typeof sent === 'string' && REQUEST_ID_PATTERN.test(sent) ? sent : randomUUID();
}
