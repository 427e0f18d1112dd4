/**
 * Who is calling: the key in `Authorization: Bearer <key>`, checked against its stored hash.
 * Lookups are cached briefly so that a request costs no extra round trip in the common case;
 * a revocation therefore takes effect within CACHE_MS.
 */
import type { Database } from '../../db';
import { AppError } from '../../errors';
import { type Principal, parseToken, type Role, roleAllows, secretMatches } from './api-keys';
import { findApiKey } from './api-keys.store';

const CACHE_MS = 10_000;

export class Authenticator {
  private readonly cache = new Map<
    string,
    { at: number; key: { hash: string; role: Role; revoked: boolean } | null }
  >();

  /**
   * The caller for an Authorization header; null when none is sent. A bad or revoked key is
   * UNAUTHENTICATED. `db` is the request's door, so that a lookup counts among its queries.
   */
  async principal(authorization: string | undefined, db: Database): Promise<Principal | null> {
    if (authorization === undefined || authorization.trim() === '') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const parsed = match ? parseToken(match[1]!) : null;
    if (!parsed)
      throw new AppError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <API key>"');
    const key = await this.lookup(parsed.id, db);
    if (!key || key.revoked || !secretMatches(parsed.secret, key.hash)) {
      throw new AppError(
        'UNAUTHENTICATED',
        'this API key is not valid (unknown, revoked or mistyped)',
      );
    }
    return { keyId: parsed.id, role: key.role };
  }

  private async lookup(id: string, db: Database) {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.key;
    const key = await findApiKey(db, id);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { at: Date.now(), key });
    return key;
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
