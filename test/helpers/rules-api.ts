/**
 * The rules fixture's graph behind a test API, on a Database that records the Cypher it runs:
 * for the suites that look at the queries a question sends (their text, their plans).
 */
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import { startTestApi, type TestApi } from './api';
import { resetGraph } from './graph';
import { type RecordedQuery, RecordingDatabase } from './recording-database';

export interface RulesApi {
  db: RecordingDatabase;
  api: TestApi;
  /** Asks the API a question, checks it answered, and returns the Cypher it sent. */
  queriesOf(query: string, variables?: Record<string, unknown>): Promise<RecordedQuery[]>;
}

/**
 * The rules API of the calling suite: started before its tests (db and api are set then),
 * closed after them.
 */
export function rulesApiForSuite(): RulesApi {
  const suite = {
    async queriesOf(query: string, variables?: Record<string, unknown>) {
      suite.db.take();
      const res = await suite.api.gql(query, variables);
      expect(res.errors).toBeUndefined();
      return suite.db.take();
    },
  } as RulesApi;
  beforeAll(async () => {
    suite.db = RecordingDatabase.forWorker();
    await resetGraph(suite.db);
    await ingest(suite.db, [{ file: 'rules', data: rulesBundle() }]);
    suite.api = await startTestApi(suite.db);
  });
  afterAll(async () => {
    await suite.api?.close();
    await suite.db?.close();
  });
  return suite;
}
