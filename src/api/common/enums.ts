/**
 * The domain's closed sets as GraphQL enums, built from the one list in src/graph/model.
 */
import { registerEnumType } from 'type-graphql';
import {
  AUTHORITY_KINDS,
  BILLING_PERIODS,
  DATE_PRECISIONS,
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
    PORTABILITY: {
      description:
        "Art. 20: to receive one's data in a portable format (processing on consent or contract).",
    },
    OBJECT: {
      description:
        'Art. 21: to object to processing based on public interest or legitimate interest (Art. 6(1)(e) or (f)).',
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
  description:
    'How a person can exercise a right on a plan. "On request" and "paid only" are different claims under different provisions (Art. 12(2), 21(4)-(5) versus Art. 12(5)).',
  valuesConfig: {
    IN_PRODUCT: {
      description:
        'By themselves in the product or account (a setting, an export or delete button), at no cost.',
    },
    ON_REQUEST: {
      description:
        'Only by asking: e-mail, web form, privacy request portal, support (for a complaint: the supervisory authority), at no cost.',
    },
    PAID_ONLY: { description: 'Only by paying, e.g. by moving to a paid plan.' },
    UNAVAILABLE: { description: 'The sources say there is no way to exercise it.' },
    NOT_APPLICABLE: {
      description:
        'Nothing to act on: the processing does not happen, or the law does not give this right for its legal basis.',
    },
    UNKNOWN: { description: 'No source says.' },
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

export const ScopeEnum = enumObject(SCOPES);
registerEnumType(ScopeEnum, {
  name: 'Scope',
  description: 'Where a statement applies.',
  valuesConfig: {
    EEA: { description: 'The European Economic Area (the GDPR).' },
    UK: { description: 'The United Kingdom (UK GDPR).' },
    CH: { description: 'Switzerland.' },
    US: { description: 'The United States.' },
    WORLDWIDE: { description: 'Everywhere the product is offered; includes every other scope.' },
  },
});

export const PlanTierEnum = enumObject(PLAN_TIERS);
registerEnumType(PlanTierEnum, {
  name: 'PlanTier',
  description: 'The kind of plan (tier) of a product.',
});

export const PAID_BASES = ['STATED', 'PRICE', 'TIER'] as const;
export type PaidBasis = (typeof PAID_BASES)[number];
export const PaidBasisEnum = enumObject(PAID_BASES);
registerEnumType(PaidBasisEnum, {
  name: 'PaidBasis',
  description: 'What says whether a plan costs money.',
  valuesConfig: {
    STATED: { description: 'A source says so.' },
    PRICE: { description: 'Its prices: paid when one is above zero.' },
    TIER: { description: 'Its tier (no price is known; an unknown price is not "free").' },
  },
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
  valuesConfig: {
    GUIDANCE: {
      description: 'Guidance or recommendations of an authority; usually aimed at no company.',
    },
    OPINION: { description: 'An opinion, e.g. of the EDPB under Art. 64 GDPR.' },
    LETTER: { description: 'A letter or formal request of an authority.' },
    UNDERTAKING: { description: 'A commitment a company gave an authority or court.' },
    APPEAL: { description: 'A challenge of a decision before a court.' },
    LAWSUIT: { description: 'A civil action before a court.' },
  },
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

export const AuthorityKindEnum = enumObject(AUTHORITY_KINDS);
registerEnumType(AuthorityKindEnum, {
  name: 'AuthorityKind',
  description: 'What kind of body an authority is.',
});

export const RegulationKindEnum = enumObject(REGULATION_KINDS);
registerEnumType(RegulationKindEnum, {
  name: 'RegulationKind',
  description: 'What kind of law a regulation is.',
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

export const EvidenceClaimEnum = enumObject(EVIDENCE_CLAIMS);
registerEnumType(EvidenceClaimEnum, {
  name: 'EvidenceClaim',
  description:
    'Which part of a statement a source backs or contradicts: the whole statement, or one claim of it.',
});

export const ACTOR_KINDS = ['COMPANY', 'PARTY', 'AUTHORITY'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const ActorKindEnum = enumObject(ACTOR_KINDS);
registerEnumType(ActorKindEnum, {
  name: 'ActorKind',
  description: 'Whose claim a source carries: a company, a party or an authority.',
});

export const VerificationEnum = enumObject(VERIFICATION_LEVELS);
registerEnumType(VerificationEnum, {
  name: 'Verification',
  description: 'How well the curators could check a statement.',
  valuesConfig: {
    VERIFIED: {
      description:
        "Read in the provider's, authority's or court's own text, or in two independent reports.",
    },
    SECONDARY: { description: "Only one third-party summary, or the curators' reading, says so." },
    UNVERIFIED: { description: 'Not confirmed by any source read.' },
  },
});
