/**
 * Words for the API's enums. Each table is a Record over the generated enum type, so a value
 * the schema adds or renames fails the build here until it has words.
 */
import type {
  EntityChange,
  EvidenceClaim,
  FindingKind,
  FindingStanding,
  GdprRight,
  IncidentKind,
  PlanTier,
  ProcessingDefault,
  ProposalKind,
  ProposalStatus,
  RightStatus,
  Scope,
  TimelineEntryKind,
  Verification,
} from './gql/graphql.js';

export interface StatusLabel {
  /** The words shown in the cell: never colour alone. */
  text: string;
  description: string;
}

/** The schema's own definitions, shortened: "on request" and "paid only" are different claims. */
export const STATUS: Record<RightStatus, StatusLabel> = {
  IN_PRODUCT: {
    text: 'in product',
    description:
      'By themselves in the product or account (a setting, an export or delete button), at no cost.',
  },
  ON_REQUEST: {
    text: 'on request',
    description: 'Only by asking (e-mail, web form, privacy portal, support), at no cost.',
  },
  PAID_ONLY: {
    text: 'paid only',
    description: 'Only by paying, e.g. by moving to a paid plan.',
  },
  UNAVAILABLE: {
    text: 'unavailable',
    description: 'The sources say there is no way to exercise it.',
  },
  NOT_APPLICABLE: {
    text: 'not applicable',
    description:
      'Nothing to act on: the processing does not happen, or the law does not give this right for its legal basis.',
  },
  UNKNOWN: { text: 'unknown', description: 'No source says.' },
};

/** From the best for the person to the least known: the legend's order. */
export const STATUS_ORDER: RightStatus[] = [
  'IN_PRODUCT',
  'ON_REQUEST',
  'PAID_ONLY',
  'UNAVAILABLE',
  'NOT_APPLICABLE',
  'UNKNOWN',
];

export const isRightStatus = (value: string | null | undefined): value is RightStatus =>
  value !== null && value !== undefined && (STATUS_ORDER as string[]).includes(value);

/** `short` breaks long words with soft hyphens, for the matrix's narrow column headers. */
export const RIGHT: Record<GdprRight, { name: string; article: string; short?: string }> = {
  ACCESS: { name: 'Access', article: 'Art. 15' },
  RECTIFICATION: { name: 'Rectification', article: 'Art. 16', short: 'Rectifi\u00adcation' },
  ERASURE: { name: 'Erasure', article: 'Art. 17' },
  RESTRICTION: { name: 'Restriction', article: 'Art. 18' },
  PORTABILITY: { name: 'Portability', article: 'Art. 20', short: 'Porta\u00adbility' },
  OBJECT: { name: 'Object', article: 'Art. 21' },
  AUTOMATED_DECISION: { name: 'Automated decisions', article: 'Art. 22' },
  WITHDRAW_CONSENT: { name: 'Withdraw consent', article: 'Art. 7(3)' },
  LODGE_COMPLAINT: { name: 'Complain', article: 'Art. 77' },
};

/** The matrix's default columns, in the order of the articles. */
export const RIGHT_ORDER: GdprRight[] = [
  'ACCESS',
  'RECTIFICATION',
  'ERASURE',
  'RESTRICTION',
  'PORTABILITY',
  'OBJECT',
  'AUTOMATED_DECISION',
  'WITHDRAW_CONSENT',
  'LODGE_COMPLAINT',
];

/** "right to object (Art. 21)", for sentences and screen readers. */
export const rightPhrase = (code: GdprRight): string =>
  `right to ${RIGHT[code].name.toLowerCase()} (${RIGHT[code].article})`;

export const TIER: Record<PlanTier, string> = {
  FREE: 'Free',
  PLUS: 'Plus',
  PRO: 'Pro',
  TEAM: 'Team',
  ENTERPRISE: 'Enterprise',
  EDUCATION: 'Education',
  API: 'API',
  OTHER: 'Other',
};

export const TIER_ORDER: PlanTier[] = [
  'FREE',
  'PLUS',
  'PRO',
  'TEAM',
  'ENTERPRISE',
  'EDUCATION',
  'API',
  'OTHER',
];

export const SCOPE: Record<Scope, { name: string; phrase: string }> = {
  EEA: { name: 'EEA (GDPR)', phrase: 'in the EEA' },
  UK: { name: 'UK (UK GDPR)', phrase: 'in the United Kingdom' },
  CH: { name: 'Switzerland', phrase: 'in Switzerland' },
  US: { name: 'United States', phrase: 'in the United States' },
  WORLDWIDE: { name: 'Worldwide only', phrase: 'in worldwide statements only' },
};

export const SCOPE_ORDER: Scope[] = ['EEA', 'UK', 'CH', 'US', 'WORLDWIDE'];

export const DEFAULT: Record<ProcessingDefault, string> = {
  ON: 'on by default (opt-out)',
  OFF: 'off by default (opt-in)',
  NEVER: 'never processed for this purpose',
};

export const VERIFICATION: Record<Verification, string> = {
  VERIFIED: "verified in the provider's, authority's or court's own text, or in two reports",
  SECONDARY: "only one third-party summary, or the curators' reading",
  UNVERIFIED: 'not confirmed by any source read',
};

/** What a disputing source contradicts, as a noun for "Disputed: the ...". */
export const CLAIM: Record<EvidenceClaim, string> = {
  WHOLE: 'whole statement',
  AMOUNT: 'amount',
  DATA_CATEGORIES: 'data categories',
  DATE: 'date',
  DEFAULT: 'default',
  LAUNCHED: 'launch',
  LEGAL_BASIS: 'legal basis',
  OUTCOME: 'outcome',
  PRICE: 'price',
  RIGHT: 'status of the right',
  SCOPE: 'scope',
  STATUS: 'status',
  VALID_FROM: 'start',
  VALID_TO: 'end',
};

export const FINDING_KIND: Record<FindingKind, string> = {
  NO_WAY_TO_OBJECT: 'No way to object',
  RIGHT_CONDITIONED_ON_PAYMENT: 'Right conditioned on payment',
  RIGHT_ONLY_ON_REQUEST: 'Right only on request',
  TRAINING_ON_BY_DEFAULT: 'Training on by default',
};

export const STANDING: Record<FindingStanding, { text: string; description: string }> = {
  ESTABLISHED: {
    text: 'Established',
    description: 'Every fact it uses is verified and none is disputed.',
  },
  ALLEGED: {
    text: 'Alleged',
    description:
      "A fact it uses is disputed: it holds only on one side's account, which the explanation attributes.",
  },
  UNCONFIRMED: {
    text: 'Unconfirmed',
    description: 'No fact is disputed, but one rests only on secondary sources.',
  },
};

export const INCIDENT_KIND: Record<IncidentKind, string> = {
  APPEAL: 'Appeal',
  COMPANY_STATEMENT: 'Company statement',
  COMPLAINT: 'Complaint',
  COURT_RULING: 'Court ruling',
  DECISION: 'Decision',
  FINE: 'Fine',
  GUIDANCE: 'Guidance',
  INVESTIGATION: 'Investigation',
  LAWSUIT: 'Lawsuit',
  LETTER: 'Letter',
  OPINION: 'Opinion',
  ORDER: 'Order',
  POLICY_CHANGE: 'Policy change',
  UNDERTAKING: 'Undertaking',
};

export const TIMELINE_KIND: Record<TimelineEntryKind, string> = {
  INCIDENT: 'Incident',
  PRACTICE_CHANGED: 'Practice changed',
  PRACTICE_ENDED: 'Practice ended',
  PRACTICE_STARTED: 'Practice started',
};

/** The review page (review.ts): where a proposal stands, what it is, what it would do. */
export const PROPOSAL_STATUS: Record<ProposalStatus, string> = {
  PENDING: 'waiting for review',
  APPROVED: 'approved',
  REJECTED: 'rejected',
};

export const PROPOSAL_KIND: Record<ProposalKind, string> = {
  BUNDLE: 'bundle',
  PRACTICE: 'practice',
  INCIDENT: 'incident',
};

export const ENTITY_CHANGE: Record<EntityChange, string> = {
  CREATED: 'new',
  UPDATED: 'changed',
  UNCHANGED: 'unchanged',
};
