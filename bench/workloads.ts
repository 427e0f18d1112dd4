/**
 * The benchmark's questions, each asked of the three targets:
 *   R  hand-written Cypher behind a minimal HTTP endpoint (bench/raw.ts),
 *   O  this API (GraphQL: one compiled Cypher query per root field; findings two),
 *   N  @neo4j/graphql 7 (bench/ngraphql.ts), where it can express the question.
 * Each has a normaliser that reduces an answer to a list of tokens (ids in answer order,
 * with the statuses, dates and counts that matter), so the three answers can be compared.
 */
import { GDPR_RIGHTS, PLAN_TIERS } from '../src/graph/model';
import { AS_OF, BUSY_COMPANY, companyId } from './synthetic';

export type TargetName = 'R' | 'O' | 'N';
export const TARGETS: TargetName[] = ['R', 'O', 'N'];

export interface TargetRequest {
  /** GraphQL query (O and N) or the raw handler's name (R). */
  query: string;
  variables: Record<string, unknown>;
}

export interface Workload {
  name: string;
  describe: string;
  request(target: TargetName, ctx: WorkloadContext): TargetRequest;
  /** The answer's tokens; N may be ordered here when it cannot order on the server. */
  normalise(target: TargetName, data: any): string[];
  /** Said in the report when a target answers a different (closest possible) question. */
  note?: Partial<Record<TargetName, string>>;
  /** Targets that cannot answer the question, and why: reported, never asked nor timed. */
  unsupported?: Partial<Record<TargetName, string>>;
  /**
   * The Cypher queries O sends for it once warm (its x-cypher-queries header on the check's
   * last ask); 1 unless said.
   */
  cypherQueries?: number;
  /** The list a page-N workload starts in (its cursor is found by walking, run.ts). */
  walk?: WalkName;
}

/**
 * Lists whose page N is reached by walking their cursors. `incidentsEarly` walks the incidents
 * to page 5: the first page past the seeded incidents (page 1 is the seeds' newest, which cite
 * fewer provisions and name fewer authorities than the generated ones, so its rows cost less).
 */
export type WalkName = 'incidents' | 'incidentsEarly' | 'plansDenyingRight';

export interface WorkloadContext {
  /** Per list, the cursor (per target) ending the page before page N; null for page 1. */
  cursors: Record<WalkName, Record<TargetName, unknown>>;
  /** Per list, which page "page N" is on this size (fewer items: the last page). */
  pages: Record<WalkName, number>;
}

export function emptyContext(): WorkloadContext {
  const none = (): Record<TargetName, unknown> => ({ R: null, O: null, N: null });
  return {
    cursors: { incidents: none(), incidentsEarly: none(), plansDenyingRight: none() },
    pages: { incidents: 1, incidentsEarly: 1, plansDenyingRight: 1 },
  };
}

export const PAGE_SIZE = 20;
export const DASHBOARD_COMPANIES = 20;
export const MATRIX_COMPANIES = Array.from({ length: 50 }, (_, i) => companyId(i));
export const SEARCH_TEXT = 'nimbus';
/** What luceneQuery (src/api/search/search.resolver.ts) makes of SEARCH_TEXT. */
export const SEARCH_LUCENE = '(nimbus OR nimbus*)';
/** The API's tier order (src/api/entities/orders.ts tierRank). */
export const TIER_ORDER: readonly string[] = PLAN_TIERS;
/** The scope every scoped question is asked in (the API's default). */
export const SCOPE = 'EEA';
/** The page "page N" aims at, per walked list; smaller graphs give their last page. */
export const PAGE_N: Record<WalkName, number> = {
  incidents: 500,
  incidentsEarly: 5,
  plansDenyingRight: 50,
};
export const TIMELINE_PAGE = 100;

/**
 * A retraction counts from the day after it (the API: date(retractedAt) > date(asOf)): the
 * first instant N's DateTime filter must accept.
 */
const RETRACTED_AFTER = `${new Date(Date.parse(`${AS_OF}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`;

const tierRank = (tier: string): number => {
  const i = TIER_ORDER.indexOf(tier);
  return i < 0 ? TIER_ORDER.length : i;
};
const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
/** A stored partial date (its first day and precision) as the API spells it. */
export const partial = (day: string | null, precision: string | null): string | null =>
  day === null
    ? null
    : precision === 'YEAR'
      ? day.slice(0, 4)
      : precision === 'MONTH'
        ? day.slice(0, 7)
        : day;
const sortedTail = (ids: string[]): string =>
  ids.length === 0 ? '' : [ids[0], ...ids.slice(1).sort()].join(',');

/** N's conditions for "in force on AS_OF, in the EEA" (src/api/entities/conditions.ts). */
const N_IN_FORCE = `inForceFrom: { lte: $asOf }
        AND: [
          { OR: [{ inForceUntil: { eq: null } }, { inForceUntil: { gt: $asOf } }] }
          { OR: [{ retractedAt: { eq: null } }, { retractedAt: { gte: $retractedAfter } }] }
          { OR: [{ scope: { includes: $scope } }, { scope: { includes: "WORLDWIDE" } }] }
        ]`;
/** N's conditions for "offered on AS_OF". */
const N_OFFERED = `availableFrom: { lte: $asOf }
      OR: [{ availableUntil: { eq: null } }, { availableUntil: { gt: $asOf } }]`;
const N_DATED = { asOf: AS_OF, retractedAfter: RETRACTED_AFTER, scope: SCOPE };

// ---------------------------------------------------------------------------------------------
// 1. The nested dashboard: companies -> products -> plans -> practices (first 5, totalCount)
//    -> rights and sources.

const O_DASHBOARD = `query Dashboard($first: Int!) {
  companies(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id name country
      products {
        id name
        plans {
          id name tier paid launched withdrawn
          prices { amount currency period }
          practices(first: 5) {
            totalCount
            nodes {
              id validFrom validTo inForceFrom inForceUntil scope default
              rights { code status }
              evidence { stance claim source { id publisher publishedAt } }
            }
          }
        }
      }
    }
  }
}`;

/** N cannot sort practices on coalesce(validFrom, inForceFrom) nor plans on tier rank: the client does. */
const N_DASHBOARD = `query Dashboard($first: Int!) {
  companiesConnection(first: $first, sort: [{ name: ASC }, { id: ASC }]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id name country
        products(sort: [{ name: ASC }, { id: ASC }]) {
          id name
          plans {
            id name tier paid launched launchedPrecision withdrawn withdrawnPrecision
            priceAmounts priceCurrencies pricePeriods
            practicesConnection {
              totalCount
              edges {
                node {
                  id validFrom validFromPrecision validTo validToPrecision inForceFrom inForceUntil scope default
                  rightsConnection(sort: [{ node: { code: ASC } }]) { edges { properties { status } node { code } } }
                  sourcesConnection(sort: [{ edge: { stance: DESC } }, { node: { publishedAt: ASC } }, { node: { id: ASC } }]) {
                    edges { properties { stance claim } node { id publisher publishedAt publishedAtPrecision } }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}`;

function dashboardTokens(companies: any[], total: number, hasNext: boolean): string[] {
  const out = [`total:${total}`, `next:${hasNext}`];
  for (const c of companies) {
    out.push(`c:${c.id}:${c.name}:${c.country}`);
    for (const pr of c.products) {
      out.push(`pr:${pr.id}`);
      for (const pl of pr.plans) {
        const prices = pl.prices.map((p: any) => `${p.amount}${p.currency}/${p.period}`).join(',');
        out.push(
          `pl:${pl.id}:${pl.tier}:${pl.paid}:${pl.launched}:${pl.withdrawn}:${prices}:${pl.practices.totalCount}`,
        );
        for (const p of pl.practices.nodes) {
          out.push(
            `p:${p.id}:${p.validFrom}:${p.validTo}:${p.inForceFrom}:${p.inForceUntil}:${p.scope.join('+')}:${p.default}`,
          );
          for (const r of p.rights) out.push(`r:${r.code}=${r.status}`);
          for (const e of p.evidence)
            out.push(`s:${e.source.id}:${e.stance}:${e.claim}:${e.source.publishedAt}`);
        }
      }
    }
  }
  return out;
}

/** The API's practice order: newest first by start (or first attestation), then id. */
const practiceKey = (p: any): string => p.validFrom ?? p.inForceFrom ?? '0001-01-01';
/** The API's plan order in a product: tier, first price, id. */
const planOrder = (a: any, b: any): number =>
  cmp(tierRank(a.tier), tierRank(b.tier)) ||
  cmp(a.priceAmounts?.[0] ?? 0, b.priceAmounts?.[0] ?? 0) ||
  cmp(a.id, b.id);

const dashboard: Workload = {
  name: 'dashboard',
  describe: `companies(first: ${DASHBOARD_COMPANIES}) -> products -> plans (prices, launched) -> practices(first: 5) -> rights, sources; totalCounts`,
  note: {
    N: 'fetches every practice of each plan; the order of plans (tier, price) and practices (start or attestation) and the first 5 are the client',
  },
  request: (t) => ({
    query: t === 'O' ? O_DASHBOARD : t === 'N' ? N_DASHBOARD : 'dashboard',
    variables: { first: DASHBOARD_COMPANIES },
  }),
  normalise(t, data) {
    if (t !== 'N') {
      const c = data.companies;
      return dashboardTokens(c.nodes, c.totalCount, c.pageInfo.hasNextPage);
    }
    const c = data.companiesConnection;
    const companies = c.edges.map(({ node }: any) => ({
      ...node,
      products: node.products.map((pr: any) => ({
        ...pr,
        plans: [...pr.plans].sort(planOrder).map((pl: any) => ({
          ...pl,
          launched: partial(pl.launched, pl.launchedPrecision),
          withdrawn: partial(pl.withdrawn, pl.withdrawnPrecision),
          prices: (pl.priceAmounts ?? []).map((amount: number, i: number) => ({
            amount,
            currency: pl.priceCurrencies[i],
            period: pl.pricePeriods[i],
          })),
          practices: {
            totalCount: pl.practicesConnection.totalCount,
            nodes: pl.practicesConnection.edges
              .map(({ node: p }: any) => p)
              .sort((a: any, b: any) => cmp(practiceKey(b), practiceKey(a)) || cmp(a.id, b.id))
              .slice(0, 5)
              .map((p: any) => ({
                ...p,
                validFrom: partial(p.validFrom, p.validFromPrecision),
                validTo: partial(p.validTo, p.validToPrecision),
                rights: p.rightsConnection.edges.map((e: any) => ({
                  code: e.node.code,
                  status: e.properties.status,
                })),
                evidence: p.sourcesConnection.edges.map((e: any) => ({
                  stance: e.properties.stance,
                  claim: e.properties.claim,
                  source: {
                    ...e.node,
                    publishedAt: partial(e.node.publishedAt, e.node.publishedAtPrecision),
                  },
                })),
              })),
          },
        })),
      })),
    }));
    return dashboardTokens(companies, c.totalCount, c.pageInfo.hasNextPage);
  },
};

// ---------------------------------------------------------------------------------------------
// 2. The rights matrix of 50 companies (200 plans; the first page of 100 rows, 9 rights each).

const O_MATRIX = `query Matrix($companies: [ID!], $purpose: ID, $asOf: Date) {
  rightsMatrix(companies: $companies, purpose: $purpose, asOf: $asOf, first: 100) {
    totalCount
    pageInfo { hasNextPage endCursor }
    rows {
      company { id name }
      product { id name }
      plan { id name tier paid }
      cells { right status mechanism disputed practice { id } }
    }
  }
}`;

/** N cannot order plans by company and product name, nor pick a practice per right: the client does. */
const N_MATRIX = `query Matrix($companies: [ID!], $purpose: ID!, $asOf: Date!, $retractedAfter: DateTime!, $scope: String!) {
  plans(where: {
    product: { some: { company: { some: { id: { in: $companies } } } } }
    ${N_OFFERED}
  }) {
    id name tier paid
    product { id name company { id name } }
    practicesConnection(
      where: { node: {
        purpose: { some: { id: { eq: $purpose } } }
        ${N_IN_FORCE}
      } }
      sort: [{ node: { inForceFrom: DESC } }]
    ) {
      edges { node {
        id
        rightsConnection { edges { properties { status mechanism } node { code } } }
        sourcesConnection(where: { edge: { stance: { eq: "DISPUTES" } } }) { edges { properties { claim right } } }
      } }
    }
  }
}`;

/** A source disputes a right's status: the whole practice, or that right (entities/right-handling.type.ts). */
const disputesRight = (edges: any[], code: string): boolean =>
  edges.some(
    (e) =>
      e.properties.claim === 'WHOLE' ||
      (e.properties.claim === 'RIGHT' && e.properties.right === code),
  );

const matrixRowTokens = (rows: any[], total: number): string[] => [
  `total:${total}`,
  ...rows.flatMap((r: any) => [
    `row:${r.company.id}:${r.product.id}:${r.plan.id}:${r.plan.paid}`,
    ...r.cells.map(
      (c: any) =>
        `${c.right}=${c.status}@${c.practice?.id ?? '-'}:${c.mechanism ?? '-'}:${c.disputed}`,
    ),
  ]),
];

/** Company, product, tier, plan: the order of both rights questions. */
const rowOrder = (a: any, b: any): number =>
  cmp(a.company.name, b.company.name) ||
  cmp(a.product.name, b.product.name) ||
  cmp(tierRank(a.plan.tier), tierRank(b.plan.tier)) ||
  cmp(a.plan.id, b.plan.id) ||
  cmp(a.practice?.id ?? '', b.practice?.id ?? '');

const matrix: Workload = {
  name: 'rightsMatrix',
  describe: `rightsMatrix(companies: 50 ids, purpose, asOf, scope: ${SCOPE}, first: 100): plans offered, 9 cells each with disputed`,
  note: {
    N: 'fetches the offered plans with their in-force practices, rights and disputing sources; ordering, paging and the cell per right are done by the client',
  },
  request: (t) => ({
    query: t === 'O' ? O_MATRIX : t === 'N' ? N_MATRIX : 'rightsMatrix',
    variables: {
      companies: MATRIX_COMPANIES,
      purpose: 'ai-model-training',
      ...(t === 'N' ? N_DATED : { asOf: AS_OF, scope: SCOPE, rights: GDPR_RIGHTS }),
    },
  }),
  normalise(t, data) {
    if (t !== 'N') return matrixRowTokens(data.rightsMatrix.rows, data.rightsMatrix.totalCount);
    const rows = (data.plans as any[])
      .map((pl) => {
        const product = pl.product[0];
        const company = product.company[0];
        const practices = pl.practicesConnection.edges.map((e: any) => e.node);
        const cells = GDPR_RIGHTS.map((code) => {
          for (const p of practices) {
            const h = p.rightsConnection.edges.find((e: any) => e.node.code === code);
            if (h)
              return {
                right: code,
                status: h.properties.status,
                mechanism: h.properties.mechanism,
                disputed: disputesRight(p.sourcesConnection.edges, code),
                practice: { id: p.id },
              };
          }
          return {
            right: code,
            status: 'UNKNOWN',
            mechanism: null,
            disputed: false,
            practice: null,
          };
        });
        return { company, product, plan: pl, cells };
      })
      .sort(rowOrder);
    return matrixRowTokens(rows.slice(0, 100), rows.length);
  },
};

// ---------------------------------------------------------------------------------------------
// 3, 4. The plans that deny the right to object to training on a date, in the EEA, with the
//       evidence: a keyset connection, page 1 and page N (after walking the cursors).

const O_DENYING = `query Denying($purpose: ID, $asOf: Date, $first: Int, $after: String) {
  plansDenyingRight(right: OBJECT, purpose: $purpose, asOf: $asOf, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      company { id name }
      product { id name }
      plan { id name tier }
      practice { id validFrom scope }
      status mechanism disputed
      supportingSources { source { id publisher } }
    }
  }
}`;

/** Every row: N cannot order by related fields, so the client orders, counts and pages. */
const N_DENYING = `query Denying($purpose: ID!, $asOf: Date!, $retractedAfter: DateTime!, $scope: String!) {
  practices(where: {
    purpose: { some: { id: { eq: $purpose } } }
    ${N_IN_FORCE}
    rightsConnection: { some: { node: { code: { eq: "OBJECT" } }, edge: { status: { in: ["UNAVAILABLE", "PAID_ONLY"] } } } }
  }) {
    id validFrom validFromPrecision scope
    plans(where: { ${N_OFFERED} }) { id name tier product { id name company { id name } } }
    rightsConnection(where: { node: { code: { eq: "OBJECT" } } }) { edges { properties { status mechanism } } }
    sourcesConnection(sort: [{ node: { publishedAt: ASC } }, { node: { id: ASC } }]) {
      edges { properties { stance claim right } node { id publisher } }
    }
  }
}`;

/** Only the page-size query, for walking to page N. */
const O_DENYING_WALK = `query Walk($purpose: ID, $asOf: Date, $first: Int, $after: String) {
  plansDenyingRight(right: OBJECT, purpose: $purpose, asOf: $asOf, first: $first, after: $after) {
    totalCount pageInfo { endCursor }
  }
}`;

const denyingVariables = (t: TargetName, first: number, after: unknown) =>
  t === 'N'
    ? { purpose: 'ai-model-training', ...N_DATED }
    : {
        purpose: 'ai-model-training',
        asOf: AS_OF,
        scope: SCOPE,
        right: 'OBJECT',
        first,
        after,
      };

function denyingTokens(total: number, hasNext: boolean, rows: any[]): string[] {
  return [
    `total:${total}`,
    `next:${hasNext}`,
    ...rows.map(
      (r) =>
        `${r.company.id}/${r.plan.id}/${r.practice.id}:${r.practice.validFrom}:${r.practice.scope.join('+')}:` +
        `${r.status}:${r.mechanism ?? '-'}:${r.disputed}:${r.supportingSources.map((s: any) => s.source.id).join(',')}`,
    ),
  ];
}

/** N's rows, one per practice and offered plan, in the API's order. */
function denyingRowsOfN(data: any): any[] {
  return (data.practices as any[])
    .flatMap((p) =>
      (p.plans as any[]).map((plan) => {
        const product = plan.product[0];
        const h = p.rightsConnection.edges[0].properties;
        const sources = p.sourcesConnection.edges as any[];
        return {
          company: product.company[0],
          product,
          plan,
          practice: { ...p, validFrom: partial(p.validFrom, p.validFromPrecision) },
          status: h.status,
          mechanism: h.mechanism,
          disputed: disputesRight(
            sources.filter((e) => e.properties.stance === 'DISPUTES'),
            'OBJECT',
          ),
          supportingSources: sources
            .filter((e) => e.properties.stance === 'SUPPORTS')
            .map((e) => ({ source: e.node })),
        };
      }),
    )
    .sort(rowOrder);
}

function denyingWorkload(page: '1' | 'N'): Workload {
  return {
    name: page === '1' ? 'plansDenyingRight p1' : 'plansDenyingRight pN',
    describe:
      page === '1'
        ? `plansDenyingRight(right: OBJECT, purpose: ai-model-training, asOf, scope: ${SCOPE}, first: ${PAGE_SIZE}) with totalCount, disputed, supporting sources`
        : `the same, after the cursor ending page ${PAGE_N.plansDenyingRight - 1} (the last page when there are fewer rows), found by walking the cursors`,
    walk: page === 'N' ? 'plansDenyingRight' : undefined,
    note:
      page === '1'
        ? {
            N: 'fetches every row (no order on related fields): ordering, totalCount and the page are the client',
          }
        : undefined,
    unsupported:
      page === 'N'
        ? {
            N: 'no keyset order on related fields: its page 1 already fetches every row, page N would be the same request',
          }
        : undefined,
    request: (t, ctx) => ({
      query: t === 'O' ? O_DENYING : t === 'N' ? N_DENYING : 'plansDenyingRight',
      variables: denyingVariables(
        t,
        PAGE_SIZE,
        page === '1' ? null : ctx.cursors.plansDenyingRight[t],
      ),
    }),
    normalise(t, data) {
      if (t === 'N') {
        const rows = denyingRowsOfN(data);
        return denyingTokens(rows.length, rows.length > PAGE_SIZE, rows.slice(0, PAGE_SIZE));
      }
      const c = data.plansDenyingRight;
      return denyingTokens(c.totalCount, c.pageInfo.hasNextPage, c.nodes);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 5, 6. Incidents, newest first: page 1 and page 500 (after the 9,980th incident).

const incidentsQuery = (variables: string, args: string) => `query Incidents(${variables}) {
  incidents(${args}) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id kind title date status
        against { id name }
        before { id name }
        cites { id citation }
      }
    }
  }
}`;

const O_INCIDENTS = incidentsQuery('$first: Int!, $after: String', 'first: $first, after: $after');

const N_INCIDENTS = `query Incidents($first: Int!, $after: String) {
  incidentsConnection(first: $first, after: $after, sort: [{ date: DESC }, { id: DESC }], where: { retractedAt: { eq: null } }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id kind title date datePrecision status
        against(sort: [{ name: ASC }]) { id name }
        before { id name }
        cites(sort: [{ regulation: ASC }, { article: ASC }, { paragraph: ASC }, { point: ASC }]) { id citation }
      }
    }
  }
}`;

function incidentTokens(total: number, hasNext: boolean, nodes: any[]): string[] {
  return [
    `total:${total}`,
    `next:${hasNext}`,
    ...nodes.map((n) => {
      const before = Array.isArray(n.before) ? n.before[0] : n.before;
      const date = 'datePrecision' in n ? partial(n.date, n.datePrecision) : n.date;
      return `${n.id}:${date}:${n.kind}:${n.against.map((c: any) => c.id).join(',')}:${before?.id ?? '-'}:${n.cites.map((p: any) => p.citation).join(',')}`;
    }),
  ];
}

function incidentsWorkload(page: 1 | 5 | 500): Workload {
  const walk = page === 500 ? 'incidents' : page === 5 ? 'incidentsEarly' : undefined;
  return {
    name: `incidents p${page}`,
    describe:
      page === 1
        ? `incidents(first: ${PAGE_SIZE}) with totalCount, against, before, cites`
        : page === 5
          ? `the same, after the cursor ending page 4: generated incidents like page 500's, to tell what page 500 costs for being far from what it costs for its rows`
          : `the same, after the cursor ending page 499 (the last page when there are fewer incidents)`,
    walk,
    note: walk ? { N: 'its own cursors (offsets)' } : undefined,
    request: (t, ctx) => ({
      query: t === 'O' ? O_INCIDENTS : t === 'N' ? N_INCIDENTS : 'incidents',
      variables: { first: PAGE_SIZE, after: walk ? ctx.cursors[walk][t] : null },
    }),
    normalise(t, data) {
      const c = t === 'N' ? data.incidentsConnection : data.incidents;
      return incidentTokens(
        c.totalCount,
        c.pageInfo.hasNextPage,
        c.edges.map((e: any) => e.node),
      );
    },
  };
}

/**
 * Page 1 of the incidents citing a provision or one of its parts ("which complaints cite
 * Art. 12?"): Art. 12, cited by one incident in seven of the generated ones, and Art. 4, by the
 * seeded few.
 */
function citingWorkload(provision: string, label: string): Workload {
  return {
    name: `incidents ${label}`,
    describe: `incidents(first: ${PAGE_SIZE}, filter: { provision: "${provision}" }) with totalCount, against, before, cites`,
    unsupported: { N: 'no filter on a variable-length path (a provision or one of its parts)' },
    request: (t) => ({
      query: t === 'O' ? O_INCIDENTS_CITING : 'incidentsCiting',
      variables: { first: PAGE_SIZE, provision },
    }),
    normalise(_t, data) {
      const c = data.incidents;
      return incidentTokens(
        c.totalCount,
        c.pageInfo.hasNextPage,
        c.edges.map((e: any) => e.node),
      );
    },
  };
}

const O_INCIDENTS_CITING = incidentsQuery(
  '$first: Int!, $provision: String!',
  'first: $first, filter: { provision: $provision }',
);

// ---------------------------------------------------------------------------------------------
// 7. Full-text search.

const O_SEARCH = `query Search($text: String!) {
  search(text: $text, first: ${PAGE_SIZE}) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { score label id title } }
  }
}`;

const N_SEARCH = `query Search($query: String!) {
  search(query: $query, first: ${PAGE_SIZE}) { score label id title }
}`;

const searchTokens = (hits: any[]): string[] =>
  hits.map((h) => `${h.label}:${h.id}:${h.title}:${Number(h.score).toFixed(5)}`);

const search: Workload = {
  name: 'search',
  describe: `search(text: "${SEARCH_TEXT}", first: ${PAGE_SIZE}) over the full-text index`,
  note: { N: 'a @cypher query field over the same index (no cursors)' },
  request: (t) => ({
    query: t === 'O' ? O_SEARCH : t === 'N' ? N_SEARCH : 'search',
    variables: t === 'O' ? { text: SEARCH_TEXT } : { query: SEARCH_LUCENE, first: PAGE_SIZE },
  }),
  normalise(t, data) {
    return searchTokens(t === 'N' ? data.search : data.search.edges.map((e: any) => e.node));
  },
};

// ---------------------------------------------------------------------------------------------
// 8-12. Findings derived by the rules on a date, in the EEA, over every company: one workload
//       per rule and one for all of them; 12b, all of them for one company (each rule started
//       from it, in both targets). The API runs its rules' fixed query, composes the page's
//       findings (words included) in TypeScript, then a page query reads the page's entities.

export const FINDING_KINDS = [
  'RIGHT_CONDITIONED_ON_PAYMENT',
  'RIGHT_ONLY_ON_REQUEST',
  'NO_WAY_TO_OBJECT',
  'TRAINING_ON_BY_DEFAULT',
] as const;

const O_FINDINGS = `query Findings($kind: FindingKind, $company: ID, $asOf: Date, $first: Int) {
  findings(kind: $kind, company: $company, asOf: $asOf, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id kind title standing verification legalBasisEstablished disputed
      company { id name }
      product { id }
      purpose { id }
      plans { id name paid }
      practices { id }
      right { code }
      legalBasis { id }
      provisions { id citation }
    }
  }
}`;

/** Ids after the first (the finding's own plan or practice) in no order the API promises. */
const findingTokens = (total: number, hasNext: boolean, nodes: any[]): string[] => [
  `total:${total}`,
  `next:${hasNext}`,
  ...nodes.map(
    (f) =>
      `${f.id}:${f.kind}:${f.title}:${f.standing}:${f.verification}:${f.legalBasisEstablished}:${f.disputed}:` +
      `${f.company.id}:${f.company.name}:${f.product.id}:${f.purpose.id}:` +
      `plans=${sortedTail(f.plans.map((p: any) => `${p.id}/${p.name}/${p.paid}`))}:` +
      `practices=${sortedTail(f.practices.map((p: any) => p.id))}:${f.right?.code ?? '-'}:` +
      `${f.legalBasis?.id ?? '-'}:provisions=${f.provisions
        .map((p: any) => `${p.id}/${p.citation}`)
        .sort()
        .join(',')}`,
  ),
];

/** The company of the findings asked for one company: a seeded one, at every size (19 findings). */
export const FINDINGS_COMPANY = 'openai';

function findingsWorkload(
  kind: (typeof FINDING_KINDS)[number] | null,
  short: string,
  company: string | null = null,
): Workload {
  return {
    name: `findings ${short}`,
    describe: `findings(${kind ? `kind: ${kind}, ` : ''}${company ? `company: ${company}, ` : ''}asOf, scope: ${SCOPE}, first: ${PAGE_SIZE}) over ${company ? 'one company, every rule' : 'every company'}: standing, plans, practices, provisions (no explanation)`,
    unsupported: {
      N: 'cannot express the rules (comparing two plans of a product, legal-basis and provision conditions, standing from disputed claims)',
    },
    request: (t) => ({
      query: t === 'O' ? O_FINDINGS : 'findings',
      variables: {
        kind,
        company,
        asOf: AS_OF,
        first: PAGE_SIZE,
        ...(t === 'R' ? { scope: SCOPE, kinds: kind ? [kind] : FINDING_KINDS } : {}),
      },
    }),
    normalise(_t, data) {
      const c = data.findings;
      return findingTokens(c.totalCount, c.pageInfo.hasNextPage, c.nodes);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 13. The timeline of the company with the longest history.

const O_TIMELINE = `query Timeline($company: ID!, $first: Int!) {
  timeline(company: $company, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id date kind title changes
      plans { id name }
      practice { id }
      previous { id }
      incident { id kind }
    }
  }
}`;

const timeline: Workload = {
  name: 'timeline',
  describe: `timeline(company: ${BUSY_COMPANY}, first: ${TIMELINE_PAGE}) with totalCount, titles and what changed (173 entries at every size)`,
  unsupported: {
    N: 'no union of practices and incidents ordered by a computed date, nor "ended with no successor starting that day"',
  },
  request: (t) => ({
    query: t === 'O' ? O_TIMELINE : 'timeline',
    variables: { company: BUSY_COMPANY, first: TIMELINE_PAGE },
  }),
  normalise(_t, data) {
    const c = data.timeline;
    return [
      `total:${c.totalCount}`,
      `next:${c.pageInfo.hasNextPage}`,
      ...c.nodes.map(
        (e: any) =>
          `${e.id}:${e.date}:${e.kind}:${e.title}:${e.plans.map((p: any) => p.id).join(',')}:` +
          `${e.practice?.id ?? '-'}:${e.previous?.id ?? '-'}:${e.incident?.id ?? '-'}:` +
          // The API lists changed rights in the order Neo4j returns them: compare as a set.
          `${[...e.changes].sort().join('|')}`,
      ),
    ];
  },
};

// ---------------------------------------------------------------------------------------------
// 14. The floor: a request that reads nothing.

/**
 * What a request costs before it reads anything: O and N answer `{ __typename }` (HTTP, the
 * JSON body, Apollo's pipeline and, for O, its plugins and context), R a constant from
 * node:http. Not a question of issue 20's: the fixed cost that a small answer (incidents
 * Art. 4, three rows) cannot spread.
 */
const FLOOR = 'query Floor { __typename }';

const floor: Workload = {
  name: 'floor',
  describe: '`{ __typename }`: no resolver, no Cypher (R: node:http answers a constant)',
  cypherQueries: 0,
  request: (t) => (t === 'R' ? { query: 'floor', variables: {} } : { query: FLOOR, variables: {} }),
  normalise: (_t, data) => [`typename:${data.__typename}`],
};

export const WORKLOADS: Workload[] = [
  dashboard,
  matrix,
  denyingWorkload('1'),
  denyingWorkload('N'),
  incidentsWorkload(1),
  incidentsWorkload(5),
  incidentsWorkload(500),
  citingWorkload('gdpr-12', 'Art. 12'),
  citingWorkload('gdpr-4', 'Art. 4'),
  search,
  findingsWorkload('RIGHT_CONDITIONED_ON_PAYMENT', 'payment'),
  findingsWorkload('RIGHT_ONLY_ON_REQUEST', 'onRequest'),
  findingsWorkload('NO_WAY_TO_OBJECT', 'noObjection'),
  findingsWorkload('TRAINING_ON_BY_DEFAULT', 'trainingOn'),
  findingsWorkload(null, 'all'),
  findingsWorkload(null, 'company', FINDINGS_COMPANY),
  timeline,
  floor,
];

// ---------------------------------------------------------------------------------------------
// Walking a list's cursors to page N: the page-size request and where its end cursor is.

export interface Walk {
  /** The list's totalCount, asked of O (or R). */
  total(target: TargetName): TargetRequest;
  page(target: TargetName, first: number, after: unknown): TargetRequest;
  /** The total and end cursor of a walk page's answer. */
  read(target: TargetName, data: any): { total: number; endCursor: unknown };
}

const INCIDENTS_WALK: Walk = {
  total: (t) => INCIDENTS_WALK.page(t, 1, null),
  page: (t, first, after) => ({
    query:
      t === 'R'
        ? 'incidents'
        : t === 'O'
          ? `query Walk($first: Int!, $after: String) { incidents(first: $first, after: $after) { totalCount pageInfo { endCursor } } }`
          : `query Walk($first: Int!, $after: String) { incidentsConnection(first: $first, after: $after, sort: [{ date: DESC }, { id: DESC }], where: { retractedAt: { eq: null } }) { totalCount pageInfo { endCursor } } }`,
    variables: { first, after },
  }),
  read: (t, data) => {
    const c = t === 'N' ? data.incidentsConnection : data.incidents;
    return { total: Number(c.totalCount), endCursor: c.pageInfo.endCursor };
  },
};

export const WALKS: Record<WalkName, Walk> = {
  incidents: INCIDENTS_WALK,
  incidentsEarly: INCIDENTS_WALK,
  plansDenyingRight: {
    total: (t) => WALKS.plansDenyingRight.page(t, 1, null),
    page: (t, first, after) => ({
      query: t === 'O' ? O_DENYING_WALK : 'plansDenyingRight',
      variables: denyingVariables(t, first, after),
    }),
    read: (_t, data) => ({
      total: Number(data.plansDenyingRight.totalCount),
      endCursor: data.plansDenyingRight.pageInfo.endCursor,
    }),
  },
};
