/**
 * The only door to Neo4j. Every query goes through here: it picks a read or write
 * transaction (so a cluster routes reads to secondaries), names the query in the
 * transaction metadata, closes the session, and maps driver errors by code.
 */
import neo4j, {
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type QueryResult,
  type Record as Neo4jRecord,
  type RecordShape,
  type Result,
  type Session,
} from 'neo4j-driver';
import { AppError } from '../errors';
import { bookmarkChain } from './bookmarks';
import {
  BUMP_GRAPH_VERSION,
  KeptAnswers,
  type KeptCount,
  keptQuery,
  type Shelf,
} from './kept-answers';
import type { QueryTally } from './query-count';
import { type Plain, toPlain } from './values';

export interface DatabaseSettings {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Bound on connecting and on one transaction, in milliseconds. */
  timeoutMs: number;
  /**
   * Keep the answers of kept questions until the graph changes (kept-answers.ts); on unless
   * false. Off, they run every time; writes still give the graph new versions.
   */
  keepAnswers?: boolean;
}

export type Params = Record<string, unknown>;
export type Row = Record<string, Plain>;

export function createDriver(s: DatabaseSettings): Driver {
  return neo4j.driver(s.uri, neo4j.auth.basic(s.user, s.password), {
    disableLosslessIntegers: true,
    connectionTimeout: s.timeoutMs,
    connectionAcquisitionTimeout: s.timeoutMs,
    // Managed transactions retry transient errors, but the driver's first retry waits about a
    // second: this bound allows one, so that an outage is reported within two seconds.
    // Write transactions add their own retries on transient errors (see writeTransaction).
    maxTransactionRetryTime: Math.min(700, s.timeoutMs),
    userAgent: 'gdpr-rights-graph/0.1',
  });
}

export class Database {
  readonly driver: Driver;
  private readonly settings: DatabaseSettings;
  /** Shared by this door and every view of it. */
  private readonly pool: { sessions: number };
  /** A request's view counts its queries here (see forRequest). */
  protected tally?: QueryTally;
  /** A request's view chains its transactions through this manager (see forRequest). */
  protected bookmarkManager?: BookmarkManager;
  /** Shared by this door and every view of it (see readValuesKept). */
  readonly kept: KeptAnswers;

  constructor(settings: DatabaseSettings, driver: Driver = createDriver(settings)) {
    this.settings = settings;
    this.driver = driver;
    this.pool = { sessions: 0 };
    this.kept = new KeptAnswers();
  }

  /**
   * Sessions open now, each holding a pooled connection while its transaction runs: the
   * driver's own pool figures are not public (neo4j-driver 6 has no metrics API), so /metrics
   * shows this instead.
   */
  get sessionsInUse(): number {
    return this.pool.sessions;
  }

  /**
   * This door for one request: the same queries, each one counted in `tally`, its transactions
   * chained through `bookmarks` (causal consistency on a cluster: a read after a write sees
   * it on any member, and the request hands back where it ended). A view made with
   * Object.create, not a wrapper, so that a subclass's methods (bench/, tests) stay in the
   * chain. The request's state travels in the view rather than in AsyncLocalStorage, whose
   * promise hooks slow every promise of every request on Node 20 (~0.25 ms a request in bench/).
   */
  forRequest(tally: QueryTally, bookmarks?: BookmarkManager): Database {
    const view = Object.create(this) as Database;
    view.tally = tally;
    view.bookmarkManager = bookmarks;
    return view;
  }

  /** This view, its transactions chained from `bookmarks` (a write made through another replica). */
  afterBookmarks(bookmarks: readonly string[]): Database {
    const view = Object.create(this) as Database;
    view.bookmarkManager = bookmarkChain(bookmarks);
    return view;
  }

  /** Where this view's transactions ended (none without a bookmark manager). */
  async bookmarks(): Promise<string[]> {
    return this.bookmarkManager ? [...(await this.bookmarkManager.getBookmarks())] : [];
  }

  /**
   * Runs a named read query and returns its rows as plain values, within `timeoutMs` (default:
   * the configured bound, at least 10 s).
   */
  async read(
    name: string,
    cypher: string,
    params: Params = {},
    timeoutMs?: number,
  ): Promise<Row[]> {
    this.tally?.record(name);
    return this.readOnce(name, cypher, params, plainRow, timeoutMs);
  }

  /**
   * Runs a named read query and returns the driver's values unconverted, for callers that
   * convert while they shape the answer (src/api/query/shape.ts): a large answer is then
   * walked once instead of twice.
   */
  async readValues(
    name: string,
    cypher: string,
    params: Params = {},
  ): Promise<Record<string, unknown>[]> {
    this.tally?.record(name);
    return this.readOnce(name, cypher, params, (r) => r.toObject());
  }

  /**
   * readValues, for a question whose answer is kept until the graph changes (kept-answers.ts):
   * `key` names everything the query's text and parameters are built from. Neo4j runs the
   * question only when a write has given the graph a new version since the answer was kept.
   */
  async readValuesKept(
    key: string,
    name: string,
    cypher: string,
    params: Params = {},
    shelf: Shelf = 'answer',
  ): Promise<Record<string, unknown>[]> {
    return this.readKeptWith(
      key,
      name,
      cypher,
      params,
      (c, p) => this.readValues(name, c, p),
      shelf,
    );
  }

  /** read, for a question whose answer is kept until the graph changes (as readValuesKept). */
  async readKept(
    key: string,
    name: string,
    cypher: string,
    params: Params = {},
    timeoutMs?: number,
  ): Promise<Row[]> {
    return this.readKeptWith(key, name, cypher, params, (c, p) => this.read(name, c, p, timeoutMs));
  }

  /**
   * Whether kept questions keep their answers here: unless switched off (KEPT_ANSWERS), and
   * never in a transaction's view (TransactionReads).
   */
  protected get keepsAnswers(): boolean {
    return this.settings.keepAnswers !== false;
  }

  /**
   * The parameters of a count kept until the graph changes (src/api/translate/kept-count.ts):
   * the count kept for `key` and its version. Nulls where answers are not kept, so that Neo4j
   * counts.
   */
  keptCount(key: string): { keptCount: KeptCount } {
    return {
      keptCount: this.keepsAnswers ? this.kept.countOf(key) : { version: null, count: null },
    };
  }

  /**
   * The count a kept count's gate answered (`[version, count]`), kept for `key` when Neo4j
   * counted it and answers are kept here. Anything else (no total asked) as it is.
   */
  counted(key: string, answer: unknown): unknown {
    if (!Array.isArray(answer)) return answer;
    if (!this.keepsAnswers) return answer[1];
    return this.kept.counted(key, answer as [unknown, unknown]);
  }

  /** Both kept reads: `cypher` gated by the graph's version, through `read`. */
  private async readKeptWith<R extends Record<string, unknown>>(
    key: string,
    name: string,
    cypher: string,
    params: Params,
    read: (cypher: string, params: Params) => Promise<R[]>,
    shelf: Shelf = 'answer',
  ): Promise<R[]> {
    if (!this.keepsAnswers) return read(cypher, params);
    const rows = await read(keptQuery(name, cypher), {
      ...params,
      kept: { version: this.kept.versionOf(key, shelf) },
    });
    return this.kept.answer(key, rows, shelf) as R[];
  }

  /**
   * Runs a named read query and yields its rows one by one as the caller takes them: the driver
   * pulls `STREAM_FETCH_SIZE` records at a time and pauses while the caller is behind, so an
   * export holds a batch in memory, not the answer. Stopping early (break, an error) closes the
   * session. One auto-commit transaction, bounded by `timeoutMs` (default: STREAM_TIMEOUT_MS).
   */
  async *stream(
    name: string,
    cypher: string,
    params: Params = {},
    timeoutMs = STREAM_TIMEOUT_MS,
  ): AsyncGenerator<Row> {
    this.tally?.record(name);
    // A generator yields outside any callback: it opens and releases its session itself.
    const session = this.openSession('READ', STREAM_FETCH_SIZE);
    try {
      for await (const record of session.run(cypher, params, this.txConfig(name, timeoutMs))) {
        yield plainRow(record);
      }
    } catch (error) {
      throw mapDriverError(error, name);
    } finally {
      await this.releaseSession(session);
    }
  }

  /** Runs a named write query and returns its rows as plain values. */
  async write(name: string, cypher: string, params: Params = {}): Promise<Row[]> {
    this.tally?.record(name);
    return this.runWrite(
      name,
      versioned((tx) => tx.run(cypher, params)),
      plainRow,
    );
  }

  /**
   * Runs several statements in one write transaction: all or nothing.
   * The work may be retried on transient errors, so it must not have side effects outside the transaction.
   */
  async writeTransaction<T>(
    name: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs?: number,
  ): Promise<T> {
    this.tally?.record(name);
    return this.transact(name, versioned(work), timeoutMs);
  }

  /** A write transaction, retried on transient errors (committing writes pass `versioned` work). */
  private async transact<T>(
    name: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs?: number,
  ): Promise<T> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.withSession('WRITE', (session) =>
          session.executeWrite(work, this.txConfig(name, timeoutMs)),
        );
      } catch (error) {
        // Concurrent writers can deadlock; the losing transaction was rolled back, so running it
        // again applies it once. Outages are not retried here: they are reported at once.
        if (attempt < WRITE_ATTEMPTS && isTransientServerError(error)) {
          await sleep(50 * attempt + Math.random() * 100);
          continue;
        }
        const wait = sharedMemoryWait(error, attempt, started);
        if (wait !== undefined) {
          await sleep(wait);
          continue;
        }
        throw mapDriverError(error, name);
      }
    }
  }

  /**
   * Runs `work` in a write transaction that is always rolled back: it may change the graph to
   * read it changed (a question "as known at" an instant rewinds it first, src/graph/rewind.ts),
   * and nothing of it is ever committed. `reads` runs read queries in that transaction. Retried
   * like a write on transient errors (concurrent rewinds can deadlock), so `work` must have no
   * effect outside the transaction.
   */
  async inRolledBackTransaction<T>(
    name: string,
    work: (tx: ManagedTransaction, reads: Database) => Promise<T>,
    timeoutMs?: number,
  ): Promise<T> {
    this.tally?.record(name);
    try {
      await this.transact(
        name,
        async (tx) => {
          const reads = new TransactionReads(this.settings, this.driver, tx);
          reads.tally = this.tally;
          throw new RolledBack(await work(tx, reads));
        },
        timeoutMs,
      );
    } catch (error) {
      if (error instanceof RolledBack) return error.value as T;
      throw error;
    }
    throw new Error('unreachable: the transaction always rolls back');
  }

  /**
   * Runs one statement in its own auto-commit transaction: schema statements and
   * `CALL {} IN TRANSACTIONS` need one. Not retried, so it suits idempotent statements.
   */
  async autoCommit(name: string, cypher: string, params: Params = {}): Promise<void> {
    this.tally?.record(name);
    try {
      await this.withSession('WRITE', (session) =>
        session.run(cypher, params, this.txConfig(name, 120_000)),
      );
    } catch (error) {
      // `CALL {} IN TRANSACTIONS` may have committed some batches before it failed.
      await this.bumpGraphVersion().catch(() => undefined);
      throw mapDriverError(error, name);
    }
    await this.bumpGraphVersion();
  }

  /**
   * After an auto-commit statement, which may commit in several transactions of its own: an
   * answer kept while they ran is then known to be old.
   */
  private async bumpGraphVersion(): Promise<void> {
    await this.transact('graphVersion', (tx) => tx.run(BUMP_GRAPH_VERSION));
  }

  /** Resolves when the server answers; rejects with DATABASE_UNAVAILABLE otherwise. */
  async ping(): Promise<void> {
    await this.read('ping', 'RETURN 1 AS ok');
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * A read in an auto-commit transaction: the driver sends RUN and PULL in one message and
   * nothing else, where a managed read transaction sends BEGIN, RUN and PULL, then COMMIT. On
   * this project's machines every write to Neo4j's socket costs about 0.3 ms of CPU: an
   * auto-commit read of an incidents page took 0.6 to 0.8 ms against 1.3 for a managed one
   * (bench/README.md). A read changes nothing, so this retries what the managed transaction
   * retried: a transient server error, and a broken pooled connection found within the driver's
   * retry bound (700 ms: an outage is still reported at once); and, for up to 5 s, a full pool of
   * the memory every transaction shares.
   */
  private async readOnce<T>(
    name: string,
    cypher: string,
    params: Params,
    convert: (record: Neo4jRecord) => T,
    timeoutMs?: number,
  ): Promise<T[]> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.withSession('READ', (session) =>
          runUntraced(session, cypher, params, this.txConfig(name, timeoutMs)),
        );
        return result.records.map(convert);
      } catch (error) {
        const retry =
          isTransientServerError(error) ||
          (isBrokenConnection(error) && Date.now() - started < READ_RETRY_MS);
        if (attempt < READ_ATTEMPTS && retry) {
          await sleep(20 * attempt);
          continue;
        }
        const wait = sharedMemoryWait(error, attempt, started);
        if (wait !== undefined) {
          await sleep(wait);
          continue;
        }
        throw mapDriverError(error, name);
      }
    }
  }

  private async runWrite<T>(
    name: string,
    work: (tx: ManagedTransaction) => Promise<QueryResult<RecordShape>>,
    convert: (record: Neo4jRecord) => T,
  ): Promise<T[]> {
    try {
      const result = await this.withSession('WRITE', (session) =>
        session.executeWrite(work, this.txConfig(name)),
      );
      return result.records.map(convert);
    } catch (error) {
      throw mapDriverError(error, name);
    }
  }

  /** A session of the driver's pool, counted in `sessionsInUse` while `use` runs, then closed. */
  private async withSession<T>(
    mode: 'READ' | 'WRITE',
    use: (session: Session) => PromiseLike<T>,
  ): Promise<T> {
    const session = this.openSession(mode);
    try {
      return await use(session);
    } finally {
      await this.releaseSession(session);
    }
  }

  /** A session, counted in `sessionsInUse` until `releaseSession`. */
  private openSession(mode: 'READ' | 'WRITE', fetchSize?: number): Session {
    const session = this.driver.session({
      database: this.settings.database,
      bookmarkManager: this.bookmarkManager,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(fetchSize === undefined ? {} : { fetchSize }),
    });
    this.pool.sessions++;
    return session;
  }

  private async releaseSession(session: Session): Promise<void> {
    this.pool.sessions--;
    await session.close();
  }

  private txConfig(
    name: string,
    timeoutMs?: number,
  ): { timeout: number; metadata: Record<string, string> } {
    return {
      timeout: timeoutMs ?? Math.max(this.settings.timeoutMs, 10_000),
      metadata: { app: 'gdpr-rights-graph', query: name },
    };
  }
}

/** Carries the answer out of a transaction it rolls back. */
class RolledBack extends Error {
  constructor(readonly value: unknown) {
    super('rolled back on purpose');
  }
}

/**
 * Reads in a transaction someone else holds (see Database.inRolledBackTransaction): the same
 * read methods, run in that transaction instead of a session of their own. It cannot write.
 */
class TransactionReads extends Database {
  constructor(
    settings: DatabaseSettings,
    driver: Driver,
    private readonly tx: ManagedTransaction,
  ) {
    super(settings, driver);
  }

  override async read(name: string, cypher: string, params: Params = {}): Promise<Row[]> {
    this.tally?.record(name);
    return (await this.runHere(name, cypher, params)).map(plainRow);
  }

  override async readValues(
    name: string,
    cypher: string,
    params: Params = {},
  ): Promise<Record<string, unknown>[]> {
    this.tally?.record(name);
    return (await this.runHere(name, cypher, params)).map((r) => r.toObject());
  }

  override async *stream(name: string, cypher: string, params: Params = {}): AsyncGenerator<Row> {
    for (const row of await this.read(name, cypher, params)) yield row;
  }

  /** The transaction's graph may be rewound (knownAt): not the graph a kept answer is for. */
  protected override get keepsAnswers(): boolean {
    return false;
  }

  override write(name: string): Promise<Row[]> {
    return Promise.reject(readOnly(name));
  }

  override writeTransaction<T>(name: string): Promise<T> {
    return Promise.reject(readOnly(name));
  }

  override inRolledBackTransaction<T>(name: string): Promise<T> {
    return Promise.reject(readOnly(name));
  }

  override autoCommit(name: string): Promise<void> {
    return Promise.reject(readOnly(name));
  }

  /** The transaction and its driver belong to the door that opened it. */
  override close(): Promise<void> {
    return Promise.resolve();
  }

  private async runHere(name: string, cypher: string, params: Params): Promise<Neo4jRecord[]> {
    try {
      return (await this.tx.run(cypher, params)).records;
    } catch (error) {
      throw mapDriverError(error, name);
    }
  }
}

/** `work`, then the statement that gives the graph a new version, in the same transaction. */
function versioned<T>(
  work: (tx: ManagedTransaction) => Promise<T>,
): (tx: ManagedTransaction) => Promise<T> {
  return async (tx) => {
    const done = await work(tx);
    await tx.run(BUMP_GRAPH_VERSION);
    return done;
  };
}

const readOnly = (name: string) =>
  new AppError('INTERNAL_SERVER_ERROR', `"${name}" writes, but it runs in a read-only view`);

const plainRow = (record: Neo4jRecord): Row => toPlain(record.toObject()) as Row;

const WRITE_ATTEMPTS = 8;
const READ_ATTEMPTS = 3;
/** How long after a read started a broken connection is still tried again (the driver's bound). */
const READ_RETRY_MS = 700;

/** A pooled connection the server closed, or a server that is not there (yet). */
function isBrokenConnection(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired')
  );
}
/** Records the driver pulls per batch when streaming; it pauses at 70% of this unread. */
export const STREAM_FETCH_SIZE = 500;
/** A stream's transaction (an export read by a slow client) ends after this long. */
export const STREAM_TIMEOUT_MS = 10 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Transactions ran out of memory. Neo4j has two limits and one error for both (same code, same
 * GQL status, 50N42): a transaction's own (db.memory.transaction.max), which the same question
 * reaches again, and the pool all transactions share (dbms.memory.transaction.total.max), which
 * other questions filled and which frees as they end.
 */
const OUT_OF_TRANSACTION_MEMORY = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';
const SHARED_MEMORY_LIMIT = 'dbms.memory.transaction.total.max';
/** How long a question is tried again while the shared pool is full. */
const SHARED_MEMORY_RETRY_MS = 5_000;

/**
 * The shared pool was full, not the question too large. Only the message tells the two apart,
 * by the setting it names: a setting's name is part of Neo4j's configuration, which its
 * operators write, where the wording around it is not.
 */
function isSharedMemoryShortage(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    error.code === OUT_OF_TRANSACTION_MEMORY &&
    error.message.includes(SHARED_MEMORY_LIMIT)
  );
}

/**
 * How long to wait before attempt `attempt + 1` of a question started at `started` that found
 * the shared pool full (100 ms, doubling to 1 s, jittered), or undefined: another error, or
 * SHARED_MEMORY_RETRY_MS has passed. Reads and writes both ask it, beside their own retries.
 */
function sharedMemoryWait(error: unknown, attempt: number, started: number): number | undefined {
  if (!isSharedMemoryShortage(error) || Date.now() - started >= SHARED_MEMORY_RETRY_MS)
    return undefined;
  return Math.min(1_000, 100 * 2 ** (attempt - 1)) * (0.5 + Math.random());
}

/** Deadlocks and lock time-outs: the server rolled back and says a retry may succeed. */
function isTransientServerError(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    error.code.startsWith('Neo.TransientError.') &&
    error.code !== 'Neo.TransientError.General.DatabaseUnavailable' &&
    error.code !== OUT_OF_TRANSACTION_MEMORY
  );
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/**
 * session.run without the driver's stack trace. The driver's Result formats one for every
 * query, so that a failed query's error shows its caller's frames: on this project's machines
 * 0.08 to 0.1 ms of CPU a read (cpu-prof of the bench's O and R, 8,300 incidents pages each:
 * `captureStacktrace` 0.8 s and 0.66 s), a seventh of what the hand-written baseline spends on
 * a whole request. The Result is made synchronously within `run`, so the limit is back before
 * any other code runs. A failed read loses those frames only: the request's log names the
 * operation, and mapDriverError's errors the query.
 */
function runUntraced(
  session: Session,
  cypher: string,
  params: Params,
  config: Parameters<Session['run']>[2],
): Result {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return session.run(cypher, params, config);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Maps a driver error to an AppError by its code, never by its message text (but the name of
 * the memory limit it reached: isSharedMemoryShortage).
 */
export function mapDriverError(error: unknown, queryName: string): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new AppError(
        'CONFLICT',
        `the write "${queryName}" would break a uniqueness rule of the graph`,
        {
          query: queryName,
        },
      );
    }
    if (UNAVAILABLE_CODES.has(error.code) || isConnectionFailure(error)) {
      return new AppError(
        'DATABASE_UNAVAILABLE',
        'the graph database is not reachable; try again shortly',
        {
          query: queryName,
        },
      );
    }
    if (isSharedMemoryShortage(error)) {
      return new AppError(
        'DATABASE_UNAVAILABLE',
        `the graph database is short of memory for the questions it is running at once (${SHARED_MEMORY_LIMIT}): "${queryName}" is not too large, try it again shortly`,
        { query: queryName },
      );
    }
    if (error.code === OUT_OF_TRANSACTION_MEMORY) {
      return new AppError(
        'QUERY_TOO_COMPLEX',
        `the query "${queryName}" needs more memory than the database allows one transaction (db.memory.transaction.max): narrow the question (a company, a kind, a smaller page) or ask the operator to raise the limit`,
        { query: queryName },
      );
    }
    if (error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
      return new AppError(
        'DATABASE_UNAVAILABLE',
        `the query "${queryName}" took too long and was stopped`,
        {
          query: queryName,
        },
      );
    }
  }
  return error;
}

/** Pool time-outs carry no server code ('N/A'); the server never saw the query. */
function isConnectionFailure(error: Neo4jError): boolean {
  return error.code === 'N/A';
}
