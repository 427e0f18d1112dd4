/**
 * Webhooks, for any key holder (the reader role is enough): register, list, delete, test, and
 * read the delivery log. A key sees and touches only its own webhooks.
 */
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { AppError } from '../../errors';
import { requireRole } from '../auth/authenticate';
import type { ApiContext } from '../context';
import { KEPT_DELIVERIES } from './outbox';
import { WebhookDelivery } from './webhook-delivery.type';
import { WebhookInput } from './webhook.input';
import { WebhookRegistration } from './webhook-registration.type';
import { Webhook } from './webhook.type';
import { type WebhookEvent, WebhookEventEnum } from './webhooks.enums';
import { ownWebhook, queueTestDelivery, registerWebhook, removeWebhook } from './webhooks.service';
import { listDeliveries, listWebhooks } from './webhooks.store';

const keyHolder = (ctx: ApiContext, what: string) => requireRole(ctx.principal, 'reader', what);

@Resolver(() => Webhook)
export class WebhooksResolver {
  @Authorized()
  @Query(() => [Webhook], {
    description: 'The webhooks registered with the calling key, oldest first (at most 20).',
  })
  async webhooks(@Ctx() ctx: ApiContext): Promise<Webhook[]> {
    return listWebhooks(ctx.db, keyHolder(ctx, 'webhooks').keyId);
  }

  @Authorized()
  @Query(() => Webhook, { description: 'One of your webhooks; NOT_FOUND for any other id.' })
  async webhook(
    @Arg('id', () => ID, { description: 'The id of one of your webhooks.' }) id: string,
    @Ctx() ctx: ApiContext,
  ): Promise<Webhook> {
    return ownWebhook(ctx, keyHolder(ctx, 'webhook'), id);
  }

  @Authorized()
  @Mutation(() => WebhookRegistration, {
    description:
      'Registers a URL to be called on the events named, with an HMAC secret shown only in this answer. Any API key may register (at most 20 webhooks a key).',
  })
  async registerWebhook(
    @Arg('input', () => WebhookInput, {
      description: 'Its URL, the events to call it on, and optional filters.',
    })
    input: WebhookInput,
    @Ctx() ctx: ApiContext,
  ): Promise<WebhookRegistration> {
    return registerWebhook(ctx, keyHolder(ctx, 'registerWebhook'), input);
  }

  @Authorized()
  @Mutation(() => ID, {
    description: 'Deletes one of your webhooks with its delivery log, and answers its id.',
  })
  async deleteWebhook(
    @Arg('id', () => ID, { description: 'The id of one of your webhooks.' }) id: string,
    @Ctx() ctx: ApiContext,
  ): Promise<string> {
    await removeWebhook(ctx, keyHolder(ctx, 'deleteWebhook'), id);
    return id;
  }

  @Authorized()
  @Mutation(() => WebhookDelivery, {
    description:
      'Sends one of your webhooks a test delivery (test: true) with example data of an event, signed and retried like any other; its attempts show in `deliveries`.',
  })
  async testWebhook(
    @Arg('id', () => ID, { description: 'The id of one of your webhooks.' }) id: string,
    @Arg('event', () => WebhookEventEnum, {
      nullable: true,
      description: "The event whose shape to send; by default the webhook's first.",
    })
    event: WebhookEvent | null,
    @Ctx() ctx: ApiContext,
  ): Promise<WebhookDelivery> {
    return queueTestDelivery(ctx, keyHolder(ctx, 'testWebhook'), id, event ?? null);
  }

  @FieldResolver(() => [WebhookDelivery], {
    description: `The delivery log, newest first: the last ${KEPT_DELIVERIES} deliveries are kept.`,
  })
  async deliveries(
    @Root() webhook: Webhook,
    @Arg('first', () => Int, {
      defaultValue: 20,
      description: `How many deliveries, 1 to ${KEPT_DELIVERIES}.`,
    })
    first: number,
    @Ctx() ctx: ApiContext,
  ): Promise<WebhookDelivery[]> {
    if (!Number.isInteger(first) || first < 1 || first > KEPT_DELIVERIES)
      throw new AppError(
        'BAD_USER_INPUT',
        `first must be between 1 and ${KEPT_DELIVERIES}, got ${first}`,
        {
          argument: 'first',
        },
      );
    return listDeliveries(ctx.db, webhook.id, first);
  }
}
