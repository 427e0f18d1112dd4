/**
 * What a client is told when something goes wrong that is not its mistake: in production,
 * "internal error" and a code, never the driver's text, with the full error in the log under
 * the request's id; and nothing about the schema for a caller who may not read it.
 */
import pino from 'pino';
import { type RunningApi, startApi } from '../../src/api/server';
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { testDatabase } from '../helpers/graph';

const SECRET = 'driver detail: MATCH (secret:Cypher) RETURN secret';

/** `db`, except that every query of a request fails as a driver bug would. */
function failingQueries(db: Database): Database {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'forRequest') return Reflect.get(target, property, receiver) as unknown;
      return () => new Proxy({}, { get: () => () => Promise.reject(new Error(SECRET)) });
    },
  });
}

interface LogEntry {
  requestId?: string;
  msg?: string;
}

describe('unexpected errors in production', () => {
  let db: Database;
  let api: RunningApi;
  let origin: string;
  const logLines: string[] = [];
  const logged = (): LogEntry[] =>
    logLines
      .map((line) => JSON.parse(line) as LogEntry)
      .filter((entry) => JSON.stringify(entry).includes('driver detail'));

  beforeAll(async () => {
    db = testDatabase();
    api = await startApi({
      db: failingQueries(db),
      logger: pino({ level: 'info' }, { write: (line: string) => logLines.push(line) }),
      port: 0,
      host: '127.0.0.1',
      development: false,
      limits: { perKey: 0, anonymous: 0 },
    });
    origin = new URL(api.url).origin;
  });
  beforeEach(() => {
    logLines.length = 0;
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('answers "internal error" over HTTP, and logs the error with the request id it answered', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ companies { totalCount } }' }),
    });
    const text = await res.text();
    expect(text).not.toMatch(/secret|MATCH|driver/);
    expect(JSON.parse(text).errors[0]).toMatchObject({
      message: 'internal error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(logged().map((entry) => entry.requestId)).toContain(requestId);
  });

  it('answers "internal error" from an export, and logs the error with the request id it answered', async () => {
    const res = await fetch(`${origin}/export/rights-matrix.csv?asOf=2025-02-12`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret|MATCH|driver/);
    expect(JSON.parse(text).errors[0]).toMatchObject({
      message: 'internal error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged().map((entry) => entry.requestId)).toContain(res.headers.get('x-request-id'));
  });
});

describe('callers who may not read', () => {
  let db: Database;
  let closed: TestApi;
  let open: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    closed = await startTestApi(db, { publicReads: false });
    open = await startTestApi(db);
  });
  afterAll(async () => {
    await closed.close();
    await open.close();
    await db.close();
  });

  it('get no field suggestions ("Did you mean") when reads are not public', async () => {
    const res = await closed.gql('{ compnies { totalCount } provison(ref: "Art. 21") { id } }');
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.text).not.toMatch(/did you mean|companies|provision\b/i);
    expect(res.cypherQueries).toBe(0);
    // Callers who may read still get them.
    const allowed = await open.gql('{ compnies { totalCount } }');
    expect(allowed.text).toMatch(/Did you mean/);
  });

  it.each([
    ['a syntax error', '{ companies { totalCount '],
    ['an unknown field', '{ compnies { totalCount } }'],
    ['a query over the token limit', `{ about { ${'version '.repeat(4000)} } }`],
  ])('are refused (401) before their query is parsed or validated: %s', async (_name, query) => {
    const res = await closed.gql(query);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const badKey = await open.gql(query, {}, `Bearer grg_${'0'.repeat(16)}_${'a'.repeat(43)}`);
    expect(badKey.status).toBe(401);
    expect(badKey.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('are refused (401) before their body is read', async () => {
    const res = await fetch(closed.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(401);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
        .code,
    ).toBe('UNAUTHENTICATED');
  });
});
