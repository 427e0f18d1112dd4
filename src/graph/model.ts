/**
 * The domain vocabulary: node labels and the closed sets of values the graph accepts.
 * Every enum is a const tuple so that zod, type-graphql and Cypher share one list.
 */

export const NODE_LABELS = [
  'Source',
  'Regulation',
  'Provision',
  'Right',
  'LegalBasis',
  'Company',
  'Product',
  'Plan',
  'Purpose',
  'DataCategory',
  'Practice',
  'Authority',
  'Party',
  'Incident',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The rights named by GDPR Chapter III and Arts. 7(3), 77, as the API spells them. */
export const GDPR_RIGHTS = [
  'ACCESS',
  'RECTIFICATION',
  'ERASURE',
  'RESTRICTION',
  'PORTABILITY',
  'OBJECT',
  'AUTOMATED_DECISION',
  'WITHDRAW_CONSENT',
  'LODGE_COMPLAINT',
] as const;
export type GdprRight = (typeof GDPR_RIGHTS)[number];

/**
 * How a person can exercise a right. "On request only" and "paid only" are different claims
 * under different provisions (Art. 12(2) and 21(4)-(5) versus Art. 12(5)), so they stay apart.
 */
export const RIGHT_STATUSES = [
  'IN_PRODUCT',
  'ON_REQUEST',
  'PAID_ONLY',
  'UNAVAILABLE',
  'NOT_APPLICABLE',
  'UNKNOWN',
] as const;
export type RightStatus = (typeof RIGHT_STATUSES)[number];

/** The statuses under which a person can exercise a right at no cost. */
export const GRANTING_STATUSES: readonly RightStatus[] = ['IN_PRODUCT', 'ON_REQUEST'];
/** The statuses under which a right is withheld. */
export const WITHHOLDING_STATUSES: readonly RightStatus[] = ['PAID_ONLY', 'UNAVAILABLE'];

/** Whether the processing happens when the user does nothing. */
export const PROCESSING_DEFAULTS = ['ON', 'OFF', 'NEVER'] as const;
export type ProcessingDefault = (typeof PROCESSING_DEFAULTS)[number];

/** Where a statement applies. GDPR questions default to the EEA. */
export const SCOPES = ['EEA', 'UK', 'CH', 'US', 'WORLDWIDE'] as const;
export type Scope = (typeof SCOPES)[number];

export const PLAN_TIERS = [
  'FREE',
  'PLUS',
  'PRO',
  'TEAM',
  'ENTERPRISE',
  'EDUCATION',
  'API',
  'OTHER',
] as const;
export type PlanTier = (typeof PLAN_TIERS)[number];

/**
 * Whether a plan of a tier costs money when no source says: free tiers do not, paid tiers do,
 * and for education and other plans the tier tells nothing (null: unknown).
 */
export const TIER_PAID: Record<PlanTier, boolean | null> = {
  FREE: false,
  PLUS: true,
  PRO: true,
  TEAM: true,
  ENTERPRISE: true,
  EDUCATION: null,
  API: true,
  OTHER: null,
};

export const BILLING_PERIODS = ['MONTH', 'YEAR', 'USAGE', 'ONE_OFF'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export const INCIDENT_KINDS = [
  'COMPLAINT',
  'INVESTIGATION',
  'DECISION',
  'FINE',
  'ORDER',
  'COURT_RULING',
  'APPEAL',
  'LAWSUIT',
  'GUIDANCE',
  'OPINION',
  'LETTER',
  'UNDERTAKING',
  'POLICY_CHANGE',
  'COMPANY_STATEMENT',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATUSES = [
  'FILED',
  'OPEN',
  'CLOSED',
  'DECIDED',
  'APPEALED',
  'SUSPENDED',
  'UPHELD',
  'ANNULLED',
  'WITHDRAWN',
  'SETTLED',
  'ANNOUNCED',
  'UNKNOWN',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const PARTY_KINDS = [
  'INDIVIDUAL',
  'LAWYER',
  'NGO',
  'CONSUMER_GROUP',
  'COMPANY',
  'OTHER',
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const AUTHORITY_KINDS = [
  'DATA_PROTECTION_AUTHORITY',
  'COURT',
  'EU_BODY',
  'CONSUMER_AUTHORITY',
  'COMPETITION_AUTHORITY',
  'GOVERNMENT',
  'OTHER',
] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export const REGULATION_KINDS = ['EU_REGULATION', 'EU_DIRECTIVE', 'NATIONAL_LAW', 'OTHER'] as const;
export type RegulationKind = (typeof REGULATION_KINDS)[number];

export const SOURCE_KINDS = [
  'LEGAL_TEXT',
  'POLICY',
  'HELP_PAGE',
  'COMPANY_STATEMENT',
  'REGULATOR',
  'COURT',
  'NEWS',
  'ANALYSIS',
  'COMPLAINT',
  'NGO',
  'ACADEMIC',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How precisely a date is known. */
export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Whether a source backs a statement or contradicts it: disputed claims keep both sides. */
export const EVIDENCE_STANCES = ['SUPPORTS', 'DISPUTES'] as const;
export type EvidenceStance = (typeof EVIDENCE_STANCES)[number];

/**
 * Which part of a statement a source backs or contradicts: the whole statement, or one claim
 * of it (a practice's start, default, legal basis, a right's status; an incident's date...).
 */
export const EVIDENCE_CLAIMS = [
  'WHOLE',
  'VALID_FROM',
  'VALID_TO',
  'DEFAULT',
  'LEGAL_BASIS',
  'RIGHT',
  'SCOPE',
  'DATA_CATEGORIES',
  'PRICE',
  'LAUNCHED',
  'DATE',
  'STATUS',
  'AMOUNT',
  'OUTCOME',
] as const;
export type EvidenceClaim = (typeof EVIDENCE_CLAIMS)[number];

/** The claims a practice's rules rest on, besides the whole statement. */
export const PRACTICE_CLAIMS: readonly EvidenceClaim[] = [
  'WHOLE',
  'VALID_FROM',
  'VALID_TO',
  'DEFAULT',
  'LEGAL_BASIS',
  'RIGHT',
  'SCOPE',
  'DATA_CATEGORIES',
];

/**
 * The claims whose source shows the statement itself as it stood on the source's date, and so
 * may date its start when the statement gives none: the whole, a plan's price or launch, a
 * practice's start, default, scope or data. Not a right, a legal basis or an end: a privacy
 * policy's erasure section can predate a training practice by years, and an end is news after it.
 */
export const START_CLAIMS = {
  Plan: ['WHOLE', 'PRICE', 'LAUNCHED'],
  Practice: ['WHOLE', 'VALID_FROM', 'DEFAULT', 'SCOPE', 'DATA_CATEGORIES'],
} as const satisfies Record<'Plan' | 'Practice', readonly EvidenceClaim[]>;

/** How well the curators could check a statement. */
export const VERIFICATION_LEVELS = ['VERIFIED', 'SECONDARY', 'UNVERIFIED'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];
