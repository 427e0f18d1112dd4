/**
 * An EventTarget over Redis pub/sub (@graphql-yoga/redis-event-target), for createPubSub: an
 * event dispatched by any replica reaches the listeners of every replica. Channels carry the
 * deployment's prefix, and a Redis failure is logged, never thrown at a publisher.
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';
import type { BusConnection } from '../api/events';
import type { Logger } from '../config';
import type { RedisLink } from './connection';

/**
 * The event target, its channels named `<prefix><topic>`. redis-event-target calls `publish`,
 * `subscribe` and `unsubscribe` without handling their promises, and an unhandled rejection
 * stops Node: the clients it gets catch and log instead. It uses nothing else of them.
 */
export function redisEventTarget(link: RedisLink, logger: Logger, prefix: string): EventTarget {
  const failed = (what: string) => (error: unknown) => {
    logger.warn({ err: error }, `Redis ${what} failed; subscribers may miss an event`);
    return 0;
  };
  const publishClient = {
    publish: (channel: string, message: string) =>
      link.commands.publish(channel, message).catch(failed('publish')),
  } as unknown as Redis;
  const subscribeClient = {
    on: (event: 'message', listener: (channel: string, message: string) => void) =>
      link.subscriber.on(event, listener),
    subscribe: (channel: string) => link.subscriber.subscribe(channel).catch(failed('subscribe')),
    unsubscribe: (channel: string) =>
      link.subscriber.unsubscribe(channel).catch(failed('unsubscribe')),
  } as unknown as Redis;
  const inner = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    addEventListener: (type, listener) => inner.addEventListener(prefix + type, listener),
    removeEventListener: (type, listener) => inner.removeEventListener(prefix + type, listener),
    dispatchEvent: (event) =>
      inner.dispatchEvent(
        new CustomEvent(prefix + event.type, { detail: (event as CustomEvent<unknown>).detail }),
      ),
  };
}

/**
 * The subscriber connection as the event bus's link (createEvents): up while ready, lost each
 * time it closes. ioredis reconnects and subscribes again by itself, but what was published in
 * between is gone, and the subscriptions that were listening are told so.
 */
export function redisBusConnection(link: RedisLink): BusConnection {
  // One 'close' listener for every subscription: one each would pass EventEmitter's limit of
  // ten (and its leak warning) on a replica with more than ten subscribers.
  const listeners = new Set<() => void>();
  link.subscriber.on('close', () => {
    for (const listener of [...listeners]) listener();
  });
  return {
    up: () => link.subscriber.status === 'ready',
    onLost(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * How many connections subscribe to a channel (PUBSUB NUMSUB): each replica with a live
 * subscriber of the topic holds one. Rejects when Redis does not answer.
 */
export async function redisListeners(link: RedisLink, channel: string): Promise<number> {
  const reply = (await link.commands.pubsub('NUMSUB', channel)) as [string, number | string];
  return Number(reply[1] ?? 0);
}
