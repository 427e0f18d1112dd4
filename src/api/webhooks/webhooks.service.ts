/** Registering, listing, deleting and testing webhooks, for the key that owns them. */
import { randomUUID } from 'node:crypto';
import { AppError, type Problem, ValidationError } from '../../errors';
import type { Principal } from '../auth/api-keys';
import type { ApiContext } from '../context';
import { FINDING_KINDS } from '../findings/findings.rules';
import { KEPT_DELIVERIES, queueDeliveries } from './outbox';
import { envelope, sampleData } from './payloads';
import { notHeld } from '../translate/named-ids';
import { newWebhookSecret } from './signature';
import type { WebhookDelivery } from './webhook-delivery.type';
import type { WebhookInput } from './webhook.input';
import type { Webhook } from './webhook.type';
import { checkWebhookUrl } from './webhook-url';
import { WEBHOOK_EVENTS, type WebhookEvent } from './webhooks.enums';
import {
  createDeliveries,
  createWebhook,
  deleteWebhook,
  findWebhook,
  unknownCompanies,
} from './webhooks.store';

/** Webhooks one key may have: enough for every event and filter, not a way to fan out. */
export const MAX_WEBHOOKS_PER_KEY = 20;
export const MAX_FILTER_COMPANIES = 100;
export const MAX_DESCRIPTION_LENGTH = 200;

/** Checks the input, listing every problem; returns it normalised. */
async function checkInput(
  ctx: ApiContext,
  input: WebhookInput,
): Promise<Omit<Webhook, 'id' | 'createdAt'>> {
  const problems: Problem[] = [];
  let url = '';
  try {
    url = checkWebhookUrl(input.url);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problems.push({ path: 'input.url', message: error.message });
  }
  const events = [...new Set(input.events)].filter((e) => WEBHOOK_EVENTS.includes(e));
  if (events.length === 0)
    problems.push({
      path: 'input.events',
      message: `name at least one event: ${WEBHOOK_EVENTS.join(', ')}`,
    });
  const companies = [...new Set((input.companies ?? []).map((c) => c.trim()))];
  if (companies.length > MAX_FILTER_COMPANIES) {
    problems.push({
      path: 'input.companies',
      message: `${companies.length} companies given; at most ${MAX_FILTER_COMPANIES}`,
    });
  } else if (companies.length > 0) {
    if (!events.includes('INCIDENT_RECORDED') && !events.includes('FINDINGS_CHANGED'))
      problems.push({
        path: 'input.companies',
        message:
          'filters only INCIDENT_RECORDED and FINDINGS_CHANGED: add one of them to events, or leave companies out',
      });
    const unknown = await unknownCompanies(ctx.db, companies);
    if (unknown.length > 0)
      problems.push({
        path: 'input.companies',
        message: notHeld('Company', unknown),
      });
  }
  const findingKinds = [...new Set(input.findingKinds ?? [])].filter((k) =>
    FINDING_KINDS.includes(k),
  );
  if (findingKinds.length > 0 && !events.includes('FINDINGS_CHANGED'))
    problems.push({
      path: 'input.findingKinds',
      message: 'filters only FINDINGS_CHANGED: add it to events, or leave findingKinds out',
    });
  const description = input.description?.trim() || null;
  if (description && description.length > MAX_DESCRIPTION_LENGTH)
    problems.push({
      path: 'input.description',
      message: `is ${description.length} characters long; at most ${MAX_DESCRIPTION_LENGTH}`,
    });
  if (problems.length > 0) throw new ValidationError(problems);
  return { url, events, companies, findingKinds, description };
}

export async function registerWebhook(
  ctx: ApiContext,
  principal: Principal,
  input: WebhookInput,
): Promise<{ webhook: Webhook; secret: string }> {
  const checked = await checkInput(ctx, input);
  const id = randomUUID();
  const secret = newWebhookSecret();
  const { owned, createdAt } = await createWebhook(
    ctx.db,
    { id, ownerKeyId: principal.keyId, secret, ...checked },
    MAX_WEBHOOKS_PER_KEY,
  );
  if (owned >= MAX_WEBHOOKS_PER_KEY)
    throw new AppError(
      'BAD_USER_INPUT',
      `this key already has ${owned} webhooks, the most one key may have (${MAX_WEBHOOKS_PER_KEY}): delete one first`,
      { limit: MAX_WEBHOOKS_PER_KEY },
    );
  ctx.logger.info({ operation: 'registerWebhook', keyId: principal.keyId, webhookId: id }, 'write');
  return { webhook: { id, createdAt, ...checked }, secret };
}

/** The caller's webhook; NOT_FOUND for an unknown id and for another key's webhook alike. */
export async function ownWebhook(
  ctx: ApiContext,
  principal: Principal,
  id: string,
): Promise<Webhook> {
  const webhook = await findWebhook(ctx.db, principal.keyId, id);
  if (!webhook) throw notFound(id);
  return webhook;
}

export async function removeWebhook(
  ctx: ApiContext,
  principal: Principal,
  id: string,
): Promise<void> {
  if (!(await deleteWebhook(ctx.db, principal.keyId, id))) throw notFound(id);
  ctx.logger.info({ operation: 'deleteWebhook', keyId: principal.keyId, webhookId: id }, 'write');
}

/**
 * Stores a test delivery with example data of `event` (by default the webhook's first event)
 * and queues it: it is sent, signed and retried like any other, and logged.
 */
export async function queueTestDelivery(
  ctx: ApiContext,
  principal: Principal,
  id: string,
  event: WebhookEvent | null,
): Promise<WebhookDelivery> {
  const webhook = await ownWebhook(ctx, principal, id);
  const chosen = event ?? webhook.events[0] ?? 'INCIDENT_RECORDED';
  const now = new Date();
  const delivery = {
    id: randomUUID(),
    webhookId: webhook.id,
    event: chosen,
    test: true,
    createdAt: now.toISOString(),
  };
  const stored = await createDeliveries(
    ctx.db,
    [{ ...delivery, body: envelope(delivery, sampleData(chosen, now)) }],
    KEPT_DELIVERIES,
    principal.keyId,
  );
  // Deleted between the two queries.
  if (stored.length === 0) throw notFound(id);
  queueDeliveries(ctx.events, [delivery.id]);
  return {
    id: delivery.id,
    event: chosen,
    test: true,
    status: 'PENDING',
    createdAt: delivery.createdAt,
    nextAttemptAt: delivery.createdAt,
    attempts: [],
  };
}

const notFound = (id: string) =>
  new AppError('NOT_FOUND', `you have no webhook with id "${id.slice(0, 128)}"`);
