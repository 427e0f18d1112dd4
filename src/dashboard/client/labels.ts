/**
 * Words for the API's enums. Each table is a Record over the generated enum type, so a value
 * the schema adds or renames fails the build here until it has words.
 */
import type {
  FindingKind,
  GdprRight,
  IncidentKind,
  PlanTier,
  ProcessingDefault,
  RightStatus,
  TimelineEntryKind,
} from './gql/graphql.js';

export interface StatusLabel {
  /** The accessible text shown in the cell: never colour alone. */
  text: string;
  /** A shape that tells the statuses apart in greyscale too. */
  symbol: string;
  description: string;
}

export const STATUS: Record<RightStatus, StatusLabel> = {
  AVAILABLE: {
    text: 'available',
    symbol: '✓',
    description: 'The right can be exercised at no cost.',
  },
  PAID_ONLY: {
    text: 'paid only',
    symbol: '€',
    description: 'The right can be exercised only on paying.',
  },
  UNAVAILABLE: {
    text: 'unavailable',
    symbol: '✕',
    description: 'There is no way to exercise the right.',
  },
  NOT_APPLICABLE: {
    text: 'not applicable',
    symbol: '–',
    description: 'The processing does not happen, so the right has nothing to act on.',
  },
  UNKNOWN: { text: 'unknown', symbol: '?', description: 'The sources do not say.' },
};

export const STATUS_ORDER: RightStatus[] = [
  'AVAILABLE',
  'PAID_ONLY',
  'UNAVAILABLE',
  'NOT_APPLICABLE',
  'UNKNOWN',
];

export const RIGHT: Record<GdprRight, { name: string; article: string }> = {
  ACCESS: { name: 'Access', article: 'Art. 15' },
  RECTIFICATION: { name: 'Rectification', article: 'Art. 16' },
  ERASURE: { name: 'Erasure', article: 'Art. 17' },
  RESTRICTION: { name: 'Restriction', article: 'Art. 18' },
  PORTABILITY: { name: 'Portability', article: 'Art. 20' },
  OBJECT: { name: 'Object', article: 'Art. 21' },
  AUTOMATED_DECISION: { name: 'Automated decisions', article: 'Art. 22' },
  WITHDRAW_CONSENT: { name: 'Withdraw consent', article: 'Art. 7(3)' },
  LODGE_COMPLAINT: { name: 'Complain', article: 'Art. 77' },
};

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

export const DEFAULT: Record<ProcessingDefault, string> = {
  ON: 'on by default (opt-out)',
  OFF: 'off by default (opt-in)',
  NEVER: 'never processed for this purpose',
};

export const FINDING_KIND: Record<FindingKind, string> = {
  NO_WAY_TO_OBJECT: 'No way to object',
  RIGHT_CONDITIONED_ON_PAYMENT: 'Right conditioned on payment',
  TRAINING_ON_BY_DEFAULT: 'Training on by default',
};

export const INCIDENT_KIND: Record<IncidentKind, string> = {
  COMPANY_STATEMENT: 'Company statement',
  COMPLAINT: 'Complaint',
  COURT_RULING: 'Court ruling',
  DECISION: 'Decision',
  FINE: 'Fine',
  INVESTIGATION: 'Investigation',
  ORDER: 'Order',
  POLICY_CHANGE: 'Policy change',
};

export const TIMELINE_KIND: Record<TimelineEntryKind, string> = {
  INCIDENT: 'Incident',
  PRACTICE_CHANGED: 'Practice changed',
  PRACTICE_ENDED: 'Practice ended',
  PRACTICE_STARTED: 'Practice started',
};
