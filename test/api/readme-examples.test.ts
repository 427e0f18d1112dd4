/**
 * The README's example queries are part of the contract: each one runs without errors
 * against the seeded graph, so the README stays true.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { PROJECT_ROOT, resetGraph, seedCurated, testDatabase } from '../helpers/graph';

const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('the README examples', () => {
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

  it('has at least five', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((q, i) => [i + 1, q]))(
    'example %i runs and answers with data',
    async (_n, query) => {
      const res = await api.gql(query);
      expect(res.errors).toBeUndefined();
      const values = Object.values(res.data ?? {});
      expect(values.length).toBeGreaterThan(0);
      expect(values.every((v) => v !== null)).toBe(true);
    },
  );
});
