/** Runs the rules and composes their findings; for the question and for subscribers. */
import type { Database } from '../../db';
import { AppError } from '../../errors';
import { readerOf, type RunsOn } from '../../graph';
import type { CursorKey } from '../translate/cursor';
import { checkNamedIds } from '../translate/named-ids';
import {
  FINDING_KINDS,
  type FindingKind,
  findingIdsQuery,
  findingsPageQuery,
} from './findings.rules';
import { type ComposedFinding, composeFinding, type RuleFacts } from './findings.words';

export interface FindingsInput {
  asOf: string;
  scope: string;
  companies: string[] | null;
  kinds: readonly FindingKind[];
}

export interface FindingsPageRequest extends FindingsInput {
  first: number;
  /** The cursor's keys, checked against the list's order (FINDING_ORDER); null for page one. */
  after: CursorKey | null;
}

export interface FindingsPage {
  /** How many findings hold, on every page. */
  total: number;
  /** The page's findings after the cursor, first + 1 at most (the last tells that more follow). */
  findings: ComposedFinding[];
}

/**
 * The rules are one large query: a Neo4j that has just started takes about 15 s to plan it
 * (measured on this project's launcher, 2 cores), once; later runs reuse the plan. The bound
 * lets that first plan finish instead of refusing the first reader after every restart.
 */
export const RULES_TIMEOUT_MS = 60_000;

interface PageRow {
  id: string;
  companyName: string;
  facts: RuleFacts;
}

/**
 * Pages composed from a kept answer's rows (the same array while the graph is unchanged): the
 * words of a page cost the API about 20 ms of CPU on the large bench graph, which a kept answer
 * need not pay again. Rows of a new answer are new objects, so a change never reads an old page.
 * The composed findings are shared between requests and must not be changed.
 */
const composedPages = new WeakMap<object, FindingsPage>();

/**
 * One page of findings, composed: the rules find and count every finding light, and read the
 * facts of the page's rows only, so only they are composed.
 */
export async function findingsPage(
  db: Database,
  request: FindingsPageRequest,
): Promise<FindingsPage> {
  const query = findingsPageQuery(request);
  // The rules read the graph and their parameters only: their page is kept until the graph
  // changes (db/kept-answers.ts), under their parameters (their text is one per process).
  const key = `${query.name}|${JSON.stringify(query.params)}`;
  const rows = await db.readKept(key, query.name, query.cypher, query.params, RULES_TIMEOUT_MS);
  if (request.companies)
    checkNamedIds(
      [{ argument: 'company', label: 'Company', ids: request.companies }],
      rows[0]?.held,
    );
  const composed = composedPages.get(rows);
  if (composed) return composed;
  const paged = rows.flatMap((row) => (row.finding ? [row.finding as unknown as PageRow] : []));
  const findings = paged.map((r) => {
    const finding = composeFinding(r.facts, request.asOf);
    // Pages are cut on the id the rules spell in Cypher: it must be the one composed here.
    if (finding.id !== r.id || finding.companyName !== r.companyName)
      throw new AppError(
        'INTERNAL_SERVER_ERROR',
        `finding ${finding.id} was paged as ${r.id}: the rules and composeFinding spell ids differently`,
      );
    return finding;
  });
  const page = { total: Number(rows[0]?.total ?? 0), findings };
  composedPages.set(rows, page);
  return page;
}

/**
 * Finding ids per company, for telling subscribers which findings a write changed: on the
 * database, or in the write's transaction (as it stands before or after the write).
 */
export async function findingIdsByCompany(
  on: RunsOn,
  companies: string[],
  asOf: string,
): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>(companies.map((c) => [c, new Set<string>()]));
  if (companies.length === 0) return result;
  const query = findingIdsQuery({ asOf, scope: 'EEA', companies, kinds: FINDING_KINDS });
  const rows = await readerOf(on, RULES_TIMEOUT_MS)(query.name, query.cypher, query.params);
  for (const row of rows) result.get(row.company as string)?.add(row.id as string);
  return result;
}
