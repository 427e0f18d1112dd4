/**
 * Replicas behind a load balancer: two API processes (`node dist/cli/start.js`, as deployed) on
 * two ports, sharing one Neo4j through a neo4j:// routing URI and one Redis. What a client does
 * through one replica must hold through the other: its writes are read back (bookmarks), its
 * subscriptions hear every replica's writes, the rate limit counts across both, a revoked key
 * is refused everywhere within 2 s, a webhook is delivered once, and losing a replica loses no
 * acknowledged write.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Redis from 'ioredis';
import { createApiKey } from '../../src/api/auth/api-keys.store';
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { openSession, within, wsUrl } from '../api/ws-session';
import { rulesBundle } from '../fixtures/rules';
import { type ApiProcess, ensureBuilt, startApiProcess } from '../helpers/api-process';
import { PROJECT_ROOT, resetGraph, testDatabase, workerNeo4jUri } from '../helpers/graph';
import { startTestRedis, type TestRedis } from '../helpers/redis';
import { until } from '../helpers/until';

const RECORD = `mutation RecordIncident($input: IncidentInput!) { recordIncident(input: $input) { id title } }`;
const READ_BACK = `query ReadBack($id: ID!) { history(id: $id) { id label } }`;
const METRICS_TOKEN = 'metrics-token-for-the-replica-tests';

const incident = (title: string) => ({
  kind: 'COMPLAINT',
  title,
  date: '2026-03-01',
  against: ['fx-corp'],
  verification: 'VERIFIED',
  summary: 'A test complaint.',
  sources: [{ source: 'fx-src-policy' }],
});

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

async function post(
  api: ApiProcess,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

describe('two API processes on one Neo4j and one Redis', () => {
  let db: Database;
  let redis: TestRedis;
  let a: ApiProcess;
  let b: ApiProcess;
  let curator = '';
  let env: Record<string, string>;

  beforeAll(async () => {
    await ensureBuilt();
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
    redis = await startTestRedis();
    curator = `Bearer ${(await createApiKey(db, 'curator', 'replicas test')).token}`;
    env = {
      NEO4J_URI: workerNeo4jUri()!,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      METRICS_TOKEN,
      RATE_LIMIT_PER_KEY: '0',
      RATE_LIMIT_ANONYMOUS: '0',
    };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    await db?.close();
  });

  /** The replicas listening on a topic's channel, once one does (a subscription reaches Redis asynchronously). */
  async function listeners(topic: string): Promise<number | null> {
    const probe = new Redis(redis.url);
    try {
      const channel = `${redis.prefix}events:${topic}`;
      return await until(async () => {
        const [, count] = (await probe.pubsub('NUMSUB', channel)) as [string, number];
        return count > 0 ? count : null;
      }, 5000);
    } finally {
      probe.disconnect();
    }
  }

  it('reads a write made through A at once through B, 200 times out of 200', async () => {
    let misses = 0;
    for (let i = 0; i < 200; i++) {
      const written = await post(
        a,
        RECORD,
        { input: incident(`Replica write ${i}`) },
        {
          authorization: curator,
        },
      );
      expect(written.status).toBe(200);
      const bookmarks = written.headers.get('neo4j-bookmarks');
      expect(bookmarks).toMatch(/\S/);
      const read = await post(
        b,
        READ_BACK,
        { id: written.body.data.recordIncident.id },
        { 'neo4j-bookmarks': bookmarks! },
      );
      if (read.body.data?.history?.id !== written.body.data.recordIncident.id) misses++;
    }
    expect(misses).toBe(0);
  }, 300_000);

  it('logs a write with the request id the client sent', async () => {
    const requestId = `replicas-test-${Date.now()}`;
    const res = await post(
      b,
      RECORD,
      { input: incident('Logged write') },
      {
        authorization: curator,
        'x-request-id': requestId,
      },
    );
    expect(res.headers.get('x-request-id')).toBe(requestId);
    const logged = await until(
      () =>
        b.output
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((entry) => entry.requestId === requestId && entry.msg === 'write') ?? null,
      2000,
    );
    expect(logged).toMatchObject({ requestId, operation: 'recordIncident', level: 30 });
  });

  it('tells a subscriber on A of an incident recorded through B', async () => {
    const session = openSession(wsUrl(a.url));
    try {
      expect(await session.acknowledged).toBe(true);
      const { received } = session.subscribe('subscription { incidentRecorded { id title } }');
      // The subscription reaches Redis asynchronously: wait until A listens on the channel.
      expect(await listeners('INCIDENT_RECORDED')).toBe(1);
      const written = await post(
        b,
        RECORD,
        { input: incident('Heard on the other replica') },
        {
          authorization: curator,
        },
      );
      const heard = await until(() => received[0] ?? null, 5000);
      expect(heard).toEqual({
        data: {
          incidentRecorded: {
            id: written.body.data.recordIncident.id,
            title: 'Heard on the other replica',
          },
        },
      });
    } finally {
      session.close();
    }
  });

  it('tells a findingsChanged subscriber on A of findings a write through B changes', async () => {
    // B runs the rules before and after a write only when someone listens: here a subscriber
    // of another replica, which B learns from Redis.
    const session = openSession(wsUrl(a.url));
    try {
      expect(await session.acknowledged).toBe(true);
      const { received } = session.subscribe(
        'subscription { findingsChanged(company: "fx-corp") { companyId appeared disappeared } }',
      );
      expect(await listeners('FINDINGS_CHANGED')).toBe(1);
      const pro = rulesBundle().practices!.find((p) => p.id === 'fx-pro-training')!;
      const written = await post(
        b,
        `mutation ($b: BundleInput!) { ingestBundle(bundle: $b, source: "replicas test") { auditId } }`,
        { b: { practices: [{ ...pro, rights: [{ right: 'OBJECT', status: 'UNAVAILABLE' }] }] } },
        { authorization: curator },
      );
      expect(written.body.errors).toBeUndefined();
      const heard = (await until(() => received[0] ?? null, 5000)) as any;
      expect(heard?.data?.findingsChanged?.companyId).toBe('fx-corp');
      const { appeared, disappeared } = heard.data.findingsChanged;
      expect(appeared.length + disappeared.length).toBeGreaterThan(0);
    } finally {
      session.close();
    }
  });

  it('creates one webhook delivery for a write, not one per replica', async () => {
    const bodies: string[] = [];
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const reader = `Bearer ${(await createApiKey(db, 'reader', 'webhook owner')).token}`;
      const registered = await post(
        a,
        `mutation ($input: WebhookInput!) { registerWebhook(input: $input) { webhook { id } } }`,
        { input: { url, events: ['INCIDENT_RECORDED'] } },
        { authorization: reader },
      );
      const hook = registered.body.data.registerWebhook.webhook.id as string;
      const written = await post(
        b,
        RECORD,
        { input: incident('Delivered once') },
        {
          authorization: curator,
        },
      );
      const id = written.body.data.recordIncident.id as string;
      expect(await until(() => (bodies.length > 0 ? bodies : null), 10_000)).not.toBeNull();
      // Time enough for a second replica's delivery, were there one.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(bodies.map((body) => JSON.parse(body).data.incident.id)).toEqual([id]);
      const log = await post(
        a,
        `query ($id: ID!) { webhook(id: $id) { deliveries { event status } } }`,
        { id: hook },
        { authorization: reader },
      );
      expect(log.body.data.webhook.deliveries).toEqual([
        { event: 'INCIDENT_RECORDED', status: 'SUCCEEDED' },
      ]);
      // The replica that made the write delivered it, and counts it in its metrics.
      expect(await metricValue(b, 'gdpr_graph_webhook_attempts_total{outcome="succeeded"}')).toBe(
        1,
      );
      expect(await metricValue(a, 'gdpr_graph_webhook_attempts_total{outcome="succeeded"}')).toBe(
        null,
      );
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('exposes operations, latency, Cypher queries and Node figures at /metrics, to the token only', async () => {
    const ok = `query MetricsProbe { company(id: "fx-corp") { name } }`;
    let cypher = 0;
    for (let i = 0; i < 3; i++) {
      const res = await fetch(a.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: ok, operationName: 'MetricsProbe' }),
      });
      expect(res.status).toBe(200);
      cypher += Number(res.headers.get('x-cypher-queries'));
    }
    const invalid = await fetch(a.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query MetricsProbe { company(id: "fx-corp") { noSuchField } }',
        operationName: 'MetricsProbe',
      }),
    });
    expect(invalid.status).toBe(400);

    expect((await fetch(`${a.origin}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${a.origin}/metrics`, {
      headers: { authorization: 'Bearer not-the-metrics-token' },
    });
    expect(wrong.status).toBe(401);

    const labels = 'transport="http",operation="MetricsProbe"';
    expect(
      await metricValue(a, `gdpr_graph_graphql_operations_total{${labels},outcome="ok"}`),
    ).toBe(3);
    expect(
      await metricValue(
        a,
        `gdpr_graph_graphql_operations_total{${labels},outcome="GRAPHQL_VALIDATION_FAILED"}`,
      ),
    ).toBe(1);
    expect(
      await metricValue(a, 'gdpr_graph_graphql_cypher_queries_sum{operation="MetricsProbe"}'),
    ).toBe(cypher);
    expect(
      await metricValue(a, 'gdpr_graph_graphql_duration_seconds_count{operation="MetricsProbe"}'),
    ).toBe(4);
    // The 200 writes of the first test went through A.
    expect(
      await metricValue(
        a,
        'gdpr_graph_graphql_operations_total{transport="http",operation="RecordIncident",outcome="ok"}',
      ),
    ).toBeGreaterThanOrEqual(200);
    const text = await metricsText(a);
    for (const name of [
      'gdpr_graph_http_request_duration_seconds_bucket{le="0.05",route="/graphql",status="200"}',
      'gdpr_graph_websocket_connections ',
      'gdpr_graph_neo4j_sessions_in_use ',
      'nodejs_eventloop_lag_p99_seconds ',
      'process_cpu_seconds_total ',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('refuses a key revoked with the keys command on both replicas within 2 s, and closes its sockets', async () => {
    const { key, token } = await createApiKey(db, 'reader', 'to be revoked');
    const bearer = `Bearer ${token}`;
    // Both replicas have checked, and cached, the key.
    for (const api of [a, b])
      expect((await post(api, '{ about { version } }', {}, { authorization: bearer })).status).toBe(
        200,
      );
    const socket = openSession(wsUrl(b.url), { authorization: bearer });
    expect(await socket.acknowledged).toBe(true);

    // Timed from the revocation the command reports, not from its exit: closing its Neo4j and
    // Redis connections is the command's own time, not the replicas'.
    const cli = revokeWithCli(key.id);
    const revoked = await cli.revoked;
    const refusedWithin = async (api: ApiProcess) => {
      for (;;) {
        const res = await post(api, '{ about { version } }', {}, { authorization: bearer });
        if (res.status === 401) return Date.now() - revoked;
        if (Date.now() - revoked > 5000) return Infinity;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const [onA, onB] = await Promise.all([refusedWithin(a), refusedWithin(b)]);
    await cli.done;
    expect(onA).toBeLessThan(2000);
    expect(onB).toBeLessThan(2000);
    const closed = await within(socket.closed, 2000, null);
    expect(closed?.code).toBe(4403);
  });

  /** Runs `keys revoke`: `revoked` when it reports the key revoked, `done` when it succeeded. */
  function revokeWithCli(keyId: string): { revoked: Promise<number>; done: Promise<void> } {
    const child = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, 'dist/cli/keys.js'), 'revoke', keyId],
      {
        cwd: PROJECT_ROOT,
        env: { PATH: process.env.PATH, TZ: 'UTC', ...env, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let revokedAt = 0;
    let reported: (at: number) => void = () => undefined;
    const revoked = new Promise<number>((resolve) => (reported = resolve));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!revokedAt && out.includes(`revoked ${keyId}`)) {
        revokedAt = Date.now();
        reported(revokedAt);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const done = new Promise<number | null>((resolve) => child.once('close', resolve)).then(
      (code) => {
        // A command that failed before reporting leaves `revoked` waiting: end it here.
        reported(Date.now());
        expect({ code, out }).toEqual({
          code: 0,
          out: expect.stringContaining('every replica told (Redis)'),
        });
      },
    );
    return { revoked, done };
  }

  it('counts the rate limit across both replicas', async () => {
    const limited = { ...env, RATE_LIMIT_ANONYMOUS: '10', REDIS_PREFIX: `${redis.prefix}limits:` };
    const [a2, b2] = await Promise.all([startApiProcess(limited), startApiProcess(limited)]);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push((await post(i % 2 === 0 ? a2 : b2, '{ about { version } }')).status);
      }
      // Alone, each replica would have let its 6 through.
      expect(statuses).toEqual([...Array<number>(10).fill(200), 429, 429]);
      const health = await fetch(`${b2.origin}/healthz`);
      expect(health.status).toBe(429);
    } finally {
      await Promise.all([a2.stop(), b2.stop()]);
    }
  }, 120_000);

  it('loses no acknowledged write when A is killed mid-load, and B keeps answering', async () => {
    const acknowledged: string[] = [];
    const bAnswers: number[] = [];
    let killed = false;
    let afterKill = 0;
    const stopAt = Date.now() + 4000;
    const writer = async (n: number) => {
      for (let i = 0; Date.now() < stopAt; i++) {
        const api = i % 2 === 0 ? a : b;
        try {
          const res = await post(
            api,
            RECORD,
            { input: incident(`Load ${n}-${i}`) },
            {
              authorization: curator,
            },
          );
          if (api === b) bAnswers.push(res.status);
          if (res.status === 200 && res.body.data?.recordIncident) {
            acknowledged.push(res.body.data.recordIncident.id);
            if (killed && api === b) afterKill++;
          }
        } catch (error) {
          // A's requests fail once it is gone; B's must not.
          if (api === b) throw error;
        }
      }
    };
    const reader = async () => {
      while (Date.now() < stopAt) {
        bAnswers.push((await post(b, '{ incidents(first: 5) { totalCount } }')).status);
      }
    };
    const load = Promise.all([writer(1), writer(2), reader()]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await a.kill();
    killed = true;
    await load;

    expect(afterKill).toBeGreaterThan(0);
    expect(bAnswers.filter((status) => status !== 200)).toEqual([]);
    const rows = await db.read(
      'acknowledgedIncidents',
      'MATCH (i:Incident) WHERE i.id IN $ids RETURN count(DISTINCT i) AS found',
      { ids: acknowledged },
    );
    expect(rows[0]!.found).toBe(new Set(acknowledged).size);
  }, 60_000);
});

/** The scrape of a replica's /metrics with the token. */
async function metricsText(api: ApiProcess): Promise<string> {
  const res = await fetch(`${api.origin}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of one series (name and labels as Prometheus prints them), or null when absent. */
async function metricValue(api: ApiProcess, series: string): Promise<number | null> {
  const line = (await metricsText(api)).split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}
