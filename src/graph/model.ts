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

/** How a practice lets a person exercise a right. */
export const RIGHT_STATUSES = [
  'AVAILABLE',
  'PAID_ONLY',
  'UNAVAILABLE',
  'NOT_APPLICABLE',
  'UNKNOWN',
] as const;
export type RightStatus = (typeof RIGHT_STATUSES)[number];

/** Whether the processing happens when the user does nothing. */
export const PROCESSING_DEFAULTS = ['ON', 'OFF', 'NEVER'] as const;
export type ProcessingDefault = (typeof PROCESSING_DEFAULTS)[number];

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

export const BILLING_PERIODS = ['MONTH', 'YEAR', 'USAGE', 'ONE_OFF'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export const INCIDENT_KINDS = [
  'COMPLAINT',
  'INVESTIGATION',
  'DECISION',
  'FINE',
  'COURT_RULING',
  'POLICY_CHANGE',
  'COMPANY_STATEMENT',
  'ORDER',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATUSES = [
  'FILED',
  'OPEN',
  'CLOSED',
  'DECIDED',
  'APPEALED',
  'ANNULLED',
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
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How precisely a source's date is known; the stored date is the first day of that period. */
export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Whether a source backs a statement or contradicts it: disputed claims keep both sides. */
export const EVIDENCE_STANCES = ['SUPPORTS', 'DISPUTES'] as const;
export type EvidenceStance = (typeof EVIDENCE_STANCES)[number];

/** How well the curators could check a statement (from the reference facts' status). */
export const VERIFICATION_LEVELS = ['VERIFIED', 'SECONDARY', 'UNVERIFIED'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];
