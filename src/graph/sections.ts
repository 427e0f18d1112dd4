/**
 * How each bundle section maps onto the graph: its label, the properties it stores,
 * and the relationships it owns. Validation (reference checks) and ingestion (writes)
 * both read this table, so a new relationship is declared once.
 */
import type { Bundle, EvidenceDef } from './bundle.schema';
import type { NodeLabel } from './model';

type Entry<S extends keyof Bundle> = Bundle[S][number];

/** A relationship an entity owns, pointing at another node by id (or, for rights, by code). */
export interface RelationSpec<E> {
  type: string;
  target: NodeLabel;
  /** The target property the reference names; `id` unless stated. */
  targetKey?: 'id' | 'code';
  /** Where in the entry the reference sits, for error messages. */
  field: string;
  refs(entry: E): { to: string; path: string; props?: Record<string, unknown> }[];
}

export interface SectionSpec<S extends keyof Bundle> {
  section: S;
  label: NodeLabel;
  /** Properties stored on the node. Date-valued keys are listed in `dates`. */
  props(entry: Entry<S>): Record<string, unknown>;
  dates: string[];
  relations: RelationSpec<Entry<S>>[];
}

const list = (field: string, ids: readonly string[]) =>
  ids.map((to, i) => ({ to, path: `${field}[${i}]` }));
const one = (field: string, id: string | undefined) =>
  id === undefined ? [] : [{ to: id, path: field }];

/** Every entity's `sources`, as EVIDENCED_BY relationships carrying the stance. */
function evidence<E extends { sources: EvidenceDef[] }>(): RelationSpec<E> {
  return {
    type: 'EVIDENCED_BY',
    target: 'Source',
    field: 'sources',
    refs: (e) =>
      e.sources.map((s, i) =>
        typeof s === 'string'
          ? { to: s, path: `sources[${i}]`, props: { stance: 'SUPPORTS', quote: null, note: null } }
          : {
              to: s.source,
              path: `sources[${i}].source`,
              props: { stance: s.stance, quote: s.quote ?? null, note: s.note ?? null },
            },
      ),
  };
}

function spec<S extends keyof Bundle>(s: SectionSpec<S>): SectionSpec<S> {
  return s;
}

export const SECTIONS = [
  spec({
    section: 'sources',
    label: 'Source',
    dates: ['publishedAt'],
    props: (e) => ({
      url: e.url,
      publisher: e.publisher,
      title: e.title,
      publishedAt: padDate(e.publishedAt),
      publishedAtPrecision:
        e.publishedAt.length === 10 ? 'DAY' : e.publishedAt.length === 7 ? 'MONTH' : 'YEAR',
      kind: e.kind,
      language: e.language ?? null,
      note: e.note ?? null,
    }),
    relations: [],
  }),
  spec({
    section: 'regulations',
    label: 'Regulation',
    dates: [],
    props: (e) => ({
      name: e.name,
      shortName: e.shortName,
      celex: e.celex ?? null,
      url: e.url ?? null,
    }),
    relations: [evidence()],
  }),
  spec({
    section: 'provisions',
    label: 'Provision',
    dates: [],
    props: (e) => ({
      regulation: e.regulation,
      article: e.article,
      paragraph: e.paragraph ?? null,
      point: e.point ?? null,
      ref: provisionRef(e.article, e.paragraph, e.point),
      title: e.title,
      summary: e.summary,
    }),
    relations: [
      {
        type: 'PART_OF',
        target: 'Provision',
        field: 'partOf',
        refs: (e) => one('partOf', e.partOf),
      },
      {
        type: 'PART_OF',
        target: 'Regulation',
        field: 'regulation',
        refs: (e) => (e.partOf === undefined ? one('regulation', e.regulation) : []),
      },
      evidence(),
    ],
  }),
  spec({
    section: 'rights',
    label: 'Right',
    dates: [],
    props: (e) => ({ code: e.code, name: e.name, summary: e.summary, dpv: e.dpv ?? null }),
    relations: [
      {
        type: 'GRANTED_BY',
        target: 'Provision',
        field: 'grantedBy',
        refs: (e) => list('grantedBy', e.grantedBy),
      },
      evidence(),
    ],
  }),
  spec({
    section: 'legalBases',
    label: 'LegalBasis',
    dates: [],
    props: (e) => ({ name: e.name, summary: e.summary, dpv: e.dpv ?? null }),
    relations: [
      {
        type: 'DEFINED_BY',
        target: 'Provision',
        field: 'definedBy',
        refs: (e) => one('definedBy', e.definedBy),
      },
      {
        type: 'TRIGGERS',
        target: 'Right',
        targetKey: 'code',
        field: 'triggers',
        refs: (e) => list('triggers', e.triggers),
      },
      evidence(),
    ],
  }),
  spec({
    section: 'companies',
    label: 'Company',
    dates: [],
    props: (e) => ({
      name: e.name,
      country: e.country,
      website: e.website ?? null,
      summary: e.summary ?? null,
    }),
    relations: [evidence()],
  }),
  spec({
    section: 'products',
    label: 'Product',
    dates: [],
    props: (e) => ({ name: e.name, summary: e.summary ?? null }),
    relations: [
      {
        type: 'OFFERED_BY',
        target: 'Company',
        field: 'company',
        refs: (e) => one('company', e.company),
      },
      evidence(),
    ],
  }),
  spec({
    section: 'plans',
    label: 'Plan',
    dates: [],
    props: (e) => ({
      name: e.name,
      tier: e.tier,
      priceAmount: e.price?.amount ?? null,
      priceCurrency: e.price?.currency ?? null,
      pricePeriod: e.price?.period ?? null,
      priceNote: e.price?.note ?? null,
      // A plan is free when it states no price or a price of zero.
      paid: (e.price?.amount ?? 0) > 0,
      summary: e.summary ?? null,
    }),
    relations: [
      { type: 'OF', target: 'Product', field: 'product', refs: (e) => one('product', e.product) },
      evidence(),
    ],
  }),
  spec({
    section: 'purposes',
    label: 'Purpose',
    dates: [],
    props: (e) => ({ name: e.name, summary: e.summary ?? null, dpv: e.dpv ?? null }),
    relations: [evidence()],
  }),
  spec({
    section: 'dataCategories',
    label: 'DataCategory',
    dates: [],
    props: (e) => ({ name: e.name, summary: e.summary ?? null, dpv: e.dpv ?? null }),
    relations: [evidence()],
  }),
  spec({
    section: 'practices',
    label: 'Practice',
    dates: ['validFrom', 'validTo'],
    props: (e) => ({
      default: e.default,
      validFrom: e.validFrom ?? null,
      validTo: e.validTo ?? null,
      verification: e.verification,
      summary: e.summary,
    }),
    relations: [
      { type: 'APPLIES_TO', target: 'Plan', field: 'plan', refs: (e) => one('plan', e.plan) },
      {
        type: 'FOR_PURPOSE',
        target: 'Purpose',
        field: 'purpose',
        refs: (e) => one('purpose', e.purpose),
      },
      {
        type: 'PROCESSES',
        target: 'DataCategory',
        field: 'dataCategories',
        refs: (e) => list('dataCategories', e.dataCategories),
      },
      {
        type: 'ON_BASIS',
        target: 'LegalBasis',
        field: 'legalBasis',
        refs: (e) => one('legalBasis', e.legalBasis),
      },
      {
        type: 'HANDLES',
        target: 'Right',
        targetKey: 'code',
        field: 'rights',
        refs: (e) =>
          e.rights.map((r, i) => ({
            to: r.right,
            path: `rights[${i}].right`,
            props: { status: r.status, mechanism: r.mechanism ?? null, note: r.note ?? null },
          })),
      },
      {
        type: 'REPLACES',
        target: 'Practice',
        field: 'replaces',
        refs: (e) => one('replaces', e.replaces),
      },
      evidence(),
    ],
  }),
  spec({
    section: 'authorities',
    label: 'Authority',
    dates: [],
    props: (e) => ({ name: e.name, country: e.country, website: e.website ?? null }),
    relations: [evidence()],
  }),
  spec({
    section: 'parties',
    label: 'Party',
    dates: [],
    props: (e) => ({ name: e.name, kind: e.kind, summary: e.summary ?? null }),
    relations: [evidence()],
  }),
  spec({
    section: 'incidents',
    label: 'Incident',
    dates: ['date'],
    props: (e) => ({
      kind: e.kind,
      title: e.title,
      date: e.date,
      status: e.status,
      amount: e.amount?.value ?? null,
      currency: e.amount?.currency ?? null,
      verification: e.verification,
      summary: e.summary,
    }),
    relations: [
      {
        type: 'AGAINST',
        target: 'Company',
        field: 'against',
        refs: (e) => list('against', e.against),
      },
      {
        type: 'BEFORE',
        target: 'Authority',
        field: 'before',
        refs: (e) => one('before', e.before),
      },
      {
        type: 'BROUGHT_BY',
        target: 'Party',
        field: 'broughtBy',
        refs: (e) => list('broughtBy', e.broughtBy),
      },
      { type: 'CITES', target: 'Provision', field: 'cites', refs: (e) => list('cites', e.cites) },
      {
        type: 'CONCERNS',
        target: 'Plan',
        field: 'concernsPlans',
        refs: (e) => list('concernsPlans', e.concernsPlans),
      },
      {
        type: 'CONCERNS',
        target: 'Practice',
        field: 'concernsPractices',
        refs: (e) => list('concernsPractices', e.concernsPractices),
      },
      evidence(),
    ],
  }),
] as const;

export type AnySectionSpec = (typeof SECTIONS)[number];

/** The relationship types ingestion owns; only these are replaced when an entity changes. */
export const OWNED_RELATIONSHIP_TYPES = [
  ...new Set(
    SECTIONS.flatMap((s) => (s.relations as readonly RelationSpec<never>[]).map((r) => r.type)),
  ),
];

/** "Art. 6(1)(f)" from its parts. */
export function provisionRef(article: number, paragraph?: number, point?: string): string {
  return `Art. ${article}${paragraph === undefined ? '' : `(${paragraph})`}${point === undefined ? '' : `(${point})`}`;
}

function padDate(partial: string): string {
  return partial.length === 4
    ? `${partial}-01-01`
    : partial.length === 7
      ? `${partial}-01`
      : partial;
}
