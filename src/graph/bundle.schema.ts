/**
 * The bundle format: what a seed file (YAML) or an ingestBundle mutation carries.
 * Entities refer to each other by id; a bundle may refer to ids already in the graph.
 * This is the single definition: seeds/bundle.schema.json is emitted from it.
 */
import { z } from 'zod';
import {
  BILLING_PERIODS,
  EVIDENCE_STANCES,
  GDPR_RIGHTS,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  PARTY_KINDS,
  PLAN_TIERS,
  PROCESSING_DEFAULTS,
  RIGHT_STATUSES,
  SOURCE_KINDS,
  VERIFICATION_LEVELS,
} from './model';

const ID_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

export const Id = z
  .string()
  .max(128)
  .regex(
    ID_PATTERN,
    'an id is lowercase letters and digits joined by "-" or "." (e.g. "le-chat-free")',
  );

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // Control characters have no place in curated text and break exports.
    .refine(
      // eslint-disable-next-line no-control-regex -- matching them is the point
      (s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s),
      'contains control characters',
    );

/** A calendar date, YYYY-MM-DD, checked to exist (no 2025-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealDate, 'not a real calendar date');

/** A date known to the day, the month or the year: 2025-02-13, 2025-02 or 2025. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(
    (s) => isRealDate(s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s),
    'not a real calendar date',
  );

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  if (y < 1900 || y > 2200) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const Url = z
  .string()
  .max(2048)
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'expected an http(s) URL');

const DpvIri = Url.describe(
  'W3C Data Privacy Vocabulary IRI, e.g. https://w3id.org/dpv#RightToObject',
);

/**
 * A piece of evidence: a source id, or a source with its stance and an optional short quote.
 * A plain id means the source supports the statement.
 */
export const Evidence = z.union([
  Id,
  z
    .object({
      source: Id,
      stance: z.enum(EVIDENCE_STANCES).default('SUPPORTS'),
      quote: text(1000).optional(),
      note: text(2000).optional(),
    })
    .strict(),
]);

const sourced = { sources: z.array(Evidence).min(1, 'every statement needs at least one source') };

export const SourceDef = z
  .object({
    id: Id,
    url: Url,
    publisher: text(200),
    title: text(500),
    publishedAt: PartialDate,
    kind: z.enum(SOURCE_KINDS),
    language: z
      .string()
      .regex(/^[a-z]{2}$/)
      .optional(),
    note: text(2000).optional(),
  })
  .strict();

export const RegulationDef = z
  .object({
    id: Id,
    name: text(300),
    shortName: text(50),
    celex: text(30).optional(),
    url: Url.optional(),
    ...sourced,
  })
  .strict();

export const ProvisionDef = z
  .object({
    id: Id,
    regulation: Id,
    article: z.number().int().min(1).max(999),
    paragraph: z.number().int().min(1).max(99).optional(),
    point: z
      .string()
      .regex(/^[a-z]{1,3}$/)
      .optional(),
    /** The enclosing provision (Art. 21(1) is part of Art. 21); the regulation when omitted. */
    partOf: Id.optional(),
    title: text(300),
    summary: text(2000),
    ...sourced,
  })
  .strict();

export const RightDef = z
  .object({
    id: Id,
    code: z.enum(GDPR_RIGHTS),
    name: text(200),
    summary: text(2000),
    dpv: DpvIri.optional(),
    grantedBy: z.array(Id).min(1),
    ...sourced,
  })
  .strict();

export const LegalBasisDef = z
  .object({
    id: Id,
    name: text(200),
    summary: text(2000),
    dpv: DpvIri.optional(),
    definedBy: Id,
    /** The rights this basis opens: legitimate interest opens the right to object. */
    triggers: z.array(z.enum(GDPR_RIGHTS)).default([]),
    ...sourced,
  })
  .strict();

export const CompanyDef = z
  .object({
    id: Id,
    name: text(200),
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code'),
    website: Url.optional(),
    summary: text(2000).optional(),
    ...sourced,
  })
  .strict();

export const ProductDef = z
  .object({
    id: Id,
    name: text(200),
    company: Id,
    summary: text(2000).optional(),
    ...sourced,
  })
  .strict();

export const PlanDef = z
  .object({
    id: Id,
    name: text(200),
    product: Id,
    tier: z.enum(PLAN_TIERS),
    price: z
      .object({
        amount: z.number().min(0).max(1_000_000),
        currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code'),
        period: z.enum(BILLING_PERIODS),
        note: text(500).optional(),
      })
      .strict()
      .optional(),
    summary: text(2000).optional(),
    ...sourced,
  })
  .strict();

export const PurposeDef = z
  .object({
    id: Id,
    name: text(200),
    summary: text(2000).optional(),
    dpv: DpvIri.optional(),
    ...sourced,
  })
  .strict();

export const DataCategoryDef = z
  .object({
    id: Id,
    name: text(200),
    summary: text(2000).optional(),
    dpv: DpvIri.optional(),
    ...sourced,
  })
  .strict();

export const RightHandlingDef = z
  .object({
    right: z.enum(GDPR_RIGHTS),
    status: z.enum(RIGHT_STATUSES),
    mechanism: text(500).optional(),
    note: text(2000).optional(),
  })
  .strict();

export const PracticeDef = z
  .object({
    id: Id,
    plan: Id,
    purpose: Id,
    dataCategories: z.array(Id).min(1),
    legalBasis: Id.optional(),
    /** ON: processed unless the user acts; OFF: only if the user opts in; NEVER: not processed. */
    default: z.enum(PROCESSING_DEFAULTS),
    /** Open start: true since before the sources say. */
    validFrom: IsoDate.optional(),
    /** Open end: still true as far as the sources say. */
    validTo: IsoDate.optional(),
    /** The practice this one succeeds; ingestion closes it at this one's validFrom. */
    replaces: Id.optional(),
    rights: z.array(RightHandlingDef).default([]),
    verification: z.enum(VERIFICATION_LEVELS).default('VERIFIED'),
    summary: text(2000),
    ...sourced,
  })
  .strict();

export const AuthorityDef = z
  .object({
    id: Id,
    name: text(200),
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code'),
    website: Url.optional(),
    ...sourced,
  })
  .strict();

export const PartyDef = z
  .object({
    id: Id,
    name: text(200),
    kind: z.enum(PARTY_KINDS),
    summary: text(2000).optional(),
    ...sourced,
  })
  .strict();

export const IncidentDef = z
  .object({
    id: Id,
    kind: z.enum(INCIDENT_KINDS),
    title: text(300),
    date: IsoDate,
    status: z.enum(INCIDENT_STATUSES).default('UNKNOWN'),
    against: z.array(Id).min(1),
    before: Id.optional(),
    broughtBy: z.array(Id).default([]),
    cites: z.array(Id).default([]),
    concernsPlans: z.array(Id).default([]),
    concernsPractices: z.array(Id).default([]),
    amount: z
      .object({ value: z.number().min(0), currency: z.string().regex(/^[A-Z]{3}$/) })
      .strict()
      .optional(),
    verification: z.enum(VERIFICATION_LEVELS).default('VERIFIED'),
    summary: text(2000),
    ...sourced,
  })
  .strict();

/** The sections of a bundle, each a list of definitions of one label. */
export const BundleSchema = z
  .object({
    sources: z.array(SourceDef).default([]),
    regulations: z.array(RegulationDef).default([]),
    provisions: z.array(ProvisionDef).default([]),
    rights: z.array(RightDef).default([]),
    legalBases: z.array(LegalBasisDef).default([]),
    companies: z.array(CompanyDef).default([]),
    products: z.array(ProductDef).default([]),
    plans: z.array(PlanDef).default([]),
    purposes: z.array(PurposeDef).default([]),
    dataCategories: z.array(DataCategoryDef).default([]),
    practices: z.array(PracticeDef).default([]),
    authorities: z.array(AuthorityDef).default([]),
    parties: z.array(PartyDef).default([]),
    incidents: z.array(IncidentDef).default([]),
  })
  .strict();

export type Bundle = z.output<typeof BundleSchema>;
export type BundleInput = z.input<typeof BundleSchema>;
export type EvidenceDef = z.output<typeof Evidence>;
export type SourceEntry = z.output<typeof SourceDef>;
export type PracticeEntry = z.output<typeof PracticeDef>;
export type IncidentEntry = z.output<typeof IncidentDef>;
export type BundleSection = keyof Bundle;
