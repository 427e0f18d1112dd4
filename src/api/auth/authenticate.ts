/**
 * Who is calling: the key in `Authorization: Bearer <key>`, checked against its stored hash.
 * Lookups are cached briefly so that a request costs no extra round trip in the common case;
 * a revocation therefore takes effect within CACHE_MS, and at once where it is announced
 * (`revoked`, from revocations.ts: every replica, with Redis).
 */
import type { Database } from '../../db';
import { AppError } from '../../errors';
import { type Principal, parseToken, type Role, roleAllows, secretMatches } from './api-keys';
import { findApiKey } from './api-keys.store';

const CACHE_MS = 10_000;
/** How long an announced revocation is remembered: past the caches of every replica. */
const REVOKED_MS = 10 * 60_000;

/**
 * Entries per cache. Found keys and unknown ids are cached apart, so that a flood of made-up
 * ids (each a negative entry) can push out only other made-up ids, never a real key.
 */
const MAX_ENTRIES = 10_000;

/** Who presented a request: its key's principal, or why its key did not check out. */
export interface Caller {
  principal: Principal | null;
  /** A presented key that did not check out; every operation then answers UNAUTHENTICATED. */
  authError: Error | null;
}

interface StoredKey {
  hash: string;
  role: Role;
  revoked: boolean;
}

/**
 * A map that forgets its oldest entries past `max`, and entries older than `ttlMs` on reading
 * (a Map iterates in insertion order, and every write re-inserts).
 */
class BoundedCache<V> {
  private readonly entries = new Map<string, { at: number; value: V }>();

  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
  ) {}

  /** The value, while fresh; `stale` also returns an expired one. */
  get(key: string, stale = false): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    return stale || Date.now() - hit.at < this.ttlMs ? hit.value : undefined;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { at: Date.now(), value });
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** The id and secret of a bearer token; null when the header is not "Bearer <API key>". */
export function bearerToken(
  authorization: string | undefined,
): { id: string; secret: string } | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  return match ? parseToken(match[1]!) : null;
}

export class Authenticator {
  private readonly found = new BoundedCache<StoredKey>(MAX_ENTRIES, CACHE_MS);
  private readonly unknown = new BoundedCache<true>(MAX_ENTRIES, CACHE_MS);
  /** Keys announced revoked: refused without asking Neo4j, which may not show it yet. */
  private readonly announced = new BoundedCache<true>(MAX_ENTRIES, REVOKED_MS);
  /** Lookups under way, so that concurrent requests with one key share one query. */
  private readonly pending = new Map<string, Promise<StoredKey | null>>();

  /**
   * The caller for an Authorization header; null when none is sent. A bad or revoked key is
   * UNAUTHENTICATED. `db` is the request's door, so that a lookup counts among its queries.
   */
  async principal(authorization: string | undefined, db: Database): Promise<Principal | null> {
    if (authorization === undefined || authorization.trim() === '') return null;
    const parsed = bearerToken(authorization);
    if (!parsed)
      throw new AppError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <API key>"');
    const key = this.announced.get(parsed.id) ? null : await this.lookup(parsed.id, db);
    // Checked again: a lookup under way when the revocation was announced may have read before it.
    if (
      !key ||
      key.revoked ||
      this.announced.get(parsed.id) ||
      !secretMatches(parsed.secret, key.hash)
    ) {
      throw new AppError(
        'UNAUTHENTICATED',
        'this API key is not valid (unknown, revoked or mistyped)',
      );
    }
    return { keyId: parsed.id, role: key.role };
  }

  /** The caller of an Authorization header: `principal`, with its error caught. */
  async caller(authorization: string | undefined, db: Database): Promise<Caller> {
    try {
      return { principal: await this.principal(authorization, db), authError: null };
    } catch (error) {
      return {
        principal: null,
        authError: error instanceof Error ? error : new Error(String(error)),
      };
    }
  }

  /**
   * The key id of an Authorization header whose key this process has already checked, with no
   * database work; null for anything else (no key, a malformed, unknown, revoked or mistyped
   * key, or one not seen yet). The rate limiter runs before authentication and buckets by
   * this: a made-up key id gets no bucket of its own, it counts against the caller's address.
   */
  verifiedKeyId(authorization: string | undefined): string | null {
    const parsed = bearerToken(authorization);
    if (!parsed) return null;
    // A stale entry is good enough to pick a bucket: authentication still checks it afresh.
    const key = this.found.get(parsed.id, true);
    return key &&
      !key.revoked &&
      !this.announced.get(parsed.id) &&
      secretMatches(parsed.secret, key.hash)
      ? parsed.id
      : null;
  }

  /** Drops what is cached about keys (found revoked elsewhere), so the next request asks again. */
  forget(keyIds: Iterable<string>): void {
    for (const id of keyIds) {
      this.found.delete(id);
      this.unknown.delete(id);
    }
  }

  /** Keys revoked elsewhere, as announced: refused from now on, with no lookup. */
  revoked(keyIds: Iterable<string>): void {
    for (const id of keyIds) {
      this.announced.set(id, true);
      this.found.delete(id);
    }
  }

  private async lookup(id: string, db: Database): Promise<StoredKey | null> {
    const known = this.found.get(id);
    if (known) return known;
    if (this.unknown.get(id)) return null;
    const running = this.pending.get(id);
    if (running) return running;
    const lookup = findApiKey(db, id)
      .then((key) => {
        if (key) {
          this.found.set(id, key);
          this.unknown.delete(id);
        } else {
          this.unknown.set(id, true);
          this.found.delete(id);
        }
        return key;
      })
      .finally(() => this.pending.delete(id));
    this.pending.set(id, lookup);
    return lookup;
  }
}

/** Throws UNAUTHENTICATED without a key and FORBIDDEN with a key whose role is too low. */
export function requireRole(principal: Principal | null, needed: Role, what: string): Principal {
  if (!principal)
    throw new AppError(
      'UNAUTHENTICATED',
      `${what} needs an API key with the ${needed} role (Authorization: Bearer <key>)`,
    );
  if (!roleAllows(principal.role, needed)) {
    throw new AppError(
      'FORBIDDEN',
      `${what} needs the ${needed} role; this key has the ${principal.role} role`,
    );
  }
  return principal;
}
