/**
 * Delivers webhook deliveries: each is stored first (so that its log is complete and a restart
 * takes it up again), then attempted, and retried with exponential backoff until a 2xx or
 * `maxAttempts`. Everything runs after the write has answered: a slow or failing receiver, or a
 * failure here, never reaches the writer; errors are logged.
 *
 * Deliveries are stored by the write itself, in its transaction (outbox.ts), and queued here
 * after the commit; a dispatcher that starts takes up every delivery still pending.
 *
 * With several replicas on one event bus (Redis), the replica that made a write attempts its
 * deliveries: the dispatcher listens to `events.local`, this process's own queueing. Attempts
 * are leased in Neo4j (claimDelivery), so that a delivery another replica resumes is still sent
 * once at a time.
 */
import type { Logger } from '../../config';
import type { Database } from '../../db';
import { type Events, WEBHOOK_DELIVERY_QUEUED } from '../events';
import { sendDelivery } from './delivery';
import { WIRE_NAMES } from './webhooks.enums';
import { abandonDelivery, claimDelivery, pendingDeliveries, recordAttempt } from './webhooks.store';

export interface WebhookSettings {
  /** Attempts per delivery, the first included. */
  maxAttempts: number;
  /** The wait before the second attempt; each later wait doubles (10 s, 20 s, 40 s, 80 s). */
  baseDelayMs: number;
  /** How long one attempt may take, connection to response headers. */
  timeoutMs: number;
  /** Whether deliveries may go to loopback and private addresses (tests, local development). */
  allowPrivateAddresses: boolean;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  maxAttempts: 5,
  baseDelayMs: 10_000,
  timeoutMs: 10_000,
  allowPrivateAddresses: false,
};

/** How long a lease outlasts an attempt's time-out: the log write after it. */
const LEASE_MARGIN_MS = 30_000;

/** The shortest wait before asking again about a delivery that is not free yet. */
const MIN_RECHECK_MS = 50;

/** Pending deliveries a starting process takes up again. */
const RESUMED_AT_START = 1000;

/**
 * Attempts made at once: a bundle of many incidents must not take every connection of the
 * driver's pool from the requests.
 */
const ATTEMPTS_AT_ONCE = 8;

/**
 * Runs at most `max` tasks at once, the others in arrival order. (p-limit does this, but its
 * current versions are ES modules only, and this build is CommonJS.)
 */
class Lanes {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** The delay before attempt `attempt + 1`. */
export function backoffMs(settings: WebhookSettings, attempt: number): number {
  return settings.baseDelayMs * 2 ** (attempt - 1);
}

/** How an attempt ended: delivered, failed and retried later, or failed for good. */
export type AttemptOutcome = 'succeeded' | 'retrying' | 'failed';

export interface WebhookDispatcherHandle {
  /** Stops listening and retrying, and waits for the attempts under way. */
  stop(): Promise<void>;
}

export function startWebhookDispatcher(options: {
  db: Database;
  logger: Logger;
  events: Events;
  settings?: Partial<WebhookSettings>;
  /** Told of each attempt's outcome, for /metrics. */
  onAttempt?: (outcome: AttemptOutcome) => void;
}): WebhookDispatcherHandle {
  const dispatcher = new WebhookDispatcher(
    options.db,
    options.logger,
    { ...DEFAULT_WEBHOOK_SETTINGS, ...options.settings },
    options.onAttempt,
  );
  dispatcher.start(options.events);
  return dispatcher;
}

class WebhookDispatcher implements WebhookDispatcherHandle {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly listeners: AsyncIterator<unknown>[] = [];
  private readonly attemptLanes = new Lanes(ATTEMPTS_AT_ONCE);
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly settings: WebhookSettings,
    private readonly onAttempt: ((outcome: AttemptOutcome) => void) | undefined,
  ) {}

  start(events: Events): void {
    // This process's own writes only: another replica's are its own to deliver.
    const queued = events.local.subscribe(WEBHOOK_DELIVERY_QUEUED)[Symbol.asyncIterator]();
    this.listeners.push(queued);
    const listen = async (): Promise<void> => {
      // The first next() subscribes at once, before any write can queue.
      for (let next = await queued.next(); !next.done; next = await queued.next()) {
        const { deliveryId } = next.value;
        this.schedule(deliveryId, 0);
      }
    };
    this.track(listen(), 'listening to queued deliveries');
    this.track(this.resumePending(), 'resuming pending deliveries');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.listeners.map(async (l) => l.return?.()));
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<unknown>, what: string): void {
    const tracked = work.catch((error: unknown) =>
      this.logger.error({ err: error }, `webhooks: ${what} failed`),
    );
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
  }

  /** Deliveries a previous process left pending (stopped, or crashed, between attempts). */
  private async resumePending(): Promise<void> {
    const pending = await pendingDeliveries(this.db, RESUMED_AT_START);
    const now = Date.now();
    for (const { id, due } of pending) this.schedule(id, Math.max(0, Date.parse(due) - now));
  }

  private schedule(deliveryId: string, delayMs: number): void {
    if (this.stopped || this.timers.has(deliveryId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(deliveryId);
      this.track(
        this.attemptLanes.run(() => this.attempt(deliveryId)),
        'a delivery attempt',
      );
    }, delayMs);
    // Pending retries never keep the process alive: they are stored, and taken up at start.
    timer.unref();
    this.timers.set(deliveryId, timer);
  }

  private async attempt(deliveryId: string): Promise<void> {
    if (this.stopped) return;
    // The lease outlasts the attempt (time-out plus the log write), so no one else takes it meanwhile.
    const claim = await claimDelivery(
      this.db,
      deliveryId,
      new Date(),
      this.settings.timeoutMs + LEASE_MARGIN_MS,
    );
    if (claim.kind === 'gone') return;
    if (claim.kind === 'later') {
      this.schedule(deliveryId, Math.max(MIN_RECHECK_MS, Date.parse(claim.at) - Date.now()));
      return;
    }
    const claimed = claim.delivery;
    if (!claimed.active) {
      await abandonDelivery(this.db, deliveryId);
      return;
    }
    const number = claimed.attempts + 1;
    const outcome = await sendDelivery(
      {
        url: claimed.url,
        secret: claimed.secret,
        deliveryId,
        event: WIRE_NAMES[claimed.event],
        body: claimed.body,
      },
      this.settings,
    );
    const retry = !outcome.ok && number < this.settings.maxAttempts;
    const delay = backoffMs(this.settings, number);
    await recordAttempt(
      this.db,
      deliveryId,
      {
        number,
        at: outcome.at.toISOString(),
        statusCode: outcome.statusCode,
        error: outcome.error,
        durationMs: outcome.durationMs,
      },
      outcome.ok ? 'SUCCEEDED' : retry ? 'PENDING' : 'FAILED',
      retry ? new Date(Date.now() + delay).toISOString() : null,
    );
    this.onAttempt?.(outcome.ok ? 'succeeded' : retry ? 'retrying' : 'failed');
    if (!outcome.ok)
      this.logger.info(
        { deliveryId, attempt: number, statusCode: outcome.statusCode, error: outcome.error },
        retry ? 'webhook delivery failed; will retry' : 'webhook delivery failed; giving up',
      );
    if (retry) this.schedule(deliveryId, delay);
  }
}
