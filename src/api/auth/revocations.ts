/**
 * Key revocations, told to every replica at once. A revocation is written to Neo4j by whoever
 * revokes (`npm run keys -- revoke` is another process); replicas cache keys for up to 10 s
 * (authenticate.ts), so without a word from the revoker a revoked key would keep working that
 * long on each of them. With Redis the revoker announces it on a channel every replica
 * listens to: each drops the key at once and closes its sockets. The announcement itself says
 * the key is revoked, so a replica need not read it back (a follower of a cluster may not have
 * the revocation yet).
 *
 * Without Redis, announcements reach this process only; the caches' 10 s and the WebSocket
 * gate's recheck of open sockets (every 2 s) bound the rest, as before.
 */
import { EventEmitter } from 'node:events';
import type { Logger } from '../../config';
import type { RedisLink } from '../../redis';

export interface KeyRevocations {
  /** Tells every replica (this one too) that a key is revoked; resolves once sent. */
  announce(keyId: string): Promise<void>;
  /** Calls `listener` with each key revoked anywhere; returns a function that stops it. */
  onRevoked(listener: (keyId: string) => void): () => void;
  close(): Promise<void>;
}

const KEY_ID = /^[a-f0-9]{16}$/;

/** The channel of a deployment's revocations. */
export const revocationChannel = (prefix: string): string => `${prefix}keys:revoked`;

/** Announcements within this process. */
export function localRevocations(): KeyRevocations {
  const emitter = new EventEmitter();
  return {
    announce(keyId) {
      emitter.emit('revoked', keyId);
      return Promise.resolve();
    },
    onRevoked(listener) {
      emitter.on('revoked', listener);
      return () => emitter.off('revoked', listener);
    },
    close: () => Promise.resolve(),
  };
}

/** Announcements through Redis pub/sub, among every process on the same Redis and prefix. */
export async function redisRevocations(link: RedisLink, logger: Logger): Promise<KeyRevocations> {
  const channel = revocationChannel(link.prefix);
  const listeners = new Set<(keyId: string) => void>();
  const onMessage = (from: string, message: string) => {
    if (from !== channel) return;
    if (!KEY_ID.test(message)) {
      logger.warn({ channel }, 'ignored a key revocation that names no key id');
      return;
    }
    for (const listener of listeners) listener(message);
  };
  link.subscriber.on('message', onMessage);
  await link.subscriber.subscribe(channel);
  return {
    async announce(keyId) {
      await link.commands.publish(channel, keyId);
    },
    onRevoked(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      link.subscriber.off('message', onMessage);
      await link.subscriber.unsubscribe(channel).catch(() => undefined);
    },
  };
}

/**
 * Announces a revocation made outside any API process (the keys command): to every replica
 * when Redis is configured. Resolves with what the operator should know when it could not.
 */
export async function announceRevocation(
  keyId: string,
  link: RedisLink | null,
): Promise<string | null> {
  if (!link) return null;
  try {
    await link.commands.publish(revocationChannel(link.prefix), keyId);
    return null;
  } catch (error) {
    return `could not tell the replicas through Redis (${error instanceof Error ? error.message : String(error)}): they refuse the key within 10 s`;
  }
}
