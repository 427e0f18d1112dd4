/**
 * A graph and the API over it, for the calling suite: before its tests the Database is made, the
 * graph reset and loaded, and the API started (`db` and `api` are set then); after them both
 * are closed.
 */
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from './api';
import { resetGraph } from './graph';

export interface SuiteApi<D extends Database> {
  db: D;
  api: TestApi;
}

export function apiForSuite<D extends Database>(
  makeDb: () => D,
  load: (db: D) => Promise<unknown>,
): SuiteApi<D> {
  const suite = {} as SuiteApi<D>;
  beforeAll(async () => {
    suite.db = makeDb();
    await resetGraph(suite.db);
    await load(suite.db);
    suite.api = await startTestApi(suite.db);
  });
  afterAll(async () => {
    await suite.api?.close();
    await suite.db?.close();
  });
  return suite;
}
