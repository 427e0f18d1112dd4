/**
 * A Redis outage under an API configured with REDIS_URL: /readyz says so (503, naming Redis)
 * within 2 s, queries keep being answered (the rate limit lets them through uncounted, and
 * /metrics counts them), and once Redis is back the API is ready and counts again, with no
 * restart. Subscriptions are told that events may be missed (EVENTS_INTERRUPTED) and end, and
 * work again once Redis is back. One API in the test process is enough here: the outage
 * concerns each replica alone. The suite stops a Redis of its own, never the one other suites
 * share.
 */
import { Redis } from 'ioredis';
import { createLogger } from '../../src/config';
import type { Database } from '../../src/db';
import { connectRedis, type RedisLink, redisBusConnection } from '../../src/redis';
import { type OperationAnswer, openSession, within, wsUrl } from '../api/ws-session';
import { startTestApi, type TestApi } from '../helpers/api';
import { testDatabase } from '../helpers/graph';
import { freePort, type OwnRedis, startTestRedis } from '../helpers/redis';
import { readyWithin, until } from '../helpers/until';

const ABOUT = '{ about { version } }';

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
    expect(await readyWithin(readyz, 15_000)).toEqual({ status: 200, body: { status: 'ready' } });
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

describe('subscriptions in a Redis outage', () => {
  let db: Database;
  let redis: OwnRedis;
  let api: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    redis = await startTestRedis({ own: true });
    api = await startTestApi(db, { redis: { url: redis.url, prefix: redis.prefix } });
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
    await db?.close();
  });

  const ready = async () =>
    (await fetch(`${new URL(api.url).origin}/readyz`)).status === 200 ? true : null;

  /** Connections subscribed to the findings channel (the API's subscriber, once it listens). */
  const listeners = async () => {
    const client = new Redis(redis.url);
    try {
      const reply = (await client.pubsub('NUMSUB', `${redis.prefix}events:FINDINGS_CHANGED`)) as [
        string,
        number,
      ];
      return Number(reply[1]);
    } finally {
      client.disconnect();
    }
  };

  /** A Redis link of the test's own (not the API's), closed after `use`. */
  async function withOwnLink(use: (link: RedisLink) => Promise<void>): Promise<void> {
    const link = await connectRedis(
      { url: redis.url, prefix: redis.prefix },
      createLogger('silent'),
    );
    try {
      await use(link);
    } finally {
      await link.close();
    }
  }

  it('hears of a lost link through one listener, however many subscriptions wait', () =>
    withOwnLink(async (link) => {
      const before = link.subscriber.listenerCount('close');
      const connection = redisBusConnection(link);
      // More than the ten listeners an EventEmitter takes before it warns of a leak.
      const stops = Array.from({ length: 20 }, () => connection.onLost(() => undefined));
      expect(link.subscriber.listenerCount('close')).toBe(before + 1);
      let heard = 0;
      const stop = connection.onLost(() => heard++);
      for (const s of stops) s();
      link.subscriber.disconnect();
      expect(await until(() => Promise.resolve(heard > 0 ? heard : null), 5000)).toBe(1);
      stop();
    }));

  it('is not ready while its subscriber connection is down, though commands answer', () =>
    withOwnLink(async (link) => {
      await expect(link.ping()).resolves.toBeUndefined();
      // The subscriber alone goes (it stays down: disconnect() does not reconnect).
      link.subscriber.disconnect();
      await until(() => Promise.resolve(link.subscriber.status === 'end' ? true : null), 5000);
      await expect(link.ping()).rejects.toThrow(/subscriber connection is not connected \(end\)/);
      expect(await link.commands.ping()).toBe('PONG');
    }));

  it('ends subscriptions with EVENTS_INTERRUPTED while Redis is away, and serves them after', async () => {
    const session = openSession(wsUrl(api.url));
    expect(await session.acknowledged).toBe(true);
    const SUBSCRIPTION = 'subscription { findingsChanged { companyId appeared } }';
    const interrupted = (answers: OperationAnswer[]) =>
      answers.some((a) => a.errors?.[0]?.extensions?.code === 'EVENTS_INTERRUPTED');
    const befores = Array.from({ length: 12 }, () => session.subscribe(SUBSCRIPTION));
    // Subscribed (the server listens on the channel) before Redis goes.
    expect((await session.request('{ about { version } }')).errors).toBeUndefined();
    await until(async () => ((await listeners()) > 0 ? true : null), 5000);

    await redis.stop();
    // Told, not left waiting: an error naming the interruption, then the end of the stream.
    for (const before of befores) {
      expect(await within(before.completed, 5000, 'still open')).toBeUndefined();
      expect(interrupted(before.received)).toBe(true);
      expect(before.received.at(-1)!.errors![0]!.message).toMatch(/events may be missed/);
    }
    // A subscription made while Redis is away ends at once, saying why.
    const during = session.subscribe(SUBSCRIPTION);
    expect(await within(during.completed, 5000, 'still open')).toBeUndefined();
    expect(interrupted(during.received)).toBe(true);

    await redis.restart();
    expect(await until(ready, 10_000)).toBe(true);
    const after = session.subscribe(SUBSCRIPTION);
    await until(async () => ((await listeners()) > 0 ? true : null), 5000);
    // An event published on the shared bus reaches it, as from another replica.
    const publisher = new Redis(redis.url);
    try {
      await publisher.publish(
        `${redis.prefix}events:FINDINGS_CHANGED`,
        JSON.stringify({
          companyId: 'acme',
          asOf: '2026-12-05',
          appeared: ['f1'],
          disappeared: [],
        }),
      );
    } finally {
      publisher.disconnect();
    }
    expect(
      await until(() => Promise.resolve(after.received.length > 0 ? after.received : null), 5000),
    ).toEqual([{ data: { findingsChanged: { companyId: 'acme', appeared: ['f1'] } } }]);
    session.close();
  }, 60_000);
});
