/**
 * The domain's closed sets as GraphQL enums, built from the one list in src/graph/model.
 */
import { registerEnumType } from 'type-graphql';
import {
  BILLING_PERIODS,
  DATE_PRECISIONS,
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
} from '../../graph/model';

function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const GdprRightEnum = enumObject(GDPR_RIGHTS);
registerEnumType(GdprRightEnum, {
  name: 'GdprRight',
  description: 'A data subject right under the GDPR.',
  valuesConfig: {
    ACCESS: { description: "Art. 15: to obtain a copy of one's data." },
    RECTIFICATION: { description: 'Art. 16: to have inaccurate data corrected.' },
    ERASURE: { description: 'Art. 17: to have data erased ("right to be forgotten").' },
    RESTRICTION: { description: 'Art. 18: to restrict processing.' },
    PORTABILITY: { description: "Art. 20: to receive one's data in a portable format." },
    OBJECT: {
      description: 'Art. 21: to object to processing based on legitimate or public interest.',
    },
    AUTOMATED_DECISION: {
      description: 'Art. 22: not to be subject to solely automated decisions.',
    },
    WITHDRAW_CONSENT: { description: 'Art. 7(3): to withdraw consent at any time.' },
    LODGE_COMPLAINT: { description: 'Art. 77: to complain to a supervisory authority.' },
  },
});

export const RightStatusEnum = enumObject(RIGHT_STATUSES);
registerEnumType(RightStatusEnum, {
  name: 'RightStatus',
  description: 'How a plan lets a person exercise a right.',
  valuesConfig: {
    AVAILABLE: { description: 'The right can be exercised at no cost.' },
    PAID_ONLY: { description: 'The right can be exercised only on paying.' },
    UNAVAILABLE: { description: 'There is no way to exercise the right.' },
    NOT_APPLICABLE: {
      description: 'The processing does not happen, so the right has nothing to act on.',
    },
    UNKNOWN: { description: 'The sources do not say.' },
  },
});

export const ProcessingDefaultEnum = enumObject(PROCESSING_DEFAULTS);
registerEnumType(ProcessingDefaultEnum, {
  name: 'ProcessingDefault',
  description: 'Whether the processing happens when the user does nothing.',
  valuesConfig: {
    ON: { description: 'Processed unless the user acts (opt-out).' },
    OFF: { description: 'Processed only if the user opts in.' },
    NEVER: { description: 'Not processed for this purpose.' },
  },
});

export const PlanTierEnum = enumObject(PLAN_TIERS);
registerEnumType(PlanTierEnum, {
  name: 'PlanTier',
  description: 'The kind of plan (tier) of a product.',
});

export const BillingPeriodEnum = enumObject(BILLING_PERIODS);
registerEnumType(BillingPeriodEnum, {
  name: 'BillingPeriod',
  description: 'What a price is paid for.',
});

export const IncidentKindEnum = enumObject(INCIDENT_KINDS);
registerEnumType(IncidentKindEnum, {
  name: 'IncidentKind',
  description: 'What kind of event an incident is.',
});

export const IncidentStatusEnum = enumObject(INCIDENT_STATUSES);
registerEnumType(IncidentStatusEnum, {
  name: 'IncidentStatus',
  description: 'Where an incident stands.',
});

export const PartyKindEnum = enumObject(PARTY_KINDS);
registerEnumType(PartyKindEnum, {
  name: 'PartyKind',
  description: 'Who brought a complaint or case.',
});

export const SourceKindEnum = enumObject(SOURCE_KINDS);
registerEnumType(SourceKindEnum, {
  name: 'SourceKind',
  description: 'What kind of document a source is.',
});

export const DatePrecisionEnum = enumObject(DATE_PRECISIONS);
registerEnumType(DatePrecisionEnum, {
  name: 'DatePrecision',
  description: 'How precisely a date is known.',
});

export const EvidenceStanceEnum = enumObject(EVIDENCE_STANCES);
registerEnumType(EvidenceStanceEnum, {
  name: 'EvidenceStance',
  description: 'Whether a source backs a statement or contradicts it.',
});

export const VerificationEnum = enumObject(VERIFICATION_LEVELS);
registerEnumType(VerificationEnum, {
  name: 'Verification',
  description: 'How well the curators could check a statement.',
  valuesConfig: {
    VERIFIED: {
      description:
        "Read in the provider's, authority's or court's own text, or in consistent reports.",
    },
    SECONDARY: { description: 'Only third-party summaries say so.' },
    UNVERIFIED: { description: 'Not confirmed by any source read.' },
  },
});
