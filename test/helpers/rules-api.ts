/**
 * The rules fixture's graph behind a test API, on a Database that records the Cypher it runs:
 * for the suites that look at the queries a question sends (their text, their plans).
 */
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import { startTestApi, type TestApi } from './api';
import { resetGraph } from './graph';
import { type RecordedQuery, RecordingDatabase } from './recording-database';

export async function startRulesApi(): Promise<{ db: RecordingDatabase; api: TestApi }> {
  const db = RecordingDatabase.forWorker();
  await resetGraph(db);
  await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
  return { db, api: await startTestApi(db) };
}

/** Asks the API a question, checks it answered, and returns the Cypher it sent. */
export async function queriesOf(
  db: RecordingDatabase,
  api: TestApi,
  query: string,
  variables?: Record<string, unknown>,
): Promise<RecordedQuery[]> {
  db.take();
  const res = await api.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return db.take();
}
