/**
 * How each bundle section maps onto the graph: its label, the properties it stores, and the
 * references it makes (the relationships it owns, and ids it only checks). Validation
 * (reference checks) and ingestion (writes) both read this table, so a new relationship is
 * declared once.
 */
import type { Bundle, BundleSection, EvidenceDef, PlanEntry, PracticeEntry } from './bundle.schema';
import { provisionRef } from './citation';
import { type EvidenceClaim, type NodeLabel, TIER_PAID } from './model';
import { firstDay, lastDay, precisionOf } from './partial-date';

type Entry<S extends BundleSection> = Bundle[S][number];

/** One reference of an entry to another node, with the place it sits at, for messages. */
export interface Reference {
  to: string;
  path: string;
  /** Properties of the relationship it becomes. */
  props?: Record<string, unknown>;
}

/** A reference an entity makes to other nodes by id (or, for rights, by code). */
export interface ReferenceSpec<E> {
  /** The relationship type it becomes; none for a reference kept as a property (claimedBy). */
  type?: string;
  /** The labels the referenced node may have. */
  targets: readonly NodeLabel[];
  /** The target property the reference names; `id` unless stated. */
  targetKey?: 'id' | 'code';
  /** Where in the entry the reference sits, for error messages. */
  field: string;
  /**
   * Relationship properties that tell two references to the same node apart: one source may
   * support a statement and, for another claim or claimant, dispute it. Without them, one
   * relationship per target.
   */
  identity?: readonly string[];
  refs(entry: E): Reference[];
}

export interface SectionSpec<S extends BundleSection> {
  section: S;
  label: NodeLabel;
  /** Properties stored on the node; dates as YYYY-MM-DD strings, converted on writing. */
  props(entry: Entry<S>): Record<string, unknown>;
  /** The keys of `props` that hold calendar dates. */
  dates: readonly string[];
  references: readonly ReferenceSpec<Entry<S>>[];
}

const list = (field: string, ids: readonly string[]): Reference[] =>
  ids.map((to, i) => ({ to, path: `${field}[${i}]` }));
const one = (field: string, id: string | undefined): Reference[] =>
  id === undefined ? [] : [{ to: id, path: field }];

/** The full form of a piece of evidence: a plain id supports the whole statement. */
export function evidenceOf(e: EvidenceDef): Exclude<EvidenceDef, string> {
  return typeof e === 'string' ? { source: e, stance: 'SUPPORTS', claim: 'WHOLE' } : e;
}

/**
 * The ids of the sources a statement cites in its support (not those that dispute it), or
 * only those backing one of `claims` when given.
 */
export function supportingSources(
  sources: readonly EvidenceDef[],
  claims?: readonly EvidenceClaim[],
): string[] {
  return sources
    .map(evidenceOf)
    .filter((e) => e.stance === 'SUPPORTS' && (claims === undefined || claims.includes(e.claim)))
    .map((e) => e.source);
}

/**
 * The start a plan or practice gives itself: its launch or first day in force, else the earliest
 * date a source shows it (attestedFrom). Without one, its earliest dated source backing the
 * statement itself dates it (START_CLAIMS; ingest.store.ts derives the same in the graph).
 */
export function statedStart(e: {
  launched?: string;
  validFrom?: string;
  attestedFrom?: string;
}): string | undefined {
  return e.launched ?? e.validFrom ?? e.attestedFrom;
}

/** Every entity's `sources`, as EVIDENCED_BY relationships carrying stance and claim. */
function evidence<E extends { sources: EvidenceDef[] }>(): ReferenceSpec<E> {
  return {
    type: 'EVIDENCED_BY',
    targets: ['Source'],
    field: 'sources',
    identity: ['stance', 'claim', 'right', 'alternative', 'claimedBy'],
    refs: (e) =>
      e.sources.map((s, i) => {
        const full = evidenceOf(s);
        return {
          to: full.source,
          path: typeof s === 'string' ? `sources[${i}]` : `sources[${i}].source`,
          props: {
            stance: full.stance,
            claim: full.claim,
            right: full.right ?? null,
            alternative: full.alternative ?? null,
            claimedBy: full.claimedBy ?? null,
            quote: full.quote ?? null,
            note: full.note ?? null,
          },
        };
      }),
  };
}

/** Whose claim a source carries: checked to exist, kept on the evidence relationship. */
function claimants<E extends { sources: EvidenceDef[] }>(): ReferenceSpec<E> {
  return {
    targets: ['Company', 'Party', 'Authority'],
    field: 'sources.claimedBy',
    refs: (e) =>
      e.sources.flatMap((s, i) => {
        const by = typeof s === 'string' ? undefined : s.claimedBy;
        return by === undefined ? [] : [{ to: by, path: `sources[${i}].claimedBy` }];
      }),
  };
}

const sourced = <E extends { sources: EvidenceDef[] }>(): ReferenceSpec<E>[] => [
  evidence<E>(),
  claimants<E>(),
];

/** A partial date as stored: its first day, its precision, and its last day. */
function partial(name: string, value: string | undefined): Record<string, unknown> {
  return {
    [name]: value === undefined ? null : firstDay(value),
    [`${name}Precision`]: value === undefined ? null : precisionOf(value),
    [`${name}Latest`]: value === undefined ? null : lastDay(value),
  };
}
const partialDates = (...names: string[]): string[] => names.flatMap((n) => [n, `${n}Latest`]);

/** A practice's plans, whichever way the entry names them. */
export function plansOf(e: PracticeEntry): string[] {
  return e.plans ?? (e.plan === undefined ? [] : [e.plan]);
}

/** A plan's prices, whichever way the entry gives them. */
export function pricesOf(e: PlanEntry): PlanEntry['prices'] {
  return e.prices.length > 0 ? e.prices : e.price ? [e.price] : [];
}

/**
 * Whether a plan costs money: as a source states it, else from its prices, else from its tier
 * (an unknown price on a paid tier is paid, not free), else unknown.
 */
export function paidOf(e: PlanEntry): { paid: boolean | null; basis: string | null } {
  if (e.paid !== undefined) return { paid: e.paid, basis: 'STATED' };
  const prices = pricesOf(e);
  if (prices.length > 0) return { paid: prices.some((p) => p.amount > 0), basis: 'PRICE' };
  const byTier = TIER_PAID[e.tier];
  return byTier === null ? { paid: null, basis: null } : { paid: byTier, basis: 'TIER' };
}

function spec<S extends BundleSection>(s: SectionSpec<S>): SectionSpec<S> {
  return s;
}

export const SECTIONS = [
  spec({
    section: 'sources',
    label: 'Source',
    dates: partialDates('publishedAt'),
    props: (e) => ({
      url: e.url,
      publisher: e.publisher,
      title: e.title,
      ...partial('publishedAt', e.publishedAt),
      kind: e.kind,
      language: e.language ?? null,
      note: e.note ?? null,
    }),
    references: [],
  }),
  spec({
    section: 'regulations',
    label: 'Regulation',
    dates: [],
    props: (e) => ({
      name: e.name,
      shortName: e.shortName,
      kind: e.kind,
      jurisdiction: e.jurisdiction,
      celex: e.celex ?? null,
      url: e.url ?? null,
    }),
    references: sourced(),
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
    references: [
      {
        type: 'PART_OF',
        targets: ['Provision'],
        field: 'partOf',
        refs: (e) => one('partOf', e.partOf),
      },
      {
        type: 'PART_OF',
        targets: ['Regulation'],
        field: 'regulation',
        refs: (e) => (e.partOf === undefined ? one('regulation', e.regulation) : []),
      },
      {
        // Checked even when the provision is part of another: its citation names the regulation.
        targets: ['Regulation'],
        field: 'regulation',
        refs: (e) => (e.partOf === undefined ? [] : one('regulation', e.regulation)),
      },
      {
        type: 'COVERS',
        targets: ['Right'],
        targetKey: 'code',
        field: 'covers',
        refs: (e) => list('covers', e.covers),
      },
      ...sourced(),
    ],
  }),
  spec({
    section: 'rights',
    label: 'Right',
    dates: [],
    props: (e) => ({ code: e.code, name: e.name, summary: e.summary, dpv: e.dpv ?? null }),
    references: [
      {
        type: 'GRANTED_BY',
        targets: ['Provision'],
        field: 'grantedBy',
        refs: (e) => list('grantedBy', e.grantedBy),
      },
      ...sourced(),
    ],
  }),
  spec({
    section: 'legalBases',
    label: 'LegalBasis',
    dates: [],
    props: (e) => ({ name: e.name, summary: e.summary, dpv: e.dpv ?? null }),
    references: [
      {
        type: 'DEFINED_BY',
        targets: ['Provision'],
        field: 'definedBy',
        refs: (e) => one('definedBy', e.definedBy),
      },
      {
        type: 'TRIGGERS',
        targets: ['Right'],
        targetKey: 'code',
        field: 'triggers',
        refs: (e) => list('triggers', e.triggers),
      },
      ...sourced(),
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
      euEstablishmentName: e.euEstablishment?.name ?? null,
      euEstablishmentCountry: e.euEstablishment?.country ?? null,
      euEstablishmentNote: e.euEstablishment?.note ?? null,
      summary: e.summary ?? null,
    }),
    references: [
      {
        type: 'SUBSIDIARY_OF',
        targets: ['Company'],
        field: 'parent',
        refs: (e) => one('parent', e.parent),
      },
      ...sourced(),
    ],
  }),
  spec({
    section: 'products',
    label: 'Product',
    dates: [],
    props: (e) => ({ name: e.name, summary: e.summary ?? null }),
    references: [
      {
        type: 'OFFERED_BY',
        targets: ['Company'],
        field: 'company',
        refs: (e) => one('company', e.company),
      },
      ...sourced(),
    ],
  }),
  spec({
    section: 'plans',
    label: 'Plan',
    dates: partialDates('announced', 'launched', 'withdrawn', 'attestedFrom'),
    props: (e) => {
      const prices = pricesOf(e);
      const { paid, basis } = paidOf(e);
      return {
        name: e.name,
        tier: e.tier,
        paid,
        paidBasis: basis,
        // Neo4j keeps no list of maps: one list per price field, in the same order.
        priceAmounts: prices.map((p) => p.amount),
        priceCurrencies: prices.map((p) => p.currency),
        pricePeriods: prices.map((p) => p.period),
        priceNotes: prices.map((p) => p.note ?? ''),
        ...partial('announced', e.announced),
        ...partial('launched', e.launched),
        ...partial('withdrawn', e.withdrawn),
        ...partial('attestedFrom', e.attestedFrom),
        neverLaunched: e.neverLaunched,
        summary: e.summary ?? null,
      };
    },
    references: [
      {
        type: 'OF',
        targets: ['Product'],
        field: 'product',
        refs: (e) => one('product', e.product),
      },
      ...sourced(),
    ],
  }),
  spec({
    section: 'purposes',
    label: 'Purpose',
    dates: [],
    props: (e) => ({ name: e.name, summary: e.summary ?? null, dpv: e.dpv ?? null }),
    references: sourced(),
  }),
  spec({
    section: 'dataCategories',
    label: 'DataCategory',
    dates: [],
    props: (e) => ({ name: e.name, summary: e.summary ?? null, dpv: e.dpv ?? null }),
    references: sourced(),
  }),
  spec({
    section: 'practices',
    label: 'Practice',
    dates: partialDates('validFrom', 'validTo', 'attestedFrom'),
    props: (e) => ({
      default: e.default,
      scope: e.scope,
      ...partial('validFrom', e.validFrom),
      ...partial('validTo', e.validTo),
      ...partial('attestedFrom', e.attestedFrom),
      verification: e.verification,
      summary: e.summary,
    }),
    references: [
      {
        type: 'APPLIES_TO',
        targets: ['Plan'],
        field: 'plans',
        refs: (e) => (e.plans ? list('plans', e.plans) : one('plan', e.plan)),
      },
      {
        type: 'FOR_PURPOSE',
        targets: ['Purpose'],
        field: 'purpose',
        refs: (e) => one('purpose', e.purpose),
      },
      {
        type: 'PROCESSES',
        targets: ['DataCategory'],
        field: 'dataCategories',
        refs: (e) => list('dataCategories', e.dataCategories),
      },
      {
        type: 'ON_BASIS',
        targets: ['LegalBasis'],
        field: 'legalBasis',
        refs: (e) => one('legalBasis', e.legalBasis),
      },
      {
        type: 'HANDLES',
        targets: ['Right'],
        targetKey: 'code',
        field: 'rights',
        refs: (e) =>
          e.rights.map((r, i) => ({
            to: r.right,
            path: `rights[${i}].right`,
            props: {
              status: r.status,
              mechanism: r.mechanism ?? null,
              note: r.note ?? null,
              grounds: r.grounds,
              exceptions: r.exceptions,
            },
          })),
      },
      {
        targets: ['Provision'],
        field: 'rights.grounds',
        refs: (e) =>
          e.rights.flatMap((r, i) => [
            ...list(`rights[${i}].grounds`, r.grounds),
            ...list(`rights[${i}].exceptions`, r.exceptions),
          ]),
      },
      {
        type: 'REPLACES',
        targets: ['Practice'],
        field: 'replaces',
        refs: (e) => one('replaces', e.replaces),
      },
      ...sourced(),
    ],
  }),
  spec({
    section: 'authorities',
    label: 'Authority',
    dates: [],
    props: (e) => ({
      name: e.name,
      kind: e.kind ?? null,
      country: e.country,
      website: e.website ?? null,
    }),
    references: sourced(),
  }),
  spec({
    section: 'parties',
    label: 'Party',
    dates: [],
    props: (e) => ({ name: e.name, kind: e.kind, summary: e.summary ?? null }),
    references: sourced(),
  }),
  spec({
    section: 'incidents',
    label: 'Incident',
    dates: [...partialDates('date'), 'historyDates'],
    props: (e) => ({
      kind: e.kind,
      title: e.title,
      ...partial('date', e.date),
      status: e.status ?? e.statusHistory[e.statusHistory.length - 1]?.status ?? 'UNKNOWN',
      // The status history as parallel lists (Neo4j keeps no list of maps), oldest first.
      historyStatuses: e.statusHistory.map((h) => h.status),
      historyDates: e.statusHistory.map((h) => firstDay(h.date)),
      historyPrecisions: e.statusHistory.map((h) => precisionOf(h.date)),
      historyNotes: e.statusHistory.map((h) => h.note ?? ''),
      historySources: e.statusHistory.map((h) => h.source ?? ''),
      caseNumber: e.caseNumber ?? null,
      outcome: e.outcome ?? null,
      amount: e.amount?.value ?? null,
      currency: e.amount?.currency ?? null,
      verification: e.verification,
      summary: e.summary,
    }),
    references: [
      {
        type: 'AGAINST',
        targets: ['Company'],
        field: 'against',
        refs: (e) => list('against', e.against),
      },
      {
        type: 'AGAINST',
        targets: ['Authority'],
        field: 'againstAuthorities',
        refs: (e) => list('againstAuthorities', e.againstAuthorities),
      },
      {
        type: 'BEFORE',
        targets: ['Authority'],
        field: 'before',
        refs: (e) => one('before', e.before),
      },
      {
        type: 'BROUGHT_BY',
        targets: ['Party'],
        field: 'broughtBy',
        refs: (e) => list('broughtBy', e.broughtBy),
      },
      {
        type: 'CITES',
        targets: ['Provision'],
        field: 'cites',
        refs: (e) => list('cites', e.cites),
      },
      {
        type: 'CONCERNS',
        targets: ['Plan'],
        field: 'concernsPlans',
        refs: (e) => list('concernsPlans', e.concernsPlans),
      },
      {
        type: 'CONCERNS',
        targets: ['Practice'],
        field: 'concernsPractices',
        refs: (e) => list('concernsPractices', e.concernsPractices),
      },
      {
        targets: ['Source'],
        field: 'statusHistory.source',
        refs: (e) =>
          e.statusHistory.flatMap((h, i) =>
            h.source === undefined ? [] : [{ to: h.source, path: `statusHistory[${i}].source` }],
          ),
      },
      ...sourced(),
    ],
  }),
] as const;

export type AnySectionSpec = (typeof SECTIONS)[number];

/** The relationship types ingestion owns; only these are replaced when an entity changes. */
export const OWNED_RELATIONSHIP_TYPES = [
  ...new Set(
    SECTIONS.flatMap((s) =>
      (s.references as readonly ReferenceSpec<never>[]).flatMap((r) => (r.type ? [r.type] : [])),
    ),
  ),
];
