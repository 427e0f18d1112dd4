/**
 * Read your writes across replicas: an answer carries the Neo4j bookmarks its transactions
 * ended with (`neo4j-bookmarks`), and a request that passes them back, to any replica, starts
 * its transactions after them. Two API instances on one Neo4j (a routing URI) stand for two
 * replicas; on a cluster the bookmark is what makes a follower wait for the write.
 */
import { createApiKey } from '../../src/api/auth/api-keys.store';
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, testDatabase } from '../helpers/graph';

const RECORD = `mutation ($input: IncidentInput!) { recordIncident(input: $input) { id } }`;
const READ = `{ company(id: "fx-corp") { incidents(first: 100) { nodes { id title } } } }`;

describe('bookmarks between replicas', () => {
  let db: Database;
  let a: TestApi;
  let b: TestApi;
  let curator = '';

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
    curator = `Bearer ${(await createApiKey(db, 'curator', 'bookmarks test')).token}`;
    [a, b] = await Promise.all([startTestApi(db), startTestApi(db)]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await db.close();
  });

  const post = (api: TestApi, query: string, variables: object, headers: Record<string, string>) =>
    fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });

  it('hands back bookmarks after a write, and a read through the other replica sees the write', async () => {
    for (let i = 0; i < 25; i++) {
      const written = await post(
        a,
        RECORD,
        {
          input: {
            kind: 'COMPLAINT',
            title: `Bookmark check ${i}`,
            date: '2026-01-05',
            against: ['fx-corp'],
            verification: 'VERIFIED',
            summary: 'A test complaint.',
            sources: [{ source: 'fx-src-policy' }],
          },
        },
        { authorization: curator },
      );
      const bookmarks = written.headers.get('neo4j-bookmarks');
      expect(bookmarks).toMatch(/\S/);
      const id = (await written.json()).data.recordIncident.id as string;
      const read = await post(b, READ, {}, { 'neo4j-bookmarks': bookmarks! });
      expect(read.status).toBe(200);
      expect((await read.json()).data.company.incidents.nodes).toContainEqual({
        id,
        title: `Bookmark check ${i}`,
      });
      // The read ends where it started: the same bookmark comes back.
      expect(read.headers.get('neo4j-bookmarks')).toBe(bookmarks);
    }
  });

  it.each([
    ['not a bookmark', 'a b'],
    ['too many', Array.from({ length: 17 }, (_, i) => `FB:${i}`).join(',')],
  ])('refuses a header that is %s, naming it', async (_case, header) => {
    const res = await post(a, READ, {}, { 'neo4j-bookmarks': header });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'neo4j-bookmarks',
    });
    expect(body.errors[0].message).toMatch(/^the neo4j-bookmarks header: /);
  });
});
