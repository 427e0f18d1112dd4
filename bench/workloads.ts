/**
 * The benchmark's questions, each asked of the three targets:
 *   R  hand-written Cypher behind a minimal HTTP endpoint (bench/raw.ts),
 *   O  this API (GraphQL, one compiled Cypher query per root field),
 *   N  @neo4j/graphql 7 (bench/ngraphql.ts).
 * Each has a normaliser that reduces an answer to a list of tokens (ids in answer order,
 * with the statuses and counts that matter), so the three answers can be compared.
 */
import { GDPR_RIGHTS, PLAN_TIERS } from '../src/graph/model';
import { companyId, AS_OF } from './synthetic';

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
}

export interface WorkloadContext {
  /** The cursor (per target) after the last incident of page 499, or null on page 1. */
  page500: Record<TargetName, unknown>;
  /** Which page "page 500" is on this size (fewer incidents than 10,000: the last page). */
  page500Index: number;
}

export const PAGE_SIZE = 20;
export const DASHBOARD_COMPANIES = 20;
export const MATRIX_COMPANIES = Array.from({ length: 50 }, (_, i) => companyId(i));
export const SEARCH_TEXT = 'nimbus';
/** What luceneQuery (src/api/search/search.resolver.ts) makes of SEARCH_TEXT. */
export const SEARCH_LUCENE = '(nimbus OR nimbus*)';
/** The API's tier order (src/api/entities/entities.projection.ts tierRank). */
export const TIER_ORDER: readonly string[] = PLAN_TIERS;

const tierRank = (tier: string): number => {
  const i = TIER_ORDER.indexOf(tier);
  return i < 0 ? TIER_ORDER.length : i;
};
const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

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
          id name tier
          practices(first: 5) {
            totalCount
            nodes {
              id validFrom validTo default
              rights { code status }
              evidence { stance source { id publisher publishedAt } }
            }
          }
        }
      }
    }
  }
}`;

const N_DASHBOARD = `query Dashboard($first: Int!) {
  companiesConnection(first: $first, sort: [{ name: ASC }, { id: ASC }]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id name country
        products(sort: [{ name: ASC }, { id: ASC }]) {
          id name
          plans(sort: [{ id: ASC }]) {
            id name tier
            practicesConnection(first: 5, sort: [{ node: { validFrom: DESC } }, { node: { id: ASC } }]) {
              totalCount
              edges {
                node {
                  id validFrom validTo default
                  rightsConnection(sort: [{ node: { code: ASC } }]) { edges { properties { status } node { code } } }
                  sourcesConnection(sort: [{ edge: { stance: DESC } }, { node: { publishedAt: ASC } }, { node: { id: ASC } }]) {
                    edges { properties { stance } node { id publisher publishedAt } }
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
        out.push(`pl:${pl.id}:${pl.tier}:${pl.practices.totalCount}`);
        for (const p of pl.practices.nodes) {
          out.push(`p:${p.id}:${p.validFrom}:${p.validTo}:${p.default}`);
          for (const r of p.rights) out.push(`r:${r.code}=${r.status}`);
          for (const e of p.evidence)
            out.push(`s:${e.source.id}:${e.stance}:${e.source.publishedAt}`);
        }
      }
    }
  }
  return out;
}

const dashboard: Workload = {
  name: 'dashboard',
  describe: `companies(first: ${DASHBOARD_COMPANIES}) -> products -> plans -> practices(first: 5) -> rights, sources; totalCounts`,
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
        plans: pr.plans.map((pl: any) => ({
          ...pl,
          practices: {
            totalCount: pl.practicesConnection.totalCount,
            nodes: pl.practicesConnection.edges.map(({ node: p }: any) => ({
              ...p,
              rights: p.rightsConnection.edges.map((e: any) => ({
                code: e.node.code,
                status: e.properties.status,
              })),
              evidence: p.sourcesConnection.edges.map((e: any) => ({
                stance: e.properties.stance,
                source: e.node,
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
      plan { id name tier }
      cells { right status mechanism practice { id } }
    }
  }
}`;

/** N cannot order plans by company and product name, nor pick a practice per right: the client does. */
const N_MATRIX = `query Matrix($companies: [ID!], $purpose: ID!, $asOf: Date!) {
  plans(where: { product: { some: { company: { some: { id: { in: $companies } } } } } }) {
    id name tier
    product { id name company { id name } }
    practicesConnection(
      where: { node: {
        purpose: { some: { id: { eq: $purpose } } }
        validFrom: { lte: $asOf }
        OR: [{ validTo: { eq: null } }, { validTo: { gt: $asOf } }]
      } }
      sort: [{ node: { validFrom: DESC } }]
    ) {
      edges { node { id rightsConnection { edges { properties { status mechanism } node { code } } } } }
    }
  }
}`;

const matrixRowTokens = (rows: any[], total: number): string[] => [
  `total:${total}`,
  ...rows.flatMap((r: any) => [
    `row:${r.company.id}:${r.product.id}:${r.plan.id}`,
    ...r.cells.map(
      (c: any) => `${c.right}=${c.status}@${c.practice?.id ?? '-'}:${c.mechanism ?? '-'}`,
    ),
  ]),
];

const matrix: Workload = {
  name: 'rightsMatrix',
  describe: 'rightsMatrix(companies: 50 ids, purpose, asOf, first: 100) with 9 cells per row',
  note: {
    N: 'fetches the 200 plans with their in-force practices and rights; ordering, paging and the cell per right are done by the client',
  },
  request: (t) => ({
    query: t === 'O' ? O_MATRIX : t === 'N' ? N_MATRIX : 'rightsMatrix',
    variables: {
      companies: MATRIX_COMPANIES,
      purpose: 'ai-model-training',
      asOf: AS_OF,
      rights: GDPR_RIGHTS,
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
                practice: { id: p.id },
              };
          }
          return { right: code, status: 'UNKNOWN', mechanism: null, practice: null };
        });
        return { company, product, plan: pl, cells };
      })
      .sort(
        (a, b) =>
          cmp(a.company.name, b.company.name) ||
          cmp(a.product.name, b.product.name) ||
          cmp(tierRank(a.plan.tier), tierRank(b.plan.tier)) ||
          cmp(a.plan.id, b.plan.id),
      );
    return matrixRowTokens(rows.slice(0, 100), rows.length);
  },
};

// ---------------------------------------------------------------------------------------------
// 3. The plans that deny the right to object to training, as of a date, with the evidence.

const O_DENYING = `query Denying($purpose: ID, $asOf: Date) {
  plansDenyingRight(right: OBJECT, purpose: $purpose, asOf: $asOf) {
    company { id name }
    product { id name }
    plan { id name tier }
    practice { id validFrom }
    status mechanism
    supportingSources { source { id publisher } }
  }
}`;

const N_DENYING = `query Denying($purpose: ID!, $asOf: Date!) {
  practices(where: {
    purpose: { some: { id: { eq: $purpose } } }
    validFrom: { lte: $asOf }
    OR: [{ validTo: { eq: null } }, { validTo: { gt: $asOf } }]
    rightsConnection: { some: { node: { code: { eq: "OBJECT" } }, edge: { status: { in: ["UNAVAILABLE", "PAID_ONLY"] } } } }
  }) {
    id validFrom
    plan { id name tier product { id name company { id name } } }
    rightsConnection(where: { node: { code: { eq: "OBJECT" } } }) { edges { properties { status mechanism } } }
    sourcesConnection(where: { edge: { stance: { eq: "SUPPORTS" } } }, sort: [{ node: { publishedAt: ASC } }, { node: { id: ASC } }]) {
      edges { node { id publisher } }
    }
  }
}`;

const denyingTokens = (rows: any[]): string[] =>
  rows.map(
    (r) =>
      `${r.company.id}/${r.plan.id}/${r.practice.id}:${r.status}:${r.mechanism ?? '-'}:${r.supportingSources.map((s: any) => s.source.id).join(',')}`,
  );

const denying: Workload = {
  name: 'plansDenyingRight',
  describe:
    'plansDenyingRight(right: OBJECT, purpose: ai-model-training, asOf) with supporting sources',
  note: {
    N: 'ordered by company, product, tier and plan by the client (no sort on related fields)',
  },
  request: (t) => ({
    query: t === 'O' ? O_DENYING : t === 'N' ? N_DENYING : 'plansDenyingRight',
    variables: { purpose: 'ai-model-training', asOf: AS_OF, right: 'OBJECT' },
  }),
  normalise(t, data) {
    if (t !== 'N') return denyingTokens(data.plansDenyingRight);
    const rows = (data.practices as any[])
      .map((p) => {
        const plan = p.plan[0];
        const product = plan.product[0];
        const h = p.rightsConnection.edges[0].properties;
        return {
          company: product.company[0],
          product,
          plan,
          practice: p,
          status: h.status,
          mechanism: h.mechanism,
          supportingSources: p.sourcesConnection.edges.map((e: any) => ({ source: e.node })),
        };
      })
      .sort(
        (a, b) =>
          cmp(a.company.name, b.company.name) ||
          cmp(a.product.name, b.product.name) ||
          cmp(tierRank(a.plan.tier), tierRank(b.plan.tier)) ||
          cmp(a.plan.id, b.plan.id),
      );
    return denyingTokens(rows);
  },
};

// ---------------------------------------------------------------------------------------------
// 4, 5. Incidents, newest first: page 1 and page 500 (after the 9,980th incident).

const O_INCIDENTS = `query Incidents($first: Int!, $after: String) {
  incidents(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id kind title date status
        against { id name }
        before { id name }
        cites { id ref }
      }
    }
  }
}`;

const N_INCIDENTS = `query Incidents($first: Int!, $after: String) {
  incidentsConnection(first: $first, after: $after, sort: [{ date: DESC }, { id: DESC }]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id kind title date status
        against(sort: [{ name: ASC }]) { id name }
        before { id name }
        cites(sort: [{ article: ASC }, { paragraph: ASC }, { point: ASC }]) { id ref }
      }
    }
  }
}`;

/** Only the page-size query, for walking to page 500. */
export const WALK_QUERIES: Record<Exclude<TargetName, 'R'>, string> = {
  O: `query Walk($first: Int!, $after: String) { incidents(first: $first, after: $after) { pageInfo { endCursor } } }`,
  N: `query Walk($first: Int!, $after: String) { incidentsConnection(first: $first, after: $after, sort: [{ date: DESC }, { id: DESC }]) { pageInfo { endCursor } } }`,
};

function incidentTokens(total: number, hasNext: boolean, nodes: any[]): string[] {
  return [
    `total:${total}`,
    `next:${hasNext}`,
    ...nodes.map((n) => {
      const before = Array.isArray(n.before) ? n.before[0] : n.before;
      return `${n.id}:${n.date}:${n.kind}:${n.against.map((c: any) => c.id).join(',')}:${before?.id ?? '-'}:${n.cites.map((p: any) => p.id).join(',')}`;
    }),
  ];
}

function incidentsWorkload(page: 1 | 500): Workload {
  return {
    name: page === 1 ? 'incidents p1' : 'incidents p500',
    describe:
      page === 1
        ? `incidents(first: ${PAGE_SIZE}) with totalCount, against, before, cites`
        : `the same, after the cursor ending page 499 (the last page when there are fewer incidents)`,
    note: page === 500 ? { N: 'its own cursors (offsets)' } : undefined,
    request: (t, ctx) => ({
      query: t === 'O' ? O_INCIDENTS : t === 'N' ? N_INCIDENTS : 'incidents',
      variables: { first: PAGE_SIZE, after: page === 1 ? null : ctx.page500[t] },
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

// ---------------------------------------------------------------------------------------------
// 6. Full-text search.

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

export const WORKLOADS: Workload[] = [
  dashboard,
  matrix,
  denying,
  incidentsWorkload(1),
  incidentsWorkload(500),
  search,
];
