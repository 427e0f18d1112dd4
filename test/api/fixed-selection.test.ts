/**
 * Findings selections that fit in the fixed one are compiled as it (fixed-selection.ts): one
 * Cypher text whatever the fields, aliases and fragments, and an answer cut down to them that is
 * the answer the selection's own compile gives.
 */
import { seedCurated } from '../helpers/graph';
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
  provisions { ref citation } evidence { stance claim quote ${SOURCE} }
}`;

/** The same with one field the fixed selection does not reach: compiled as it is. */
const REACHES_FURTHER = FITS.replace(
  'company { __typename id name }',
  'company { __typename id name products { id } }',
);

describe('findings compiled from their fixed selection', () => {
  const suite = apiForSuite(() => RecordingDatabase.forWorker(), seedCurated);

  async function ask(query: string) {
    suite.db.take();
    const res = await suite.api.gql(query);
    expect(res.errors).toBeUndefined();
    const page = suite.db.take().find((q) => q.name === 'findings');
    expect(page).toBeDefined();
    return { res, data: res.data as any, cypher: page!.cypher };
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

  it('sends one text for every selection that fits, whatever its fields', async () => {
    const selections = [
      'nodes { id }',
      'totalCount nodes { kind company { name } }',
      `edges { cursor node { plans { tier } evidence { ${SOURCE} } } } pageInfo { endCursor }`,
    ];
    const texts = new Set<string>();
    for (const s of selections) texts.add((await ask(`{ findings(${ASK}) { ${s} } }`)).cypher);
    texts.add((await ask(FITS)).cypher);
    expect(texts.size).toBe(1);
    // A cursor is a page argument: the text after it is another (the rows after the cursor).
    const first = await ask(`{ findings(${ASK}) { pageInfo { endCursor } nodes { id } } }`);
    const cursor = first.data.findings.pageInfo.endCursor as string;
    const next = await ask(
      `{ findings(${ASK}, after: "${cursor}") { pageInfo { hasPreviousPage } nodes { id kind } } }`,
    );
    const nextAgain = await ask(
      `{ findings(${ASK}, after: "${cursor}") { nodes { title company { id } } } }`,
    );
    expect(next.data.findings.pageInfo.hasPreviousPage).toBe(true);
    expect(nextAgain.cypher).toBe(next.cypher);
    expect(texts.has(next.cypher)).toBe(false);
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
