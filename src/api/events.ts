/**
 * The event bus behind subscriptions and webhooks. Alone, a process keeps it in memory. Behind
 * a load balancer (REDIS_URL), replicas share it through Redis, so that a subscriber on one
 * replica hears of a write made through another; but each event must become one webhook
 * delivery, not one per replica: the webhook dispatcher listens to `local`, this process's own
 * publications, and so only the replica that made the write creates its deliveries.
 */
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';

export interface IncidentRecordedEvent {
  id: string;
  /**
   * Where the write ended (Neo4j bookmarks): a replica reading the incident for its subscribers
   * starts after them, so that a follower of a cluster that has not caught up waits for it.
   */
  bookmarks?: string[];
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

// A type, not an interface: createPubSub wants an index signature, which only a type has implicitly.
export type Topics = {
  [INCIDENT_RECORDED]: [IncidentRecordedEvent];
  [FINDINGS_CHANGED]: [FindingsChangedEvent];
  [PROPOSAL_REVIEWED]: [ProposalReviewedEvent];
  [WEBHOOK_DELIVERY_QUEUED]: [WebhookDeliveryQueuedEvent];
};

export type EventBus = PubSub<Topics>;

export interface Events extends EventBus {
  /** This process's own publications only: for work exactly one replica must do. */
  readonly local: EventBus;
}

/**
 * The bus; with `shared` (an EventTarget every replica listens to, src/redis), subscribers
 * hear every replica's events and `local` only this process's. Without it, `local` is the bus.
 */
export function createEvents(shared?: EventTarget): Events {
  const localTarget = new EventTarget();
  const local = createPubSub<Topics>({ eventTarget: localTarget });
  if (!shared) return Object.assign(local, { local });
  // Publishing reaches both; subscribing listens to the shared target alone (which hands a
  // replica its own events too), so that nobody hears an event twice.
  const both = {
    addEventListener: shared.addEventListener.bind(shared),
    removeEventListener: shared.removeEventListener.bind(shared),
    dispatchEvent(event: Event): boolean {
      const { detail } = event as CustomEvent<unknown>;
      localTarget.dispatchEvent(new CustomEvent(event.type, { detail }));
      return shared.dispatchEvent(event);
    },
  };
  return Object.assign(createPubSub<Topics>({ eventTarget: both }), { local });
}
