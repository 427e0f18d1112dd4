/**
 * Deliveries stored in the write's own transaction (a transactional outbox): a recorded
 * incident, a reviewed proposal and the findings a write changed are kept together with their
 * deliveries, or not at all. A replica that dies after the commit, before it attempts them,
 * leaves them pending, and the next dispatcher to start takes them up (dispatcher.ts). After
 * the commit the writer only queues them with its own dispatcher (`queueDeliveries`).
 */
import { randomUUID } from 'node:crypto';
import type { RunsOn, StatementRunner } from '../../graph';
import {
  type Events,
  type FindingsChangedEvent,
  type ProposalReviewedEvent,
  WEBHOOK_DELIVERY_QUEUED,
} from '../events';
import { findingKindOfId } from '../findings/findings.words';
import { envelope, incidentData } from './payloads';
import type { WebhookEvent } from './webhooks.enums';
import {
  createDeliveries,
  incidentFacts,
  type NewDelivery,
  webhookTargets,
} from './webhooks.store';

/** Deliveries kept per webhook: the log a subscriber can read. */
export const KEPT_DELIVERIES = 100;

/** One delivery to store: to this webhook, saying this. */
export interface DeliveryJob {
  webhookId: string;
  data: unknown;
}

/**
 * Stores a delivery of `event` per job, due at once, and returns the ids stored (a webhook
 * deleted meanwhile gets none).
 */
export async function storeDeliveries(
  on: RunsOn,
  event: WebhookEvent,
  jobs: DeliveryJob[],
): Promise<string[]> {
  if (jobs.length === 0) return [];
  const createdAt = new Date().toISOString();
  const deliveries: NewDelivery[] = jobs.map(({ webhookId, data }) => {
    const id = randomUUID();
    return {
      id,
      webhookId,
      event,
      test: false,
      createdAt,
      body: envelope({ id, webhookId, event, test: false, createdAt }, data),
    };
  });
  return createDeliveries(on, deliveries, KEPT_DELIVERIES);
}

/** Whether a webhook's companies filter keeps news of `companies`: it names one, or it has none. */
const keepsCompanies = (target: { companies: string[] }, companies: string[]): boolean =>
  target.companies.length === 0 || target.companies.some((c) => companies.includes(c));

/**
 * In the transaction that recorded `incidents`: a delivery per incident and webhook that hears
 * of it (its companies filter names a company the incident is against, or it has none).
 */
export async function storeIncidentDeliveries(
  run: StatementRunner,
  incidents: string[],
): Promise<string[]> {
  if (incidents.length === 0) return [];
  const targets = await webhookTargets(run, 'INCIDENT_RECORDED');
  if (targets.length === 0) return [];
  const facts = await incidentFacts(run, incidents);
  const jobs = facts.flatMap((incident) => {
    const against = (incident.against ?? []) as string[];
    return targets
      .filter((t) => keepsCompanies(t, against))
      .map((t) => ({ webhookId: t.id, data: incidentData(incident) }));
  });
  return storeDeliveries(run, 'INCIDENT_RECORDED', jobs);
}

/** In the transaction that reviewed a proposal: a delivery per webhook of its proposer's key. */
export async function storeReviewDeliveries(
  run: StatementRunner,
  review: ProposalReviewedEvent,
): Promise<string[]> {
  const targets = await webhookTargets(run, 'PROPOSAL_REVIEWED', review.proposerKeyId);
  // Who proposed stays out of the body: it is a key id, known to its holder.
  const data = {
    proposalId: review.proposalId,
    outcome: review.outcome,
    reviewedAt: review.reviewedAt,
    reason: review.reason,
  };
  return storeDeliveries(
    run,
    'PROPOSAL_REVIEWED',
    targets.map((t) => ({ webhookId: t.id, data })),
  );
}

/**
 * In the transaction of a write that changed findings: a delivery per change and webhook whose
 * filters keep some of it (its companies name the change's company, or it has none; its
 * finding kinds, if any, keep the findings of those kinds only).
 */
export async function storeFindingsDeliveries(
  run: StatementRunner,
  changes: FindingsChangedEvent[],
): Promise<string[]> {
  if (changes.length === 0) return [];
  const targets = await webhookTargets(run, 'FINDINGS_CHANGED');
  const jobs = changes.flatMap((change) =>
    targets.flatMap((t) => {
      if (!keepsCompanies(t, [change.companyId])) return [];
      const wanted = (id: string) => {
        if (t.findingKinds.length === 0) return true;
        const kind = findingKindOfId(id);
        return kind !== null && t.findingKinds.includes(kind);
      };
      const appeared = change.appeared.filter(wanted);
      const disappeared = change.disappeared.filter(wanted);
      if (appeared.length === 0 && disappeared.length === 0) return [];
      return [
        {
          webhookId: t.id,
          data: { companyId: change.companyId, asOf: change.asOf, appeared, disappeared },
        },
      ];
    }),
  );
  return storeDeliveries(run, 'FINDINGS_CHANGED', jobs);
}

/**
 * After the commit: hands deliveries stored by this process's write to its own dispatcher,
 * which attempts them at once. (Only this process hears it: one attempt at a time, not one per
 * replica.)
 */
export function queueDeliveries(events: Events, ids: string[]): void {
  for (const deliveryId of ids) events.local.publish(WEBHOOK_DELIVERY_QUEUED, { deliveryId });
}
