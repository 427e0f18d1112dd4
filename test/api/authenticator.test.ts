/**
 * Key lookups: cached, negatively too, in bounded caches that a flood of made-up key ids
 * cannot use to push out the real keys; concurrent requests with one key share one lookup.
 * The database is a stand-in that counts the lookups (no Neo4j needed).
 */
import { newKey } from '../../src/api/auth/api-keys';
import { Authenticator } from '../../src/api/auth/authenticate';
import type { Database } from '../../src/db';

function keyStore(keys: { id: string; hash: string }[]) {
  const lookups: string[] = [];
  const db = {
    read: async (_name: string, _cypher: string, params: { id: string }) => {
      lookups.push(params.id);
      await new Promise((resolve) => setImmediate(resolve));
      const key = keys.find((k) => k.id === params.id);
      return key ? [{ hash: key.hash, role: 'reader', revoked: false }] : [];
    },
  } as unknown as Database;
  return { db, lookups };
}

const bearer = (id: string, secret = 'a'.repeat(43)) => `Bearer grg_${id}_${secret}`;
const madeUpId = (i: number) => i.toString(16).padStart(16, '0');

describe('the authenticator', () => {
  it('asks the database once for a made-up key id, however often it is sent', async () => {
    const { db, lookups } = keyStore([]);
    const authenticator = new Authenticator();
    for (let i = 0; i < 5; i++) {
      await expect(authenticator.principal(bearer(madeUpId(1)), db)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
    expect(lookups).toHaveLength(1);
  });

  it('keeps a real key cached through a flood of made-up key ids', async () => {
    const real = newKey();
    const { db, lookups } = keyStore([real]);
    const authenticator = new Authenticator();
    expect(await authenticator.principal(`Bearer ${real.token}`, db)).toEqual({
      keyId: real.id,
      role: 'reader',
    });
    for (let i = 0; i < 10_050; i++) {
      await authenticator.principal(bearer(madeUpId(i + 1)), db).catch(() => undefined);
    }
    lookups.length = 0;
    await authenticator.principal(`Bearer ${real.token}`, db);
    expect(lookups).toEqual([]);
  });

  it('shares one lookup among concurrent requests with the same key', async () => {
    const real = newKey();
    const { db, lookups } = keyStore([real]);
    const authenticator = new Authenticator();
    const principals = await Promise.all(
      Array.from({ length: 20 }, () => authenticator.principal(`Bearer ${real.token}`, db)),
    );
    expect(new Set(principals.map((p) => p?.keyId))).toEqual(new Set([real.id]));
    expect(lookups).toHaveLength(1);
  });

  it('names a key for the rate limiter only once it has checked it, and only with its secret', async () => {
    const real = newKey();
    const { db } = keyStore([real]);
    const authenticator = new Authenticator();
    expect(authenticator.verifiedKeyId(`Bearer ${real.token}`)).toBeNull();
    await authenticator.principal(`Bearer ${real.token}`, db);
    expect(authenticator.verifiedKeyId(`Bearer ${real.token}`)).toBe(real.id);
    expect(authenticator.verifiedKeyId(bearer(real.id))).toBeNull();
    expect(authenticator.verifiedKeyId(undefined)).toBeNull();
    expect(authenticator.verifiedKeyId('Basic abc')).toBeNull();
  });
});
