import {
  BadUserInputError,
  decodeCursor,
  encodeCursor,
  isUuid,
  ownUnitOnly,
  pageSize,
  runIdempotently,
  type RequestUser,
} from '@giaoviec/shared';
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../context';
import { markRead, notificationPage, unreadCount, visibleIds, type Reader } from './notification.store';
import {
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  MyNotificationsArgs,
  NotificationConnection,
} from './notification.type';

/** The inbox a user reads: the Office's for OFFICE, its unit's for a UNIT user. */
function readerOf(user: RequestUser): Reader {
  const own = user.roles.includes('UNIT') ? (ownUnitOnly(user) ?? user.organisationId ?? null) : null;
  return { userId: user.id, office: user.roles.includes('OFFICE'), organisationId: own || null };
}

@Resolver()
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, {
    description:
      "The signed-in user's inbox (thông báo), newest first: its unit's for a unit's staff, the Office's for OFFICE. Read state is per user.",
  })
  async myNotifications(
    @Args(() => MyNotificationsArgs) { first, after, unreadOnly }: MyNotificationsArgs,
    @Ctx() context: NotificationsContext,
  ): Promise<NotificationConnection> {
    const size = pageSize(first);
    const position = after ? decodeCursor(after, [(part) => !Number.isNaN(Date.parse(part)), isUuid]) : null;
    const { rows, unread } = await notificationPage(context.db, readerOf(context.user!), {
      limit: size + 1,
      unreadOnly: unreadOnly ?? false,
      after: position ? { createdAt: position[0]!, id: position[1]! } : null,
    });
    const edges = rows.slice(0, size).map((row) => ({
      cursor: encodeCursor([row.created_at.toISOString(), row.id]),
      node: {
        id: row.id,
        kind: row.kind,
        createdAt: row.created_at,
        readAt: row.read_at,
        text: row.text,
        task: row.task_id ? { id: row.task_id } : null,
      },
    }));
    return {
      unreadCount: unread,
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Authorized()
  @Mutation(() => MarkNotificationsReadPayload, {
    description:
      'Marks notifications of your inbox read, for you only: `ids` (BAD_USER_INPUT for one not in your inbox, nothing marked) or `all: true`.',
  })
  async markNotificationsRead(
    @Arg('input', () => MarkNotificationsReadInput, { description: 'Which (see `MarkNotificationsReadInput`).' })
    input: MarkNotificationsReadInput,
    @Ctx() context: NotificationsContext,
  ): Promise<MarkNotificationsReadPayload> {
    const reader = readerOf(context.user!);
    const ids = input.ids ? [...new Set(input.ids)] : null;
    if ((ids === null) === !input.all) throw new BadUserInputError('Give either ids or all: true', 'ids');
    if (ids && (ids.length < 1 || ids.length > 100)) throw new BadUserInputError('ids must name 1 to 100', 'ids');
    if (ids && !ids.every(isUuid)) throw new BadUserInputError('ids holds an id that is no notification', 'ids');
    return runIdempotently(
      context.db,
      'notifications',
      { userId: reader.userId, operation: 'markNotificationsRead', input },
      async (tx) => {
        if (ids) {
          const visible = await visibleIds(tx, reader, ids);
          if (visible.size !== ids.length)
            throw new BadUserInputError('ids holds a notification not in your inbox', 'ids');
        }
        await markRead(tx, reader, ids);
        return { unreadCount: await unreadCount(tx, reader) };
      },
    );
  }
}
