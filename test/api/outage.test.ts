/**
 * A database outage: with Neo4j stopped, /readyz says why within 2 seconds and requests
 * fail fast with DATABASE_UNAVAILABLE; once Neo4j is back the API serves again, no restart.
 * Runs its own Neo4j (the project's launcher) so that stopping it leaves the suite's alone.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations, Database } from '../../src/db';
import { type LocalNeo4jHandle, startLocalNeo4j } from '../../src/db/local-neo4j';
import { startTestApi, type TestApi } from '../helpers/api';
import { PROJECT_ROOT } from '../helpers/graph';

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

  beforeAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    neo4j = await start();
    db = new Database({ uri: neo4j.uri, user: 'neo4j', password: 'password', timeoutMs: 1000 });
    await applyMigrations(db);
    api = await startTestApi(db);
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await db?.close();
    await neo4j?.stop();
  });

  it('is ready while Neo4j answers', async () => {
    const r = await readyz(api);
    expect(r).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('answers 503 naming the cause within 2 seconds, and fails requests fast, while Neo4j is down', async () => {
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
    let r = await readyz(api);
    for (let i = 0; i < 30 && r.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      r = await readyz(api);
    }
    expect(r.status).toBe(200);
    const res = await api.gql(`{ companies { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.companies.totalCount).toBe(0);
  }, 60_000);
});
