import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  cleanText,
  decodeCursor,
  encodeCursor,
  existingEntityIds,
  isUuid,
  pageSize,
  runIdempotently,
} from '@giaoviec/shared';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { NotificationsContext } from '../context';
import { WEBHOOK_EVENT_TYPES } from '../feed/event-types';
import { inScope, ownerScope } from './owner-scope';
import { newWebhookSecret } from './signing';
import { resolveAll } from './transport';
import { checkWebhookUrl, checkedAddress, urlPolicyFromEnvironment } from './url-policy';
import {
  CreateWebhookInput,
  DeleteWebhookInput,
  RedeliverWebhookDeliveryInput,
  RotateWebhookSecretInput,
} from './webhook.inputs';
import {
  deleteWebhook,
  deliveryOf,
  insertWebhook,
  listWebhooks,
  lockDelivery,
  lockWebhook,
  resetDelivery,
  rotateSecret,
} from './webhook.store';
import {
  CreateWebhookPayload,
  DeleteWebhookPayload,
  RotateWebhookSecretPayload,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryArgs,
  WebhookDeliveryConnection,
} from './webhook.type';

/** How long the previous secret goes on signing after a rotation. */
const ROTATION_OVERLAP_MS = 24 * 60 * 60_000;
const SCHEMA = 'notifications';

/** The Office manages every webhook; anyone else only their own. */
const managesAll = (context: NotificationsContext) => context.user!.roles.includes('OFFICE');

function requireManaged(context: NotificationsContext, ownerId: string | undefined, what: string): void {
  if (ownerId === undefined || (ownerId !== context.user!.id && !managesAll(context)))
    throw new NotFoundError(`No ${what} with this id`);
}

/** Reads the revived dates of a stored idempotent result. */
const revivedWebhook = (webhook: Webhook): Webhook => ({
  ...webhook,
  createdAt: new Date(webhook.createdAt),
  failingSince: webhook.failingSince && new Date(webhook.failingSince),
});

@Resolver(() => Webhook)
export class WebhookResolver {
  @Authorized()
  @Query(() => [Webhook], { description: "The caller's webhooks (the Office: everyone's), oldest first." })
  webhooks(@Ctx() context: NotificationsContext): Promise<Webhook[]> {
    return listWebhooks(context.db, managesAll(context) ? null : context.user!.id);
  }

  @Authorized()
  @Mutation(() => CreateWebhookPayload, {
    description:
      'Subscribes a URL to events the caller may read: BAD_USER_INPUT for a URL that is not allowed (production: https to a public address), FORBIDDEN for events the caller may not read; nothing is stored then.',
  })
  async createWebhook(
    @Arg('input', () => CreateWebhookInput, { description: 'The webhook (see `CreateWebhookInput`).' })
    input: CreateWebhookInput,
    @Ctx() context: NotificationsContext,
  ): Promise<CreateWebhookPayload> {
    const user = context.user!;
    const policy = urlPolicyFromEnvironment();
    const url = checkWebhookUrl(input.url, policy);
    // Every address the name resolves to now must be allowed (each delivery checks again).
    await checkedAddress(url, policy, resolveAll).catch((error: Error) => {
      throw new BadUserInputError(`url is not allowed: ${error.message}`, 'url');
    });
    const eventTypes = [...new Set(input.eventTypes)];
    if (eventTypes.length < 1 || eventTypes.length > 30)
      throw new BadUserInputError('eventTypes must name 1 to 30 kinds of event', 'eventTypes');
    const unknown = eventTypes.find((type) => !WEBHOOK_EVENT_TYPES.includes(type));
    if (unknown) throw new BadUserInputError(`${unknown} is not a WebhookEventType`, 'eventTypes');
    const scope = ownerScope(user);
    if (!scope) throw new ForbiddenError('Your roles let you read no events');
    if (scope.figuresOnly && eventTypes.some((type) => !inScope(scope, type, [])))
      throw new ForbiddenError('A READER may receive FIGURES_CHANGED only');
    const organisationIds = input.organisationIds ? [...new Set(input.organisationIds)] : null;
    if (organisationIds) {
      if (organisationIds.length < 1 || organisationIds.length > 100)
        throw new BadUserInputError('organisationIds must name 1 to 100 units', 'organisationIds');
      if (scope.organisationId !== null && organisationIds.some((id) => id !== scope.organisationId))
        throw new ForbiddenError("A unit user may only receive its own unit's events");
      const known = organisationIds.every(isUuid)
        ? await existingEntityIds('organisations', 'Organisation', organisationIds, context)
        : new Set<string>();
      const missing = organisationIds.find((id) => !known.has(id));
      if (missing) throw new BadUserInputError(`No organisation ${missing}`, 'organisationIds');
    }
    const description =
      input.description === null || input.description === undefined
        ? null
        : cleanText(input.description, { field: 'description', max: 500 });
    return runIdempotently(
      context.db,
      SCHEMA,
      { userId: user.id, operation: 'createWebhook', input },
      async (tx) => {
        const secret = newWebhookSecret();
        const webhook = await insertWebhook(tx, {
          owner: {
            id: user.id,
            name: user.name ?? null,
            roles: user.roles,
            organisationId: user.organisationId ?? null,
          },
          scope,
          url: url.toString(),
          eventTypes,
          organisationIds,
          description,
          secret,
        });
        context.log.info({ webhook: webhook.id, url: webhook.url, eventTypes }, 'webhook created');
        return { secret, webhook };
      },
      (stored) => ({ ...stored, webhook: revivedWebhook(stored.webhook) }),
    );
  }

  @Authorized()
  @Mutation(() => RotateWebhookSecretPayload, {
    description: 'A new signing secret; deliveries are signed with both for the next 24 hours.',
  })
  async rotateWebhookSecret(
    @Arg('input', () => RotateWebhookSecretInput, { description: 'The webhook.' }) input: RotateWebhookSecretInput,
    @Ctx() context: NotificationsContext,
  ): Promise<RotateWebhookSecretPayload> {
    return runIdempotently(
      context.db,
      SCHEMA,
      { userId: context.user!.id, operation: 'rotateWebhookSecret', input },
      async (tx) => {
        const webhook = isUuid(input.webhookId) ? await lockWebhook(tx, input.webhookId) : null;
        requireManaged(context, webhook?.ownerId, 'webhook');
        const secret = newWebhookSecret();
        await rotateSecret(tx, webhook!.id, secret, new Date(Date.now() + ROTATION_OVERLAP_MS));
        context.log.info({ webhook: webhook!.id }, 'webhook secret rotated');
        return { secret, webhook: webhook! };
      },
      (stored) => ({ ...stored, webhook: revivedWebhook(stored.webhook) }),
    );
  }

  @Authorized()
  @Mutation(() => DeleteWebhookPayload, { description: 'Deletes a webhook and its deliveries; nothing more is sent.' })
  async deleteWebhook(
    @Arg('input', () => DeleteWebhookInput, { description: 'The webhook.' }) input: DeleteWebhookInput,
    @Ctx() context: NotificationsContext,
  ): Promise<DeleteWebhookPayload> {
    return runIdempotently(
      context.db,
      SCHEMA,
      { userId: context.user!.id, operation: 'deleteWebhook', input },
      async (tx) => {
        const webhook = isUuid(input.webhookId) ? await lockWebhook(tx, input.webhookId) : null;
        requireManaged(context, webhook?.ownerId, 'webhook');
        await deleteWebhook(tx, webhook!.id);
        context.log.info({ webhook: webhook!.id }, 'webhook deleted');
        return { id: webhook!.id };
      },
    );
  }

  @Authorized()
  @Mutation(() => WebhookDelivery, {
    description:
      'Sends a delivery again now, whatever its status, with the same `webhook-id`; retried as a new delivery would be.',
  })
  async redeliverWebhookDelivery(
    @Arg('input', () => RedeliverWebhookDeliveryInput, { description: 'The delivery.' })
    input: RedeliverWebhookDeliveryInput,
    @Ctx() context: NotificationsContext,
  ): Promise<WebhookDelivery> {
    return runIdempotently(
      context.db,
      SCHEMA,
      { userId: context.user!.id, operation: 'redeliverWebhookDelivery', input },
      async (tx) => {
        const delivery = isUuid(input.deliveryId) ? await lockDelivery(tx, input.deliveryId) : null;
        requireManaged(context, delivery?.owner_id, 'delivery');
        const row = await resetDelivery(tx, delivery!.id);
        context.log.info({ delivery: row.id }, 'webhook delivery sent again');
        return deliveryOf(row);
      },
      (stored) => stored,
    );
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Its deliveries, newest first.' })
  async deliveries(
    @Root() webhook: Webhook,
    @Args(() => WebhookDeliveryArgs) { first, after }: WebhookDeliveryArgs,
    @Ctx() context: NotificationsContext,
  ): Promise<WebhookDeliveryConnection> {
    const size = pageSize(first);
    const position = after ? decodeCursor(after, [(part) => !Number.isNaN(Date.parse(part)), isUuid]) : null;
    const rows = await context.loaders.deliveryPage.load({
      id: webhook.id,
      args: { limit: size + 1, after: position ? { createdAt: position[0]!, id: position[1]! } : null },
    });
    const edges = rows.slice(0, size).map((row) => ({
      cursor: encodeCursor([row.created_at.toISOString(), row.id]),
      node: deliveryOf(row),
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
