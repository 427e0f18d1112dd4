/**
 * Findings selections that fit in the fixed one are compiled as it (fixed-selection.ts): one
 * Cypher text whatever the fields, aliases and fragments, and an answer cut down to them that is
 * the answer the selection's own compile gives.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, seedCurated } from '../helpers/graph';
import { RecordingDatabase } from '../helpers/recording-database';
import { apiForSuite } from '../helpers/suite-api';

const ASK = 'first: 5, asOf: "2025-02-12"';
const SOURCE = 'source { __typename id url publisher publishedAt publishedAtPrecision }';

/** Fits: the finding's fields, one step into its entities, and its evidence's sources. */
const FITS = `{
  __typename
  page: findings(${ASK}) {
    __typename count: totalCount
    info: pageInfo { __typename hasNextPage hasPreviousPage endCursor }
    edges { __typename at: cursor item: node { ...Parts } }
    nodes { id why: explanation }
  }
}
fragment Parts on Finding {
  __typename id kind title explanation standing verification legalBasisEstablished disputed
  company { __typename id name }
  who: company { country }
  product { id name } purpose { id name } right { code name } legalBasis { id }
  plans { id name tier paid announced } practices { id default disputed validFrom }
  provisions { ref citation } evidence { stance claim quote claimedBy { name } ${SOURCE} }
}`;

/** The same with one field the fixed selection does not reach: compiled as it is. */
const REACHES_FURTHER = FITS.replace(
  'company { __typename id name }',
  'company { __typename id name products { id } }',
);

describe('findings compiled from their fixed selection', () => {
  const suite = apiForSuite(() => RecordingDatabase.forWorker(), seedCurated);

  /** The answer, and the Cypher of the page's entities when they were read (not kept). */
  async function ask(query: string) {
    suite.db.take();
    const res = await suite.api.gql(query);
    expect(res.errors).toBeUndefined();
    const page = suite.db.take().find((q) => q.name === 'findings');
    return { res, data: res.data as any, cypher: page?.cypher };
  }

  it('answers a fitting selection as its own compile does, under its aliases', async () => {
    const fits = await ask(FITS);
    const further = await ask(REACHES_FURTHER);
    expect(fits.cypher).not.toBe(further.cypher);
    expect(fits.data.page.edges.length).toBeGreaterThan(1);
    // The same answer, less the field only the second asked for.
    const trimmed = structuredClone(further.data);
    for (const edge of trimmed.page.edges) {
      expect(edge.item.company.products.length).toBeGreaterThan(0);
      delete edge.item.company.products;
    }
    expect(fits.data).toEqual(trimmed);
    // Keys in the order asked, as graphql-js gives them.
    expect(Object.keys(fits.data.page)).toEqual(['__typename', 'count', 'info', 'edges', 'nodes']);
    expect(Object.keys(fits.data.page.edges[0].item).slice(0, 3)).toEqual([
      '__typename',
      'id',
      'kind',
    ]);
    expect(fits.data.page.nodes[0]).toEqual({
      id: fits.data.page.edges[0].item.id,
      why: fits.data.page.edges[0].item.explanation,
    });
    // Sent as shaped: nothing in it needed graphql-js's completion.
    expect(fits.res.headers.get('x-graphql-execution')).toBe('shaped');
  });

  it("reads a page's entities once for every selection that fits, until the graph changes", async () => {
    // A page not asked before in this suite (first: 4): its entities are read on its first ask.
    const ask4 = (fields: string, after = '') =>
      ask(`{ findings(first: 4, asOf: "2025-02-12"${after}) { ${fields} } }`);
    const first = await ask4('pageInfo { endCursor } nodes { id company { id name } }');
    expect(first.cypher).toBeDefined();
    const ids = first.data.findings.nodes.map((n: any) => n.id);
    // Other selections of the same page read what the first one read: no query for them.
    const selections = [
      'nodes { id }',
      'totalCount nodes { id kind company { name } }',
      `edges { cursor node { id plans { tier } evidence { ${SOURCE} } } }`,
    ];
    for (const fields of selections) {
      const again = await ask4(fields);
      expect(again.cypher).toBeUndefined();
      const nodes = again.data.findings.nodes ?? again.data.findings.edges.map((e: any) => e.node);
      expect(nodes.map((n: any) => n.id)).toEqual(ids);
    }
    // The next page is another page: read once, then kept for its other selections.
    const cursor = `, after: "${first.data.findings.pageInfo.endCursor as string}"`;
    const next = await ask4('pageInfo { hasPreviousPage } nodes { id kind }', cursor);
    expect(next.cypher).toBeDefined();
    expect(next.cypher).not.toBe(first.cypher);
    expect(next.data.findings.pageInfo.hasPreviousPage).toBe(true);
    const nextAgain = await ask4('nodes { title company { id } }', cursor);
    expect(nextAgain.cypher).toBeUndefined();
    expect(nextAgain.data.findings.nodes).toHaveLength(next.data.findings.nodes.length);
    // A write: the rules run again, and so does the read of the entities, with the new name.
    const company = first.data.findings.nodes[0].company as { id: string; name: string };
    await suite.db.write('test', `MATCH (c:Company {id: $id}) SET c.name = c.name + ' (renamed)'`, {
      id: company.id,
    });
    try {
      const renamed = await ask4('nodes { id company { name } }');
      expect(renamed.cypher).toBe(first.cypher);
      expect(renamed.data.findings.nodes[0]).toEqual({
        id: ids[0],
        company: { name: `${company.name} (renamed)` },
      });
    } finally {
      await suite.db.write('test', `MATCH (c:Company {id: $id}) SET c.name = $name`, company);
    }
  });

  it("fits the dashboard's findings question: read once, shared with smaller selections", async () => {
    const source = readFileSync(path.join(PROJECT_ROOT, 'src/dashboard/client/queries.ts'), 'utf8');
    const dashboard = /graphql\(`(\s*query DashboardFindings[\s\S]*?)`\)/.exec(source)![1]!;
    const variables = { asOf: '2025-02-12', scope: 'EEA' };
    suite.db.take();
    const res = await suite.api.gql(dashboard, variables);
    expect(res.errors).toBeUndefined();
    expect(suite.db.take().map((q) => q.name)).toEqual(['findingRules', 'findings']);
    const nodes = (res.data as any).findings.nodes as any[];
    expect(nodes.some((n) => n.evidence.some((e: any) => e.claimedBy?.name))).toBe(true);
    // The same page, a smaller selection: read with the dashboard's.
    const small = await ask(`{ findings(asOf: "2025-02-12", first: 100) { nodes { id } } }`);
    expect(small.cypher).toBeUndefined();
    expect(small.data.findings.nodes.map((n: any) => n.id)).toEqual(nodes.map((n) => n.id));
  });

  it('plansDenyingRight: every selection that fits reads one kept answer', async () => {
    const denying = (fields: string) =>
      `{ plansDenyingRight(right: OBJECT, asOf: "2025-02-12", first: 3) { ${fields} } }`;
    const ran = async (query: string) => {
      const before = { ...suite.db.kept.stats };
      const res = await suite.api.gql(query);
      expect(res.errors).toBeUndefined();
      return { data: res.data as any, ran: suite.db.kept.stats.ran - before.ran };
    };
    const first = await ran(denying('totalCount nodes { plan { id } status }'));
    expect(first.ran).toBe(1);
    const fields = `__typename n: totalCount
      by: facets { tiers: byTier { value count __typename } }
      edges { cursor node { plan { id tier } c: company { name } status note
        disputes { alternative claimedBy { name } source { url } } } }`;
    const fits = await ran(denying(fields));
    expect(fits.ran).toBe(0);
    expect(fits.data.plansDenyingRight.n).toBe(first.data.plansDenyingRight.totalCount);
    // The same answer as the selection's own compile, which reaches further (and runs).
    const further = await ran(
      denying(
        fields.replace('plan { id tier }', 'plan { id tier practices(first: 1) { totalCount } }'),
      ),
    );
    expect(further.ran).toBe(1);
    for (const edge of further.data.plansDenyingRight.edges) {
      expect(edge.node.plan.practices.totalCount).toBeGreaterThan(0);
      delete edge.node.plan.practices;
    }
    expect(fits.data).toEqual(further.data);
    expect(fits.data.plansDenyingRight.by.tiers.length).toBeGreaterThan(0);
  });

  it('compiles a selection with arguments or out of reach as it is', async () => {
    const nested = await ask(
      `{ findings(${ASK}) { nodes { id plans { id practices(first: 1) { totalCount } } } } }`,
    );
    const plain = await ask(`{ findings(${ASK}) { nodes { id plans { id } } } }`);
    expect(nested.cypher).not.toBe(plain.cypher);
    for (const [i, node] of (nested.data.findings.nodes as any[]).entries()) {
      expect(node.plans.map((p: any) => p.id)).toEqual(
        plain.data.findings.nodes[i].plans.map((p: any) => p.id),
      );
      for (const plan of node.plans) expect(plan.practices.totalCount).toBeGreaterThan(0);
    }
  });
});
