/**
 * Keyset pagination: walking a connection page by page while rows are added
 * never shows a row twice and never skips one that was there from the start.
 */
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { companiesBundle, incidentsBundle } from '../fixtures/generated';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, seedCurated, testDatabase } from '../helpers/graph';

describe('walking a connection while it grows', () => {
  let db: Database;
  let api: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    await ingest(db, [{ file: 'companies', data: companiesBundle(1) }]);
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('sees every incident present at the start exactly once, whatever is added between pages', async () => {
    // Several incidents share a date, so the id tie-break matters.
    const initial = Array.from({ length: 40 }, (_, i) => `pg-${String(i).padStart(3, '0')}`);
    const dateOf = (i: number) => `2024-0${1 + (i % 9)}-1${i % 3}`;
    await ingest(db, [{ file: 'initial', data: incidentsBundle(initial, 'gen-co-0000', dateOf) }]);
    const startTotal = (await api.gql(`{ incidents { totalCount } }`)).data!.incidents.totalCount;

    const seen: string[] = [];
    let after: string | null = null;
    let page = 0;
    for (;;) {
      const res: any = await api.gql(
        `query ($after: String) { incidents(first: 7, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      const conn = res.data.incidents;
      seen.push(...conn.edges.map((e: any) => e.node.id));
      // Between pages, add incidents both before and after the current position.
      const added = [`pg-new-${page}-a`, `pg-new-${page}-b`];
      await ingest(db, [
        {
          file: `added-${page}`,
          data: incidentsBundle(added, 'gen-co-0000', (i) =>
            i === 0 ? '2030-01-01' : '2000-01-01',
          ),
        },
      ]);
      page += 1;
      if (!conn.pageInfo.hasNextPage) break;
      expect(conn.pageInfo.endCursor).toBe(conn.edges[conn.edges.length - 1].cursor);
      after = conn.pageInfo.endCursor;
      expect(page).toBeLessThan(100);
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of initial) expect(seen).toContain(id);
    // Newest first, and within a day by id, descending too.
    const key = (id: string) => `${dateOf(initial.indexOf(id))} ${id}`;
    const expectedOrder = [...initial].sort((a, b) => (key(a) < key(b) ? 1 : -1));
    expect(seen.filter((id) => initial.includes(id))).toEqual(expectedOrder);
    expect(seen.filter((id) => !id.startsWith('pg-new-')).length).toBe(startTotal);
  });

  it('walks search hits in small pages in the order of large ones (score, then id)', async () => {
    const query = `query ($after: String, $first: Int) {
      search(text: "plan", first: $first, after: $after) {
        totalCount edges { cursor node { id score } } pageInfo { hasNextPage endCursor }
      }
    }`;
    /** Every hit, walking pages of `first`: ids and scores in the order served. */
    const walk = async (first: number) => {
      const hits: { id: string; score: number }[] = [];
      let after: string | null = null;
      for (let page = 0; page < 200; page++) {
        const res: any = await api.gql(query, { first, after });
        expect(res.errors).toBeUndefined();
        hits.push(...res.data.search.edges.map((e: any) => e.node));
        if (!res.data.search.pageInfo.hasNextPage) return hits;
        after = res.data.search.pageInfo.endCursor;
      }
      throw new Error(`search did not end within 200 pages of ${first}`);
    };
    // Pages of 100: the seeds hold more hits for "plan" than one page.
    const large = await walk(100);
    // Enough hits for several pages, and ties in score that the id must break.
    expect(large.length).toBeGreaterThan(9);
    expect(new Set(large.map((h) => h.score)).size).toBeLessThan(large.length);
    const small = await walk(4);
    expect(small.map((h) => h.id)).toEqual(large.map((h) => h.id));
  });
});
