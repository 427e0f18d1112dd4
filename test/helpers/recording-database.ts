/**
 * A Database that remembers the Cypher and parameters of every read it runs, and of every
 * statement in its write transactions (and still runs them against the real Neo4j), for tests
 * that pin the Cypher a question produces.
 */
import type { ManagedTransaction } from 'neo4j-driver';
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

  /**
   * Statements in a write transaction carry no name: each is recorded under its Cypher's
   * leading comment (`// findingIds`), or '' without one.
   */
  override writeTransaction<T>(
    name: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs?: number,
  ): Promise<T> {
    const recorded = this.recorded;
    return super.writeTransaction(
      name,
      (tx) =>
        work(
          new Proxy(tx, {
            get(target, property, receiver): unknown {
              if (property !== 'run') return Reflect.get(target, property, receiver) as unknown;
              return (cypher: string, params: Params = {}) => {
                recorded.push({ name: /^\/\/ (\S+)/.exec(cypher)?.[1] ?? '', cypher, params });
                return target.run(cypher, params);
              };
            },
          }),
        ),
      timeoutMs,
    );
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
