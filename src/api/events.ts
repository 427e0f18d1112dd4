/**
 * The event bus behind subscriptions and webhooks. Alone, a process keeps it in memory. Behind
 * a load balancer (REDIS_URL), replicas share it through Redis, so that a subscriber on one
 * replica hears of a write made through another; but each event must become one webhook
 * delivery, not one per replica: the webhook dispatcher listens to `local`, this process's own
 * publications, and so only the replica that made the write creates its deliveries.
 */
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { AppError } from '../errors';

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
 * A curator approved or rejected a contributor's proposal (src/api/proposals). Its webhook
 * deliveries, to the proposer's webhooks, are stored with the review (webhooks/outbox.ts).
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
  /**
   * Whether a subscriber of any replica listens to `topic` now (webhooks, which listen to
   * `local`, are not counted): work done only to publish an event can be skipped when no one
   * hears it. True when that cannot be known (Redis failing).
   */
  subscribed(topic: keyof Topics): Promise<boolean>;
}

/**
 * The link to the shared bus (Redis): whether it is up, and a call when it goes down. While it
 * is down, events published through other replicas cannot reach this one's subscribers.
 */
export interface BusConnection {
  up(): boolean;
  /** Calls `listener` each time the link goes down; returns the call that stops listening. */
  onLost(listener: () => void): () => void;
}

/**
 * The last value a subscription yields when the shared bus went down under it (or was down when
 * it started): events may have been missed. Its resolver answers EVENTS_INTERRUPTED (see
 * `eventsInterrupted`), and the subscription then completes.
 */
export const INTERRUPTED: { readonly interrupted: true } = Object.freeze({ interrupted: true });

export const isInterruption = (value: unknown): value is typeof INTERRUPTED =>
  value === INTERRUPTED;

/** The error a subscription answers last when the shared bus went down under it. */
export function eventsInterrupted(): AppError {
  return new AppError(
    'EVENTS_INTERRUPTED',
    'the event bus (Redis) is not available, so events may be missed: read what you need, then subscribe again (a subscription made while it is down ends at once)',
  );
}

/** How many replicas' subscribers listen to a topic, from the shared bus (Redis NUMSUB). */
export type RemoteListeners = (topic: keyof Topics) => Promise<number>;

/**
 * The bus; with `shared` (an EventTarget every replica listens to, src/redis), subscribers
 * hear every replica's events and `local` only this process's. Without it, `local` is the bus.
 */
export function createEvents(
  shared?: EventTarget,
  remote?: RemoteListeners,
  connection?: BusConnection,
): Events {
  const localTarget = new EventTarget();
  const local = createPubSub<Topics>({ eventTarget: localTarget });
  if (!shared) return counted(local, local);
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
  return counted(createPubSub<Topics>({ eventTarget: both }), local, remote, connection);
}

/**
 * The bus, counting its live subscriptions per topic (this process's). With `connection`, a
 * subscription whose shared bus goes down (or is down when it starts) yields INTERRUPTED, then
 * ends: a subscriber told nothing would wait, unaware of the events it missed.
 */
function counted(
  bus: EventBus,
  local: EventBus,
  remote?: RemoteListeners,
  connection?: BusConnection,
): Events {
  const live = new Map<string, number>();
  const add = (topic: string, n: number) => live.set(topic, (live.get(topic) ?? 0) + n);
  // An iterator object, not an async generator: a generator waiting for its next event queues
  // return() behind it, so a subscriber that leaves would be counted until an event came.
  const counting = <T>(topic: string, source: AsyncIterable<T>): AsyncIterableIterator<T> => {
    const it = source[Symbol.asyncIterator]();
    let open = true;
    add(topic, 1);
    // Interruption: `lost` once the link went down; `wake` ends a wait for the next event.
    let lost = connection ? !connection.up() : false;
    let told = false;
    let wake: (() => void) | undefined;
    const stopListening = connection?.onLost(() => {
      lost = true;
      wake?.();
    });
    const close = () => {
      if (open) add(topic, -1);
      open = false;
      stopListening?.();
    };
    const end = async (value?: unknown): Promise<IteratorResult<T>> => {
      close();
      return (await it.return?.(value)) ?? { done: true, value: undefined };
    };
    return {
      async next() {
        if (told) return end();
        if (!lost) {
          // Without a shared bus nothing can be lost: the next event alone, no race to set up.
          const result = connection
            ? await Promise.race([
                it.next(),
                new Promise<null>((resolve) => (wake = () => resolve(null))),
              ])
            : await it.next();
          wake = undefined;
          if (result) {
            if (result.done) close();
            return result;
          }
        }
        told = true;
        return { done: false, value: INTERRUPTED as T };
      },
      return: end,
      async throw(error?: unknown) {
        close();
        if (it.throw) return it.throw(error);
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  };
  return {
    publish: bus.publish.bind(bus),
    // Consumers iterate what subscribe returns (an async iterable), nothing more of a Repeater.
    subscribe: ((topic: string, id?: string) =>
      counting(
        topic,
        (bus.subscribe as unknown as (t: string, i?: string) => AsyncIterable<unknown>)(topic, id),
      )) as unknown as EventBus['subscribe'],
    local,
    async subscribed(topic) {
      if ((live.get(topic) ?? 0) > 0) return true;
      if (!remote) return false;
      try {
        return (await remote(topic)) > 0;
      } catch {
        return true;
      }
    },
  };
}
