/**
 * The rights matrix as CSV, over HTTP and from the command line, against the seeded graph:
 * it says what the API says, on the date asked, quoted by RFC 4180.
 */
import { parse } from 'csv-parse/sync';
import {
  CSV_LEADING_COLUMNS,
  CSV_TRAILING_COLUMNS,
  operatorExecutor,
  parseExportArgs,
  runExport,
  textOf,
} from '../../src/api/export';
import { todayIso } from '../../src/api/common/date.scalar';
import { createLogger } from '../../src/config';
import type { Database } from '../../src/db';
import { GDPR_RIGHTS, ingest } from '../../src/graph';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, seedCurated, testDatabase } from '../helpers/graph';

/** A company whose names need quoting: a comma, double quotes and a line break. */
const AWKWARD = {
  company: 'Quote "Test", Inc.\nSecond line',
  product: 'Chat, with a comma',
  plan: 'Free "plan"',
};

function awkwardBundle() {
  const sources = ['csvq-src'];
  return {
    sources: [
      {
        id: 'csvq-src',
        url: 'https://example.org/csv-quoting',
        publisher: 'Example',
        title: 'A source for the quoting test',
        publishedAt: '2024-06-01',
        kind: 'POLICY' as const,
      },
    ],
    companies: [{ id: 'csvq-corp', name: AWKWARD.company, country: 'FR', sources }],
    products: [{ id: 'csvq-chat', name: AWKWARD.product, company: 'csvq-corp', sources }],
    plans: [
      { id: 'csvq-free', name: AWKWARD.plan, product: 'csvq-chat', tier: 'FREE' as const, sources },
    ],
    practices: [
      {
        id: 'csvq-free-training',
        plans: ['csvq-free'],
        purpose: 'ai-model-training',
        scope: ['EEA' as const],
        dataCategories: ['user-prompts'],
        default: 'ON' as const,
        validFrom: '2024-01-01',
        rights: [{ right: 'OBJECT' as const, status: 'PAID_ONLY' as const }],
        verification: 'VERIFIED',
        summary: 'A test practice: objecting costs money.',
        sources,
      },
    ],
  };
}

type CsvRow = Record<string, string>;

describe('the rights matrix as CSV', () => {
  let db: Database;
  let api: TestApi;
  let origin: string;

  const csv = async (query: string) => {
    const res = await fetch(`${origin}/export/rights-matrix.csv${query}`);
    const text = await res.text();
    return { res, text, rows: res.ok ? parse<CsvRow>(text, { columns: true }) : [] };
  };
  const row = (rows: CsvRow[], plan: string) => rows.find((r) => r.plan_id === plan);

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    await ingest(db, [{ file: 'csv-quoting.yaml', data: awkwardBundle() }]);
    api = await startTestApi(db);
    origin = new URL(api.url).origin;
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
  });

  it('answers one row per plan and one column per right, with the status on the date asked', async () => {
    const { res, text, rows } = await csv('?asOf=2025-02-12&purpose=ai-model-training');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="rights-matrix-2025-02-12.csv"',
    );
    // Streamed page by page: no length is known when the first rows go out.
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(text.split('\r\n')[0]).toBe(
      [...CSV_LEADING_COLUMNS, ...GDPR_RIGHTS, ...CSV_TRAILING_COLUMNS].join(','),
    );
    const expected = await api.gql(
      '{ rightsMatrix(asOf: "2025-02-12", purpose: "ai-model-training") { totalCount } }',
    );
    expect(rows).toHaveLength(expected.data!.rightsMatrix.totalCount);
    expect(row(rows, 'le-chat-free')).toMatchObject({
      as_of: '2025-02-12',
      purpose: 'ai-model-training',
      company_id: 'mistral-ai',
      company: 'Mistral AI',
      tier: 'FREE',
      paid: 'false',
      OBJECT: 'PAID_ONLY',
      disputed_rights: 'OBJECT',
    });
    expect(row(rows, 'le-chat-pro')).toMatchObject({ paid: 'true', OBJECT: 'IN_PRODUCT' });
  });

  it('moves with the date: Le Chat Free lets people object from 13 February 2025', async () => {
    const { rows } = await csv('?asOf=2025-03-01&purpose=ai-model-training');
    expect(row(rows, 'le-chat-free')).toMatchObject({
      as_of: '2025-03-01',
      OBJECT: expect.stringMatching(/^(IN_PRODUCT|ON_REQUEST)$/),
    });
  });

  it('says what the GraphQL API says, cell for cell', async () => {
    const { rows } = await csv('?asOf=2025-02-12');
    // The API pages (at most 100 rows); the export gives every row in the same order.
    type MatrixRow = {
      plan: { id: string };
      cells: { right: string; status: string; otherStatuses: string[] }[];
    };
    type MatrixPage = {
      rightsMatrix: {
        rows: MatrixRow[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const fromApi: MatrixRow[] = [];
    let after: string | null = null;
    do {
      const res: { data?: MatrixPage } = await api.gql<MatrixPage>(
        `query ($after: String) { rightsMatrix(asOf: "2025-02-12", first: 100, after: $after) {
          rows { plan { id } cells { right status otherStatuses } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const page: MatrixPage['rightsMatrix'] = res.data!.rightsMatrix;
      fromApi.push(...page.rows);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    expect(fromApi.length).toBeGreaterThan(100);
    expect(rows.map((r) => r.plan_id)).toEqual(fromApi.map((r) => r.plan.id));
    for (const apiRow of fromApi) {
      const csvRow = row(rows, apiRow.plan.id)!;
      for (const cell of apiRow.cells) expect(csvRow[cell.right]).toBe(cell.status);
      const mixed = apiRow.cells.filter((c) => c.otherStatuses.length > 0).map((c) => c.right);
      expect(csvRow.rights_with_other_statuses).toBe(mixed.join(' '));
    }
    // Without a purpose, some plans' practices for different purposes disagree on a right.
    expect(rows.some((r) => r.rights_with_other_statuses !== '')).toBe(true);
  });

  it('keeps to the companies and rights asked, as a list or repeated parameters', async () => {
    const { text, rows } = await csv(
      '?asOf=2025-02-12&companies=mistral-ai&rights=OBJECT&rights=ERASURE',
    );
    expect(text.split('\r\n')[0]).toBe(
      [...CSV_LEADING_COLUMNS, 'OBJECT', 'ERASURE', ...CSV_TRAILING_COLUMNS].join(','),
    );
    expect(new Set(rows.map((r) => r.company_id))).toEqual(new Set(['mistral-ai']));
    const both = await csv('?asOf=2025-02-12&companies=mistral-ai,openai&rights=OBJECT');
    expect(new Set(both.rows.map((r) => r.company_id))).toEqual(new Set(['mistral-ai', 'openai']));
  });

  it('quotes commas, double quotes and line breaks, and ends records with CRLF', async () => {
    const { text, rows } = await csv('?asOf=2025-02-12&companies=csvq-corp');
    expect(row(rows, 'csvq-free')).toMatchObject({
      company: AWKWARD.company,
      product: AWKWARD.product,
      plan: AWKWARD.plan,
      OBJECT: 'PAID_ONLY',
    });
    expect(text).toContain('"Quote ""Test"", Inc.\nSecond line"');
    expect(text).toContain('"Chat, with a comma"');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('holds on today when no date is given, as the API does', async () => {
    const { rows } = await csv('?companies=mistral-ai');
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.as_of))).toEqual(new Set([todayIso()]));
  });

  it.each([
    ['2025-02-30', /asOf must be a calendar date as YYYY-MM-DD .*"2025-02-30"/],
    ['01/02/2025', /asOf must be a calendar date as YYYY-MM-DD .*"01\/02\/2025"/],
    ['2025-02-12&asOf=2025-03-01', /asOf: give it once, got 2 values/],
  ])('refuses asOf=%s with 400 and a message that names the parameter', async (asOf, message) => {
    const { res, text } = await csv(`?asOf=${asOf}`);
    expect(res.status).toBe(400);
    const body = JSON.parse(text);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(message);
  });

  it('refuses a right the API does not know, listing the ones it does', async () => {
    const { res, text } = await csv('?rights=OBJECT,FLY');
    expect(res.status).toBe(400);
    expect(JSON.parse(text).errors[0].message).toMatch(
      /rights: unknown "FLY"; expected some of ACCESS/,
    );
  });

  it('asks for an API key, as /graphql does, when reads are not public', async () => {
    const closed = await startTestApi(db, { publicReads: false });
    try {
      const base = new URL(closed.url).origin;
      for (const path of ['/export/rights-matrix.csv?asOf=2025-02-12', '/export/graph.jsonld']) {
        const res = await fetch(`${base}${path}`);
        const body = await res.json();
        expect({ path, status: res.status, code: body.errors[0].extensions.code }).toEqual({
          path,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
    } finally {
      await closed.close();
    }
  });

  describe('from the command line', () => {
    it('writes the same CSV as the HTTP export', async () => {
      const command = parseExportArgs([
        '--format',
        'csv',
        '--as-of',
        '2025-02-12',
        '--purpose',
        'ai-model-training',
      ]);
      const fromCli = await textOf(
        await runExport(command, {
          db,
          executor: () => operatorExecutor(db, createLogger('silent')),
        }),
      );
      const { text } = await csv('?asOf=2025-02-12&purpose=ai-model-training');
      expect(fromCli).toBe(text);
    });

    it.each([
      [[], /--format is required/],
      [['--format', 'xml'], /--format must be jsonld or csv, got "xml"/],
      [['--format', 'csv', '--as-of', '2025-13-01'], /--as-of must be a calendar date/],
      [['--format', 'csv', '--rights', 'OBJECT,FLY'], /--rights: unknown "FLY"/],
      [['--format', 'jsonld', '--as-of', '2025-02-12'], /--as-of applies to the csv matrix only/],
      [['--format', 'csv', '--colour', 'red'], /Unknown option '--colour'/],
    ])('refuses %j with a message and the usage', (argv, message) => {
      expect(() => parseExportArgs(argv)).toThrow(message);
      expect(() => parseExportArgs(argv)).toThrow(/usage: npm run export/);
    });

    it('infers the format from the file name', () => {
      expect(parseExportArgs(['--out', 'graph.jsonld'])).toMatchObject({
        format: 'jsonld',
        out: 'graph.jsonld',
      });
    });
  });
});
