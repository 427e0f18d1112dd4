/**
 * Query limits, HTTP guards and error hygiene: a refused query issues no Cypher at all.
 */
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, seedCurated, testDatabase } from '../helpers/graph';

describe('limits and guards', () => {
  let db: Database;
  let api: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    api = await startTestApi(db, {
      limits: {
        maxDepth: 8,
        maxAliases: 15,
        maxCost: 20_000,
        maxBodyBytes: 50_000,
        corsOrigins: ['https://dash.example.org'],
        introspection: false,
      },
    });
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  const refused = (res: Awaited<ReturnType<TestApi['gql']>>, limit: string, max: number) => {
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit, max });
    expect(res.errors?.[0]?.message).toContain(`the limit is ${max}`);
    expect(res.data ?? null).toBeNull();
    expect(res.cypherQueries).toBe(0);
  };

  it('refuses a query nested deeper than the limit, before any database work', async () => {
    // provision > partOf > partOf ... : 9 levels with selections.
    const deep = `{ provision(ref: "Art. 6(1)(f)") { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf { id } } } } } } } } } }`;
    refused(await api.gql(deep), 'depth', 8);
  });

  it('counts depth through fragments, and does not count Relay wrappers', async () => {
    const viaFragments = `
      fragment A on Provision { partOf { ...B } } fragment B on Provision { partOf { ...C } } fragment C on Provision { partOf { partOf { partOf { partOf { partOf { partOf { id } } } } } } }
      { provision(ref: "Art. 21") { ...A } }`;
    refused(await api.gql(viaFragments), 'depth', 8);
    const wrapped = await api.gql(
      `{ companies(first: 2) { edges { node { products { plans { practices(first: 2) { edges { node { supportingSources { source { id } } } } } } } } } } }`,
    );
    expect(wrapped.errors).toBeUndefined();
  });

  it('refuses an alias flood', async () => {
    const flood = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: about { version }`).join(' ')} }`;
    refused(await api.gql(flood), 'aliases', 15);
  });

  it('refuses a query whose answer could hold more objects than the cost limit', async () => {
    const costly = `{ companies(first: 100) { nodes { products { plans { practices(first: 100) { nodes { id } } } } } } }`;
    refused(await api.gql(costly), 'cost', 20_000);
    const affordable = await api.gql(
      `{ companies(first: 10) { nodes { products { plans { practices(first: 10) { nodes { id } } } } } } }`,
    );
    expect(affordable.errors).toBeUndefined();
  });

  it('checks the cost again for every new set of variables of a query it has passed', async () => {
    const query = `query ($n: Int!) { companies(first: $n) { nodes { products { plans { practices(first: $n) { nodes { id } } } } } } }`;
    for (let round = 0; round < 2; round++) {
      expect((await api.gql(query, { n: 10 })).errors).toBeUndefined();
      refused(await api.gql(query, { n: 100 }), 'cost', 20_000);
    }
  });

  it('answers an oversized body with 413 and a code, not an HTML page', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ search(text: "${'x'.repeat(60_000)}") { totalCount } }` }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', limit: 'body', max: 50_000 } }],
    });
  });

  it('answers a body that is not JSON with a code', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('answers a body it cannot decode (an unknown charset) with a code, not an HTML page', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=klingon' },
      body: JSON.stringify({ query: '{ about { version } }' }),
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(body.errors[0]!.message).toContain('KLINGON');
  });

  it('shows a browser that opens /graphql the explorer, and gives API clients GraphQL', async () => {
    const page = await fetch(api.url, { headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('GraphiQL');
    const query = `${api.url}?query=${encodeURIComponent('{ about { version } }')}`;
    const get = await fetch(query, {
      headers: { accept: 'text/html,*/*;q=0.8', 'apollo-require-preflight': 'true' },
    });
    expect(get.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await get.json()) as { data: unknown }).data).toMatchObject({
      about: { version: expect.any(String) },
    });
    const explorer = await fetch(api.url.replace(/\/graphql$/, '/explorer'));
    expect(explorer.status).toBe(200);
    expect(await explorer.text()).toContain('GraphiQL');
    // Only the endpoint's own path is the endpoint.
    const below = await fetch(`${api.url}/more`, { method: 'POST' });
    expect(below.status).toBe(404);
  });

  it('refuses batched operations', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ about { version } }' },
        { query: '{ about { version } }' },
      ]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batch/i);
  });

  it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${api.url}?query=${encodeURIComponent('{ about { version } }')}`);
    expect(res.status).toBe(400);
    const ok = await fetch(`${api.url}?query=${encodeURIComponent('{ about { version } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });

  it('allows only listed origins (CORS)', async () => {
    const allowed = await fetch(api.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://dash.example.org', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example.org');
    const other = await fetch(api.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('can turn introspection off', async () => {
    const res = await api.gql(`{ __schema { queryType { name } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('returns a request id with every response, the one the client sent when it sent one', async () => {
    const res = await api.gql(`{ about { version } }`);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const mine = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-123' },
      body: JSON.stringify({ query: '{ about { version } }' }),
    });
    expect(mine.headers.get('x-request-id')).toBe('trace-123');
  });
});

describe('rate limits', () => {
  let db: Database;
  let api: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    api = await startTestApi(db, { limits: { anonymous: 5, perKey: 50 } });
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('answers RATE_LIMITED with Retry-After past the anonymous limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.gql(`{ about { version } }`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const res = await api.gql(`{ about { version } }`);
    expect(res.status).toBe(429);
    expect(res.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.cypherQueries).toBeNaN();
  });
});
