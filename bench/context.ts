/**
 * Asking a target once over HTTP, and preparing what the page-N workloads need: the cursor
 * that ends the page before page N, found by walking each target's own cursors (pages of at
 * most 100). Shared by `bench` (run.ts) and `bench:ab` (ab.ts).
 */
import {
  emptyContext,
  PAGE_N,
  PAGE_SIZE,
  type TargetName,
  type TargetRequest,
  WALKS,
  type WalkName,
  type WorkloadContext,
  WORKLOADS,
} from './workloads';

export interface Answer {
  status: number;
  body: any;
  bytes: number;
  cypherQueries: string | null;
  /** Which way the API answered (shaped-answer.plugin.ts): `shaped`, `graphql-js`, or null. */
  execution: string | null;
  ms: number;
}

export interface Asked {
  name: TargetName;
  url: string;
}

export async function ask(target: Asked, request: TargetRequest): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: JSON.parse(text),
    bytes: Buffer.byteLength(text),
    cypherQueries: res.headers.get('x-cypher-queries'),
    execution: res.headers.get('x-graphql-execution'),
    ms: performance.now() - started,
  };
}

async function askData(target: Asked, request: TargetRequest): Promise<any> {
  const answer = await ask(target, request);
  if (answer.status !== 200 || answer.body.errors)
    throw new Error(
      `${target.name}: ${JSON.stringify(answer.body.errors ?? answer.status).slice(0, 300)}`,
    );
  return answer.body.data;
}

/** Walks `offset` items of a list with pages of at most 100, returning the target's cursor there. */
export async function walkTo(target: Asked, list: WalkName, offset: number): Promise<unknown> {
  const walk = WALKS[list];
  let after: unknown = null;
  for (let done = 0; done < offset;) {
    const first = Math.min(100, offset - done);
    after = walk.read(
      target.name,
      await askData(target, walk.page(target.name, first, after)),
    ).endCursor;
    done += first;
  }
  return after;
}

export interface Prepared {
  ctx: WorkloadContext;
  /** How many items each walked list has (as O, else R, counts them). */
  totals: Partial<Record<WalkName, number>>;
  /** `workload|target` pairs that cannot be timed, and why. */
  failed: Map<string, string>;
}

/**
 * The cursors of every page-N workload among `workloadNames`, per target: page N of a list is
 * PAGE_N, or its last page when it has fewer items.
 */
export async function prepareContext(
  targets: Asked[],
  workloadNames: string[],
  log: (line: string) => void,
): Promise<Prepared> {
  const ctx = emptyContext();
  const failed = new Map<string, string>();
  const totals: Partial<Record<WalkName, number>> = {};
  const counter = targets.find((t) => t.name === 'O') ?? targets.find((t) => t.name === 'R');
  for (const w of WORKLOADS.filter((x) => x.walk && workloadNames.includes(x.name))) {
    const list = w.walk!;
    if (!counter) throw new Error(`${w.name} needs O or R to count its list`);
    const total = WALKS[list].read(
      counter.name,
      await askData(counter, WALKS[list].total(counter.name)),
    ).total;
    totals[list] = total;
    ctx.pages[list] = Math.min(PAGE_N[list], Math.max(1, Math.ceil(total / PAGE_SIZE)));
    const walked = new Set<TargetName>();
    for (const t of targets) {
      if (w.unsupported?.[t.name] || walked.has(t.name)) continue;
      walked.add(t.name);
      try {
        ctx.cursors[list][t.name] = await walkTo(t, list, (ctx.pages[list] - 1) * PAGE_SIZE);
      } catch (error) {
        failed.set(
          `${w.name}|${t.name}`,
          `walking to page ${ctx.pages[list]} failed: ${String(error).slice(0, 300)}`,
        );
      }
    }
    log(`${list}: ${total} items; "page N" (${w.name}) is page ${ctx.pages[list]}`);
  }
  return { ctx, totals, failed };
}
