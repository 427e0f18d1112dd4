import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { AppError } from '../../src/errors';
import { applyMigrations, checkReadiness, Database, pendingMigrations } from '../../src/db';
import { resetGraph, testDatabase, testDatabaseSettings } from '../helpers/graph';

describe('the database layer against a real Neo4j', () => {
  let db: Database;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('reports a uniqueness-constraint violation as a CONFLICT error', async () => {
    await db.write('createCompany', 'CREATE (:Company {id: $id, name: "One"})', { id: 'dup-co' });
    const error = await db
      .write('createCompanyAgain', 'CREATE (:Company {id: $id, name: "Two"})', { id: 'dup-co' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).message).toContain('createCompanyAgain');
    const rows = await db.read(
      'countCompanies',
      'MATCH (c:Company {id: $id}) RETURN c.name AS name',
      { id: 'dup-co' },
    );
    expect(rows).toEqual([{ name: 'One' }]);
  });

  it('applies migrations once: a second run applies nothing and nothing is pending', async () => {
    const again = await applyMigrations(db);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied.length).toBeGreaterThanOrEqual(3);
    expect(await pendingMigrations(db)).toEqual([]);
    const constraints = await db.read(
      'constraints',
      'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names',
    );
    expect(constraints[0]?.names).toEqual(
      expect.arrayContaining(['practice_id', 'incident_id', 'source_id']),
    );
  });

  it('turns Neo4j integers and dates into plain values', async () => {
    const rows = await db.read('values', 'RETURN 42 AS n, date("2025-02-13") AS d, [1, 2] AS list');
    expect(rows).toEqual([{ n: 42, d: '2025-02-13', list: [1, 2] }]);
  });

  it('streams an answer a batch at a time and ends its transaction when the reader stops', async () => {
    const openStreams = async (): Promise<number> => {
      const rows = await db.read(
        'openStreams',
        `SHOW TRANSACTIONS YIELD metaData WHERE metaData.query = 'countTo' RETURN count(*) AS n`,
      );
      return rows[0]!.n as number;
    };
    const taken: number[] = [];
    let openWhileReading = -1;
    for await (const row of db.stream('countTo', 'UNWIND range(1, $n) AS i RETURN i', {
      n: 1_000_000,
    })) {
      taken.push(row.i as number);
      if (taken.length === 10) {
        // A million rows are not read ahead: the server still holds the query open.
        openWhileReading = await openStreams();
        expect(db.sessionsInUse).toBe(1);
        break;
      }
    }
    expect(taken).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(openWhileReading).toBe(1);
    expect(db.sessionsInUse).toBe(0);
    expect(await openStreams()).toBe(0);
  });

  it('leaves stack traces as they were after a read, answered or failed', async () => {
    const limit = Error.stackTraceLimit;
    expect(await db.read('answered', 'RETURN 1 AS n')).toEqual([{ n: 1 }]);
    const failed = await db.read('broken', 'RETURN 1 + AS n').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toMatch(/invalid input/i);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('here').stack?.split('\n').length).toBeGreaterThan(2);
  });

  it('refuses a question too large for one transaction, naming the limit, without retrying it', async () => {
    // The launcher caps one transaction at a quarter of the heap; this collects far more.
    const started = Date.now();
    const error = await db
      .read(
        'tooLarge',
        `UNWIND range(1, 20000000) AS i
         WITH collect('row ' + toString(i) + ' of a question too large for one transaction') AS rows
         RETURN size(rows) AS n`,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('QUERY_TOO_COMPLEX');
    expect((error as AppError).message).toContain('"tooLarge"');
    expect((error as AppError).message).toContain('db.memory.transaction.max');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  describe('when the memory all transactions share is full', () => {
    // Streams paused after their first row each hold a collected list in Neo4j (ballast) until
    // the pool every transaction shares (dbms.memory.transaction.total.max) has no room for a
    // question well under one transaction's own limit.
    const SHARED = 'dbms.memory.transaction.total.max';
    const COLLECT = `UNWIND range(1, $rows) AS i
      WITH collect('row ' + toString(i) + ' of a list held in memory') AS rows`;
    let driver: Driver;
    let rows: number;
    let refused: Error | null = null;
    const ballast: Session[] = [];

    const release = async () => {
      await Promise.all(ballast.splice(0).map((session) => session.close()));
    };
    /** One auto-commit transaction: the driver retries a managed one for 30 s. */
    const askDirectly = async (): Promise<Error | null> => {
      const session = driver.session();
      try {
        await session.run(`${COLLECT} RETURN size(rows) AS n`, { rows: neo4j.int(rows) });
        return null;
      } catch (e) {
        return e as Error;
      } finally {
        await session.close();
      }
    };

    beforeAll(async () => {
      const { uri, user, password } = testDatabaseSettings();
      driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
      const settings = await driver.executeQuery(
        `SHOW SETTINGS YIELD name, value WHERE name = 'db.memory.transaction.max' RETURN value`,
      );
      const own = String(settings.records[0]?.get('value'));
      // The launcher's quarter of the heap, e.g. 256.00MiB; about 180 bytes a row while collected.
      const mib = Number(/^([\d.]+)MiB$/.exec(own)?.[1]);
      expect(mib).toBeGreaterThan(0);
      rows = Math.floor((mib * 0.7 * 2 ** 20) / 180);
      // Ballast until a question asked straight, without retries, finds no room.
      for (let held = 0; held < 8 && !refused; held++) {
        const session = driver.session({ fetchSize: 1 });
        ballast.push(session);
        const paused = session
          .run(`${COLLECT} UNWIND rows AS row RETURN row`, { rows: neo4j.int(rows) })
          [Symbol.asyncIterator]();
        await paused.next().catch(() => undefined);
        refused = await askDirectly();
      }
    });
    afterAll(async () => {
      await release();
      await driver.close();
    });

    it('asked straight, without retries, a question under its own limit fails', () => {
      expect(refused?.message).toContain(SHARED);
    });

    it('waits for room, then names the shared limit and not the question', async () => {
      const started = Date.now();
      const error = await db
        .read('crowded', `${COLLECT} RETURN size(rows) AS n`, { rows })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('DATABASE_UNAVAILABLE');
      expect((error as AppError).message).toContain('"crowded"');
      expect((error as AppError).message).toContain(SHARED);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
    });

    it('answers a read and a write once the others free their memory', async () => {
      const read = db.read('crowdedRead', `${COLLECT} RETURN size(rows) AS n`, { rows });
      const write = db.write('crowdedWrite', `${COLLECT} RETURN size(rows) AS n`, { rows });
      await new Promise((resolve) => setTimeout(resolve, 500));
      await release();
      expect(await read).toEqual([{ n: rows }]);
      expect(await write).toEqual([{ n: rows }]);
    });
  });

  it('is ready when Neo4j answers and the schema is current', async () => {
    expect(await checkReadiness(db)).toEqual({ ready: true });
  });

  it('is not ready, with the cause, when Neo4j does not answer', async () => {
    const unreachable = new Database({
      uri: 'bolt://127.0.0.1:1',
      user: 'neo4j',
      password: 'x',
      timeoutMs: 500,
    });
    const started = Date.now();
    const readiness = await checkReadiness(unreachable, 1500);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(readiness.ready).toBe(false);
    expect(readiness.reason).toMatch(/Neo4j/);
    await unreachable.close();
  });
});
