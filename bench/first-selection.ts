/**
 * A findings query with a selection never seen before, against the same query warm (issue 20:
 * the first run's p50 within 3x the warm p50). Every new combination of fields used to be new
 * Cypher text that Neo4j planned from scratch; the rules now run fixed Cypher whatever the
 * selection, and a selection that fits in the findings' fixed one (every one here does) is
 * compiled and read as it (src/api/translate/fixed-selection.ts), so only GraphQL's own parsing
 * and validation of the new document, and cutting the answer down, should be new.
 *   npm run -s bench:first-selection -- [--size large] [--selections 12] [--repeat 5]
 *
 * The API as a process (`node dist/cli/start.js`) on the bench Neo4j of that size (loaded with
 * `npm run bench:generate`). After a warm-up with every field selected, each of `selections`
 * field combinations (deterministic subsets of Finding's fields, each with an alias of its own
 * so that the document text is new) is sent once (its first run), then `repeat` times more
 * (warm). Reported: the p50 of first runs, the p50 of the warm runs, and their ratio.
 *
 * Then the values: one selection asked with values never asked before (one company, one kind, a
 * cursor, several at once), each once (first) and `repeat` times more (warm). Neo4j keys a plan
 * on its parameters' types and lengths, so a value of a new length could have the rules planned
 * again (seconds); a first run should cost the rules' run (no kept answer yet), not a plan.
 * Last, plansDenyingRight (kept until the graph changes) with `selections` selections of its
 * own, each first and warm, as for findings.
 * `--api <path to start.js>` runs another build's API (a worktree's) with this bench.
 * The report goes to stdout and to bench/results/v2/first-selection-<size>.json.
 */
import {
  log,
  parseFlags,
  commandLine,
  isSizeName,
  SIZES,
  sizingFor,
  startBenchNeo4j,
  writeResult,
} from './env';
import { startApiProcess, stopChild } from './processes';

const FIELDS = [
  'kind',
  'title',
  'standing',
  'verification',
  'legalBasisEstablished',
  'disputed',
  'company { id name }',
  'product { id name }',
  'purpose { id }',
  'plans { id name paid }',
  'practices { id inForceFrom }',
  'right { code }',
  'legalBasis { id }',
  'provisions { id citation }',
  'explanation',
];

const DENYING_FIELDS = [
  'status',
  'mechanism',
  'note',
  'disputed',
  'company { id name }',
  'product { id name }',
  'plan { id name tier paid }',
  'practice { id validFrom }',
  'right { code }',
  'purpose { id }',
  'supportingSources { stance source { url } }',
  'disputes { alternative }',
];

const denyingQuery = (fields: string[], alias: string): string =>
  `query FirstDenying($asOf: Date) { ${alias}: plansDenyingRight(right: OBJECT, asOf: $asOf, first: 20) { totalCount nodes { ${fields.join(' ')} } } }`;

const query = (fields: string[], alias: string): string =>
  `query FirstSelection($asOf: Date) { ${alias}: findings(asOf: $asOf, first: 20) { totalCount nodes { id ${fields.join(' ')} } } }`;

/** The i-th subset of `fields`: a deterministic mix, at least three fields. */
function subset(i: number, fields = FIELDS): string[] {
  const picked = fields.filter((_, k) => ((i * 2654435761 + k * 40503) >>> (k % 7)) % 3 !== 0);
  return picked.length >= 3 ? picked : fields.slice(0, 3 + (i % 5));
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function ask(url: string, text: string): Promise<{ ms: number; data: any }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text, variables: { asOf: '2025-06-01' } }),
  });
  const body = (await res.json()) as { errors?: unknown[]; data?: any };
  if (!res.ok || body.errors) throw new Error(`findings: ${JSON.stringify(body).slice(0, 500)}`);
  return { ms: performance.now() - started, data: body.data };
}

const time = async (url: string, text: string): Promise<number> => (await ask(url, text)).ms;

/** `text` asked once (its first run), then `repeat` times more (warm: their p50), in whole ms. */
async function firstAndWarm(
  url: string,
  text: string,
  repeat: number,
): Promise<{ firstMs: number; warmMs: number }> {
  const firstMs = await time(url, text);
  const warm: number[] = [];
  for (let r = 0; r < repeat; r++) warm.push(await time(url, text));
  return { firstMs: Math.round(firstMs), warmMs: Math.round(median(warm)) };
}

/** The findings questions of the values phase, from a page of every finding. */
function valueQuestions(page: any): { name: string; text: string }[] {
  const nodes = page.nodes as { kind: string; company: { id: string } }[];
  const companies = [...new Set(nodes.map((n) => n.company.id))];
  const kind = nodes[nodes.length - 1]!.kind;
  const select = `totalCount pageInfo { endCursor } nodes { id kind title standing }`;
  const findings = (args: string) =>
    `query ($asOf: Date) { findings(asOf: $asOf ${args}) { ${select} } }`;
  return [
    { name: 'all companies', text: findings('first: 20') },
    { name: 'one company', text: findings(`first: 20, company: "${companies[0]}"`) },
    { name: 'one kind', text: findings(`first: 20, kind: ${kind}`) },
    { name: 'page 2', text: findings(`first: 20, after: "${page.pageInfo.endCursor}"`) },
    {
      name: 'another company, one kind, first 5',
      text: findings(`first: 5, kind: ${kind}, company: "${companies[1] ?? companies[0]}"`),
    },
  ];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flags = parseFlags(argv);
  const size = flags.get('size') ?? 'large';
  if (!isSizeName(size)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const selections = Number(flags.get('selections') ?? 12);
  const repeat = Number(flags.get('repeat') ?? 5);
  const script = flags.get('api');
  const neo4j = await startBenchNeo4j(size, sizingFor(SIZES[size]), { log });
  const api = await startApiProcess(neo4j.uri.replace(/^bolt:/, 'neo4j:'), {}, script);
  const rows: { fields: number; firstMs: number; warmMs: number }[] = [];
  const values: { question: string; firstMs: number; warmMs: number }[] = [];
  const denying: { fields: number; firstMs: number; warmMs: number }[] = [];
  try {
    const all = query(FIELDS, 'warmup');
    for (let i = 0; i < 5; i++)
      log(`warm-up ${i + 1}: ${(await time(api.url, all)).toFixed(0)} ms`);
    const page = (
      await ask(api.url, all.replace('totalCount', 'totalCount pageInfo { endCursor }'))
    ).data.warmup;
    for (let i = 1; i <= selections; i++) {
      const { firstMs, warmMs } = await firstAndWarm(api.url, query(subset(i), `s${i}`), repeat);
      rows.push({ fields: subset(i).length, firstMs, warmMs });
      log(`selection ${i} (${subset(i).length} fields): first ${firstMs} ms, warm ${warmMs} ms`);
    }
    for (const { name, text } of valueQuestions(page)) {
      const { firstMs, warmMs } = await firstAndWarm(api.url, text, repeat);
      values.push({ question: name, firstMs, warmMs });
      log(`values, ${name}: first ${firstMs} ms, warm ${warmMs} ms`);
    }
    const allDenying = denyingQuery(DENYING_FIELDS, 'warmup');
    for (let i = 0; i < 3; i++) await time(api.url, allDenying);
    for (let i = 1; i <= selections; i++) {
      const fields = subset(i, DENYING_FIELDS);
      const { firstMs, warmMs } = await firstAndWarm(
        api.url,
        denyingQuery(fields, `d${i}`),
        repeat,
      );
      denying.push({ fields: fields.length, firstMs, warmMs });
      log(
        `plansDenyingRight ${i} (${fields.length} fields): first ${firstMs} ms, warm ${warmMs} ms`,
      );
    }
  } finally {
    await stopChild(api.child);
    await neo4j.stop();
  }
  const firstP50 = median(rows.map((r) => r.firstMs));
  const warmP50 = median(rows.map((r) => r.warmMs));
  const report = {
    command: commandLine('bench:first-selection', argv),
    date: new Date().toISOString(),
    size,
    firstP50Ms: firstP50,
    warmP50Ms: warmP50,
    ratio: Math.round((firstP50 / warmP50) * 100) / 100,
    selections: rows,
    valuesFirstP50Ms: median(values.map((v) => v.firstMs)),
    values,
    denyingFirstP50Ms: median(denying.map((d) => d.firstMs)),
    denyingWarmP50Ms: median(denying.map((d) => d.warmMs)),
    denying,
  };
  process.stdout.write(
    await writeResult(`first-selection-${size}.json`, JSON.stringify(report, null, 2)),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
