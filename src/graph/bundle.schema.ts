/**
 * The bundle format: what a seed file (YAML) or an ingestBundle mutation carries.
 * Entities refer to each other by id; a bundle may refer to ids already in the graph.
 * This is the single definition: seeds/bundle.schema.json is emitted from it.
 */
import { z } from 'zod';
import { provisionIdFromRef } from './citation';
import {
  AUTHORITY_KINDS,
  BILLING_PERIODS,
  EVIDENCE_CLAIMS,
  EVIDENCE_STANCES,
  GDPR_RIGHTS,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  PARTY_KINDS,
  PLAN_TIERS,
  PROCESSING_DEFAULTS,
  REGULATION_KINDS,
  RIGHT_STATUSES,
  SCOPES,
  SOURCE_KINDS,
  VERIFICATION_LEVELS,
} from './model';
import { isRealPartialDate, PARTIAL_DATE_PATTERN } from './partial-date';

const ID_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

export const Id = z
  .string()
  .max(128)
  .regex(
    ID_PATTERN,
    'an id is lowercase letters and digits joined by "-" or "." (e.g. "le-chat-free")',
  );

/**
 * How well the curators could check a practice or incident: always stated. A missing level
 * was once taken as VERIFIED, which said more than the sources of some statements did.
 */
const Verification = z.enum(VERIFICATION_LEVELS, {
  error: (issue) =>
    issue.input === undefined
      ? `required: state how well the sources were checked (${VERIFICATION_LEVELS.join(', ')}); no level is assumed`
      : undefined,
});

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
  .refine(isRealPartialDate, 'not a real calendar date');

/** A date known to the day, the month or the year: 2025-02-13, 2025-02 or 2025. */
export const PartialDate = z
  .string()
  .regex(PARTIAL_DATE_PATTERN, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealPartialDate, 'not a real calendar date');

const Url = z
  .string()
  .max(2048)
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'expected an http(s) URL');

const DpvIri = Url.describe(
  'W3C Data Privacy Vocabulary IRI, e.g. https://w3id.org/dpv#RightToObject',
);

const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code (EU for the Union)');

/**
 * A provision named by id ("gdpr-12-5") or by citation ("Art. 12(5)", "DMA Art. 5(2)");
 * either way it becomes the id.
 */
export const ProvisionRef = z.string().transform((value, ctx) => {
  if (ID_PATTERN.test(value) && !/\s/.test(value)) return value;
  const id = provisionIdFromRef(value);
  if (id) return id;
  ctx.addIssue({
    code: 'custom',
    message: `"${value.slice(0, 80)}" is not a provision id or citation, e.g. "gdpr-12-5", "Art. 12(5)" or "DMA Art. 5(2)"`,
  });
  return z.NEVER;
});

/**
 * A piece of evidence: a source id, or a source with its stance, the claim it backs or
 * contradicts, whose claim it carries, and an optional short quote. A plain id means the source
 * supports the whole statement.
 */
export const Evidence = z.union([
  Id,
  z
    .object({
      source: Id,
      stance: z.enum(EVIDENCE_STANCES).default('SUPPORTS'),
      /** Which part of the statement: the whole (default), or one claim of it. */
      claim: z.enum(EVIDENCE_CLAIMS).default('WHOLE'),
      /** With claim RIGHT: which right's status. */
      right: z.enum(GDPR_RIGHTS).optional(),
      /** For a dispute: what the source claims instead (a status, a date, a short phrase). */
      alternative: text(300).optional(),
      /** Whose claim the source carries: a company, party or authority id. */
      claimedBy: Id.optional(),
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
    /**
     * When it was published, as precisely as the page prints it. Left out when the page prints
     * no date: a date a curator guesses says more than the source. An undated source is cited
     * beside a dated one, never alone (validate.ts).
     */
    publishedAt: PartialDate.optional(),
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
    /** How people cite it: "GDPR", "DMA", "AI Act". */
    shortName: text(50),
    kind: z.enum(REGULATION_KINDS).default('EU_REGULATION'),
    /** EU, or the country of a national law. */
    jurisdiction: CountryCode.default('EU'),
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
    /** The rights this provision's rule applies to (Art. 12(5): the rights of Arts. 15 to 22). */
    covers: z.array(z.enum(GDPR_RIGHTS)).default([]),
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
    country: CountryCode,
    website: Url.optional(),
    /** The company it belongs to (LinkedIn: Microsoft). */
    parent: Id.optional(),
    /** The establishment in the EEA that acts as controller, as its EEA policy names it. */
    euEstablishment: z
      .object({ name: text(300), country: CountryCode, note: text(1000).optional() })
      .strict()
      .optional(),
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

export const PriceDef = z
  .object({
    amount: z.number().min(0).max(1_000_000),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code'),
    period: z.enum(BILLING_PERIODS),
    note: text(500).optional(),
  })
  .strict();

export const PlanDef = z
  .object({
    id: Id,
    name: text(200),
    product: Id,
    tier: z.enum(PLAN_TIERS),
    /** Whether it costs money, when a source says; otherwise it follows from prices or tier. */
    paid: z.boolean().optional(),
    /** Every price the sources give; none when no source gives one (not "free"). */
    prices: z.array(PriceDef).default([]),
    /** The one price of the format's first version; give `prices` instead. */
    price: PriceDef.optional(),
    announced: PartialDate.optional(),
    launched: PartialDate.optional(),
    withdrawn: PartialDate.optional(),
    /** Announced, then never offered. */
    neverLaunched: z.boolean().default(false),
    /** When the launch is unknown: the earliest date a source shows the plan offered. */
    attestedFrom: PartialDate.optional(),
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
    /** Provisions that give the right here (erasure: the Art. 17(1) ground). */
    grounds: z.array(ProvisionRef).default([]),
    /** Provisions the company relies on to refuse or limit it (erasure: Art. 17(3)). */
    exceptions: z.array(ProvisionRef).default([]),
  })
  .strict();

export const PracticeDef = z
  .object({
    id: Id,
    /** The plans the statement covers. */
    plans: z.array(Id).min(1).optional(),
    /** One plan: the format's first version; same as `plans: [id]`. */
    plan: Id.optional(),
    purpose: Id,
    /** Where the statement applies: EEA, UK, CH, US or WORLDWIDE. */
    scope: z.array(z.enum(SCOPES)).min(1, 'say where the practice applies, e.g. [EEA]'),
    dataCategories: z.array(Id).min(1),
    legalBasis: Id.optional(),
    /** ON: processed unless the user acts; OFF: only if the user opts in; NEVER: not processed. */
    default: z.enum(PROCESSING_DEFAULTS),
    /** First day in force (inclusive). Omit when unknown: see attestedFrom. */
    validFrom: PartialDate.optional(),
    /** First day no longer in force (exclusive). Omit while in force. */
    validTo: PartialDate.optional(),
    /** When the start is unknown: the earliest date a source shows the practice in force. */
    attestedFrom: PartialDate.optional(),
    /** The practice this one succeeds; ingestion closes it at this one's validFrom. */
    replaces: Id.optional(),
    rights: z.array(RightHandlingDef).default([]),
    verification: Verification,
    summary: text(2000),
    ...sourced,
  })
  .strict();

export const AuthorityDef = z
  .object({
    id: Id,
    name: text(200),
    kind: z.enum(AUTHORITY_KINDS).optional(),
    country: CountryCode,
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

export const StatusChangeDef = z
  .object({
    status: z.enum(INCIDENT_STATUSES),
    date: PartialDate,
    note: text(1000).optional(),
    /** The source that dates this change. */
    source: Id.optional(),
  })
  .strict();

export const IncidentDef = z
  .object({
    id: Id,
    kind: z.enum(INCIDENT_KINDS),
    title: text(300),
    date: PartialDate,
    /** The latest known status; the last entry of statusHistory when omitted. */
    status: z.enum(INCIDENT_STATUSES).optional(),
    statusHistory: z.array(StatusChangeDef).default([]),
    /** The companies it is aimed at; none for guidance and opinions. */
    against: z.array(Id).default([]),
    /** Authorities it is aimed at (an appeal against a decision). */
    againstAuthorities: z.array(Id).default([]),
    before: Id.optional(),
    broughtBy: z.array(Id).default([]),
    cites: z.array(ProvisionRef).default([]),
    concernsPlans: z.array(Id).default([]),
    concernsPractices: z.array(Id).default([]),
    caseNumber: text(200).optional(),
    outcome: text(2000).optional(),
    amount: z
      .object({ value: z.number().min(0), currency: z.string().regex(/^[A-Z]{3}$/) })
      .strict()
      .optional(),
    verification: Verification,
    summary: text(2000),
    ...sourced,
  })
  .strict();

/** Who wrote a file and who read it again against its sources. Not written to the graph. */
export const ReviewDef = z
  .object({
    writtenBy: text(200),
    writtenOn: IsoDate,
    checkedBy: text(200).nullable().optional(),
    checkedOn: IsoDate.nullable().optional(),
    notes: text(4000).nullable().optional(),
  })
  .strict();

/** The sections of a bundle, each a list of definitions of one label. */
export const BundleSchema = z
  .object({
    review: ReviewDef.optional(),
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
export type BundleSection = Exclude<keyof Bundle, 'review'>;
export type EvidenceDef = z.output<typeof Evidence>;
export type SourceEntry = z.output<typeof SourceDef>;
export type PlanEntry = z.output<typeof PlanDef>;
export type PracticeEntry = z.output<typeof PracticeDef>;
export type IncidentEntry = z.output<typeof IncidentDef>;
