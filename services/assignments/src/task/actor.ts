import { todayInVietnam, type RequestContext } from '@giaoviec/shared';
import type { Actor } from './workflow';

/** The acting user of a request, as the history records them. */
export function actorOf(context: RequestContext): Actor {
  const name = context.user ? (context.user.name ?? context.user.id) : 'anonymous';
  return { name, today: todayInVietnam(), requestId: context.requestId };
}
