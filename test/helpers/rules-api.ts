/**
 * The rules fixture's graph behind a test API, on a Database that records the Cypher it runs:
 * for the suites that look at the queries a question sends (their text, their plans).
 */
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import { startTestApi, type TestApi } from './api';
import { resetGraph } from './graph';
import { RecordingDatabase } from './recording-database';

export async function startRulesApi(): Promise<{ db: RecordingDatabase; api: TestApi }> {
  const db = RecordingDatabase.forWorker();
  await resetGraph(db);
  await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
  return { db, api: await startTestApi(db) };
}
