/**
 * Careless and hostile input: every case gets a clean answer (data, or an error with a known
 * code and no driver text, Cypher or stack trace), and the graph is unchanged afterwards.
 * Cases are generated (hostile strings in every string argument and bundle field) and hand-picked.
 */
import { gzipSync } from 'node:zlib';
import { createApiKey } from '../../src/api/auth/api-keys.store';
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import {
  graphSnapshot,
  type GraphSnapshot,
  resetGraph,
  seedCurated,
  testDatabase,
} from '../helpers/graph';

const HOSTILE: [string, string][] = [
  ['quote injection', `mistral-ai' OR '1'='1`],
  ['cypher injection', `"}) MATCH (n) DETACH DELETE n //`],
  ['brace injection', `x}) RETURN 1 UNION MATCH (n) RETURN n //`],
  ['backtick', '`Company`'],
  ['parameter lookalike', '$p0'],
  ['lucene syntax', 'AND OR NOT ~ * ? "[" ( ) { } ^ :'],
  ['control characters', 'a\u0000b\u0007c\u001b'],
  ['right-to-left override', '\u202emistral-ai'],
  ['emoji and combining marks', 'm\u0301istral 🤖'],
  ['huge string', 'x'.repeat(20_000)],
  ['empty string', ''],
  ['whitespace only', ' \t\n '],
  ['unicode normalisation', 'ｍｉｓｔｒａｌ'],
];

const OK_CODES = new Set([
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'QUERY_TOO_COMPLEX',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

/** `depth` nested lists around a string, as JSON text (JSON.stringify would recurse as deep). */
const nestedJson = (depth: number): string => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

/** Requests below GraphQL: bodies, encodings, paths. Each gets a 4xx with a code, never a 500. */
const RAW_REQUESTS: [string, (origin: string) => Promise<Response>][] = [
  [
    'a variable nested 20,000 deep',
    (origin) =>
      fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query":"query ($v: [ID!]) { rightsMatrix(companies: $v) { totalCount } }","variables":{"v":${nestedJson(20_000)}}}`,
      }),
  ],
  [
    'a variable nested 100 deep in a GET',
    (origin) =>
      fetch(
        `${origin}/graphql?query=${encodeURIComponent('query ($v: [ID!]) { rightsMatrix(companies: $v) { totalCount } }')}&variables=${encodeURIComponent(`{"v":${nestedJson(100)}}`)}`,
        { headers: { 'apollo-require-preflight': 'true' } },
      ),
  ],
  [
    'extensions nested 20,000 deep',
    (origin) =>
      fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query":"{ about { version } }","extensions":{"x":${nestedJson(20_000)}}}`,
      }),
  ],
  ...(['gzip', 'deflate', 'br'] as const).map(
    (encoding) =>
      [
        `a body that is not valid ${encoding}`,
        (origin: string) =>
          fetch(`${origin}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-encoding': encoding },
            body: JSON.stringify({ query: '{ about { version } }' }),
          }),
      ] as [string, (origin: string) => Promise<Response>],
  ),
  [
    'a gzip body cut short',
    (origin) =>
      fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify({ query: '{ about { version } }' })).subarray(0, 20),
      }),
  ],
  [
    'a gzip body that inflates past the body limit',
    (origin) =>
      fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(`{"query":"${' '.repeat(5_000_000)}"}`),
      }),
  ],
  ...['__proto__', 'constructor', 'hasOwnProperty', 'toString', '__defineGetter__'].map(
    (name) =>
      [
        `the explorer asset "${name}"`,
        (origin: string) => fetch(`${origin}/explorer/assets/${name}`),
      ] as [string, (origin: string) => Promise<Response>],
  ),
  [
    'an explorer asset path that cannot be decoded',
    (origin) => fetch(`${origin}/explorer/assets/%E0%A4%A`),
  ],
];

/** Queries with one string argument, given as a variable. */
const STRING_ARGUMENTS: [string, string][] = [
  ['company(id)', 'query ($v: ID!) { company(id: $v) { id } }'],
  ['timeline(company)', 'query ($v: ID!) { timeline(company: $v) { totalCount } }'],
  ['provision(ref)', 'query ($v: String!) { provision(ref: $v) { id } }'],
  ['search(text)', 'query ($v: String!) { search(text: $v) { totalCount } }'],
  [
    'incidents(filter.provision)',
    'query ($v: String) { incidents(filter: {provision: $v}) { totalCount } }',
  ],
  [
    'incidents(filter.authority)',
    'query ($v: ID) { incidents(filter: {authority: $v}) { totalCount } }',
  ],
  [
    'incidents(filter.company)',
    'query ($v: ID) { incidents(filter: {company: $v}) { totalCount } }',
  ],
  ['incidents(after)', 'query ($v: String) { incidents(after: $v) { totalCount } }'],
  [
    'plansDenyingRight(purpose)',
    'query ($v: ID) { plansDenyingRight(right: OBJECT, purpose: $v) { nodes { status } } }',
  ],
  ['rightsMatrix(companies)', 'query ($v: ID!) { rightsMatrix(companies: [$v]) { totalCount } }'],
  ['findings(company)', 'query ($v: ID) { findings(company: $v) { totalCount } }'],
  ['companies(country)', 'query ($v: String) { companies(country: $v) { totalCount } }'],
];

/** A cursor as the API makes them (base64url JSON of the sort keys), with any values. */
const cursorOf = (key: unknown[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

const HAND_PICKED: [string, string, Record<string, unknown>?][] = [
  ['first is a string', '{ incidents(first: "ten") { totalCount } }'],
  ['first is negative', '{ incidents(first: -1) { totalCount } }'],
  ['first is zero', '{ incidents(first: 0) { totalCount } }'],
  ['first is huge', '{ incidents(first: 100000) { totalCount } }'],
  ['first overflows Int', '{ incidents(first: 99999999999) { totalCount } }'],
  ['first is a float', '{ incidents(first: 1.5) { totalCount } }'],
  ['unknown enum value', '{ plansDenyingRight(right: OBJECTION) { nodes { status } } }'],
  ['enum given as a string', '{ plansDenyingRight(right: "OBJECT") { nodes { status } } }'],
  ['missing required argument', '{ plansDenyingRight { nodes { status } } }'],
  ['unknown argument', '{ company(id: "mistral-ai", name: "x") { id } }'],
  ['unknown field', '{ company(id: "mistral-ai") { ceo } }'],
  [
    'date with a bad month',
    '{ plansDenyingRight(right: OBJECT, asOf: "2025-13-01") { nodes { status } } }',
  ],
  [
    'date that does not exist',
    '{ plansDenyingRight(right: OBJECT, asOf: "2025-02-30") { nodes { status } } }',
  ],
  [
    'date far in the past',
    '{ plansDenyingRight(right: OBJECT, asOf: "0001-01-01") { nodes { status } } }',
  ],
  [
    'date far in the future',
    '{ plansDenyingRight(right: OBJECT, asOf: "9999-12-31") { nodes { status } } }',
  ],
  ['date as a number', '{ plansDenyingRight(right: OBJECT, asOf: 20250201) { nodes { status } } }'],
  [
    'date with a time',
    '{ plansDenyingRight(right: OBJECT, asOf: "2025-02-01T00:00:00Z") { nodes { status } } }',
  ],
  [
    'date range reversed',
    '{ timeline(company: "mistral-ai", from: "2025-03-01", to: "2025-01-01") { totalCount } }',
  ],
  [
    'incident dates reversed',
    '{ incidents(filter: {from: "2025-03-01", to: "2025-01-01"}) { totalCount } }',
  ],
  ['syntax error', '{ company(id: "mistral-ai" { id } }'],
  ['empty document', ''],
  ['only a comment', '# nothing'],
  [
    'cyclic fragments',
    'fragment A on Company { ...B } fragment B on Company { ...A } { company(id: "mistral-ai") { ...A } }',
  ],
  [
    'self-referencing fragment',
    'fragment A on Provision { partOf { ...A } } { provision(ref: "Art. 21") { ...A } }',
  ],
  [
    'deeply nested fragments',
    `fragment F on Provision { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf { id } } } } } } } } } } { provision(ref: "Art. 21") { ...F } }`,
  ],
  [
    'alias flood',
    `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: about { version }`).join(' ')} }`,
  ],
  ['duplicate fields flood', `{ about { ${'version '.repeat(5000)} } }`],
  [
    'too many companies in the matrix',
    `{ rightsMatrix(companies: [${Array.from({ length: 101 }, (_, i) => `"c${i}"`).join(',')}]) { totalCount } }`,
  ],
  [
    'huge list argument',
    'query ($v: [ID!]) { rightsMatrix(companies: $v) { totalCount } }',
    { v: Array.from({ length: 100_000 }, (_, i) => `c${i}`) },
  ],
  ['variable of the wrong type', 'query ($v: Int) { company(id: $v) { id } }', { v: 1 }],
  ['undeclared variable', '{ company(id: $v) { id } }'],
  ['null for a non-null argument', 'query ($v: ID!) { company(id: $v) { id } }', { v: null }],
  [
    'object where a string is expected',
    'query ($v: ID!) { company(id: $v) { id } }',
    { v: { $ne: 1 } },
  ],
  [
    'array where a string is expected',
    'query ($v: String!) { search(text: $v) { totalCount } }',
    { v: ['a', 'b'] },
  ],
  [
    'mutation without a key',
    'mutation { retract(id: "mistral-le-chat-pro-training", reason: "x") { id } }',
  ],
  ['subscription over HTTP', 'subscription { incidentRecorded { id } }'],
  [
    'a cursor of another list',
    '{ incidents(after: "WyJNaXN0cmFsIEFJIiwiTGUgQ2hhdCIsMywibGUtY2hhdC10ZWFtIl0") { totalCount } }',
  ],
  ['a cursor with the wrong arity', '{ incidents(after: "WyIyMDI1LTAyLTEwIl0") { totalCount } }'],
  ['a cursor that is not base64 JSON', '{ incidents(after: "%%%") { totalCount } }'],
  [
    'a cursor of another list with as many keys (a name where a date is expected)',
    `{ incidents(after: "${cursorOf(['Mistral AI', 'mistral-ai'])}") { totalCount } }`,
  ],
  [
    "a company cursor for a company's incidents",
    `{ company(id: "mistral-ai") { incidents(after: "${cursorOf(['Mistral AI', 'mistral-ai'])}") { totalCount } } }`,
  ],
  [
    'a cursor with a date that does not exist',
    `{ incidents(after: "${cursorOf(['2025-02-30', 'x'])}") { totalCount } }`,
  ],
  [
    'a cursor with a number where a date is expected',
    `{ incidents(after: "${cursorOf([20250210, 'x'])}") { totalCount } }`,
  ],
  [
    'a cursor with a day where a date and time is expected',
    `{ incidents(recordedAfter: "2020-01-01T00:00:00Z", after: "${cursorOf(['2025-02-10', 'x'])}") { totalCount } }`,
  ],
  [
    'a cursor with an hour that does not exist',
    `{ incidents(recordedAfter: "2020-01-01T00:00:00Z", after: "${cursorOf(['2025-02-10T25:00:00Z', 'x'])}") { totalCount } }`,
  ],
  [
    'a cursor with a time zone that does not exist',
    `{ incidents(recordedAfter: "2020-01-01T00:00:00Z", after: "${cursorOf(['2025-02-10T10:00:00Z[Mars/Olympus]', 'x'])}") { totalCount } }`,
  ],
  [
    'a cursor with numbers where names are expected',
    `{ companies(after: "${cursorOf([1, 2])}") { totalCount } }`,
  ],
  [
    'a cursor with an object for a key',
    `{ companies(after: "${cursorOf([{ $gt: '' }, 'x'])}") { totalCount } }`,
  ],
  ['text of one character class only', '{ search(text: "!!!???") { totalCount } }'],
];

function cleanAnswer(
  res: {
    status: number;
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  },
  sent = '',
): void {
  expect(res.status).toBeLessThan(500);
  for (const e of res.errors ?? []) {
    expect(OK_CODES.has(e.extensions?.code ?? '')).toBe(true);
    // Messages may quote what was sent (shortened); the rest must hold no internals.
    const own = [sent, sent.slice(0, 128), sent.slice(0, 100), sent.slice(0, 80)].filter(
      (x) => x.length > 0,
    );
    const message = own.reduce((m, x) => m.split(x).join(''), e.message);
    expect(message).not.toMatch(
      /Neo4jError|neo4j-driver|\bMATCH\b|\bRETURN\b|at .*\.ts:\d+|stacktrace/,
    );
    expect(JSON.stringify(e.extensions ?? {})).not.toMatch(/stacktrace|Neo4jError/);
  }
  if (!res.errors) expect(res.data).toBeDefined();
}

describe('bad input', () => {
  let db: Database;
  let api: TestApi;
  let curator: string;
  let before: GraphSnapshot;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    curator = (await createApiKey(db, 'curator', 'bad input')).token;
    api = await startTestApi(db);
    before = await graphSnapshot(db);
  });
  afterAll(async () => {
    // Whatever was thrown at it, the graph is as it was.
    const after = await graphSnapshot(db);
    await api.close();
    await db.close();
    expect({ ...after, auditEntries: 0 }).toEqual({ ...before, auditEntries: 0 });
  });

  const generated = STRING_ARGUMENTS.flatMap(([where, query]) =>
    HOSTILE.map(([what, value]) => [`${what} in ${where}`, query, value] as const),
  );

  it.each(generated)('%s', async (_name, query, value) => {
    cleanAnswer(await api.gql(query, { v: value }), value);
  });

  // Rows of equal length: with fewer values than parameters, Jest would pass a `done` callback.
  const handPicked = HAND_PICKED.map(
    ([name, query, variables]) => [name, query, variables ?? {}] as const,
  );

  it.each(handPicked)('%s', async (name, query, variables) => {
    const res = await api.gql(query, variables);
    cleanAnswer(res);
    // Far dates are valid dates: answered with data. Everything else here is refused.
    if (!name.startsWith('date far')) expect(res.errors?.length ?? 0).toBeGreaterThan(0);
  });

  it.each(RAW_REQUESTS)('%s', async (_name, send) => {
    const res = await send(new URL(api.url).origin);
    const text = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    if (res.headers.get('content-type')?.startsWith('application/json')) {
      cleanAnswer({ status: res.status, ...(JSON.parse(text) as object) });
    }
    expect(text).not.toMatch(/stack|at .*\.[jt]s:\d+|RangeError|Maximum call stack/);
  });

  /** Hostile strings in every kind of bundle field, dry-run so that even an accepted bundle writes nothing. */
  const BUNDLE_FIELDS: [string, (v: string) => unknown][] = [
    [
      'company id',
      (v) => ({
        companies: [
          { id: v, name: 'X', country: 'FR', sources: ['src-linforme-2025-mistral-complaint'] },
        ],
      }),
    ],
    [
      'company name',
      (v) => ({
        companies: [
          {
            id: 'bad-input-co',
            name: v,
            country: 'FR',
            sources: ['src-linforme-2025-mistral-complaint'],
          },
        ],
      }),
    ],
    [
      'company country',
      (v) => ({
        companies: [
          {
            id: 'bad-input-co',
            name: 'X',
            country: v,
            sources: ['src-linforme-2025-mistral-complaint'],
          },
        ],
      }),
    ],
    [
      'source url',
      (v) => ({
        sources: [
          {
            id: 'bad-input-src',
            url: v,
            publisher: 'X',
            title: 'X',
            publishedAt: '2025-01-01',
            kind: 'NEWS',
          },
        ],
      }),
    ],
    [
      'source date',
      (v) => ({
        sources: [
          {
            id: 'bad-input-src',
            url: 'https://example.org',
            publisher: 'X',
            title: 'X',
            publishedAt: v,
            kind: 'NEWS',
          },
        ],
      }),
    ],
    [
      'practice plan reference',
      (v) => ({
        practices: [
          {
            id: 'bad-input-p',
            plan: v,
            purpose: 'ai-model-training',
            dataCategories: ['user-prompts'],
            default: 'ON',
            verification: 'VERIFIED',
            summary: 'x',
            sources: ['src-linforme-2025-mistral-complaint'],
          },
        ],
      }),
    ],
    [
      'incident summary',
      (v) => ({
        incidents: [
          {
            id: 'bad-input-i',
            kind: 'COMPLAINT',
            title: 'x',
            date: '2025-01-01',
            against: ['mistral-ai'],
            verification: 'VERIFIED',
            summary: v,
            sources: ['src-linforme-2025-mistral-complaint'],
          },
        ],
      }),
    ],
    [
      'evidence quote',
      (v) => ({
        incidents: [
          {
            id: 'bad-input-i',
            kind: 'COMPLAINT',
            title: 'x',
            date: '2025-01-01',
            against: ['mistral-ai'],
            verification: 'VERIFIED',
            summary: 'x',
            sources: [{ source: 'src-linforme-2025-mistral-complaint', quote: v }],
          },
        ],
      }),
    ],
  ];
  const bundleCases = BUNDLE_FIELDS.flatMap(([field, make]) =>
    HOSTILE.map(([what, value]) => [`${what} in a bundle's ${field}`, make(value)] as const),
  );

  it.each(bundleCases)('%s', async (_name, bundle) => {
    const res = await api.gql(
      'mutation ($b: BundleInput!) { ingestBundle(bundle: $b, dryRun: true) { dryRun changes { label created } } }',
      { b: bundle },
      `Bearer ${curator}`,
    );
    cleanAnswer(res);
    if (!res.errors) expect(res.data!.ingestBundle.dryRun).toBe(true);
  });

  it.each([
    ['not an object', 'a string'],
    ['a list', [1, 2, 3]],
    ['unknown section', { employees: [] }],
    ['section of the wrong type', { companies: 'all of them' }],
    ['null entries', { companies: [null] }],
    [
      'nested too deep to matter',
      { companies: [{ id: 'x', name: 'y', country: 'FR', sources: [[[[['deep']]]]] }] },
    ],
  ])('a bundle that is %s', async (_name, bundle) => {
    const res = await api.gql(
      'mutation ($b: BundleInput!) { ingestBundle(bundle: $b) { dryRun } }',
      { b: bundle },
      `Bearer ${curator}`,
    );
    cleanAnswer(res);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('has at least 150 cases', () => {
    expect(
      generated.length + HAND_PICKED.length + RAW_REQUESTS.length + bundleCases.length + 6,
    ).toBeGreaterThanOrEqual(150);
  });
});
