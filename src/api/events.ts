/**
 * The in-process event bus behind subscriptions and webhooks. One API process sees the writes
 * it makes; several replicas would share a bus (e.g. Redis through
 * @graphql-yoga/redis-event-target), and then only one of them should deliver webhooks.
 */
import { createPubSub } from '@graphql-yoga/subscription';

export interface IncidentRecordedEvent {
  id: string;
}

export interface FindingsChangedEvent {
  companyId: string;
  asOf: string;
  appeared: string[];
  disappeared: string[];
}

/**
 * A curator approved or rejected a contributor's proposal. Published by the proposals feature
 * (not built yet); webhooks already carry it to the proposer's subscriptions.
 */
export interface ProposalReviewedEvent {
  proposalId: string;
  outcome: 'APPROVED' | 'REJECTED';
  /** The key that proposed: only its webhooks hear of the review. */
  proposerKeyId: string;
  reviewedAt: string;
  reason: string | null;
}

/** A webhook delivery stored and waiting for its first attempt (testWebhook queues one). */
export interface WebhookDeliveryQueuedEvent {
  deliveryId: string;
}

export const INCIDENT_RECORDED = 'INCIDENT_RECORDED';
export const FINDINGS_CHANGED = 'FINDINGS_CHANGED';
export const PROPOSAL_REVIEWED = 'PROPOSAL_REVIEWED';
export const WEBHOOK_DELIVERY_QUEUED = 'WEBHOOK_DELIVERY_QUEUED';

export function createEvents() {
  return createPubSub<{
    [INCIDENT_RECORDED]: [IncidentRecordedEvent];
    [FINDINGS_CHANGED]: [FindingsChangedEvent];
    [PROPOSAL_REVIEWED]: [ProposalReviewedEvent];
    [WEBHOOK_DELIVERY_QUEUED]: [WebhookDeliveryQueuedEvent];
  }>();
}

export type Events = ReturnType<typeof createEvents>;
