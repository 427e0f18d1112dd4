/**
 * A Redis outage under an API configured with REDIS_URL: /readyz says so (503, naming Redis)
 * within 2 s, queries keep being answered (the rate limit lets them through uncounted, and
 * /metrics counts them), and once Redis is back the API is ready and counts again, with no
 * restart. One API in the test process is enough here: the outage concerns each replica alone.
 * The suite stops a Redis of its own, never the one other suites share.
 */
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { testDatabase } from '../helpers/graph';
import { freePort, type OwnRedis, startTestRedis } from '../helpers/redis';

const ABOUT = '{ about { version } }';

async function until<T>(check: () => Promise<T | null>, ms: number): Promise<T | null> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== null || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a Redis outage', () => {
  let db: Database;
  let redis: OwnRedis;
  let api: TestApi;
  let origin = '';

  beforeAll(async () => {
    db = testDatabase();
    redis = await startTestRedis({ own: true });
    api = await startTestApi(db, {
      redis: { url: redis.url, prefix: redis.prefix },
      limits: { anonymous: 5, perKey: 0 },
    });
    origin = new URL(api.url).origin;
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
    await db?.close();
  });

  const readyz = async () => {
    const res = await fetch(`${origin}/readyz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('answers /metrics to this machine without a token', async () => {
    const res = await fetch(`${origin}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('is reported by /readyz, lets queries through uncounted, and passes when Redis is back', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready' } });
    await redis.stop();
    const stoppedAt = Date.now();
    const unready = await until(async () => {
      const r = await readyz();
      return r.status === 503 ? r : null;
    }, 5000);
    expect(unready?.body).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/^Redis is not available: /),
    });
    expect(Date.now() - stoppedAt).toBeLessThan(2000);

    // Past the limit of 5, and still answered: the limit fails open, not the API.
    for (let i = 0; i < 8; i++) expect((await api.gql(ABOUT)).status).toBe(200);
    const metrics = await (await fetch(`${origin}/metrics`)).text();
    const failures = /^gdpr_graph_rate_limit_store_failures_total (\d+)$/m.exec(metrics);
    expect(Number(failures?.[1])).toBeGreaterThanOrEqual(8);

    await redis.restart();
    expect(await until(async () => ((await readyz()).status === 200 ? true : null), 10_000)).toBe(
      true,
    );
    // Counting again, in the fresh Redis: the ready /readyz counted, so 6 more pass the limit of 5.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.gql(ABOUT)).status);
    expect(statuses.at(-1)).toBe(429);
  }, 60_000);

  it('keeps an API from starting when Redis cannot be reached, naming it', async () => {
    const port = await freePort();
    await expect(
      startTestApi(db, { redis: { url: `redis://127.0.0.1:${port}`, prefix: 'unreachable:' } }),
    ).rejects.toMatchObject({
      code: 'REDIS_UNAVAILABLE',
      message: `Redis at redis://127.0.0.1:${port} is not reachable: connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });
});
