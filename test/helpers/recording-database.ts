/**
 * A Database that remembers the Cypher and parameters of every read it runs (and still runs
 * them against the real Neo4j), for tests that pin the Cypher a question produces.
 */
import { Database, type Params, type Row } from '../../src/db';
import { testDatabaseSettings } from './graph';

export interface RecordedQuery {
  name: string;
  cypher: string;
  params: Params;
}

export class RecordingDatabase extends Database {
  readonly recorded: RecordedQuery[] = [];

  static forWorker(): RecordingDatabase {
    return new RecordingDatabase(testDatabaseSettings());
  }

  /** The queries recorded since the last call, and forget them. */
  take(): RecordedQuery[] {
    return this.recorded.splice(0, this.recorded.length);
  }

  override read(
    name: string,
    cypher: string,
    params: Params = {},
    timeoutMs?: number,
  ): Promise<Row[]> {
    this.recorded.push({ name, cypher, params });
    return super.read(name, cypher, params, timeoutMs);
  }

  override readValues(
    name: string,
    cypher: string,
    params: Params = {},
  ): Promise<Record<string, unknown>[]> {
    this.recorded.push({ name, cypher, params });
    return super.readValues(name, cypher, params);
  }

  override stream(
    name: string,
    cypher: string,
    params: Params = {},
    timeoutMs?: number,
  ): AsyncGenerator<Row> {
    this.recorded.push({ name, cypher, params });
    return super.stream(name, cypher, params, timeoutMs);
  }
}
