/**
 * Target R: each workload as hand-written Cypher, one query per request, returning the answer
 * already in the API's response shape; a minimal node:http endpoint serves them
 * (POST / with {"query": <workload>, "variables": {...}}, answers {"data": ...}).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { TIER_ORDER } from './workloads';

const tierRank = (v: string): string =>
  `CASE ${v}.tier ${TIER_ORDER.map((t, i) => `WHEN '${t}' THEN ${i}`).join(' ')} ELSE ${TIER_ORDER.length} END`;
const inForce = (p: string): string =>
  `(${p}.validFrom IS NULL OR ${p}.validFrom <= date($asOf)) AND (${p}.validTo IS NULL OR ${p}.validTo > date($asOf))`;

type Vars = Record<string, unknown>;
type Run = (cypher: string, params: Vars) => Promise<Record<string, unknown>[]>;

const encodeCursor = (key: unknown[]): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

function incidentsCypher(where: string): string {
  return `
RETURN COUNT { (:Incident) } AS total,
  COLLECT { MATCH (i:Incident) WHERE i.date IS NOT NULL AND i.id IS NOT NULL ${where}
    WITH i ORDER BY i.date DESC, i.id DESC LIMIT $first + 1
    RETURN {key: [toString(i.date), i.id], node: i {.id, .kind, .title, date: toString(i.date), .status,
      against: COLLECT { MATCH (i)-[:AGAINST]->(c:Company) WITH c ORDER BY c.name RETURN c {.id, .name} },
      before: head(COLLECT { MATCH (i)-[:BEFORE]->(a:Authority) RETURN a {.id, .name} }),
      cites: COLLECT { MATCH (i)-[:CITES]->(pv:Provision) WITH pv ORDER BY pv.article, pv.paragraph, pv.point
        RETURN pv {.id, .ref} }}} } AS rows`;
}

export const RAW_CYPHER = {
  dashboard: `
MATCH (c:Company)
WITH c ORDER BY c.name, c.id LIMIT $first + 1
WITH collect(c) AS cs
RETURN COUNT { (:Company) } AS total, size(cs) > $first AS hasNext, last(cs[0..$first]).name AS lastName,
  last(cs[0..$first]).id AS lastId,
  [c IN cs[0..$first] | c {.id, .name, .country,
    products: COLLECT { MATCH (c)<-[:OFFERED_BY]-(pr:Product) WITH pr ORDER BY pr.name, pr.id
      RETURN pr {.id, .name,
        plans: COLLECT { MATCH (pr)<-[:OF]-(pl:Plan) WITH pl ORDER BY ${tierRank('pl')}, coalesce(pl.priceAmount, 0), pl.id
          RETURN pl {.id, .name, .tier,
            practices: {
              totalCount: COUNT { (pl)<-[:APPLIES_TO]-(:Practice) },
              nodes: COLLECT { MATCH (pl)<-[:APPLIES_TO]-(p:Practice) WITH p ORDER BY p.validFrom DESC, p.id LIMIT 5
                RETURN p {.id, validFrom: toString(p.validFrom), validTo: toString(p.validTo), .default,
                  rights: COLLECT { MATCH (p)-[h:HANDLES]->(r:Right) WITH h, r ORDER BY r.code
                    RETURN {code: r.code, status: h.status} },
                  evidence: COLLECT { MATCH (p)-[e:EVIDENCED_BY]->(s:Source)
                    WITH e, s ORDER BY e.stance DESC, s.publishedAt, s.id
                    RETURN {stance: e.stance, source: {id: s.id, publisher: s.publisher, publishedAt: toString(s.publishedAt)}} } } } } } } } } }
  ] AS companies`,

  rightsMatrix: `
MATCH (c:Company)<-[:OFFERED_BY]-(pr:Product)<-[:OF]-(pl:Plan) WHERE c.id IN $companies
WITH c, pr, pl ORDER BY c.name, pr.name, ${tierRank('pl')}, pl.id
WITH collect({c: c, pr: pr, pl: pl}) AS found
WITH size(found) AS total, found[0..100] AS page
UNWIND page AS row
WITH total, row.c AS c, row.pr AS pr, row.pl AS pl
CALL (pl) {
  OPTIONAL MATCH (pl)<-[:APPLIES_TO]-(p:Practice)-[h:HANDLES]->(r:Right)
  WHERE r.code IN $rights AND ${inForce('p')} AND EXISTS { (p)-[:FOR_PURPOSE]->(:Purpose {id: $purpose}) }
  WITH r.code AS code, p, h ORDER BY p.validFrom DESC
  WITH code, head(collect({practice: p.id, status: h.status, mechanism: h.mechanism})) AS best
  RETURN collect([code, best]) AS handled
}
RETURN total, collect({company: c {.id, .name}, product: pr {.id, .name}, plan: pl {.id, .name, .tier},
  cells: [code IN $rights | head([x IN handled WHERE x[0] = code | x[1]] + [null])]}) AS rows`,

  plansDenyingRight: `
MATCH (:Right {code: $right})<-[h:HANDLES]-(p:Practice)
WHERE h.status IN ['UNAVAILABLE', 'PAID_ONLY'] AND ${inForce('p')}
  AND EXISTS { (p)-[:FOR_PURPOSE]->(:Purpose {id: $purpose}) }
MATCH (p)-[:APPLIES_TO]->(pl:Plan)-[:OF]->(pr:Product)-[:OFFERED_BY]->(c:Company)
WITH h, p, pl, pr, c ORDER BY c.name, pr.name, ${tierRank('pl')}, pl.id
RETURN {company: c {.id, .name}, product: pr {.id, .name}, plan: pl {.id, .name, .tier},
  practice: {id: p.id, validFrom: toString(p.validFrom)}, status: h.status, mechanism: h.mechanism,
  supportingSources: COLLECT { MATCH (p)-[e:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s:Source)
    WITH s ORDER BY s.publishedAt, s.id RETURN {source: {id: s.id, publisher: s.publisher}} }} AS row`,

  /** Page 1; with a cursor, \`incidentsAfter\`. One query: the total and the page. */
  incidents: incidentsCypher(''),
  incidentsAfter: incidentsCypher(
    'AND i.date <= date($after[0]) AND (i.date < date($after[0]) OR i.id < $after[1])',
  ),

  search: `
CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
WITH node, score ORDER BY score DESC, node.id ASC LIMIT $first + 1
RETURN {key: [score, node.id], node: {score: score, label: labels(node)[0], id: node.id,
  title: coalesce(node.name, node.title, node.ref, node.id)}} AS row`,
} as const;

/** Each workload: its Cypher, and the little shaping into the API's response. */
export const RAW_HANDLERS: Record<string, (run: Run, v: Vars) => Promise<unknown>> = {
  async dashboard(run, v) {
    const [r] = await run(RAW_CYPHER.dashboard, { first: neo4j.int(v.first as number) });
    return {
      companies: {
        totalCount: r!.total,
        pageInfo: {
          hasNextPage: r!.hasNext,
          endCursor: r!.lastId === null ? null : encodeCursor([r!.lastName, r!.lastId]),
        },
        nodes: r!.companies,
      },
    };
  },
  async rightsMatrix(run, v) {
    const [r] = await run(RAW_CYPHER.rightsMatrix, v);
    const rows = (r?.rows ?? []) as any[];
    return {
      rightsMatrix: {
        totalCount: r?.total ?? 0,
        pageInfo: { hasNextPage: Number(r?.total ?? 0) > rows.length, endCursor: null },
        rows: rows.map((row) => ({
          ...row,
          cells: (row.cells as any[]).map((cell, i) => ({
            right: (v.rights as string[])[i],
            status: cell?.status ?? 'UNKNOWN',
            mechanism: cell?.mechanism ?? null,
            practice: cell ? { id: cell.practice } : null,
          })),
        })),
      },
    };
  },
  async plansDenyingRight(run, v) {
    const rows = await run(RAW_CYPHER.plansDenyingRight, v);
    return { plansDenyingRight: rows.map((r) => r.row) };
  },
  async incidents(run, v) {
    const first = v.first as number;
    const after =
      typeof v.after === 'string'
        ? (JSON.parse(Buffer.from(v.after, 'base64url').toString('utf8')) as unknown[])
        : null;
    const [r] = await run(after ? RAW_CYPHER.incidentsAfter : RAW_CYPHER.incidents, {
      first: neo4j.int(first),
      after,
    });
    const rows = r!.rows as { key: unknown[]; node: unknown }[];
    const edges = rows
      .slice(0, first)
      .map((row) => ({ cursor: encodeCursor(row.key), node: row.node }));
    return {
      incidents: {
        totalCount: r!.total,
        pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        edges,
      },
    };
  },
  async search(run, v) {
    const first = v.first as number;
    const rows = await run(RAW_CYPHER.search, { query: v.query, first: neo4j.int(first) });
    const page = rows.slice(0, first).map((r) => r.row as { key: unknown[]; node: unknown });
    const edges = page.map((r) => ({ cursor: encodeCursor(r.key), node: r.node }));
    return {
      search: {
        pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        edges,
      },
    };
  },
};

/** Reads with the API's session discipline: a read session per query, a managed read transaction. */
export function runner(driver: Driver): Run {
  return async (cypher, params) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(cypher, params), {
        timeout: 60_000,
        metadata: { app: 'bench-raw' },
      });
      return result.records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  };
}

export async function startRawServer(driver: Driver, port: number): Promise<http.Server> {
  const run = runner(driver);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            query: string;
            variables?: Vars;
          };
          const handler = RAW_HANDLERS[body.query];
          if (!handler) throw new Error(`unknown workload ${body.query}`);
          const data = await handler(run, body.variables ?? {});
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data }));
        } catch (error) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              errors: [{ message: error instanceof Error ? error.message : String(error) }],
            }),
          );
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

export const serverPort = (s: http.Server): number => (s.address() as AddressInfo).port;
