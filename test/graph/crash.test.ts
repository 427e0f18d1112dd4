/**
 * A bundle is all or nothing even when Neo4j dies mid-write: Neo4j is killed (SIGKILL) at
 * moments drawn from a seeded generator while an 4,800-entity bundle (600 companies, their products, plans and practices) is being written, then
 * restarted. The bundle is then wholly there or wholly absent, with its audit entry exactly
 * when it is there, and writing it again completes it without a duplicate.
 * Runs its own Neo4j (the project's launcher), as the outage suite does.
 */
import { rmSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import path from 'node:path';
import { applyMigrations, Database } from '../../src/db';
import { ingest, type BundleInput } from '../../src/graph';
import { ingestFiles } from '../../src/graph/ingest-files';
import { type LocalNeo4jHandle, startLocalNeo4j } from '../../src/devtools/local-neo4j';
import { companiesBundle } from '../fixtures/generated';
import { PROJECT_ROOT, SEEDS_DIR } from '../helpers/graph';

const port = Number(process.env.NEO4J_TEST_PORT ?? 7688) + 22;
const dataDir = path.join(PROJECT_ROOT, '.neo4j', `crash-data-${port}`);
const start = () => startLocalNeo4j({ port, dataDir, heap: '1g', projectRoot: PROJECT_ROOT });
const connect = (uri: string) =>
  new Database({ uri, user: 'neo4j', password: 'password', timeoutMs: 5000 });

const COMPANIES = 600;
const ROUNDS = 3;

/** The generated bundle with its ids under a prefix of its own, one per round. */
function roundBundle(round: number): BundleInput {
  const text = JSON.stringify(companiesBundle(COMPANIES)).replaceAll('gen-co-', `r${round}-co-`);
  return JSON.parse(text) as BundleInput;
}

/** A killed process may hold its port for a moment: wait until nothing answers there. */
async function portReleased(deadline = Date.now() + 30_000): Promise<void> {
  const answers = () =>
    new Promise<boolean>((resolve) => {
      const socket = tcpConnect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  while ((await answers()) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 200));
}

/** mulberry32: the kill moments are random but the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function roundState(db: Database, round: number) {
  const rows = await db.read(
    'roundState',
    `MATCH (n:Entity) WHERE n.id STARTS WITH $prefix
     WITH count(n) AS nodes, count(DISTINCT n.id) AS ids
     RETURN nodes, ids,
       COUNT { MATCH (n:Entity)-[r]->() WHERE n.id STARTS WITH $prefix RETURN r } AS relationships,
       COUNT { MATCH (a:AuditEntry) WHERE a.source = $source RETURN a } AS audits`,
    { prefix: `r${round}-co-`, source: `crash round ${round}` },
  );
  return rows[0] as { nodes: number; ids: number; relationships: number; audits: number };
}

describe('killing Neo4j in the middle of a write', () => {
  let neo4j: LocalNeo4jHandle;
  let db: Database;
  let complete: { nodes: number; relationships: number };
  let writeMs: number;

  beforeAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    neo4j = await start();
    db = connect(neo4j.uri);
    await applyMigrations(db);
    await ingestFiles(db, [SEEDS_DIR]);
    // Round 0 writes undisturbed: the size of a complete bundle and how long writing it takes.
    const started = Date.now();
    await ingest(db, [{ file: 'round-0', data: roundBundle(0) }], {
      audit: { keyId: 'test', operation: 'ingestBundle', source: 'crash round 0' },
    });
    writeMs = Date.now() - started;
    const state = await roundState(db, 0);
    complete = { nodes: state.nodes, relationships: state.relationships };
    expect(state.audits).toBe(1);
  }, 300_000);

  afterAll(async () => {
    await db?.close();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never leaves part of a bundle, and writing it again leaves no duplicate', async () => {
    const random = seeded(17);
    for (let round = 1; round <= ROUNDS; round++) {
      const killAfterMs = Math.round(writeMs * (0.1 + 0.8 * random()));
      const writing = ingest(db, [{ file: `round-${round}`, data: roundBundle(round) }], {
        audit: { keyId: 'test', operation: 'ingestBundle', source: `crash round ${round}` },
      }).then(
        () => 'committed',
        (error: Error) => error.message,
      );
      await new Promise((resolve) => setTimeout(resolve, killAfterMs));
      process.kill(neo4j.pid, 'SIGKILL');
      const outcome = await writing;
      await db.close();
      await portReleased();

      neo4j = await start();
      db = connect(neo4j.uri);
      const after = await roundState(db, round);
      const whole = {
        nodes: complete.nodes,
        ids: complete.nodes,
        relationships: complete.relationships,
        audits: 1,
      };
      const none = { nodes: 0, ids: 0, relationships: 0, audits: 0 };
      // The client may not learn of a commit that raced the kill, but the graph is one or the other.
      expect([whole, none]).toContainEqual(after);
      if (outcome === 'committed') expect(after).toEqual(whole);

      await ingest(db, [{ file: `round-${round}`, data: roundBundle(round) }], {
        audit: { keyId: 'test', operation: 'ingestBundle', source: `crash round ${round}` },
      });
      const again = await roundState(db, round);
      expect({ ...again, audits: 0 }).toEqual({ ...whole, audits: 0 });
    }
    // Earlier rounds survived the later crashes untouched.
    for (let round = 0; round <= ROUNDS; round++)
      expect(await roundState(db, round)).toMatchObject({
        nodes: complete.nodes,
        relationships: complete.relationships,
      });
  }, 600_000);
});
