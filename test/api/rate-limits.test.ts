/**
 * One rate limit for every door, counted before authentication: a key gets its own bucket only
 * once the API has checked it, so made-up keys count against the caller's address; the
 * exports, the explorer, the dashboard and the health routes count too.
 */
import { randomBytes } from 'node:crypto';
import { createApiKey } from '../../src/api/auth/api-keys.store';
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { testDatabase } from '../helpers/graph';

const ABOUT = '{ about { version } }';
const madeUpKey = () => `Bearer grg_${randomBytes(8).toString('hex')}_${'b'.repeat(43)}`;

describe('rate limits before authentication', () => {
  let db: Database;
  let api: TestApi;
  let origin: string;

  beforeEach(async () => {
    db = testDatabase();
    // A fresh API for each test: a fresh set of buckets.
    api = await startTestApi(db, { limits: { anonymous: 5, perKey: 50 } });
    origin = new URL(api.url).origin;
  });
  afterEach(async () => {
    await api.close();
    await db.close();
  });

  it('counts made-up keys against the caller address: no bucket of their own', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.gql(ABOUT, {}, madeUpKey())).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    for (let i = 0; i < 3; i++) {
      const res = await api.gql(ABOUT, {}, madeUpKey());
      expect(res.status).toBe(429);
      expect(res.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
    expect((await api.gql(ABOUT)).status).toBe(429);
  });

  it('gives a key its own bucket once the API has checked it', async () => {
    const { token } = await createApiKey(db, 'reader', 'rate limits');
    // Its first request, before the key is known, counts against the address.
    expect((await api.gql(ABOUT, {}, `Bearer ${token}`)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await api.gql(ABOUT)).status).toBe(200);
    expect((await api.gql(ABOUT)).status).toBe(429);
    for (let i = 0; i < 10; i++) {
      expect((await api.gql(ABOUT, {}, `Bearer ${token}`)).status).toBe(200);
    }
    // The same key id with another secret is not that key: it counts against the address.
    const forged = `Bearer ${token.slice(0, -43)}${'c'.repeat(43)}`;
    expect((await api.gql(ABOUT, {}, forged)).status).toBe(429);
  });

  it('limits the exports, the explorer, the dashboard and the health routes with the same buckets', async () => {
    for (let i = 0; i < 5; i++) expect((await api.gql(ABOUT)).status).toBe(200);
    for (const path of [
      '/export/rights-matrix.csv?asOf=2025-02-12',
      '/export/graph.jsonld',
      '/explorer',
      '/explorer/assets/graphiql.min.css',
      '/dashboard',
      '/readyz',
      '/healthz',
    ]) {
      const res = await fetch(`${origin}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 429 });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await res.json()).toMatchObject({
        errors: [{ extensions: { code: 'RATE_LIMITED' } }],
      });
    }
  });

  it("counts the other routes' requests against the same bucket as queries", async () => {
    for (let i = 0; i < 5; i++) expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    expect((await api.gql(ABOUT)).status).toBe(429);
  });

  it('buckets by the X-Forwarded-For entry of a trusted proxy, never what the client wrote', async () => {
    const proxied = await startTestApi(db, {
      limits: { anonymous: 2, perKey: 50, trustProxyHops: 1 },
    });
    const from = (forwardedFor: string) =>
      fetch(proxied.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ query: ABOUT }),
      }).then((res) => res.status);
    try {
      expect([await from('203.0.113.1'), await from('203.0.113.1')]).toEqual([200, 200]);
      expect(await from('203.0.113.1')).toBe(429);
      // Another client behind the same proxy has its own bucket.
      expect(await from('203.0.113.2')).toBe(200);
      // What the client wrote stands left of the proxy's entry: it changes nothing.
      expect(await from('198.51.100.7, 203.0.113.1')).toBe(429);
    } finally {
      await proxied.close();
    }
    // Without trusted proxies the header is ignored: every request is the peer's.
    for (let i = 0; i < 5; i++) expect((await api.gql(ABOUT)).status).toBe(200);
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ query: ABOUT }),
    });
    expect(res.status).toBe(429);
  });
});
