/**
 * The rights matrix as CSV: one row per plan, one column per right holding its status on the
 * date asked. The rows come from the API's own `rightsMatrix` query, page by page, so the CSV
 * and the API never disagree. Quoting follows RFC 4180 (csv-stringify), records end in CRLF,
 * and cells are escaped for spreadsheets as OWASP recommends against CSV injection: names
 * come from curated sources, and a plan called `=HYPERLINK(...)` must stay text in Excel.
 */
import { stringify } from 'csv-stringify/sync';
import { todayIso } from '../common/date.scalar';
import { type GraphQLExecutor, runTyped } from './executor';
import type { RightsMatrixExportQuery as Result } from './gql/graphql';
import type { RightsMatrixParams } from './rights-matrix.params';
import { RightsMatrixExportQuery } from './rights-matrix.query';

type Matrix = Result['rightsMatrix'];
type Row = Matrix['rows'][number];

export interface RightsMatrixCsv {
  /** The date the matrix holds on (today when none was asked). */
  asOf: string;
  /**
   * The CSV, a page of rows at a time: the header and first page, then each further page as
   * the API answers it, so memory follows the page size, not the matrix.
   */
  chunks: AsyncIterable<string>;
}

/** A bound on pages, far above any real matrix, so that a cursor bug cannot loop forever. */
const MAX_PAGES = 1000;

export const CSV_LEADING_COLUMNS = [
  'as_of',
  'purpose',
  'company_id',
  'company',
  'product_id',
  'product',
  'plan_id',
  'plan',
  'tier',
  'paid',
] as const;

/**
 * After one column per right: the rights a source disputes on the row, and the rights other
 * practices in force give another status (other purposes', when no purpose was asked).
 */
export const CSV_TRAILING_COLUMNS = ['disputed_rights', 'rights_with_other_statuses'] as const;

/** What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as a spreadsheet should show it: text that would start a formula gets a leading
 * single quote, which spreadsheets read as "this is text" (csv-stringify then quotes the cell
 * if it holds a comma, a double quote or a line break).
 */
export function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Asks for the first page before answering, so that a refused question (an unknown purpose, a
 * caller without access) fails before any CSV is sent; later pages are asked for as the
 * chunks are taken.
 */
export async function rightsMatrixCsv(
  execute: GraphQLExecutor,
  params: RightsMatrixParams,
): Promise<RightsMatrixCsv> {
  // One date for every page, even across midnight.
  const asOf = params.asOf ?? todayIso();
  const variables = {
    asOf,
    purpose: params.purpose ?? null,
    companies: params.companies ?? null,
    rights: params.rights ?? null,
  };
  const page = async (after: string | null): Promise<Matrix> =>
    (await runTyped(execute, RightsMatrixExportQuery, { ...variables, after })).rightsMatrix;
  const first = await page(null);
  const rights = first.rights;

  /** The rights of a row's cells that `keep` picks, space-separated (a trailing column). */
  const rightsWhere = (row: Row, keep: (cell: Row['cells'][number]) => boolean): string =>
    row.cells
      .filter(keep)
      .map((c) => c.right)
      .join(' ');
  const record = (row: Row): string[] => {
    const status = new Map(row.cells.map((c) => [c.right as string, c.status as string]));
    return [
      asOf,
      params.purpose ?? '',
      row.company.id,
      row.company.name,
      row.product.id,
      row.product.name,
      row.plan.id,
      row.plan.name,
      row.plan.tier,
      row.plan.paid ? 'true' : 'false',
      ...rights.map((r) => status.get(r) ?? 'UNKNOWN'),
      rightsWhere(row, (c) => c.disputed),
      rightsWhere(row, (c) => c.otherStatuses.length > 0),
    ];
  };
  const csv = (records: string[][]): string =>
    stringify(
      records.map((r) => r.map(spreadsheetSafe)),
      { record_delimiter: 'windows' },
    );

  async function* chunks(): AsyncGenerator<string> {
    let matrix = first;
    yield csv([
      [...CSV_LEADING_COLUMNS, ...rights, ...CSV_TRAILING_COLUMNS],
      ...matrix.rows.map(record),
    ]);
    for (let pages = 1; pages < MAX_PAGES; pages++) {
      if (!matrix.pageInfo.hasNextPage || !matrix.pageInfo.endCursor) return;
      matrix = await page(matrix.pageInfo.endCursor);
      if (matrix.rows.length > 0) yield csv(matrix.rows.map(record));
    }
  }
  return { asOf, chunks: chunks() };
}

/** The whole text of a stream of chunks: for the command line's --out and for tests. */
export async function textOf(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
