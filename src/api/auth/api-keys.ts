/**
 * API keys: `grg_<id>_<secret>`. Only a SHA-256 hash of the secret is stored (the secret is
 * 32 random bytes, so a slow hash adds nothing); the id finds the key, the hash proves it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Readers read; contributors also propose bundles for review (src/api/proposals); curators also
 * write and review proposals; admins also read the audit log.
 */
export const ROLES = ['reader', 'contributor', 'curator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do includes what the roles before it may. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface Principal {
  keyId: string;
  role: Role;
}

const KEY_FORMAT = /^grg_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

export function newKey(): { id: string; secret: string; token: string; hash: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `grg_${id}_${secret}`, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Splits a presented token; null when it is not of our form. */
export function parseToken(token: string): { id: string; secret: string } | null {
  const m = KEY_FORMAT.exec(token.trim());
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
