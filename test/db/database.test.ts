import { AppError } from '../../src/errors';
import { applyMigrations, checkReadiness, Database, pendingMigrations } from '../../src/db';
import { resetGraph, testDatabase } from '../helpers/graph';

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
