/**
 * A database outage: with Neo4j stopped, /readyz says why within 2 seconds and requests
 * fail fast with DATABASE_UNAVAILABLE; once Neo4j is back the API serves again, no restart.
 * Runs its own Neo4j (the project's launcher) so that stopping it leaves the suite's alone.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createApiKey } from '../../src/api/auth/api-keys.store';
import { applyMigrations, Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { type LocalNeo4jHandle, startLocalNeo4j } from '../../src/devtools/local-neo4j';
import { startTestApi, type TestApi } from '../helpers/api';
import { PROJECT_ROOT } from '../helpers/graph';
import { readyWithin } from '../helpers/until';

const port = Number(process.env.NEO4J_TEST_PORT ?? 7688) + 20;
const dataDir = path.join(PROJECT_ROOT, '.neo4j', `outage-data-${port}`);
const start = () => startLocalNeo4j({ port, dataDir, heap: '512m', projectRoot: PROJECT_ROOT });

async function readyz(api: TestApi): Promise<{ status: number; body: any; ms: number }> {
  const started = Date.now();
  const res = await fetch(api.url.replace(/graphql$/, 'readyz'));
  return { status: res.status, body: await res.json(), ms: Date.now() - started };
}

describe('a Neo4j outage', () => {
  let neo4j: LocalNeo4jHandle;
  let db: Database;
  let api: TestApi;
  let writer: ReturnType<typeof writerUnderLoad>;

  /** Writes incidents one after another until stopped, keeping what was acknowledged and what was refused. */
  function writerUnderLoad(key: string) {
    const acknowledged: string[] = [];
    const refused: string[] = [];
    let running = false;
    let loop: Promise<void> = Promise.resolve();
    return {
      async startWriting() {
        running = true;
        loop = (async () => {
          for (let i = 0; running && i < 10_000; i++) {
            const res = await api.gql(
              'mutation ($input: IncidentInput!) { recordIncident(input: $input) { id } }',
              {
                input: {
                  kind: 'COMPLAINT',
                  title: `Outage write ${i}`,
                  date: '2026-01-01',
                  against: ['outage-co'],
                  verification: 'VERIFIED',
                  summary: 'x',
                  sources: [{ source: 'outage-src' }],
                },
              },
              `Bearer ${key}`,
            );
            if (res.errors) refused.push(String(res.errors[0]?.extensions?.code));
            else acknowledged.push(res.data!.recordIncident.id);
          }
        })();
        // Let a few writes land before the outage.
        while (acknowledged.length < 3) await new Promise((r) => setTimeout(r, 50));
      },
      async stop() {
        running = false;
        await loop;
        return { acknowledged, refused };
      },
    };
  }

  beforeAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    neo4j = await start();
    db = new Database({ uri: neo4j.uri, user: 'neo4j', password: 'password', timeoutMs: 1000 });
    await applyMigrations(db);
    await ingest(db, [
      {
        file: 'outage',
        data: {
          sources: [
            {
              id: 'outage-src',
              url: 'https://example.org/outage',
              publisher: 'Test',
              title: 'Outage',
              publishedAt: '2026-01-01',
              kind: 'NEWS',
            },
          ],
          companies: [
            { id: 'outage-co', name: 'Outage Co', country: 'FR', sources: ['outage-src'] },
          ],
        },
      },
    ]);
    const { token } = await createApiKey(db, 'curator', 'outage');
    api = await startTestApi(db);
    writer = writerUnderLoad(token);
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await db?.close();
    await neo4j?.stop();
  });

  it('is ready while Neo4j answers', async () => {
    const r = await readyWithin(() => readyz(api), 15_000);
    expect(r).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('answers 503 naming the cause within 2 seconds, and fails requests fast, while Neo4j is down', async () => {
    await writer.startWriting();
    await neo4j.stop();
    const r = await readyz(api);
    expect(r.status).toBe(503);
    expect(r.body.reason).toMatch(/Neo4j/);
    expect(r.ms).toBeLessThan(2000);

    const started = Date.now();
    const res = await api.gql(`{ companies { totalCount } }`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(res.errors?.[0]?.message).not.toMatch(/bolt|127\.0\.0\.1|Neo4jError/);
  });

  it('serves again once Neo4j is back, without a restart', async () => {
    neo4j = await start();
    const r = await readyWithin(() => readyz(api), 30_000);
    expect(r.status).toBe(200);
    const res = await api.gql(`{ companies { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.companies.totalCount).toBe(1);
  }, 60_000);

  it('loses no acknowledged write across the outage', async () => {
    await new Promise((r) => setTimeout(r, 1000));
    const { acknowledged, refused } = await writer.stop();
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refused.every((code) => code === 'DATABASE_UNAVAILABLE')).toBe(true);
    const rows = await db.read(
      'acknowledged',
      'MATCH (i:Incident) WHERE i.id IN $ids RETURN count(i) AS n',
      { ids: acknowledged },
    );
    expect(rows[0]!.n).toBe(acknowledged.length);
  });
});
