/**
 * The curated data's coverage and health, from the validated bundle (no database): what an
 * analyst can learn from it, and what a curator should fix. `npm run data:report` prints it;
 * CI fails when a fact has no source or a reference is broken (validation) .
 */
import type { Bundle, EvidenceDef } from './bundle.schema';
import { evidenceOf, plansOf, statedStart, supportingSources } from './bundle-to-graph';
import { type EvidenceClaim, GDPR_RIGHTS, START_CLAIMS, type VerificationLevel } from './model';
import { firstDay, lastDay } from './partial-date';

export const REPORT_PURPOSES = [
  'ai-model-training',
  'human-review',
  'personalised-advertising',
] as const;

export interface Coverage {
  known: number;
  cells: number;
}

export interface CompanyReport {
  company: string;
  name: string;
  plansOffered: number;
  coverage: Record<string, Coverage>;
}

export interface DataReport {
  asOf: string;
  counts: Record<string, number>;
  companies: CompanyReport[];
  overall: Record<string, Coverage>;
  /** Practices and incidents by verification level. */
  verification: Record<VerificationLevel, number>;
  /** Facts (every entity but sources) resting on one source only. */
  singleSource: string[];
  /** Facts whose every supporting source is older than 18 months before asOf. */
  stale: { id: string; newest: string }[];
  /** Facts without a source: validation refuses them, so this stays empty. */
  unsourced: string[];
  /** Sources whose page prints no date: cited only beside dated ones, they date nothing. */
  undatedSources: number;
  /** Files defining a company that nobody but their writer has checked against the sources. */
  unchecked: string[];
}

/** The review a file records (bundle.schema.ts ReviewDef), as read from the raw document. */
interface FileReview {
  file: string;
  companies: number;
  writtenBy?: string;
  checkedBy?: string | null;
}

/** Files with companies whose `review` names no checker, or names the writer. */
export function uncheckedFiles(files: FileReview[]): string[] {
  return files
    .filter((f) => f.companies > 0 && (!f.checkedBy || f.checkedBy === f.writtenBy))
    .map((f) => f.file);
}

/** What a document says of its review, whatever else it holds. */
export function reviewOf(file: string, data: unknown): FileReview {
  const doc = (data ?? {}) as {
    companies?: unknown[];
    review?: { writtenBy?: string; checkedBy?: string | null };
  };
  return {
    file,
    companies: Array.isArray(doc.companies) ? doc.companies.length : 0,
    writtenBy: doc.review?.writtenBy,
    checkedBy: doc.review?.checkedBy,
  };
}

/** The first day of the month 18 months before a day. */
function eighteenMonthsBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 - 18, d)).toISOString().slice(0, 10);
}

/** Offered on the day: as the API counts it (the last day of a partial launch). */
function offered(
  plan: Bundle['plans'][number],
  firstSourceDay: string | undefined,
  day: string,
): boolean {
  if (plan.neverLaunched) return false;
  const stated = statedStart(plan);
  const from = stated ? lastDay(stated) : firstSourceDay;
  if (from === undefined || from > day) return false;
  return plan.withdrawn === undefined || firstDay(plan.withdrawn) > day;
}

function inForce(
  p: Bundle['practices'][number],
  firstSourceDay: string | undefined,
  day: string,
): boolean {
  const stated = statedStart(p);
  const from = stated ? lastDay(stated) : firstSourceDay;
  if (from === undefined || from > day) return false;
  return p.validTo === undefined || firstDay(p.validTo) > day;
}

export function dataReport(bundle: Bundle, asOf: string, files: FileReview[] = []): DataReport {
  // An undated source shows nothing about when: it neither starts a fact nor keeps one fresh.
  const sourceDay = new Map(
    bundle.sources.flatMap((s) =>
      s.publishedAt === undefined ? [] : [[s.id, lastDay(s.publishedAt)] as const],
    ),
  );
  const earliest = (sources: EvidenceDef[], claims: readonly EvidenceClaim[]) =>
    supportingSources(sources, claims)
      .map((id) => sourceDay.get(id))
      .filter((d): d is string => d !== undefined)
      .sort()[0];

  const productCompany = new Map(bundle.products.map((p) => [p.id, p.company]));
  const planCompany = new Map(bundle.plans.map((p) => [p.id, productCompany.get(p.product)]));
  const offeredPlans = bundle.plans.filter((p) =>
    offered(p, earliest(p.sources, START_CLAIMS.Plan), asOf),
  );
  const current = bundle.practices.filter(
    (p) =>
      inForce(p, earliest(p.sources, START_CLAIMS.Practice), asOf) &&
      (p.scope.includes('EEA') || p.scope.includes('WORLDWIDE')),
  );

  const empty = () =>
    Object.fromEntries(REPORT_PURPOSES.map((p) => [p, { known: 0, cells: 0 }])) as Record<
      string,
      Coverage
    >;
  const byCompany = new Map(
    bundle.companies.map((c) => [
      c.id,
      { company: c.id, name: c.name, plansOffered: 0, coverage: empty() },
    ]),
  );
  const overall = empty();
  for (const plan of offeredPlans) {
    const company = byCompany.get(planCompany.get(plan.id) ?? '');
    if (!company) continue;
    company.plansOffered++;
    for (const purpose of REPORT_PURPOSES) {
      const known = new Set<string>();
      for (const p of current)
        if (p.purpose === purpose && plansOf(p).includes(plan.id))
          for (const r of p.rights) if (r.status !== 'UNKNOWN') known.add(r.right);
      for (const target of [company.coverage[purpose]!, overall[purpose]!]) {
        target.cells += GDPR_RIGHTS.length;
        target.known += known.size;
      }
    }
  }

  const verification: Record<VerificationLevel, number> = {
    VERIFIED: 0,
    SECONDARY: 0,
    UNVERIFIED: 0,
  };
  for (const f of [...bundle.practices, ...bundle.incidents]) verification[f.verification]++;

  const facts: { id: string; sources: EvidenceDef[] }[] = [
    ...bundle.regulations,
    ...bundle.provisions,
    ...bundle.rights,
    ...bundle.legalBases,
    ...bundle.companies,
    ...bundle.products,
    ...bundle.plans,
    ...bundle.purposes,
    ...bundle.dataCategories,
    ...bundle.practices,
    ...bundle.authorities,
    ...bundle.parties,
    ...bundle.incidents,
  ];
  const cutoff = eighteenMonthsBefore(asOf);
  const singleSource: string[] = [];
  const stale: { id: string; newest: string }[] = [];
  const unsourced: string[] = [];
  for (const f of facts) {
    const ids = new Set(f.sources.map((s) => evidenceOf(s).source));
    if (ids.size === 0) unsourced.push(f.id);
    if (ids.size === 1) singleSource.push(f.id);
  }
  // Statements that describe the present (in force today): stale when nothing recent confirms them.
  for (const f of [...current, ...offeredPlans]) {
    const newest = supportingSources(f.sources)
      .map((id) => sourceDay.get(id) ?? '')
      .sort()
      .pop();
    if (newest !== undefined && newest < cutoff) stale.push({ id: f.id, newest });
  }

  const counts: Record<string, number> = {};
  for (const [section, entries] of Object.entries(bundle))
    if (Array.isArray(entries)) counts[section] = entries.length;
  return {
    asOf,
    counts,
    companies: [...byCompany.values()].sort((a, b) => a.name.localeCompare(b.name)),
    overall,
    verification,
    singleSource,
    stale,
    unsourced,
    undatedSources: bundle.sources.filter((s) => s.publishedAt === undefined).length,
    unchecked: uncheckedFiles(files),
  };
}

const pct = (c: Coverage) =>
  c.cells === 0 ? '  -  ' : `${((100 * c.known) / c.cells).toFixed(1).padStart(5)}%`;

export function formatDataReport(r: DataReport): string {
  // As wide as the longest name ("DeepSeek (Hangzhou DeepSeek ...)"), so the columns line up.
  const width = Math.max(26, ...r.companies.map((c) => c.name.length + 2));
  const head =
    `company`.padEnd(width) + 'plans  ' + REPORT_PURPOSES.map((p) => p.padStart(26)).join('');
  const line = (name: string, plans: number | string, cov: Record<string, Coverage>) =>
    name.padEnd(width) +
    String(plans).padStart(5) +
    '  ' +
    REPORT_PURPOSES.map((p) =>
      `${pct(cov[p]!)} (${cov[p]!.known}/${cov[p]!.cells})`.padStart(26),
    ).join('');
  return [
    `Data report as of ${r.asOf} (EEA scope; a cell is one plan offered that day x one of the nine rights)`,
    '',
    `entities: ${Object.entries(r.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
    head,
    ...r.companies.map((c) => line(c.name, c.plansOffered, c.coverage)),
    line(
      'ALL',
      r.companies.reduce((n, c) => n + c.plansOffered, 0),
      r.overall,
    ),
    '',
    `practices and incidents by verification: ${Object.entries(r.verification)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `facts resting on a single source: ${r.singleSource.length}`,
    `facts in force today whose newest supporting source is older than 18 months: ${r.stale.length}${
      r.stale.length
        ? ` (${r.stale
            .slice(0, 10)
            .map((s) => `${s.id} ${s.newest}`)
            .join(', ')}${r.stale.length > 10 ? ', ...' : ''})`
        : ''
    }`,
    `sources whose page prints no date (cited beside dated ones): ${r.undatedSources}`,
    `facts without a source: ${r.unsourced.length}${r.unsourced.length ? ` (${r.unsourced.join(', ')})` : ''}`,
    `company files not yet checked against their sources by someone other than their writer: ${r.unchecked.length}${r.unchecked.length ? ` (${r.unchecked.join(', ')})` : ''}`,
  ].join('\n');
}
