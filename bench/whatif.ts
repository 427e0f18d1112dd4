/**
 * `npm run -s bench:whatif -- [--size large] [--repeat 9]`
 *
 * Measures rewrites of the API's Cypher suggested in bench/README.md, on the bench graph,
 * against the shape the API sends today: Neo4j's own time (median) and PROFILE db hits.
 * Read-only, except a temporary index it creates and drops for one comparison.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { createDriver } from '../src/db';
import {
  benchDbSettings,
  isSizeName,
  log,
  parseFlags,
  SIZES,
  sizingFor,
  startBenchNeo4j,
  writeResult,
} from './env';
import { AS_OF } from './synthetic';

interface Case {
  question: string;
  variants: { name: string; cypher: string }[];
}

const inForce = `(p.validFrom IS NULL OR p.validFrom <= date($asOf)) AND (p.validTo IS NULL OR p.validTo > date($asOf)) AND (p.retractedAt IS NULL OR date(p.retractedAt) > date($asOf))`;

const CASES: Case[] = [
  {
    question:
      'incidents page 1 (ids only): order by (date DESC, id ASC) vs (date DESC, id DESC) on the incident_date_id index',
    variants: [
      {
        name: 'today: date DESC, id ASC (Top over every incident)',
        cypher: `MATCH (n:Incident) WHERE n.retractedAt IS NULL WITH n ORDER BY n.date DESC, n.id ASC LIMIT 21 RETURN collect(n.id) AS ids`,
      },
      {
        name: 'date DESC, id DESC, date IS NOT NULL (index-backed order)',
        cypher: `MATCH (n:Incident) WHERE n.date IS NOT NULL AND n.retractedAt IS NULL WITH n ORDER BY n.date DESC, n.id DESC LIMIT 21 RETURN collect(n.id) AS ids`,
      },
    ],
  },
  {
    question: 'incidents page 500 (ids only), keyset after the 9,980th incident',
    variants: [
      {
        name: 'today: (date < d) OR (date = d AND id > i), date DESC, id ASC',
        cypher: `MATCH (n:Incident) WHERE n.retractedAt IS NULL WITH n WHERE n.date < date($d) OR (n.date = date($d) AND n.id > $i) WITH n ORDER BY n.date DESC, n.id ASC LIMIT 21 RETURN collect(n.id) AS ids`,
      },
      {
        name: 'date <= d seek, then (date < d OR id < i), date DESC, id DESC',
        cypher: `MATCH (n:Incident) WHERE n.date <= date($d) AND n.retractedAt IS NULL AND (n.date < date($d) OR n.id < $i) WITH n ORDER BY n.date DESC, n.id DESC LIMIT 21 RETURN collect(n.id) AS ids`,
      },
    ],
  },
  {
    question: 'incidents totalCount without a filter',
    variants: [
      {
        name: 'today: COUNT { MATCH (n:Incident) WHERE n.retractedAt IS NULL }',
        cypher: `RETURN COUNT { MATCH (n:Incident) WHERE n.retractedAt IS NULL RETURN n } AS total`,
      },
      {
        name: 'count store minus retracted (index on Incident.retractedAt)',
        cypher: `RETURN COUNT { (:Incident) } - COUNT { MATCH (n:Incident) WHERE n.retractedAt IS NOT NULL RETURN n } AS total`,
      },
    ],
  },
  {
    question: 'plansDenyingRight core (rows only): where the purpose check runs',
    variants: [
      {
        name: 'today: one WHERE with EXISTS { purpose } (planned before the status filter)',
        cypher: `MATCH (rt:Right {code: 'OBJECT'})<-[h:HANDLES]-(p:Practice)
WHERE h.status IN ['UNAVAILABLE', 'PAID_ONLY'] AND ${inForce} AND EXISTS { (p)-[:FOR_PURPOSE]->(:Purpose {id: $purpose}) }
RETURN count(*) AS rows`,
      },
      {
        name: 'status and dates first, then the purpose check on the survivors',
        cypher: `MATCH (rt:Right {code: 'OBJECT'})<-[h:HANDLES]-(p:Practice)
WHERE h.status IN ['UNAVAILABLE', 'PAID_ONLY'] AND ${inForce}
WITH h, p
MATCH (p)-[:FOR_PURPOSE]->(pu:Purpose) WHERE pu.id = $purpose
RETURN count(*) AS rows`,
      },
    ],
  },
];

async function measure(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
  repeat: number,
) {
  const times: number[] = [];
  let answer: unknown;
  for (let i = 0; i < repeat; i++) {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const r = await session.executeRead((tx) => tx.run(cypher, params));
      times.push(Number(r.summary.resultAvailableAfter) + Number(r.summary.resultConsumedAfter));
      answer = r.records[0]?.toObject();
    } finally {
      await session.close();
    }
  }
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  let dbHits = 0;
  try {
    const r = await session.executeRead((tx) => tx.run(`PROFILE ${cypher}`, params));
    const walk = (p: any): void => {
      dbHits += Number(p.dbHits);
      p.children.forEach(walk);
    };
    walk(r.summary.profile);
  } finally {
    await session.close();
  }
  times.sort((a, b) => a - b);
  return {
    ms: times[Math.floor(times.length / 2)]!,
    dbHits,
    answer: JSON.stringify(answer).slice(0, 80),
  };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const size = flags.get('size') ?? 'large';
  if (!isSizeName(size)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const repeat = Number(flags.get('repeat') ?? 9);
  const handle = await startBenchNeo4j(size, sizingFor(SIZES[size]), { log });
  const driver = createDriver(benchDbSettings(handle.uri));
  const out = [
    `What-if rewrites on size ${size}, ${new Date().toISOString()}: Neo4j time, median of ${repeat}.`,
  ];
  try {
    // The date and id of the 9,980th incident in the API's order, for the page-500 keyset.
    const session = driver.session();
    const [cursor] = (
      await session.run(
        `MATCH (n:Incident) WITH n ORDER BY n.date DESC, n.id ASC SKIP 9979 LIMIT 1 RETURN toString(n.date) AS d, n.id AS i`,
      )
    ).records.map((r) => r.toObject());
    await session.close();
    const params = { ...cursor, asOf: AS_OF, purpose: 'ai-model-training' };
    for (const c of CASES) {
      out.push('', `=== ${c.question}`);
      const retracted = c.question.startsWith('incidents totalCount');
      for (const v of c.variants) {
        const proposed = retracted && v.name.startsWith('count store');
        if (proposed)
          await driver.executeQuery(
            'CREATE INDEX whatif_incident_retracted IF NOT EXISTS FOR (n:Incident) ON (n.retractedAt)',
          );
        if (proposed) await driver.executeQuery('CALL db.awaitIndexes(60)');
        const m = await measure(driver, v.cypher, params, repeat);
        if (proposed) await driver.executeQuery('DROP INDEX whatif_incident_retracted IF EXISTS');
        out.push(
          `  ${String(m.ms).padStart(5)} ms  ${String(m.dbHits).padStart(8)} db hits  ${v.name}  -> ${m.answer}`,
        );
      }
      log(`measured ${c.question}`);
    }
  } finally {
    await driver.close();
    if (!flags.has('keep-running')) await handle.stop();
  }
  await writeResult(`whatif-${size}.txt`, `${out.join('\n')}\n`);
  process.stdout.write(`${out.join('\n')}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `whatif failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
