/**
 * A mixed load on loopback: readers and curator writers at once for a fixed time, then a
 * check that every acknowledged write is in the graph. Bounded in time; stops by itself.
 *   npm run -s bench:mixed -- [seconds=60] [readers=4] [writers=2]
 * Uses its own Neo4j (the launcher, fresh data) seeded with the curated data.
 */
import 'reflect-metadata';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createApiKey } from '../src/api/auth/api-keys.store';
import { startApi } from '../src/api/server';
import { ingestFiles } from '../src/graph/ingest-files';
import { createLogger } from '../src/config';
import { applyMigrations, Database } from '../src/db';
import { startLocalNeo4j } from '../src/devtools/local-neo4j';
import { PROJECT_ROOT } from './env';

const READS = [
  '{ plansDenyingRight(right: OBJECT, purpose: "ai-model-training", asOf: "2025-02-01") { totalCount nodes { plan { id } status disputingSources { note } } } }',
  '{ rightsMatrix(first: 50) { totalCount rows { plan { id } cells { right status } } } }',
  '{ findings(first: 20) { totalCount nodes { id explanation provisions { ref } } } }',
  '{ incidents(first: 20) { totalCount nodes { id title date } } }',
  '{ timeline(company: "mistral-ai") { nodes { date kind changes } } }',
  '{ search(text: "training opt out") { totalCount nodes { id label } } }',
];

const RECORD = `mutation ($input: IncidentInput!) { recordIncident(input: $input) { id } }`;

async function main(): Promise<void> {
  const [seconds = 60, readers = 4, writers = 2] = process.argv.slice(2).map(Number);
  const port = 7740;
  const dataDir = path.join(PROJECT_ROOT, '.neo4j', `mixed-load-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  const neo4j = await startLocalNeo4j({ port, dataDir, heap: '2g', projectRoot: PROJECT_ROOT });
  const db = new Database({ uri: neo4j.uri, user: 'neo4j', password: 'password', timeoutMs: 1500 });
  try {
    await applyMigrations(db);
    await ingestFiles(db, [path.join(PROJECT_ROOT, 'seeds')]);
    const { token } = await createApiKey(db, 'curator', 'mixed load');
    const api = await startApi({
      db,
      logger: createLogger('silent'),
      port: 0,
      host: '127.0.0.1',
      development: false,
      limits: { perKey: 0, anonymous: 0 },
    });

    const deadline = Date.now() + seconds * 1000;
    const stats = {
      reads: 0,
      writes: 0,
      status: new Map<number, number>(),
      errors: new Map<string, number>(),
    };
    const acknowledged: string[] = [];
    const count = (m: Map<string | number, number>, k: string | number) =>
      m.set(k, (m.get(k) ?? 0) + 1);

    const call = async (query: string, variables?: unknown, authorization?: string) => {
      const res = await fetch(api.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      count(stats.status, res.status);
      const body = (await res.json()) as {
        data?: Record<string, { id?: string }>;
        errors?: { extensions?: { code?: string } }[];
      };
      for (const e of body.errors ?? []) count(stats.errors, e.extensions?.code ?? 'none');
      return body;
    };

    const reader = async (n: number) => {
      for (let i = n; Date.now() < deadline; i++) {
        await call(READS[i % READS.length]!);
        stats.reads += 1;
      }
    };
    const writer = async (n: number) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const body = await call(
          RECORD,
          {
            input: {
              kind: 'COMPLAINT',
              title: `Load test complaint ${n}-${i}`,
              date: '2026-06-01',
              against: ['mistral-ai'],
              before: 'cnil',
              cites: ['Art. 21'],
              verification: 'VERIFIED',
              summary: 'Written by the mixed load.',
              sources: [{ source: 'src-linforme-2025-mistral-complaint' }],
            },
          },
          `Bearer ${token}`,
        );
        stats.writes += 1;
        const id = body.data?.recordIncident?.id;
        if (id && !body.errors) acknowledged.push(id);
      }
    };

    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: readers }, (_, n) => reader(n)),
      ...Array.from({ length: writers }, (_, n) => writer(n)),
    ]);
    const elapsed = (Date.now() - started) / 1000;
    await api.close();

    const found = await db.read(
      'acknowledgedWrites',
      'MATCH (i:Incident) WHERE i.id IN $ids RETURN count(i) AS n',
      { ids: acknowledged },
    );
    const present = Number(found[0]?.n ?? 0);
    const fiveHundreds = [...stats.status].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    const report = {
      seconds: Math.round(elapsed),
      readers,
      writers,
      reads: stats.reads,
      writes: stats.writes,
      requestsPerSecond: Math.round(((stats.reads + stats.writes) / elapsed) * 10) / 10,
      status: Object.fromEntries(stats.status),
      errorCodes: Object.fromEntries(stats.errors),
      fiveHundreds,
      acknowledgedWrites: acknowledged.length,
      acknowledgedWritesPresent: present,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (fiveHundreds > 0 || present !== acknowledged.length) process.exitCode = 1;
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
