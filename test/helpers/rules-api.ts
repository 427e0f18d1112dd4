/**
 * The rules fixture's graph behind a test API, on a Database that records the Cypher it runs:
 * for the suites that look at the queries a question sends (their text, their plans).
 */
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import type { TestApi } from './api';
import { type RecordedQuery, RecordingDatabase } from './recording-database';
import { apiForSuite } from './suite-api';

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
  const suite = apiForSuite(
    () => RecordingDatabase.forWorker(),
    (db) => ingest(db, [{ file: 'rules', data: rulesBundle() }]),
  ) as RulesApi;
  suite.queriesOf = async (query, variables) => {
    suite.db.take();
    const res = await suite.api.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return suite.db.take();
  };
  return suite;
}
