import { ForbiddenError, todayInVietnam, type RequestContext } from '@giaoviec/shared';
import type { Actor } from './workflow';

/** The acting user of a request, as the workflow checks and the history records them. */
export function actorOf(context: RequestContext): Actor {
  if (!context.user) throw new ForbiddenError();
  return {
    user: context.user,
    name: context.user.name ?? context.user.id,
    today: todayInVietnam(),
    requestId: context.requestId,
    userToken: context.userToken,
  };
}
