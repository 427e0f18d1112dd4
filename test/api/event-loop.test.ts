/**
 * No request stalls the process. Under the attack set of issue 17 (a 180 KB curator dry-run
 * with 1,000 unknown references, a 6,000-field document, a variable nested 20,000 deep,
 * fragment bombs, findings queries with new field combinations) and a dry-run whose unknown
 * sources look like the graph's thousand, sent 24 times over with /healthz polled throughout,
 * the event loop's delay stays under 100 ms at p99 and every health check answers.
 *
 * The server is a real API process (dist/, as `npm start` runs it), not one inside Jest's sandbox,
 * which slows some built-ins about tenfold (Math.min) and shares its heap with the test runner.
 * A sampler preloaded into it (test/helpers/stall-sampler.cjs) counts the delay the process
 * causes: a timer every 10 ms measures how late it fires and how much CPU the process used
 * meanwhile, and a tick's stall is the smaller of the two. On a shared 2-core machine (CI runs
 * two Jest workers and two Neo4j) a tick is also late while the OS runs other processes; that is
 * not a request stalling this one, and monitorEventLoopDelay alone cannot tell the two apart.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApiKey } from '../../src/api/auth/api-keys.store';
import { LISTED_PROBLEMS } from '../../src/errors';
import type { Database } from '../../src/db';
import { type ApiProcess, ensureBuilt, startApiProcess } from '../helpers/api-process';
import {
  PROJECT_ROOT,
  resetGraph,
  seedCurated,
  testDatabase,
  workerNeo4jUri,
} from '../helpers/graph';

/** A dry-run bundle of about 180 KB whose 250 practices name 1,000 plans that do not exist. */
function unknownReferences() {
  const practices = Array.from({ length: 250 }, (_, i) => ({
    id: `attack-practice-${i}`,
    plans: [0, 1, 2, 3].map((j) => `le-chat-fre-${i}-${j}`),
    purpose: 'ai-model-training',
    scope: ['EEA'],
    dataCategories: ['user-prompts'],
    default: 'ON',
    verification: 'VERIFIED',
    summary: `An attack practice ${i}. ${'Padding to make the body large. '.repeat(14)}`,
    sources: ['src-linforme-2025-mistral-complaint'],
  }));
  return { practices };
}

/**
 * A dry-run whose 60 practices each cite a source that is not in the graph but shares its first
 * letters ("src") with the curated graph's 1,000 sources: "did you mean" compares each of the 50
 * it looks for with every one of them.
 */
function unknownSources() {
  const practices = Array.from({ length: 60 }, (_, i) => ({
    id: `attack-sourced-${i}`,
    plans: ['le-chat-free'],
    purpose: 'ai-model-training',
    scope: ['EEA'],
    dataCategories: ['user-prompts'],
    default: 'ON',
    verification: 'VERIFIED',
    summary: 'A practice citing a source that is not in the graph.',
    sources: [`src-linforme-2025-mistral-complain-${i}`],
  }));
  return { practices };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

interface Answer {
  status: number;
  error?: { code?: string; listed?: number; problemCount?: number; suggested?: number };
}

/**
 * Sends every body `rounds` times over CONNECTIONS connections, from a child process, polling
 * /healthz every 50 ms meanwhile; answers with each request's status and first error (in the
 * order of the bodies, round after round), and each health check's.
 */
async function attack(
  url: string,
  bodies: string[][],
  rounds: number,
): Promise<{ answers: Answer[]; health: { status: number; ms: number }[] }> {
  const script = `
    const { url, bodies, rounds, connections } = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    const health = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const started = performance.now();
        const res = await fetch(url.replace(/graphql$/, 'healthz'), { signal: AbortSignal.timeout(10000) })
          .catch((e) => ({ status: 0, arrayBuffer: async () => null }));
        await res.arrayBuffer();
        health.push({ status: res.status, ms: performance.now() - started });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const post = async ([body, authorization]) => {
      // Bounded: a request that never answers is reported, not waited for.
      const res = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(30000),
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) } })
        .catch((e) => null);
      if (!res) return { status: 0, error: { code: 'NO_ANSWER_WITHIN_30_S' } };
      const error = JSON.parse(await res.text()).errors?.[0];
      return { status: res.status, error: error && { code: error.extensions?.code,
        listed: error.extensions?.problems?.length, problemCount: error.extensions?.problemCount,
        suggested: error.extensions?.problems?.filter((p) => /did you mean/.test(p.message)).length } };
    };
    (async () => {
      const queue = Array.from({ length: rounds }, () => bodies).flat();
      const answers = new Array(queue.length);
      let next = 0;
      const worker = async () => {
        while (next < queue.length) {
          const i = next++;
          answers[i] = await post(queue[i]);
        }
      };
      await Promise.all(Array.from({ length: connections }, worker));
      polling = false;
      await poller;
      process.stdout.write(JSON.stringify({ answers, health }));
    })();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify({ url, bodies, rounds, connections: CONNECTIONS }));
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`the attacking process failed (exit ${code})`);
  return JSON.parse(out) as { answers: Answer[]; health: { status: number; ms: number }[] };
}

function fragmentBomb(levels = 12): string {
  const fragments = Array.from(
    { length: levels },
    (_, i) =>
      `fragment F${i} on Company { name ${i + 1 < levels ? `...F${i + 1} a${i}: products { company { ...F${i + 1} } }` : 'id'} }`,
  );
  return `{ companies { nodes { ...F0 } } } ${fragments.join(' ')}`;
}

/**
 * Enough rounds that p99 is a percentile, not the single slowest tick (a major GC of the API
 * process): eight gave about 100 ticks, so that p99 was the second slowest; 24 give over 200.
 */
const ROUNDS = 24;
/**
 * Requests in flight at once. The test is about one request stalling the process (a dry-run that
 * took 8 s of one core, a document that took 3.5 s); how many heavy queries a client may run at
 * once is the rate limit's business. Four keep every attack overlapping the others.
 */
const CONNECTIONS = 4;

const FINDINGS_SELECTIONS = [
  'kind',
  'kind standing',
  'kind explanation',
  'kind company { id }',
  'kind plans { id name }',
  'kind right { code }',
  'kind provisions { ref }',
  'kind standing explanation',
  'kind legalBasisEstablished',
  'kind company { name } plans { tier }',
  'standing company { id } right { code name }',
  'explanation provisions { ref } standing kind',
];

const SAMPLER = path.join(PROJECT_ROOT, 'test', 'helpers', 'stall-sampler.cjs');

/** The stalls the API process's sampler counted since it was last asked. */
async function stallsOf(api: ApiProcess, file: string): Promise<number[]> {
  rmSync(file, { force: true });
  api.child.kill('SIGUSR2');
  for (let waited = 0; !existsSync(file); waited += 20) {
    if (waited > 10_000) throw new Error('the API process wrote no stalls within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return JSON.parse(readFileSync(file, 'utf8')) as number[];
}

describe('the event loop under attack', () => {
  let db: Database;
  let api: ApiProcess;
  let curator = '';
  let dir = '';

  beforeAll(async () => {
    await ensureBuilt();
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    curator = `Bearer ${(await createApiKey(db, 'curator', 'event loop test')).token}`;
    dir = mkdtempSync(path.join(tmpdir(), 'event-loop-'));
    api = await startApiProcess({
      NEO4J_URI: workerNeo4jUri()!,
      NEO4J_TIMEOUT_MS: '5000',
      // Many requests from one address; the rate limit is not the subject.
      RATE_LIMIT_PER_KEY: '0',
      RATE_LIMIT_ANONYMOUS: '0',
      LOG_LEVEL: 'warn',
      // Quoted: Node reads NODE_OPTIONS as a command line, and a clone's path may hold spaces.
      NODE_OPTIONS: `--require ${JSON.stringify(SAMPLER)}`,
      STALL_FILE: path.join(dir, 'stalls.json'),
    });
    // Neo4j plans the findings rules once (their text is fixed); planning is not the subject.
    const warm = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ findings(asOf: "2025-02-12") { totalCount } }` }),
    });
    expect(warm.status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps p99 delay under 100 ms and /healthz answering', async () => {
    const dryRun = JSON.stringify({
      query: `mutation ($b: BundleInput!) { ingestBundle(bundle: $b, dryRun: true, source: "attack") { dryRun } }`,
      variables: { b: unknownReferences() },
    });
    expect(dryRun.length).toBeGreaterThan(150_000);
    const nearSources = JSON.stringify({
      query: `mutation ($b: BundleInput!) { ingestBundle(bundle: $b, dryRun: true, source: "attack") { dryRun } }`,
      variables: { b: unknownSources() },
    });
    const wide = JSON.stringify({
      query: `{ companies { nodes { ${'name '.repeat(6000)} } } }`,
    });
    let nested = '0';
    for (let i = 0; i < 20_000; i++) nested = `[${nested}]`;
    const deep = `{"query":"query ($v: [GdprRight!]) { rightsMatrix(rights: $v) { totalCount } }","variables":{"v":${nested}}}`;
    const bomb = JSON.stringify({ query: fragmentBomb() });
    const findings = FINDINGS_SELECTIONS.map((s) =>
      JSON.stringify({ query: `{ findings(asOf: "2025-02-12") { nodes { ${s} } } }` }),
    );

    // The attacker is another process, so that the delay measured here is the server's own.
    const bodies = [
      [dryRun, curator],
      [wide],
      [deep],
      [bomb],
      [nearSources, curator],
      ...findings.map((body) => [body]),
    ];
    const file = path.join(dir, 'stalls.json');
    await stallsOf(api, file); // from here on
    const { answers, health } = await attack(api.url, bodies, ROUNDS);
    const stalled = await stallsOf(api, file);

    // Each attack got an answer, refusals with a client error, not a crash.
    const [dry, wideAnswer, deepAnswer, bombAnswer, near] = answers;
    expect(dry!.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      listed: LISTED_PROBLEMS,
      problemCount: 1000,
    });
    // Each of the 50 references looked for got its "did you mean" (the 10 after it, none).
    expect(near!.error).toMatchObject({ code: 'BAD_USER_INPUT', listed: 60, suggested: 50 });
    for (const refused of [wideAnswer, deepAnswer, bombAnswer])
      expect(refused!.status).toBeGreaterThanOrEqual(400);
    for (const refused of [wideAnswer, deepAnswer, bombAnswer])
      expect(refused!.status).toBeLessThan(500);
    expect(answers.filter((a) => a.status === 0 || a.status >= 500)).toEqual([]);
    // The findings queries are answered; on a machine this busy one may run past its
    // transaction time-out, which is a clean 503-class refusal, not a stall.
    const findingsAnswers = answers.filter((_, i) => i % bodies.length >= 5);
    expect(findingsAnswers).toHaveLength(ROUNDS * FINDINGS_SELECTIONS.length);
    expect(findingsAnswers.filter((a) => !a.error).length).toBeGreaterThan(0);
    for (const a of findingsAnswers.filter((x) => x.error))
      expect(a.error?.code).toBe('DATABASE_UNAVAILABLE');

    expect(stalled.length).toBeGreaterThan(150);
    expect(percentile(stalled, 99)).toBeLessThan(100);
    expect(health.length).toBeGreaterThan(3);
    expect(health.every((h) => h.status === 200)).toBe(true);
  }, 300_000);
});
