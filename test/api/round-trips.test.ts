/**
 * A request costs one Cypher query per root field, whatever its depth and the size of its answer.
 */
import { createApiKey } from '../../src/api/auth/api-keys.store';
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { startTestApi, type TestApi } from '../helpers/api';
import { companiesBundle } from '../fixtures/generated';
import { resetGraph, seedCurated, testDatabase } from '../helpers/graph';

const NESTED = `{
  companies(first: 100) {
    totalCount
    nodes { id products { id plans { id price { amount } practices(first: 5) {
      totalCount edges { cursor node { id rights { code status } supportingSources { source { publisher } } } }
    } } } }
  }
}`;

describe('round trips per request', () => {
  let db: Database;
  let api: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('answers a nested request (companies > products > plans > practices > sources) with one query', async () => {
    const small = await api.gql(NESTED);
    expect(small.errors).toBeUndefined();
    expect(small.cypherQueries).toBe(1);

    await ingest(db, [{ file: 'generated', data: companiesBundle(60) }]);
    const large = await api.gql(NESTED);
    expect(large.errors).toBeUndefined();
    const plans = large.data!.companies.nodes.flatMap((c: any) =>
      c.products.flatMap((p: any) => p.plans),
    );
    expect(plans.length).toBeGreaterThan(small.data!.companies.nodes.length * 2);
    expect(large.cypherQueries).toBe(1);
  });

  it('issues one query per root field', async () => {
    const res = await api.gql(`{
      a: plansDenyingRight(right: OBJECT) { nodes { plan { id product { company { id } } } } }
      b: rightsMatrix(first: 50) { rows { plan { id } cells { status practice { id } } } }
      c: findings(first: 50) { nodes { id practices { plan { id } } } }
    }`);
    expect(res.errors).toBeUndefined();
    // Findings run their rules' one fixed query, then the page's: two.
    expect(res.cypherQueries).toBe(4);
  });

  it('counts each request on its own when requests overlap', async () => {
    // 1, 2 and 3 root fields, sent together and interleaved: each answer reports its own count.
    const queries = [
      `{ a: companies(first: 5) { totalCount } }`,
      `{ a: companies(first: 5) { totalCount } b: incidents(first: 5) { totalCount } }`,
      `{ a: companies(first: 5) { totalCount } b: incidents(first: 5) { totalCount }
         c: search(text: "consent", first: 5) { totalCount } }`,
    ];
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api.gql(queries[i % 3]!)),
    );
    answers.forEach((answer, i) => {
      expect(answer.errors).toBeUndefined();
      expect(answer.cypherQueries).toBe((i % 3) + 1);
    });
  });

  it('counts the lookup of an API key it has not seen yet among the queries of its request', async () => {
    const { token } = await createApiKey(db, 'reader', 'round trips');
    const first = await api.gql(`{ companies(first: 1) { totalCount } }`, {}, `Bearer ${token}`);
    expect(first.errors).toBeUndefined();
    expect(first.cypherQueries).toBe(2);
    const again = await api.gql(`{ companies(first: 1) { totalCount } }`, {}, `Bearer ${token}`);
    expect(again.cypherQueries).toBe(1);
  });
});
