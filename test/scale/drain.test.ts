/**
 * SIGTERM, as an orchestrator sends it to a replica it replaces: the API process refuses new
 * connections at once, lets the requests under way finish, closes its sockets and exits 0; a
 * request that outlasts SHUTDOWN_TIMEOUT_MS is cut, and the process still exits in bounded
 * time. A request is held "under way" by a lock: the test's own transaction creates the
 * incident the request writes (same id), so the request waits until the test lets it go.
 */
import net from 'node:net';
import { createApiKey } from '../../src/api/auth/api-keys.store';
import { incidentId } from '../../src/api/curation/curation.inputs';
import type { IncidentInput } from '../../src/api/curation/incident.input';
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { within } from '../api/ws-session';
import { rulesBundle } from '../fixtures/rules';
import { type ApiProcess, ensureBuilt, startApiProcess } from '../helpers/api-process';
import { resetGraph, testDatabase, workerNeo4jUri } from '../helpers/graph';
import { startTestRedis, type TestRedis } from '../helpers/redis';

const RECORD = `mutation ($input: IncidentInput!) { recordIncident(input: $input) { id } }`;

const incident = (title: string) => ({
  kind: 'COMPLAINT',
  title,
  date: '2026-04-01',
  against: ['fx-corp'],
  verification: 'VERIFIED',
  summary: 'A test complaint.',
  sources: [{ source: 'fx-src-policy' }],
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a new TCP connection to the port is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('SIGTERM drains an API process', () => {
  let db: Database;
  let redis: TestRedis;
  let curator = '';
  let env: Record<string, string>;

  beforeAll(async () => {
    await ensureBuilt();
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
    redis = await startTestRedis();
    curator = `Bearer ${(await createApiKey(db, 'curator', 'drain test')).token}`;
    env = { NEO4J_URI: workerNeo4jUri()!, REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix };
  }, 120_000);
  afterAll(async () => {
    await redis?.stop();
    await db?.close();
  });

  /** Starts the write of `input` through `api` and holds it on a lock until `release`. */
  async function heldWrite(api: ApiProcess, input: ReturnType<typeof incident>) {
    const session = db.driver.session();
    const tx = session.beginTransaction();
    await tx.run('CREATE (:Incident {id: $id})', {
      id: incidentId(input as unknown as IncidentInput),
    });
    let settled = false;
    const answer = fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: curator },
      body: JSON.stringify({ query: RECORD, variables: { input } }),
    }).then(
      async (res) => ({ status: res.status, body: await res.json() }),
      (error: Error) => ({ status: 0, body: { failed: error.message } }),
    );
    void answer.finally(() => (settled = true));
    // Long enough for the request to reach the lock; it cannot answer before the release.
    await sleep(1000);
    expect(settled).toBe(false);
    return {
      answer,
      release: async () => {
        await tx.rollback();
        await session.close();
      },
    };
  }

  it('refuses new connections, finishes the request under way, and exits 0', async () => {
    const api = await startApiProcess({ ...env, SHUTDOWN_TIMEOUT_MS: '10000' });
    const port = Number(new URL(api.origin).port);
    const input = incident('Written while the API drains');
    const held = await heldWrite(api, input);

    api.child.kill('SIGTERM');
    // The listening socket closes as the drain starts (the process may be slow to get there).
    const deadline = Date.now() + 3000;
    while ((await accepts(port)) && Date.now() < deadline) await sleep(50);
    expect(await accepts(port)).toBe(false);
    expect(await within(api.exited, 500, 'still running')).toBe('still running');

    await held.release();
    const { status, body } = await held.answer;
    expect({ status, body }).toEqual({
      status: 200,
      body: { data: { recordIncident: { id: incidentId(input as unknown as IncidentInput) } } },
    });
    expect(await within(api.exited, 10_000, 'still running')).toBe(0);
    const messages = api.output.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l).msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        'draining: no new connections, finishing requests under way',
        'drained',
      ]),
    );
  }, 60_000);

  it('cuts a request that outlasts SHUTDOWN_TIMEOUT_MS and exits within its bound', async () => {
    const api = await startApiProcess({ ...env, SHUTDOWN_TIMEOUT_MS: '1000' });
    const held = await heldWrite(api, incident('Outlasts the drain'));
    try {
      const sent = Date.now();
      api.child.kill('SIGTERM');
      const { status } = await held.answer;
      expect(status).toBe(0);
      // The drain's bound, plus the few seconds start.ts allows for what is left.
      const code = await within(api.exited, 8000, 'still running');
      expect(code).not.toBe('still running');
      expect(Date.now() - sent).toBeLessThan(8000);
    } finally {
      await held.release();
      await api.kill();
    }
  }, 60_000);
});
