/**
 * The WebSocket door (graphql-ws on /graphql) under the HTTP door's rules: token count, depth,
 * aliases, cost, the introspection switch, authentication, the rate limit, error masking, a
 * maximum message size, and revoked keys losing their sockets within seconds.
 */
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { createApiKey, revokeApiKey } from '../../src/api/auth/api-keys.store';
import { type RunningApi, startApi } from '../../src/api/server';
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, seedCurated, testDatabase } from '../helpers/graph';
import { openSession, within, wsUrl } from './ws-session';

const LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxCost: 20_000,
  maxTokens: 3000,
  maxBodyBytes: 50_000,
  introspection: false,
};

const DEEP = `{ provision(ref: "Art. 6(1)(f)") { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf { id } } } } } } } } } }`;
const ALIASES = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: about { version }`).join(' ')} }`;
const COSTLY = `{ companies(first: 100) { nodes { products { plans { practices(first: 100) { nodes { id } } } } } } }`;
/** 6,000 fields: about 12,000 tokens, which take graphql-js's validation seconds. */
const MANY_TOKENS = `{ about { ${'version '.repeat(6000)} } }`;

describe('the WebSocket endpoint, under the HTTP limits', () => {
  let db: Database;
  let api: TestApi;
  let url: string;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    api = await startTestApi(db, { limits: LIMITS });
    url = wsUrl(api.url);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const session = openSession(url);
    try {
      return await session.request(query, variables);
    } finally {
      session.close();
    }
  };

  it.each([
    ['a query nested deeper than the limit', DEEP, 'depth', 8],
    ['an alias flood', ALIASES, 'aliases', 15],
    ['a query whose answer could hold more objects than the cost limit', COSTLY, 'cost', 20_000],
  ])('refuses %s, as over HTTP', async (_name, query, limit, max) => {
    const overWs = await ask(query);
    expect(overWs.data ?? null).toBeNull();
    expect(overWs.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit, max });
    const overHttp = await api.gql(query);
    expect(overHttp.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit,
      max,
    });
  });

  it('refuses a document over the token limit before validating it', async () => {
    const started = Date.now();
    const answer = await ask(MANY_TOKENS);
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(answer.errors?.[0]?.message).toMatch(/tokens/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('keeps introspection off when it is off', async () => {
    const answer = await ask('{ __schema { queryType { name } } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.data ?? null).toBeNull();
  });

  it('refuses variables nested deeper than JSON needs, with a code', async () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 100; i++) nested = [nested];
    const answer = await ask('query ($v: [ID!]) { rightsMatrix(companies: $v) { totalCount } }', {
      v: nested,
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a query within the limits', async () => {
    const answer = await ask('{ companies(first: 2) { totalCount nodes { id } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.companies.nodes).toHaveLength(2);
  });

  it('closes the socket on a message larger than the body limit (1009)', async () => {
    const session = openSession(url);
    expect(await session.acknowledged).toBe(true);
    session.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: `{ search(text: "${'x'.repeat(60_000)}") { totalCount } }` },
      }),
    );
    expect(await within(session.closed, 3000, 'still open')).toMatchObject({ code: 1009 });
  });
});

describe('the WebSocket endpoint, for callers who may not read', () => {
  let db: Database;
  let api: TestApi;
  let reader: string;

  beforeAll(async () => {
    db = testDatabase();
    reader = (await createApiKey(db, 'reader', 'websocket gate')).token;
    api = await startTestApi(db, { publicReads: false });
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it.each([
    ['no key, where reads are not public', undefined],
    ['a made-up key', `Bearer grg_${randomBytes(8).toString('hex')}_${'a'.repeat(43)}`],
    ['a header that is not a bearer token', 'Basic dXNlcjpwYXNz'],
  ])(
    'closes the connection of a caller with %s (4403) before any operation',
    async (_name, key) => {
      const session = openSession(wsUrl(api.url), key ? { authorization: key } : {});
      expect(await session.acknowledged).toBe(false);
      const closed = await session.closed;
      expect(closed.code).toBe(4403);
      expect(closed.reason).toMatch(/^UNAUTHENTICATED: /);
    },
  );

  it('lets a reader in', async () => {
    const session = openSession(wsUrl(api.url), { authorization: `Bearer ${reader}` });
    try {
      const answer = await session.request('{ about { version } }');
      expect(answer.errors).toBeUndefined();
    } finally {
      session.close();
    }
  });
});

describe('the WebSocket endpoint and the rate limit', () => {
  let db: Database;
  let api: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    api = await startTestApi(db, { limits: { anonymous: 4, perKey: 50 } });
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('counts connections and operations against the same bucket as HTTP requests', async () => {
    expect((await api.gql('{ about { version } }')).status).toBe(200);
    const session = openSession(wsUrl(api.url)); // the second request of this address
    try {
      expect((await session.request('{ about { version } }')).errors).toBeUndefined(); // third
      expect((await session.request('{ about { version } }')).errors).toBeUndefined(); // fourth
      const limited = await session.request('{ about { version } }');
      expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(limited.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    } finally {
      session.close();
    }
    const refused = openSession(wsUrl(api.url));
    expect(await refused.acknowledged).toBe(false);
    expect((await refused.closed).code).toBe(4429);
    expect((await api.gql('{ about { version } }')).status).toBe(429);
  });
});

describe('the WebSocket endpoint in production', () => {
  let db: Database;
  let api: RunningApi;
  const logLines: string[] = [];

  beforeAll(async () => {
    db = testDatabase();
    const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(line) });
    // Every query of a request fails as a driver bug would: with internal text the client must not see.
    const failing = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'forRequest') return Reflect.get(target, property, receiver) as unknown;
        return () =>
          new Proxy(
            {},
            {
              get: () => () =>
                Promise.reject(new Error('driver detail: MATCH (secret:Cypher) RETURN secret')),
            },
          );
      },
    });
    api = await startApi({
      db: failing,
      logger,
      port: 0,
      host: '127.0.0.1',
      development: false,
      limits: { perKey: 0, anonymous: 0 },
    });
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('masks an unexpected error over WebSocket, and logs it with the request id', async () => {
    const session = openSession(wsUrl(api.url));
    try {
      const answer = await session.request('{ companies { totalCount } }');
      expect(JSON.stringify(answer)).not.toMatch(/secret|MATCH|driver/);
      expect(answer.errors?.[0]).toMatchObject({
        message: 'internal error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    } finally {
      session.close();
    }
    const logged = logLines
      .map((line) => JSON.parse(line) as { requestId?: string; msg?: string; err?: unknown })
      .filter((entry) => JSON.stringify(entry).includes('driver detail'));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('revoking a key', () => {
  let db: Database;
  let api: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it("closes the key's open sockets within a few seconds, and refuses it over HTTP", async () => {
    const { key, token } = await createApiKey(db, 'reader', 'revoked while subscribed');
    const session = openSession(wsUrl(api.url), { authorization: `Bearer ${token}` });
    const other = openSession(wsUrl(api.url)); // anonymous: stays open
    expect(await session.acknowledged).toBe(true);
    expect(await other.acknowledged).toBe(true);
    session.subscribe('subscription { incidentRecorded { id } }');
    expect((await api.gql('{ about { version } }', {}, `Bearer ${token}`)).status).toBe(200);

    await revokeApiKey(db, key.id);
    const revokedAt = Date.now();
    const closed = await within(session.closed, 6000, 'still open');
    expect(closed).toMatchObject({ code: 4403, reason: expect.stringMatching(/revoked/) });
    expect(Date.now() - revokedAt).toBeLessThan(5000);
    expect((await api.gql('{ about { version } }', {}, `Bearer ${token}`)).status).toBe(401);
    expect(await within(other.closed, 100, 'still open')).toBe('still open');
    other.close();
  });
});
