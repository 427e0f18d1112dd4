/**
 * Redis, where replicas share what one process used to keep in memory (REDIS_URL): the rate
 * limit's counters, the events behind subscriptions, and key revocations. A process holds two
 * connections: one for commands and publications, one that only subscribes (a subscribed
 * Redis connection can issue no other command).
 *
 * The API must keep answering when Redis fails: commands fail fast instead of queueing (the
 * rate limit then lets requests through, and says so in the log and /metrics), subscriptions
 * wait for the connection to come back (ioredis subscribes again by itself), and /readyz
 * reports the outage.
 */
import Redis from 'ioredis';
import type { Logger } from '../config';

export interface RedisSettings {
  /** redis://[user:password@]host:port[/db], or rediss:// for TLS. */
  url: string;
  /** Put before every key and channel, so that several deployments can share one Redis. */
  prefix: string;
  /** Bound on connecting at start and on one command, in milliseconds. */
  timeoutMs?: number;
}

export interface RedisLink {
  readonly prefix: string;
  /** Commands and publications: fails fast while Redis is unreachable. */
  readonly commands: Redis;
  /** Subscriptions only: waits for Redis to come back, and subscribes again. */
  readonly subscriber: Redis;
  /**
   * Resolves when both connections are up and Redis answers a PING in time; rejects with the
   * reason otherwise. The subscriber counts: while it reconnects, new subscriptions end at once
   * (EVENTS_INTERRUPTED), so the replica is not ready for them.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Redis could not be reached at start: the message names the address (never a password). */
export class RedisUnavailableError extends Error {
  readonly code = 'REDIS_UNAVAILABLE';
}

const DEFAULT_TIMEOUT_MS = 1500;
/** How often an ongoing Redis outage is logged (ioredis reports every reconnection attempt). */
const ERROR_LOG_INTERVAL_MS = 10_000;

/** The URL with any password replaced, for logs and messages. */
export function redactedRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparsable URL)';
  }
}

/** Opens both connections, or throws RedisUnavailableError when Redis does not answer in time. */
export async function connectRedis(settings: RedisSettings, logger: Logger): Promise<RedisLink> {
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const shown = redactedRedisUrl(settings.url);
  const retryStrategy = (attempt: number) => Math.min(100 * attempt, 2000);
  const commands = new Redis(settings.url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    // Nothing queues while Redis is away: a rate-limit check must not hold a request up.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy,
    connectionName: 'gdpr-rights-graph',
  });
  const subscriber = new Redis(settings.url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    // A subscription waits for Redis to come back rather than failing.
    maxRetriesPerRequest: null,
    retryStrategy,
    connectionName: 'gdpr-rights-graph-subscriber',
  });
  /** The last connection error, which says more than the "Connection is closed" it leads to. */
  let lastError: Error | undefined;
  for (const [name, client] of [
    ['commands', commands],
    ['subscriber', subscriber],
  ] as const) {
    let lastLogged = 0;
    // Without a listener ioredis prints its errors to the console; they belong in the log.
    client.on('error', (error: Error) => {
      lastError = error;
      if (Date.now() - lastLogged < ERROR_LOG_INTERVAL_MS) return;
      lastLogged = Date.now();
      logger.warn({ err: error, redis: shown, connection: name }, 'Redis is not available');
    });
    client.on('ready', () => {
      if (lastLogged === 0) return;
      lastLogged = 0;
      logger.info({ redis: shown, connection: name }, 'Redis is available again');
    });
  }
  try {
    await withTimeout(
      Promise.all([commands.connect(), subscriber.connect()]),
      timeoutMs,
      `no answer within ${timeoutMs} ms`,
    );
  } catch (error) {
    commands.disconnect();
    subscriber.disconnect();
    const reason = lastError?.message ?? (error instanceof Error ? error.message : String(error));
    throw new RedisUnavailableError(`Redis at ${shown} is not reachable: ${reason}`);
  }
  return {
    prefix: settings.prefix,
    commands,
    subscriber,
    async ping() {
      if (commands.status !== 'ready') throw new Error(`not connected (${commands.status})`);
      if (subscriber.status !== 'ready')
        throw new Error(`the subscriber connection is not connected (${subscriber.status})`);
      await withTimeout(commands.ping(), timeoutMs, `no answer within ${timeoutMs} ms`);
    },
    async close() {
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
      commands.disconnect();
      subscriber.disconnect();
    },
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
