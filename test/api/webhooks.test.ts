/**
 * Webhooks: any key holder registers a URL; writes are delivered to it signed (Stripe-style
 * HMAC), retried with backoff, and logged per attempt. Receivers are real HTTP servers on
 * 127.0.0.1; the graph is the FX Corp world of test/fixtures/rules.ts on a real Neo4j.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiKey, revokeApiKey } from '../../src/api/auth/api-keys.store';
import { incidentBundle } from '../../src/api/curation/curation.inputs';
import { retract, writeBundle } from '../../src/api/curation/curation.service';
import type { IncidentInput } from '../../src/api/curation/incident.input';
import { findingKindOfId } from '../../src/api/findings/findings.words';
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signatureHeader,
  verifySignature,
} from '../../src/api/webhooks';
import { sendDelivery } from '../../src/api/webhooks/delivery';
import {
  createDeliveries,
  listDeliveries,
  recordAttempt,
} from '../../src/api/webhooks/webhooks.store';
import { isPrivateAddress } from '../../src/api/webhooks/webhook-url';
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import { replicaDyingAfterCommit, startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, testDatabase } from '../helpers/graph';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/**
 * A webhook receiver on loopback. Each path answers with the statuses queued for it, in turn,
 * then 200; a path in `hang` never answers.
 */
class Receiver {
  readonly requests: Received[] = [];
  private readonly statuses = new Map<string, number[]>();
  private readonly hanging = new Set<string>();
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      this.requests.push({
        path,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      if (this.hanging.has(path)) return;
      const status = this.statuses.get(path)?.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  base = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  answer(path: string, ...statuses: number[]): string {
    this.statuses.set(path, statuses);
    return `${this.base}${path}`;
  }

  hang(path: string): string {
    this.hanging.add(path);
    return `${this.base}${path}`;
  }

  at(path: string): Received[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** The requests to `path` once there are at least `count`; null before. */
  once(path: string, count = 1): Received[] | null {
    const got = this.at(path);
    return got.length >= count ? got : null;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const SOURCE = {
  id: 'wh-src',
  url: 'https://example.org/webhooks',
  publisher: 'Example',
  title: 'Webhook test source',
  publishedAt: '2026-01-05',
  kind: 'NEWS',
};

const incident = (title: string) => ({
  kind: 'COMPLAINT',
  title,
  date: '2026-01-05',
  against: ['fx-corp'],
  before: 'fx-dpa',
  cites: ['Art. 21'],
  verification: 'VERIFIED',
  summary: 'A test complaint.',
  sources: [{ source: 'wh-src' }],
  newSources: [SOURCE],
});

const REGISTER = `mutation ($input: WebhookInput!) {
  registerWebhook(input: $input) { secret webhook { id url events companies findingKinds description createdAt } }
}`;
const RECORD_INCIDENT = `mutation ($input: IncidentInput!) { recordIncident(input: $input) { id } }`;
const LOG = `query ($id: ID!) {
  webhook(id: $id) { deliveries { id event test status createdAt attempts { number at statusCode error durationMs } } }
}`;

const BACKOFF_MS = 50;
const MAX_ATTEMPTS = 5;
const TIMEOUT_MS = 3000;

describe('webhooks', () => {
  let db: Database;
  let api: TestApi;
  let receiver: Receiver;
  const keys = { alice: '', bob: '', curator: '' };
  let curatorKeyId = '';
  const as = (who: keyof typeof keys) => `Bearer ${keys[who]}`;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [
      { file: 'rules', data: rulesBundle() },
      {
        file: 'webhooks',
        data: {
          companies: [
            { id: 'fy-corp', name: 'FY Corp', country: 'DE', sources: ['fx-src-policy'] },
          ],
        },
      },
    ]);
    keys.alice = (await createApiKey(db, 'reader', 'alice')).token;
    keys.bob = (await createApiKey(db, 'reader', 'bob')).token;
    const curator = await createApiKey(db, 'curator', 'curator');
    keys.curator = curator.token;
    curatorKeyId = curator.key.id;
    receiver = new Receiver();
    await receiver.start();
    api = await startTestApi(db, {
      webhooks: {
        allowPrivateAddresses: true,
        baseDelayMs: BACKOFF_MS,
        maxAttempts: MAX_ATTEMPTS,
        timeoutMs: TIMEOUT_MS,
      },
    });
  });
  // Each test starts with no webhooks: leftovers would receive the next test's events.
  afterEach(async () => {
    await db.write(
      'test',
      `MATCH (w:Webhook) OPTIONAL MATCH (w)-[:DELIVERED]->(d)
       OPTIONAL MATCH (d)-[:ATTEMPT]->(a) DETACH DELETE a, d, w`,
    );
  });
  afterAll(async () => {
    await api.close();
    await receiver.stop();
    await db.close();
  });

  async function register(
    who: keyof typeof keys,
    input: Record<string, unknown>,
  ): Promise<{ id: string; secret: string }> {
    const res = await api.gql(REGISTER, { input }, as(who));
    expect(res.errors).toBeUndefined();
    return { id: res.data!.registerWebhook.webhook.id, secret: res.data!.registerWebhook.secret };
  }

  /**
   * The one delivery alice's webhook `hookId` has, stored by a write whose replica died after
   * the commit (pending, never attempted); then an API that starts sends it to `path`, once, and
   * logs it as a success. Returns the stored delivery and the body received.
   */
  async function sentByNextStart(
    hookId: string,
    event: string,
    path: string,
  ): Promise<{ stored: any; body: any }> {
    const [stored, ...more] = await deliveries('alice', hookId);
    expect(more).toEqual([]);
    expect(stored).toMatchObject({ event, status: 'PENDING', attempts: [] });
    const next = await startTestApi(db, {
      webhooks: { allowPrivateAddresses: true, baseDelayMs: BACKOFF_MS, timeoutMs: TIMEOUT_MS },
    });
    try {
      const [request] = await waitFor('the delivery', () => receiver.once(path));
      await waitFor('the log', async () => {
        const ds = await deliveries('alice', hookId);
        return ds[0]?.status === 'SUCCEEDED' ? ds : null;
      });
      expect(receiver.at(path)).toHaveLength(1);
      return { stored, body: JSON.parse(request!.body) };
    } finally {
      await next.close();
    }
  }

  async function deliveries(who: keyof typeof keys, id: string): Promise<any[]> {
    const res = await api.gql(LOG, { id }, as(who));
    expect(res.errors).toBeUndefined();
    return res.data!.webhook.deliveries;
  }

  async function recordIncident(title: string): Promise<string> {
    const res = await api.gql(RECORD_INCIDENT, { input: incident(title) }, as('curator'));
    expect(res.errors).toBeUndefined();
    return res.data!.recordIncident.id;
  }

  it('refuses to register without a key', async () => {
    const res = await api.gql(REGISTER, {
      input: { url: 'https://example.org/hook', events: ['INCIDENT_RECORDED'] },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a reader register, shows the secret once, and lists it without the secret', async () => {
    const res = await api.gql(
      REGISTER,
      {
        input: {
          url: 'https://example.org/hook#ignored',
          events: ['INCIDENT_RECORDED', 'INCIDENT_RECORDED', 'PROPOSAL_REVIEWED'],
          description: '  newsroom  ',
        },
      },
      as('alice'),
    );
    expect(res.errors).toBeUndefined();
    const { secret, webhook } = res.data!.registerWebhook;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook).toMatchObject({
      url: 'https://example.org/hook',
      events: ['INCIDENT_RECORDED', 'PROPOSAL_REVIEWED'],
      companies: [],
      findingKinds: [],
      description: 'newsroom',
    });
    const listed = await api.gql(`{ webhooks { id url events } }`, {}, as('alice'));
    expect(listed.data!.webhooks).toContainEqual({
      id: webhook.id,
      url: 'https://example.org/hook',
      events: ['INCIDENT_RECORDED', 'PROPOSAL_REVIEWED'],
    });
    const asked = await api.gql(`{ webhooks { id secret } }`, {}, as('alice'));
    expect(asked.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Stored, but never in an answer: the secret lives only on the node.
    const stored = await db.read('test', 'MATCH (w:Webhook {id: $id}) RETURN w.secret AS s', {
      id: webhook.id,
    });
    expect(stored[0]?.s).toBe(secret);
  });

  it.each([
    [
      'an ftp URL',
      { url: 'ftp://example.org/x' },
      'input.url',
      'must use http or https, not "ftp"',
    ],
    ['a relative URL', { url: '/hooks' }, 'input.url', 'is not an absolute URL'],
    [
      'credentials in the URL',
      { url: 'https://u:p@example.org/' },
      'input.url',
      'user name or password',
    ],
    ['no events', { events: [] }, 'input.events', 'name at least one event'],
    [
      'an unknown company',
      { companies: ['no-such-co'] },
      'input.companies',
      'no company with id "no-such-co"',
    ],
    [
      'two unknown companies, as the questions name them',
      { companies: ['no-such-co', 'nor-this'] },
      'input.companies',
      'no companies with ids "no-such-co", "nor-this"',
    ],
    [
      'finding kinds without FINDINGS_CHANGED',
      { findingKinds: ['NO_WAY_TO_OBJECT'] },
      'input.findingKinds',
      'filters only FINDINGS_CHANGED',
    ],
    ['a long description', { description: 'x'.repeat(201) }, 'input.description', 'at most 200'],
  ])('refuses %s with BAD_USER_INPUT naming the problem', async (_what, change, path, message) => {
    const before = await api.gql(`{ webhooks { id } }`, {}, as('bob'));
    const res = await api.gql(
      REGISTER,
      { input: { url: 'https://example.org/hook', events: ['INCIDENT_RECORDED'], ...change } },
      as('bob'),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = res.errors?.[0]?.extensions?.problems as { path: string; message: string }[];
    expect(problems).toEqual([{ path, message: expect.stringContaining(message) }]);
    expect(res.errors?.[0]?.message).toContain(message);
    const after = await api.gql(`{ webhooks { id } }`, {}, as('bob'));
    expect(after.data!.webhooks).toEqual(before.data!.webhooks);
  });

  it('delivers a recorded incident, signed so that the receiver can verify it', async () => {
    const url = receiver.answer('/incidents');
    const hook = await register('alice', { url, events: ['INCIDENT_RECORDED'] });
    const started = Date.now();
    const id = await recordIncident('Webhook complaint one');
    const [request] = await waitFor('the delivery', () => receiver.once('/incidents'));
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      event: 'incidentRecorded',
      webhook: hook.id,
      test: false,
      data: {
        incident: {
          id,
          kind: 'COMPLAINT',
          title: 'Webhook complaint one',
          date: '2026-01-05',
          against: ['fx-corp'],
        },
      },
    });
    expect(request!.headers[EVENT_HEADER]).toBe('incidentRecorded');
    expect(request!.headers[DELIVERY_HEADER]).toBe(body.id);
    expect(request!.headers['content-type']).toMatch(/^application\/json/);

    const header = request!.headers[SIGNATURE_HEADER] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const t = Number(/t=(\d+)/.exec(header)![1]);
    expect(Math.abs(t * 1000 - started)).toBeLessThan(60_000);
    // The scheme as documented, computed here independently of the API's code.
    const expected = createHmac('sha256', hook.secret)
      .update(`${t}.${request!.body}`)
      .digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(verifySignature(hook.secret, header, request!.body, 300)).toBe(true);
    expect(verifySignature(hook.secret, header, Buffer.from(request!.body), 300)).toBe(true);
    // Anything else fails: another secret, another body, a replay after the tolerance.
    expect(verifySignature(`${hook.secret}x`, header, request!.body, 300)).toBe(false);
    expect(verifySignature(hook.secret, header, request!.body.replace('one', 'two'), 300)).toBe(
      false,
    );
    expect(verifySignature(hook.secret, header, request!.body, 300, t + 301)).toBe(false);
    expect(verifySignature(hook.secret, header.replace(/t=\d+/, `t=${t + 1}`), request!.body)).toBe(
      false,
    );

    const log = await waitFor('the log', async () => {
      const ds = await deliveries('alice', hook.id);
      return ds[0]?.status === 'SUCCEEDED' ? ds : null;
    });
    expect(log).toEqual([
      {
        id: body.id,
        event: 'INCIDENT_RECORDED',
        test: false,
        status: 'SUCCEEDED',
        createdAt: expect.any(String),
        attempts: [
          {
            number: 1,
            at: expect.any(String),
            statusCode: 200,
            error: null,
            durationMs: expect.any(Number),
          },
        ],
      },
    ]);
  });

  it('retries a receiver that fails three times, with growing delays, until it succeeds', async () => {
    const url = receiver.answer('/flaky', 500, 503, 500);
    const hook = await register('alice', { url, events: ['INCIDENT_RECORDED'] });
    await recordIncident('Webhook complaint two');
    const requests = await waitFor('four attempts', () => {
      const got = receiver.at('/flaky');
      return got.length >= 4 ? got : null;
    });
    // The same delivery, byte for byte, each time signed afresh and verifiable.
    const ids = new Set(requests.map((r) => r.headers[DELIVERY_HEADER]));
    expect(ids.size).toBe(1);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    for (const r of requests)
      expect(verifySignature(hook.secret, r.headers[SIGNATURE_HEADER] as string, r.body)).toBe(
        true,
      );
    // Exponential backoff: 50, 100, 200 ms (timers fire no earlier than asked).
    for (let i = 1; i < requests.length; i++)
      expect(requests[i]!.at - requests[i - 1]!.at).toBeGreaterThanOrEqual(
        BACKOFF_MS * 2 ** (i - 1) - 5,
      );

    const [delivery] = await waitFor('the log', async () => {
      const ds = await deliveries('alice', hook.id);
      return ds[0]?.status === 'SUCCEEDED' ? ds : null;
    });
    expect(delivery.attempts.map((a: any) => [a.number, a.statusCode, a.error])).toEqual([
      [1, 500, 'answered 500'],
      [2, 503, 'answered 503'],
      [3, 500, 'answered 500'],
      [4, 200, null],
    ]);
    const times = delivery.attempts.map((a: any) => Date.parse(a.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const a of delivery.attempts) expect(a.durationMs).toBeGreaterThanOrEqual(0);
    // Nothing more is sent once it succeeded.
    await new Promise((r) => setTimeout(r, BACKOFF_MS * 8));
    expect(receiver.at('/flaky')).toHaveLength(4);
  });

  it('gives up after the last attempt, logging why each failed', async () => {
    // A port nothing listens on: every attempt is refused.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const hook = await register('alice', {
      url: `http://127.0.0.1:${port}/gone`,
      events: ['INCIDENT_RECORDED'],
    });
    await recordIncident('Webhook complaint three');
    const [delivery] = await waitFor('the last attempt', async () => {
      const ds = await deliveries('alice', hook.id);
      return ds[0]?.status === 'FAILED' ? ds : null;
    });
    expect(delivery.status).toBe('FAILED');
    expect(delivery.attempts.map((a: any) => [a.number, a.statusCode, a.error])).toEqual(
      Array.from({ length: MAX_ATTEMPTS }, (_, i) => [i + 1, null, 'connection refused']),
    );
  });

  it('never holds up the write: a receiver that does not answer does not slow recordIncident', async () => {
    const url = receiver.hang('/slow');
    await register('alice', { url, events: ['INCIDENT_RECORDED'] });
    const started = performance.now();
    await recordIncident('Webhook complaint four');
    const took = performance.now() - started;
    await waitFor('the delivery to start', () => receiver.at('/slow').length > 0);
    expect(took).toBeLessThan(TIMEOUT_MS / 2);
  });

  it('takes up a pending delivery after a restart', async () => {
    // An API whose retry would come late: stopped after the first attempt failed.
    const first = await startTestApi(db, {
      webhooks: { allowPrivateAddresses: true, baseDelayMs: 400, timeoutMs: TIMEOUT_MS },
    });
    const url = receiver.answer('/restart', 500);
    const res = await first.gql(
      REGISTER,
      { input: { url, events: ['INCIDENT_RECORDED'] } },
      as('alice'),
    );
    const hook = res.data!.registerWebhook.webhook.id;
    await first.gql(RECORD_INCIDENT, { input: incident('Webhook complaint six') }, as('curator'));
    await waitFor('the first attempt', () => receiver.once('/restart'));
    const [pending] = await waitFor('the failure logged', async () => {
      const ds = await deliveries('alice', hook);
      return ds[0]?.attempts.length === 1 ? ds : null;
    });
    expect(pending.status).toBe('PENDING');
    await first.close();

    const second = await startTestApi(db, {
      webhooks: { allowPrivateAddresses: true, baseDelayMs: 400, timeoutMs: TIMEOUT_MS },
    });
    try {
      const [done] = await waitFor('the retry', async () => {
        const ds = await deliveries('alice', hook);
        return ds[0]?.status === 'SUCCEEDED' ? ds : null;
      });
      expect(done.attempts.map((a: any) => a.statusCode)).toEqual([500, 200]);
      const requests = receiver.at('/restart');
      expect(requests).toHaveLength(2);
      // Not before it was due.
      expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(400 - 5);
    } finally {
      await second.close();
    }
  });

  it('answers a status with the attempts written with it, when a read sees half an attempt', async () => {
    // Neo4j reads committed data, not a snapshot. Stand in for the race CI met: the first read
    // of the log finds the delivery's new status and count (2) beside one attempt node, as if
    // the second attempt's transaction were half applied; its node lands once that read is done.
    const hook = await register('alice', {
      url: receiver.answer('/torn'),
      events: ['INCIDENT_RECORDED'],
    });
    const at = new Date().toISOString();
    const [id] = await createDeliveries(
      db,
      [
        {
          id: 'torn-1',
          webhookId: hook.id,
          event: 'INCIDENT_RECORDED',
          test: true,
          body: '{}',
          createdAt: at,
        },
      ],
      10,
    );
    const attempt = (n: number, statusCode: number) => ({
      number: n,
      at,
      statusCode,
      error: null,
      durationMs: 1,
    });
    // No next attempt is due: no dispatcher takes it up while the test runs.
    await recordAttempt(db, id!, attempt(1, 500), 'PENDING', null);
    await db.write(
      'test',
      `MATCH (d:WebhookDelivery {id: $id}) SET d.status = 'SUCCEEDED', d.attempts = 2`,
      { id },
    );
    let reads = 0;
    const racing: Database = Object.create(db);
    racing.read = async (...args: Parameters<Database['read']>) => {
      const rows = await db.read(...args);
      if (++reads === 1) {
        await db.write(
          'test',
          `MATCH (d:WebhookDelivery {id: $id})
           CREATE (d)-[:ATTEMPT]->(:WebhookAttempt {number: 2, at: datetime(), statusCode: 200})`,
          { id },
        );
      }
      return rows;
    };
    const [delivery] = await listDeliveries(racing, hook.id, 10);
    expect(delivery!.status).toBe('SUCCEEDED');
    expect(delivery!.attempts.map((a) => Number(a.statusCode))).toEqual([500, 200]);
    expect(reads).toBe(2);
  });

  it("stores an incident's deliveries in its write's transaction, for the next start if the writer dies", async () => {
    const url = receiver.answer('/outbox');
    const hook = await register('alice', { url, events: ['INCIDENT_RECORDED'] });
    const elsewhere = await register('bob', {
      url: receiver.answer('/outbox-fy'),
      events: ['INCIDENT_RECORDED'],
      companies: ['fy-corp'],
    });
    // The curators' door, on a replica that dies once the write is committed: its dispatcher
    // never hears of the incident.
    const { id, bundle } = incidentBundle(incident('Webhook complaint seven') as IncidentInput);
    await writeBundle(
      replicaDyingAfterCommit(db, { keyId: curatorKeyId, role: 'curator' }),
      { keyId: curatorKeyId, role: 'curator' },
      { data: bundle, operation: 'recordIncident', source: 'wh-src' },
    );
    const { stored, body } = await sentByNextStart(hook.id, 'INCIDENT_RECORDED', '/outbox');
    expect(body).toMatchObject({
      id: stored.id,
      event: 'incidentRecorded',
      webhook: hook.id,
      data: {
        incident: {
          id,
          title: 'Webhook complaint seven',
          date: '2026-01-05',
          against: ['fx-corp'],
          // Read in the write's transaction, as a read after it gives it.
          recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        },
      },
    });
    // Against FX Corp: not for a webhook that keeps FY Corp only.
    expect(await deliveries('bob', elsewhere.id)).toEqual([]);
    expect(receiver.at('/outbox-fy')).toHaveLength(0);
  });

  it('sends a test delivery on testWebhook, and logs it', async () => {
    const url = receiver.answer('/test');
    const hook = await register('bob', { url, events: ['FINDINGS_CHANGED'] });
    const res = await api.gql(
      `mutation ($id: ID!) { testWebhook(id: $id) { id event test status attempts { number } } }`,
      { id: hook.id },
      as('bob'),
    );
    expect(res.errors).toBeUndefined();
    const queued = res.data!.testWebhook;
    expect(queued).toMatchObject({ event: 'FINDINGS_CHANGED', test: true, status: 'PENDING' });
    const [request] = await waitFor('the test delivery', () => receiver.once('/test'));
    expect(request!.headers[DELIVERY_HEADER]).toBe(queued.id);
    expect(request!.headers[EVENT_HEADER]).toBe('findingsChanged');
    expect(JSON.parse(request!.body)).toMatchObject({
      id: queued.id,
      event: 'findingsChanged',
      test: true,
      data: { companyId: expect.any(String), appeared: expect.any(Array) },
    });
    expect(
      verifySignature(hook.secret, request!.headers[SIGNATURE_HEADER] as string, request!.body),
    ).toBe(true);

    // Another event's shape on request.
    const other = await api.gql(
      `mutation ($id: ID!) { testWebhook(id: $id, event: PROPOSAL_REVIEWED) { id event } }`,
      { id: hook.id },
      as('bob'),
    );
    expect(other.data!.testWebhook.event).toBe('PROPOSAL_REVIEWED');
    await waitFor('the second test delivery', () => receiver.at('/test').length >= 2);
    expect(JSON.parse(receiver.at('/test')[1]!.body)).toMatchObject({
      event: 'proposalReviewed',
      data: { proposalId: expect.any(String), outcome: 'APPROVED' },
    });

    const log = await waitFor('the log', async () => {
      const ds = await deliveries('bob', hook.id);
      return ds.length === 2 && ds.every((d) => d.status === 'SUCCEEDED') ? ds : null;
    });
    expect(log.map((d) => [d.event, d.test, d.attempts.length])).toEqual([
      ['PROPOSAL_REVIEWED', true, 1],
      ['FINDINGS_CHANGED', true, 1],
    ]);
  });

  it('delivers findingsChanged only to webhooks whose company and rule filters match', async () => {
    const all = await register('alice', {
      url: receiver.answer('/findings-fx'),
      events: ['FINDINGS_CHANGED'],
      companies: ['fx-corp'],
    });
    const other = await register('alice', {
      url: receiver.answer('/findings-fy'),
      events: ['FINDINGS_CHANGED'],
      companies: ['fy-corp'],
    });
    await register('bob', {
      url: receiver.answer('/findings-training'),
      events: ['FINDINGS_CHANGED'],
      findingKinds: ['TRAINING_ON_BY_DEFAULT'],
    });
    const noWay = await register('bob', {
      url: receiver.answer('/findings-no-way'),
      events: ['FINDINGS_CHANGED'],
      companies: ['fx-corp'],
      findingKinds: ['NO_WAY_TO_OBJECT'],
    });
    const incidentsOnly = await register('bob', {
      url: receiver.answer('/incidents-only'),
      events: ['INCIDENT_RECORDED'],
    });

    // Retracting Free's practice takes away the findings that rest on it (payment, on
    // request, training by default), not Plus's NO_WAY_TO_OBJECT.
    const res = await api.gql(
      `mutation { retract(id: "fx-free-training", reason: "webhook test") { id } }`,
      {},
      as('curator'),
    );
    expect(res.errors).toBeUndefined();

    const [request] = await waitFor('the fx-corp delivery', () => receiver.once('/findings-fx'));
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      event: 'findingsChanged',
      data: { companyId: 'fx-corp', appeared: [] },
    });
    const disappeared: string[] = body.data.disappeared;
    const kinds = new Set(disappeared.map(findingKindOfId));
    expect(kinds).toEqual(
      new Set(['RIGHT_CONDITIONED_ON_PAYMENT', 'RIGHT_ONLY_ON_REQUEST', 'TRAINING_ON_BY_DEFAULT']),
    );

    const [trainingRequest] = await waitFor('the training delivery', () =>
      receiver.once('/findings-training'),
    );
    expect(JSON.parse(trainingRequest!.body).data.disappeared).toEqual(
      disappeared.filter((id) => findingKindOfId(id) === 'TRAINING_ON_BY_DEFAULT'),
    );
    // Deliveries are stored before they are sent, all in one write: the others have none.
    for (const hook of [other, noWay, incidentsOnly]) {
      const owner = hook === other ? 'alice' : 'bob';
      expect(await deliveries(owner, hook.id)).toEqual([]);
    }
    await new Promise((r) => setTimeout(r, 200));
    for (const path of ['/findings-fy', '/findings-no-way', '/incidents-only'])
      expect(receiver.at(path)).toEqual([]);
    expect((await deliveries('alice', all.id)).map((d) => d.event)).toEqual(['FINDINGS_CHANGED']);
  });

  it("stores findingsChanged deliveries in the write's transaction, for the next start if the writer dies", async () => {
    const url = receiver.answer('/findings-outbox');
    const hook = await register('alice', {
      url,
      events: ['FINDINGS_CHANGED'],
      companies: ['fx-corp'],
    });
    const elsewhere = await register('bob', {
      url: receiver.answer('/findings-outbox-fy'),
      events: ['FINDINGS_CHANGED'],
      companies: ['fy-corp'],
    });
    // Retracting Plus's practice takes its NO_WAY_TO_OBJECT away, on a replica that dies once
    // the retraction is committed: its dispatcher never hears of the change.
    const curator = { keyId: curatorKeyId, role: 'curator' } as const;
    await retract(
      replicaDyingAfterCommit(db, curator),
      curator,
      'fx-plus-training',
      'webhook outbox test',
    );
    const { stored, body } = await sentByNextStart(hook.id, 'FINDINGS_CHANGED', '/findings-outbox');
    expect(body).toMatchObject({
      id: stored.id,
      event: 'findingsChanged',
      webhook: hook.id,
      data: { companyId: 'fx-corp', appeared: [] },
    });
    expect(body.data.disappeared.map(findingKindOfId)).toContain('NO_WAY_TO_OBJECT');
    expect(await deliveries('bob', elsewhere.id)).toEqual([]);
    expect(receiver.at('/findings-outbox-fy')).toHaveLength(0);
  });

  it('keeps each key to its own webhooks: another key cannot list, read, test or delete them', async () => {
    const hook = await register('alice', {
      url: receiver.answer('/private'),
      events: ['INCIDENT_RECORDED'],
    });
    const mine = await register('bob', {
      url: receiver.answer('/bobs'),
      events: ['INCIDENT_RECORDED'],
    });
    const listed = await api.gql(`{ webhooks { id } }`, {}, as('bob'));
    expect(listed.data!.webhooks.map((w: any) => w.id)).toEqual([mine.id]);
    for (const operation of [
      `query ($id: ID!) { webhook(id: $id) { id } }`,
      `mutation ($id: ID!) { deleteWebhook(id: $id) }`,
      `mutation ($id: ID!) { testWebhook(id: $id) { id } }`,
    ]) {
      const res = await api.gql(operation, { id: hook.id }, as('bob'));
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.message).toBe(`you have no webhook with id "${hook.id}"`);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.at('/private')).toEqual([]);
    const still = await api.gql(`{ webhooks { id } }`, {}, as('alice'));
    expect(still.data!.webhooks.map((w: any) => w.id)).toEqual([hook.id]);

    // The owner can, and the delivery log goes with the webhook.
    await api.gql(
      `mutation ($id: ID!) { testWebhook(id: $id) { id } }`,
      { id: hook.id },
      as('alice'),
    );
    await waitFor('the test delivery', () => receiver.at('/private').length > 0);
    const deleted = await api.gql(
      `mutation ($id: ID!) { deleteWebhook(id: $id) }`,
      { id: hook.id },
      as('alice'),
    );
    expect(deleted.data).toEqual({ deleteWebhook: hook.id });
    const gone = await api.gql(`{ webhooks { id } }`, {}, as('alice'));
    expect(gone.data!.webhooks).toEqual([]);
    const left = await db.read(
      'test',
      'MATCH (d:WebhookDelivery) WHERE NOT EXISTS { (:Webhook)-[:DELIVERED]->(d) } RETURN count(d) AS n',
    );
    expect(left[0]?.n).toBe(0);
    const again = await api.gql(
      `mutation ($id: ID!) { deleteWebhook(id: $id) }`,
      { id: hook.id },
      as('alice'),
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('stops delivering to the webhooks of a revoked key', async () => {
    const carol = await createApiKey(db, 'reader', 'carol');
    const res = await api.gql(
      REGISTER,
      { input: { url: receiver.answer('/revoked'), events: ['INCIDENT_RECORDED'] } },
      `Bearer ${carol.token}`,
    );
    expect(res.errors).toBeUndefined();
    await register('alice', {
      url: receiver.answer('/control'),
      events: ['INCIDENT_RECORDED'],
    });
    await revokeApiKey(db, carol.key.id);
    await recordIncident('Webhook complaint five');
    await waitFor('the control delivery', () => receiver.at('/control').length > 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.at('/revoked')).toEqual([]);
  });
});

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"hello":"world"}';

  it('verifies what signatureHeader signs, within the tolerance only', () => {
    const header = signatureHeader(secret, body, 1_800_000_000);
    expect(verifySignature(secret, header, body, 300, 1_800_000_000)).toBe(true);
    expect(verifySignature(secret, header, body, 300, 1_800_000_300)).toBe(true);
    expect(verifySignature(secret, header, body, 300, 1_800_000_301)).toBe(false);
    expect(verifySignature(secret, header, body, 300, 1_799_999_699)).toBe(false);
  });

  it('accepts any of several v1 signatures (a secret being replaced) and refuses malformed headers', () => {
    const good = signatureHeader(secret, body, 1_800_000_000);
    const v1 = good.split(',v1=')[1];
    const now = 1_800_000_000;
    expect(
      verifySignature(secret, `t=1800000000,v1=${'0'.repeat(64)},v1=${v1}`, body, 300, now),
    ).toBe(true);
    for (const header of [
      undefined,
      null,
      '',
      'v1=' + v1,
      't=1800000000',
      `t=abc,v1=${v1}`,
      `t=1800000000,v0=${v1}`,
    ])
      expect(verifySignature(secret, header, body, 300, now)).toBe(false);
  });
});

describe('webhook addresses', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['93.184.215.14', false],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', false],
    ['not an address', true],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('refuses to send to loopback unless allowed, by address and by name', async () => {
    const receiver = new Receiver();
    await receiver.start();
    try {
      const port = new URL(receiver.base).port;
      const request = {
        secret: 'whsec_x',
        deliveryId: 'd-1',
        event: 'incidentRecorded',
        body: '{}',
      };
      for (const url of [`http://127.0.0.1:${port}/x`, `http://localhost:${port}/x`]) {
        const refused = await sendDelivery(
          { ...request, url },
          { timeoutMs: 2000, allowPrivateAddresses: false },
        );
        expect(refused).toMatchObject({ ok: false, statusCode: null });
        expect(refused.error).toMatch(/private or reserved address/);
      }
      expect(receiver.requests).toEqual([]);
      const allowed = await sendDelivery(
        { ...request, url: `http://127.0.0.1:${port}/x` },
        { timeoutMs: 2000, allowPrivateAddresses: true },
      );
      expect(allowed).toMatchObject({ ok: true, statusCode: 200, error: null });
      expect(receiver.requests).toHaveLength(1);
    } finally {
      await receiver.stop();
    }
  });
});
