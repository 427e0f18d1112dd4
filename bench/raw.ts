/**
 * Target R: each question as hand-written Cypher for the second model, one query per request,
 * returning the answer already in the API's response shape; a minimal node:http endpoint
 * serves them (POST / with {"query": <question>, "variables": {...}}, answers {"data": ...}).
 * The semantics are the API's (src/api/entities/conditions.ts): a practice holds on a date
 * from inForceFrom until inForceUntil and its retraction, a plan is offered from
 * availableFrom until availableUntil, a practice applies in a scope when stated for it or
 * worldwide. Only the words the API composes in TypeScript (finding and timeline titles, what
 * changed) are composed here too, from the facts the query returns.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { TIER_ORDER } from './workloads';

type Vars = Record<string, unknown>;
type Rows = Record<string, unknown>[];
type Run = (cypher: string, params: Vars) => Promise<Rows>;

const tierRank = (v: string): string =>
  `CASE ${v}.tier ${TIER_ORDER.map((t, i) => `WHEN '${t}' THEN ${i}`).join(' ')} ELSE ${TIER_ORDER.length} END`;
/** In force on $asOf: certainly started, not yet ended, not retracted by then. */
const inForce = (p: string): string =>
  `${p}.inForceFrom <= date($asOf) AND (${p}.inForceUntil IS NULL OR ${p}.inForceUntil > date($asOf)) ` +
  `AND (${p}.retractedAt IS NULL OR date(${p}.retractedAt) > date($asOf))`;
/** Offered on $asOf. */
const offered = (pl: string): string =>
  `${pl}.availableFrom <= date($asOf) AND (${pl}.availableUntil IS NULL OR ${pl}.availableUntil > date($asOf))`;
/** Applies in $scope: stated for it, or worldwide. */
const inScope = (p: string): string => `($scope IN ${p}.scope OR 'WORLDWIDE' IN ${p}.scope)`;
/** A stored partial date as its text shows it: "2025", "2025-02" or "2025-02-13". */
const partial = (v: string, name: string): string =>
  `CASE ${v}.${name}Precision WHEN 'YEAR' THEN left(toString(${v}.${name}), 4) ` +
  `WHEN 'MONTH' THEN left(toString(${v}.${name}), 7) ELSE toString(${v}.${name}) END`;
/**
 * A source disputes the practice as a whole or in one of `claims` (RIGHT: for `code`); a start
 * it dates to a period over by $asOf, or an end to one not begun, agrees that the practice holds
 * then (findings.words.ts, bearsOn).
 */
const disputes = (p: string, claims: string, code: string): string =>
  `EXISTS { MATCH (${p})-[e:EVIDENCED_BY {stance: 'DISPUTES'}]->(:Source) ` +
  `WHERE (e.claim = 'WHOLE' OR (e.claim IN ${claims} AND (e.claim <> 'RIGHT' OR e.right = ${code}))) ` +
  `AND NOT (e.claim = 'VALID_FROM' AND e.alternative IS NOT NULL AND date(e.alternative) + ` +
  `CASE size(e.alternative) WHEN 4 THEN duration({years: 1}) WHEN 7 THEN duration({months: 1}) ELSE duration({days: 1}) END ` +
  `<= date($asOf) + duration({days: 1})) ` +
  `AND NOT (e.claim = 'VALID_TO' AND e.alternative IS NOT NULL AND date(e.alternative) > date($asOf)) }`;
/** Keyset: `key` (a list) strictly after the list $after, every part ascending. */
function after(key: string, arity: number): string {
  const terms = Array.from({ length: arity }, (_, i) =>
    [
      ...Array.from({ length: i }, (__, j) => `${key}[${j}] = $after[${j}]`),
      `${key}[${i}] > $after[${i}]`,
    ].join(' AND '),
  );
  return `($after IS NULL OR ${terms.map((t) => `(${t})`).join(' OR ')})`;
}

const encodeCursor = (key: unknown[]): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
const decodeCursor = (cursor: unknown): unknown[] | null =>
  typeof cursor === 'string'
    ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[])
    : null;
const int = (v: unknown): unknown => neo4j.int(v as number);

/**
 * A page of `first + 1` rows {key, node} as a connection: totalCount, pageInfo and, as the
 * workload selects them, `nodes` or `edges` with cursors.
 */
function connection(
  rows: { key: unknown[]; node: unknown }[],
  first: number,
  total: unknown,
  items: 'nodes' | 'edges' = 'nodes',
) {
  const page = rows.slice(0, first);
  const endCursor = page.length > 0 ? encodeCursor(page[page.length - 1]!.key) : null;
  return {
    totalCount: total,
    pageInfo: { hasNextPage: rows.length > first, endCursor },
    [items]:
      items === 'nodes'
        ? page.map((row) => row.node)
        : page.map((row) => ({ cursor: encodeCursor(row.key), node: row.node })),
  };
}

/** An incident of a page (bound to i): its sort key and what the workloads select. */
const incidentRow = `RETURN {key: [toString(i.date), i.id], node: i {.id, .kind, .title, date: ${partial('i', 'date')}, .status,
      against: COLLECT { MATCH (i)-[:AGAINST]->(c:Company) WITH c ORDER BY c.name RETURN c {.id, .name} },
      before: head(COLLECT { MATCH (i)-[:BEFORE]->(a:Authority) RETURN a {.id, .name} }),
      cites: COLLECT { MATCH (i)-[:CITES]->(pv:Provision)
        WITH pv ORDER BY pv.regulation, pv.article, pv.paragraph, pv.point RETURN pv {.id, .citation} }}}`;

function incidentsCypher(where: string): string {
  return `// R incidents
RETURN COUNT { (:Incident) } - COUNT { MATCH (x:Incident) WHERE x.retractedAt IS NOT NULL } AS total,
  COLLECT { MATCH (i:Incident) WHERE i.date IS NOT NULL AND i.id IS NOT NULL AND i.retractedAt IS NULL ${where}
    WITH i ORDER BY i.date DESC, i.id DESC LIMIT $first + 1
    ${incidentRow} } AS rows`;
}

/**
 * The claims a finding's facts rest on (src/api/findings/findings.words.ts); `training`: those of
 * TRAINING_ON_BY_DEFAULT, whose words state the data categories too.
 */
const claims = (basisUsed: string, training = false): string =>
  `['RIGHT', 'VALID_FROM', 'VALID_TO', 'SCOPE', 'DEFAULT'${training ? ", 'DATA_CATEGORIES'" : ''}] + CASE WHEN ${basisUsed} THEN ['LEGAL_BASIS'] ELSE [] END`;
/** The weakest verification of a list of practices. */
const weakest = (practices: string): string =>
  `CASE WHEN any(x IN ${practices} WHERE x.verification = 'UNVERIFIED') THEN 'UNVERIFIED' ` +
  `WHEN any(x IN ${practices} WHERE x.verification = 'SECONDARY') THEN 'SECONDARY' ELSE 'VERIFIED' END`;
const distinct = (list: string): string =>
  `reduce(acc = [], x IN ${list} | CASE WHEN x IN acc THEN acc ELSE acc + x END)`;
const basisOf = (p: string): string =>
  `head(COLLECT { MATCH (${p})-[:ON_BASIS]->(lb:LegalBasis) RETURN lb })`;
const definedBy = (basis: string): string =>
  `CASE WHEN ${basis} IS NULL THEN [] ELSE COLLECT { MATCH (${basis})-[:DEFINED_BY]->(d:Provision) RETURN d.id }[0..1] END`;
/**
 * How a rule's branch begins: for every company, from the index that finds its few candidates;
 * for one company, from it (its plans offered, their practices in force), as one would write a
 * company's question by hand. `practice` is the branch's practice variable, `plan` its plan's.
 */
type Start = 'every' | 'company';
const fromCompany = (practice: string, plan: string): string =>
  `MATCH (c:Company {id: $company})<-[:OFFERED_BY]-(pr:Product)<-[:OF]-(${plan}:Plan)<-[:APPLIES_TO]-(${practice}:Practice)
  WHERE ${offered(plan)} AND ${inForce(practice)} AND ${inScope(practice)}`;

/** The rules' comparisons: a plan withholds a right another plan of the product grants. */
const COMPARISONS = [
  {
    kind: 'RIGHT_CONDITIONED_ON_PAYMENT',
    provision: 'gdpr-12-5',
    subject: ['PAID_ONLY', 'UNAVAILABLE'],
    other: ['IN_PRODUCT', 'ON_REQUEST'],
    paid: true,
  },
  {
    kind: 'RIGHT_ONLY_ON_REQUEST',
    provision: 'gdpr-12-2',
    subject: ['ON_REQUEST'],
    other: ['IN_PRODUCT'],
    paid: false,
  },
] as const;

const list = (values: readonly string[]): string => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/** One comparison rule as a branch of the findings query, its values literals (planned once each). */
function comparison(rule: (typeof COMPARISONS)[number], start: Start): string {
  const slug = rule.kind.toLowerCase().replace(/_/g, '-');
  const extra =
    rule.kind === 'RIGHT_ONLY_ON_REQUEST'
      ? `CASE WHEN rt.code = 'OBJECT' THEN ['gdpr-21-4', 'gdpr-21-5'] ELSE [] END`
      : `CASE WHEN depends THEN ${definedBy('basis')} ELSE [] END`;
  const withholding = `ha.status IN ${list(rule.subject)} AND fa.default <> 'NEVER'`;
  return `WITH 1 AS gate WHERE '${rule.kind}' IN $kinds
  ${
    start === 'company'
      ? `${fromCompany('fa', 'a')}
  MATCH (fa)-[ha:HANDLES]->(rt:Right) WHERE ${withholding}`
      : `MATCH (fa:Practice)-[ha:HANDLES]->(rt:Right)
  USING INDEX SEEK ha:HANDLES(status)
  WHERE ${withholding} AND ${inForce('fa')} AND ${inScope('fa')}`
  }
  // The few withholding practices first (the subquery runs after the checks above), then their plans.
  CALL (fa, rt) { WITH fa, rt WHERE EXISTS { (:Provision {id: '${rule.provision}'})-[:COVERS]->(rt) }
    AND (NOT EXISTS { (:LegalBasis)-[:TRIGGERS]->(rt) } OR NOT EXISTS { (fa)-[:ON_BASIS]->(:LegalBasis) }
      OR EXISTS { (fa)-[:ON_BASIS]->(:LegalBasis)-[:TRIGGERS]->(rt) }) RETURN true AS ok }
  ${
    start === 'company'
      ? ''
      : `MATCH (fa)-[:APPLIES_TO]->(a:Plan)-[:OF]->(pr:Product)-[:OFFERED_BY]->(c:Company)
  WHERE ${offered('a')}`
  }
  MATCH (fa)-[:FOR_PURPOSE]->(pu:Purpose)
  WITH fa, rt, a, pr, c, pu
  MATCH (pr)<-[:OF]-(b:Plan)<-[:APPLIES_TO]-(fb:Practice)-[hb:HANDLES]->(rt)
  WHERE b <> a AND hb.status IN ${list(rule.other)}${rule.paid ? ' AND b.paid = true' : ''}
    AND ${inForce('fb')} AND ${offered('b')} AND ${inScope('fb')} AND EXISTS { (fb)-[:FOR_PURPOSE]->(pu) }
  WITH c, pr, a, fa, rt, pu, collect({plan: b.id, practice: fb}) AS others
  WITH c, pr, a, fa, rt, pu, others, EXISTS { (:LegalBasis)-[:TRIGGERS]->(rt) } AS depends,
    ${basisOf('fa')} AS basis, [fa] + [o IN others | o.practice] AS used
  WITH c, pr, a, fa, rt, pu, others, depends, basis, used,
    ${claims('depends AND basis IS NOT NULL')} AS claims
  RETURN {kind: '${rule.kind}', id: '${slug}:' + fa.id + ':' + a.id + ':' + rt.code,
    company: c {.id, .name}, product: pr.id, purpose: pu.id,
    plans: [a.id] + [o IN others | o.plan], practices: ${distinct('[x IN used | x.id]')},
    right: rt.code, basis: basis.id,
    disputed: any(x IN used WHERE ${disputes('x', 'claims', 'rt.code')}),
    verification: ${weakest('used')},
    provisions: ${distinct(
      `['${rule.provision}'] + ${extra} + COLLECT { MATCH (rt)-[:GRANTED_BY]->(g:Provision) RETURN g.id }`,
    )}} AS f`;
}

/**
 * Every rule in one query: the facts each finding needs (not its words), one per id, then
 * the page in (kind, company name, id) order with the entities it names. The findings are
 * sorted before they are collected, as the API does (compile-connection.ts): sorted inside the
 * subquery that unwinds them, every kept row carried the whole list and Neo4j counted it once
 * per row, over the 1.5 GiB a transaction may hold for every rule at large.
 */
function findingsCypher(start: Start): string {
  const company = start === 'company';
  return `// R ${company ? 'company findings' : 'findings'}
CALL () {
  ${COMPARISONS.map((rule) => comparison(rule, start)).join('\n  UNION ALL\n')}
  UNION ALL
  WITH 1 AS gate WHERE 'NO_WAY_TO_OBJECT' IN $kinds
  ${
    company
      ? // In a subquery of each practice: beside the company's match, Neo4j began at the right.
        `${fromCompany('p', 'pl')} AND p.default <> 'NEVER'
  CALL (p) { MATCH (p)-[h:HANDLES]->(rt:Right {code: 'OBJECT'}) WHERE h.status = 'UNAVAILABLE' RETURN h, rt }`
      : `MATCH (object:Right {code: 'OBJECT'})
  WITH elementId(object) AS objectId
  MATCH (rt)<-[h:HANDLES]-(p:Practice)
  USING INDEX SEEK h:HANDLES(status)
  WHERE h.status = 'UNAVAILABLE' AND elementId(rt) = objectId AND p.default <> 'NEVER' AND ${inForce('p')} AND ${inScope('p')}`
  }
  CALL (p, rt) { WITH p, rt WHERE NOT EXISTS { (p)-[:ON_BASIS]->(:LegalBasis) }
    OR EXISTS { (p)-[:ON_BASIS]->(:LegalBasis)-[:TRIGGERS]->(rt) } RETURN true AS ok }
  ${
    company
      ? ''
      : `MATCH (p)-[:APPLIES_TO]->(pl:Plan)-[:OF]->(pr:Product)-[:OFFERED_BY]->(c:Company)
  WHERE ${offered('pl')}`
  }
  MATCH (p)-[:FOR_PURPOSE]->(pu:Purpose)
  WITH c, pr, p, pu, pl ORDER BY pl.id
  WITH c, p, pu, collect(pl.id) AS plans, head(collect(pr)) AS pr
  WITH c, pr, p, pu, plans, ${basisOf('p')} AS basis
  WITH c, pr, p, pu, plans, basis, ${claims('basis IS NOT NULL')} AS claims
  RETURN {kind: 'NO_WAY_TO_OBJECT', id: 'no-way-to-object:' + p.id, company: c {.id, .name},
    product: pr.id, purpose: pu.id, plans: plans, practices: [p.id], right: 'OBJECT', basis: basis.id,
    disputed: ${disputes('p', 'claims', "'OBJECT'")}, verification: ${weakest('[p]')},
    provisions: ['gdpr-21-1'] + ${definedBy('basis')}} AS f
  UNION ALL
  WITH 1 AS gate WHERE 'TRAINING_ON_BY_DEFAULT' IN $kinds
  ${
    company
      ? `${fromCompany('p', 'pl')} AND p.default = 'ON'
  MATCH (p)-[:FOR_PURPOSE]->(pu:Purpose {id: 'ai-model-training'})`
      : `MATCH (pu:Purpose {id: 'ai-model-training'})<-[:FOR_PURPOSE]-(p:Practice)
  WHERE p.default = 'ON' AND ${inForce('p')} AND ${inScope('p')}
  MATCH (p)-[:APPLIES_TO]->(pl:Plan)-[:OF]->(pr:Product)-[:OFFERED_BY]->(c:Company)
  WHERE ${offered('pl')}`
  }
  WITH c, pr, p, pu, pl ORDER BY pl.id
  WITH c, p, pu, collect(pl.id) AS plans, head(collect(pr)) AS pr
  WITH c, pr, p, pu, plans, ${basisOf('p')} AS basis
  WITH c, pr, p, pu, plans, basis, ${claims('basis IS NOT NULL', true)} AS claims
  RETURN {kind: 'TRAINING_ON_BY_DEFAULT', id: 'training-on-by-default:' + p.id, company: c {.id, .name},
    product: pr.id, purpose: pu.id, plans: plans, practices: [p.id], right: null, basis: basis.id,
    disputed: ${disputes('p', 'claims', "'OBJECT'")}, verification: ${weakest('[p]')},
    provisions: CASE basis.id WHEN 'consent' THEN ['gdpr-4-11', 'gdpr-7']
      WHEN 'legitimate-interest' THEN ['gdpr-6-1-f', 'gdpr-21-1'] ELSE ${definedBy('basis')} END} AS f
}
WITH f.id AS id, head(collect(f)) AS f
WITH f ORDER BY f.kind, f.company.name, f.id
WITH collect(f) AS found
CALL (found) {
  UNWIND found AS f
  WITH f, [f.kind, f.company.name, f.id] AS key
  WITH f, key WHERE ${after('key', 3)}
  WITH f, key LIMIT $first + 1
  RETURN collect({key: key, node: f {.id, .kind, .disputed, .verification, .company, .basis,
    product: {id: f.product}, purpose: {id: f.purpose},
    right: CASE WHEN f.right IS NULL THEN null ELSE {code: f.right} END,
    plans: COLLECT { UNWIND f.plans AS id MATCH (x:Plan {id: id}) RETURN x {.id, .name, .paid} },
    practices: COLLECT { UNWIND f.practices AS id MATCH (x:Practice {id: id}) RETURN x {.id} },
    provisions: COLLECT { UNWIND f.provisions AS id MATCH (x:Provision {id: id}) RETURN x {.id, .citation} }}}) AS page
}
RETURN size(found) AS total, page`;
}

export const RAW_CYPHER = {
  dashboard: `// R dashboard
MATCH (c:Company)
WITH c ORDER BY c.name, c.id LIMIT $first + 1
WITH collect(c) AS cs
RETURN COUNT { (:Company) } AS total, size(cs) > $first AS hasNext, last(cs[0..$first]).name AS lastName,
  last(cs[0..$first]).id AS lastId,
  [c IN cs[0..$first] | c {.id, .name, .country,
    products: COLLECT { MATCH (c)<-[:OFFERED_BY]-(pr:Product) WITH pr ORDER BY pr.name, pr.id
      RETURN pr {.id, .name,
        plans: COLLECT { MATCH (pr)<-[:OF]-(pl:Plan)
          WITH pl ORDER BY ${tierRank('pl')}, coalesce(head(pl.priceAmounts), 0), pl.id
          RETURN pl {.id, .name, .tier, .paid, launched: ${partial('pl', 'launched')}, withdrawn: ${partial('pl', 'withdrawn')},
            prices: [i IN range(0, size(coalesce(pl.priceAmounts, [])) - 1) |
              {amount: pl.priceAmounts[i], currency: pl.priceCurrencies[i], period: pl.pricePeriods[i]}],
            practices: {
              totalCount: COUNT { (pl)<-[:APPLIES_TO]-(:Practice) },
              nodes: COLLECT { MATCH (pl)<-[:APPLIES_TO]-(p:Practice)
                WITH p ORDER BY coalesce(p.validFrom, p.inForceFrom, date('0001-01-01')) DESC, p.id LIMIT 5
                RETURN p {.id, validFrom: ${partial('p', 'validFrom')}, validTo: ${partial('p', 'validTo')},
                  inForceFrom: toString(p.inForceFrom), inForceUntil: toString(p.inForceUntil), .scope, .default,
                  rights: COLLECT { MATCH (p)-[h:HANDLES]->(r:Right) WITH h, r ORDER BY r.code
                    RETURN {code: r.code, status: h.status} },
                  evidence: COLLECT { MATCH (p)-[e:EVIDENCED_BY]->(s:Source)
                    WITH e, s ORDER BY e.stance DESC, s.publishedAt, s.id
                    RETURN {stance: e.stance, claim: e.claim,
                      source: {id: s.id, publisher: s.publisher, publishedAt: ${partial('s', 'publishedAt')}}} } } } } } } } } }
  ] AS companies`,

  rightsMatrix: `// R rightsMatrix
MATCH (c:Company)<-[:OFFERED_BY]-(pr:Product)<-[:OF]-(pl:Plan) WHERE c.id IN $companies AND ${offered('pl')}
WITH c, pr, pl ORDER BY c.name, pr.name, ${tierRank('pl')}, pl.id
WITH collect({c: c, pr: pr, pl: pl}) AS found
WITH size(found) AS total, found[0..100] AS page
UNWIND page AS row
WITH total, row.c AS c, row.pr AS pr, row.pl AS pl
CALL (pl) {
  OPTIONAL MATCH (pl)<-[:APPLIES_TO]-(p:Practice)-[h:HANDLES]->(r:Right)
  WHERE r.code IN $rights AND ${inForce('p')} AND ${inScope('p')}
    AND EXISTS { (p)-[:FOR_PURPOSE]->(:Purpose {id: $purpose}) }
  WITH r.code AS code, p, h ORDER BY p.inForceFrom DESC
  WITH code, head(collect({p: p, h: h})) AS best
  WITH code, best.p AS p, best.h AS h
  RETURN collect([code, {practice: p.id, status: h.status, mechanism: h.mechanism,
    disputed: ${disputes('p', "['RIGHT']", 'code')}}]) AS handled
}
RETURN total, collect({company: c {.id, .name}, product: pr {.id, .name}, plan: pl {.id, .name, .tier, .paid},
  cells: [code IN $rights | head([x IN handled WHERE x[0] = code | x[1]] + [null])]}) AS rows`,

  /** One pass: every row (for the total), then the page after the cursor in keyset order. */
  plansDenyingRight: `// R plansDenyingRight
MATCH (asked:Right {code: $right})
WITH elementId(asked) AS askedId
MATCH (rt)<-[h:HANDLES]-(p:Practice)
USING INDEX SEEK h:HANDLES(status)
WHERE h.status IN ['UNAVAILABLE', 'PAID_ONLY'] AND elementId(rt) = askedId AND ${inForce('p')} AND ${inScope('p')}
CALL (p) { WITH p WHERE $purpose IS NULL OR EXISTS { (p)-[:FOR_PURPOSE]->(:Purpose {id: $purpose}) } RETURN true AS ok }
MATCH (p)-[:APPLIES_TO]->(pl:Plan)-[:OF]->(pr:Product)-[:OFFERED_BY]->(c:Company)
WHERE ${offered('pl')}
WITH collect({h: h, p: p, pl: pl, pr: pr, c: c, key: [c.name, pr.name, ${tierRank('pl')}, pl.id, p.id]}) AS found
CALL (found) {
  UNWIND found AS r
  WITH r WHERE ${after('r.key', 5)}
  WITH r ORDER BY r.key[0], r.key[1], r.key[2], r.key[3], r.key[4] LIMIT $first + 1
  WITH r.key AS key, r.h AS h, r.p AS p, r.pl AS pl, r.pr AS pr, r.c AS c
  RETURN collect({key: key, node: {company: c {.id, .name}, product: pr {.id, .name}, plan: pl {.id, .name, .tier},
    practice: {id: p.id, validFrom: ${partial('p', 'validFrom')}, scope: p.scope},
    status: h.status, mechanism: h.mechanism, disputed: ${disputes('p', "['RIGHT']", '$right')},
    supportingSources: COLLECT { MATCH (p)-[:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s:Source)
      WITH s ORDER BY s.publishedAt, s.id RETURN {source: {id: s.id, publisher: s.publisher}} }}}) AS page
}
RETURN size(found) AS total, page`,

  /** Page 1; with a cursor, \`incidentsAfter\`. One query: the total and the page. */
  incidents: incidentsCypher(''),
  /**
   * Page 1 of the incidents citing a provision or one of its parts, as one would write it: from
   * the provision, counted and sorted (the index order does not help a filter on a path).
   */
  incidentsCiting: `// R incidents citing
MATCH (p:Provision {id: $provision})
CALL (p) { MATCH (p)<-[:PART_OF*0..3]-(:Provision)<-[:CITES]-(i:Incident) WHERE i.retractedAt IS NULL
  RETURN count(DISTINCT i) AS total }
RETURN total, COLLECT { MATCH (p)<-[:PART_OF*0..3]-(:Provision)<-[:CITES]-(i:Incident) WHERE i.retractedAt IS NULL
    WITH DISTINCT i ORDER BY i.date DESC, i.id DESC LIMIT $first + 1
    ${incidentRow} } AS rows`,
  incidentsAfter: incidentsCypher(
    'AND i.date <= date($after[0]) AND (i.date < date($after[0]) OR i.id < $after[1])',
  ),

  search: `// R search
CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
WITH node, score ORDER BY score DESC, node.id ASC LIMIT $first + 1
RETURN {key: [score, node.id], node: {score: score, label: labels(node)[0], id: node.id,
  title: coalesce(node.name, node.title, node.citation, node.id)}} AS row`,

  /** Every rule over every company: see findingsCypher. */
  findings: findingsCypher('every'),
  /** The same for one company ($company), every branch started from it. */
  companyFindings: findingsCypher('company'),

  /** Practices starting, changing and ending, and incidents, of one company, by date. */
  timeline: `// R timeline
MATCH (c:Company {id: $company})
CALL (c) {
  MATCH (c)<-[:OFFERED_BY]-(:Product)<-[:OF]-(pl:Plan)<-[:APPLIES_TO]-(p:Practice)-[:FOR_PURPOSE]->(pu:Purpose)
  WITH p, pu, pl ORDER BY pl.id
  WITH p, pu, collect(pl {.id, .name}) AS plans
  OPTIONAL MATCH (p)-[:REPLACES]->(old:Practice)
  WITH p, pu, plans, old,
    CASE WHEN p.validFrom IS NULL THEN []
      ELSE [CASE WHEN old IS NULL THEN 'PRACTICE_STARTED' ELSE 'PRACTICE_CHANGED' END] END
    + CASE WHEN p.validTo IS NOT NULL
        AND NOT EXISTS { MATCH (p)<-[:REPLACES]-(n:Practice) WHERE n.validFrom = p.validTo }
      THEN ['PRACTICE_ENDED'] ELSE [] END AS kinds
  UNWIND kinds AS kind
  WITH p, pu, plans, old, kind, kind = 'PRACTICE_ENDED' AS ended
  RETURN {day: CASE WHEN ended THEN p.validTo ELSE p.validFrom END,
    date: CASE WHEN ended THEN ${partial('p', 'validTo')} ELSE ${partial('p', 'validFrom')} END,
    id: CASE WHEN ended THEN 'practice-ended:' ELSE 'practice-started:' END + p.id,
    kind: kind, purpose: pu.name, plans: plans, practice: {id: p.id},
    previous: CASE WHEN ended OR old IS NULL THEN null ELSE {id: old.id} END,
    change: CASE WHEN kind = 'PRACTICE_CHANGED' THEN [old, p] END, incident: null, title: null} AS e
  UNION ALL
  MATCH (c)<-[:AGAINST]-(i:Incident) WHERE i.retractedAt IS NULL
  RETURN {day: i.date, date: ${partial('i', 'date')}, id: 'incident:' + i.id, kind: 'INCIDENT', purpose: null,
    plans: [], practice: null, previous: null, change: null, incident: i {.id, .kind}, title: i.title} AS e
}
WITH collect(e) AS entries
CALL (entries) {
  UNWIND entries AS e
  WITH e WHERE $after IS NULL OR e.day > date($after[0]) OR (e.day = date($after[0]) AND e.id > $after[1])
  WITH e ORDER BY e.day, e.id LIMIT $first + 1
  RETURN collect({key: [toString(e.day), e.id], node: e {.date, .id, .kind, .purpose, .plans, .practice, .previous,
    .incident, .title, change: [x IN e.change | x {.default, .scope,
      basis: head(COLLECT { MATCH (x)-[:ON_BASIS]->(b) RETURN b.name }),
      rights: COLLECT { MATCH (x)-[h:HANDLES]->(r:Right) RETURN [r.name, h.status] }}]}}) AS page
}
RETURN size(entries) AS total, page`,
} as const;

const FINDING_TITLES: Record<string, string> = {
  RIGHT_CONDITIONED_ON_PAYMENT: 'A right is conditioned on payment',
  RIGHT_ONLY_ON_REQUEST:
    'A right is exercisable only on request where another plan offers it in the product',
  NO_WAY_TO_OBJECT: 'No way to object to processing that the right to object covers',
  TRAINING_ON_BY_DEFAULT: 'User content trains AI models by default',
};

interface PracticeFacts {
  default: string | null;
  basis: string | null;
  scope: string[] | null;
  rights: [string, string][];
}

/** "Right to object: PAID_ONLY -> ON_REQUEST", as the API words what changed. */
function changeLines(before: PracticeFacts, after: PracticeFacts): string[] {
  const out: [string, string | null, string | null][] = [];
  if (before.default !== after.default) out.push(['Default', before.default, after.default]);
  const was = new Map(before.rights);
  const is = new Map(after.rights);
  for (const [name, status] of is)
    if (was.get(name) !== status) out.push([name, was.get(name) ?? null, status]);
  for (const [name, status] of was) if (!is.has(name)) out.push([name, status, null]);
  if (before.basis !== after.basis) out.push(['Legal basis', before.basis, after.basis]);
  const scope = (s: string[] | null) => (s ? [...s].sort().join(', ') : null);
  if (scope(before.scope) !== scope(after.scope))
    out.push(['Scope', scope(before.scope), scope(after.scope)]);
  return out.map(([what, b, a]) => `${what}: ${b ?? 'not stated'} -> ${a ?? 'not stated'}`);
}

const ENTRY_TITLES: Record<string, string> = {
  PRACTICE_STARTED: 'New practice on',
  PRACTICE_CHANGED: 'Practice changed on',
  PRACTICE_ENDED: 'Practice ended on',
};

/**
 * A question: its Cypher and parameters (none for the floor, which reads nothing), and the
 * shaping of its rows into the API's answer.
 */
export interface RawQuestion {
  query(v: Vars): { cypher: string; params: Vars } | null;
  answer(rows: Rows, v: Vars): unknown;
}

const paged = (v: Vars, extra: Vars = {}): Vars => ({
  ...v,
  ...extra,
  first: int(v.first ?? 20),
  after: decodeCursor(v.after),
});

export const RAW_QUESTIONS: Record<string, RawQuestion> = {
  /** node:http, JSON in and out, and nothing between: what R pays before any Cypher. */
  floor: { query: () => null, answer: () => ({ __typename: 'Query' }) },
  dashboard: {
    query: (v) => ({ cypher: RAW_CYPHER.dashboard, params: { first: int(v.first) } }),
    answer([r]) {
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
  },
  rightsMatrix: {
    query: (v) => ({ cypher: RAW_CYPHER.rightsMatrix, params: v }),
    answer([r], v) {
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
              disputed: cell?.disputed ?? false,
              practice: cell ? { id: cell.practice } : null,
            })),
          })),
        },
      };
    },
  },
  plansDenyingRight: {
    query: (v) => ({ cypher: RAW_CYPHER.plansDenyingRight, params: paged(v) }),
    answer: ([r], v) => ({
      plansDenyingRight: connection(r!.page as any[], Number(v.first ?? 20), r!.total),
    }),
  },
  incidents: {
    query(v) {
      const after = decodeCursor(v.after);
      return {
        cypher: after ? RAW_CYPHER.incidentsAfter : RAW_CYPHER.incidents,
        params: { first: int(v.first), after },
      };
    },
    answer: ([r], v) => ({
      incidents: connection(r!.rows as any[], Number(v.first), r!.total, 'edges'),
    }),
  },
  incidentsCiting: {
    query: (v) => ({
      cypher: RAW_CYPHER.incidentsCiting,
      params: { first: int(v.first), provision: v.provision },
    }),
    answer: ([r], v) => ({
      incidents: connection(r!.rows as any[], Number(v.first), r!.total, 'edges'),
    }),
  },
  search: {
    query: (v) => ({
      cypher: RAW_CYPHER.search,
      params: { query: v.query, first: int(v.first) },
    }),
    answer(rows, v) {
      const first = Number(v.first);
      const page = rows.slice(0, first).map((r) => r.row as { key: unknown[]; node: unknown });
      const edges = page.map((r) => ({ cursor: encodeCursor(r.key), node: r.node }));
      return {
        search: {
          pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
          edges,
        },
      };
    },
  },
  findings: {
    query: (v) => ({
      cypher: v.company ? RAW_CYPHER.companyFindings : RAW_CYPHER.findings,
      params: paged(v, { company: v.company ?? null }),
    }),
    answer([r], v) {
      const page = (r!.page as { key: unknown[]; node: any }[]).map(({ key, node: f }) => ({
        key,
        node: {
          ...f,
          basis: undefined,
          title: FINDING_TITLES[f.kind],
          standing: f.disputed
            ? 'ALLEGED'
            : f.verification === 'VERIFIED'
              ? 'ESTABLISHED'
              : 'UNCONFIRMED',
          legalBasisEstablished: f.basis !== null,
          legalBasis: f.basis === null ? null : { id: f.basis },
        },
      }));
      return { findings: connection(page, Number(v.first ?? 20), r!.total) };
    },
  },
  timeline: {
    query: (v) => ({ cypher: RAW_CYPHER.timeline, params: paged(v) }),
    answer(rows, v) {
      const r = rows[0];
      if (!r) throw new Error(`no company with id "${String(v.company)}"`);
      const page = (r.page as { key: unknown[]; node: any }[]).map(({ key, node: e }) => ({
        key,
        node: {
          id: e.id,
          date: e.date,
          kind: e.kind,
          title:
            e.kind === 'INCIDENT'
              ? e.title
              : `${ENTRY_TITLES[e.kind]} ${e.plans.map((p: any) => p.name).join(', ')}: ${e.purpose}`,
          changes: e.change ? changeLines(e.change[0], e.change[1]) : [],
          plans: e.plans,
          practice: e.practice,
          previous: e.previous,
          incident: e.incident,
        },
      }));
      return { timeline: connection(page, Number(v.first ?? 20), r.total) };
    },
  },
};

/**
 * Runs R's Cypher as the API reads: in an auto-commit transaction (one RUN), so that O is
 * measured against hand-written Cypher read the same way; or, with `managed` (serve.js's
 * `managed` option), in a managed read transaction (BEGIN, RUN, COMMIT), as the driver's
 * manual suggests and R read until 2 December 2026.
 */
export function runner(driver: Driver, managed = false): Run {
  const config = { timeout: 60_000, metadata: { app: 'bench-raw' } };
  return async (cypher, params) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = managed
        ? await session.executeRead((tx) => tx.run(cypher, params), config)
        : await session.run(cypher, params, config);
      return result.records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  };
}

export async function startRawServer(
  driver: Driver,
  port: number,
  managed = false,
): Promise<http.Server> {
  const run = runner(driver, managed);
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
          const question = RAW_QUESTIONS[body.query];
          if (!question) throw new Error(`unknown workload ${body.query}`);
          const variables = body.variables ?? {};
          const read = question.query(variables);
          const rows = read ? await run(read.cypher, read.params) : [];
          const data = question.answer(rows, variables);
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
