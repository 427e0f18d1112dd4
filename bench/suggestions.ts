/**
 * "did you mean" for unknown references (src/graph/validate.ts, `closest`): how long one
 * refused bundle's suggestions hold the event loop. At most 50 references are looked for, each
 * among at most 2,000 ids that share its first three letters, so the worst case is 100,000
 * edit distances in one synchronous loop (src/graph/ingest.store.ts yields between references).
 *   npm run -s bench:suggestions -- [--repeat 5]
 *
 * Two sets of ids, in process, no Neo4j:
 * - worst: 2,000 ids of 37 characters, the most the lookup returns;
 * - sources: 1,000 source-like ids (the curated graph holds about that many `src-` ids).
 * Each is timed with `closest` as it is (fastest-levenshtein's bit-parallel distance) and with
 * the row-by-row Levenshtein it replaced (2eb8eaf), kept here as the baseline, in the same run.
 * Reported: the median of `repeat` runs of 50 references each, in ms, and the ratio.
 * The report goes to stdout and to bench/results/v2/suggestions.json.
 */
import {
  closest,
  MAX_SUGGESTED_REFERENCES,
  MAX_SUGGESTION_CANDIDATES,
} from '../src/graph/validate';
import { commandLine, log, parseFlags, writeResult } from './env';
import { median } from './targets';

/** The distance `closest` used before 2eb8eaf: one row of the table at a time, with a limit. */
function rowByRow(a: string, b: string, limit: number): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    let rowMin = row[0];
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
      rowMin = Math.min(rowMin, row[j]!);
    }
    if (rowMin > limit) return limit + 1;
  }
  return row[b.length]!;
}

/** `closest` as it was before 2eb8eaf, with the same limit and candidate bound. */
function closestBefore(value: string, candidates: string[]): string | undefined {
  const limit = Math.max(2, Math.floor(value.length / 5));
  let best: { id: string; d: number } | undefined;
  for (const id of candidates.slice(0, MAX_SUGGESTION_CANDIDATES)) {
    if (Math.abs(id.length - value.length) > limit) continue;
    const d = rowByRow(id, value, limit);
    if (d <= limit && (!best || d < best.d)) best = { id, d };
  }
  return best?.id;
}

const PUBLISHERS = ['cnil', 'noyb', 'edpb', 'theverge', 'reuters', 'lemonde'];
const SUBJECTS = ['mistral', 'openai', 'meta', 'google', 'anthropic', 'xai'];

const CASES: { name: string; ids: string[]; missing: (i: number) => string }[] = [
  {
    name: 'worst: 2,000 ids of 37 characters',
    ids: Array.from({ length: 2000 }, (_, i) => `src-some-publisher-2025-${i}-article`),
    missing: (i) => `src-some-publisher-2025-${i}-articel`,
  },
  {
    name: 'sources: 1,000 source-like ids',
    ids: Array.from(
      { length: 1000 },
      (_, i) =>
        `src-${PUBLISHERS[i % PUBLISHERS.length]}-${2020 + (i % 6)}-${SUBJECTS[i % SUBJECTS.length]}-${i}`,
    ),
    missing: (i) => `src-cnil-2020-mistrl-${i * 6}`,
  },
];

/** The median time of `repeat` runs of `find` over the case's 50 missing references. */
function timed(
  find: (value: string, ids: string[]) => string | undefined,
  c: (typeof CASES)[number],
  repeat: number,
): { ms: number; found: number } {
  const runs: number[] = [];
  let found = 0;
  for (let r = 0; r < repeat + 1; r++) {
    const started = performance.now();
    found = 0;
    for (let i = 0; i < MAX_SUGGESTED_REFERENCES; i++) if (find(c.missing(i), c.ids)) found++;
    // The first run warms the JIT and is not counted.
    if (r > 0) runs.push(performance.now() - started);
  }
  return { ms: median(runs), found };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const repeat = Number(flags.get('repeat') ?? 5);
  const rows = CASES.map((c) => {
    const before = timed(closestBefore, c, repeat);
    const now = timed(closest, c, repeat);
    if (before.found !== now.found)
      throw new Error(`${c.name}: ${before.found} suggestions before, ${now.found} now`);
    const row = {
      case: c.name,
      references: MAX_SUGGESTED_REFERENCES,
      suggested: now.found,
      beforeMs: Number(before.ms.toFixed(1)),
      nowMs: Number(now.ms.toFixed(1)),
      ratio: Number((before.ms / now.ms).toFixed(1)),
    };
    log(
      `${c.name}: ${row.suggested}/${row.references} suggested; before ${row.beforeMs} ms, now ${row.nowMs} ms (${row.ratio}x)`,
    );
    return row;
  });
  await writeResult(
    'suggestions.json',
    JSON.stringify({
      date: new Date().toISOString(),
      command: commandLine('bench:suggestions', process.argv.slice(2)),
      repeat,
      rows,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
