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
  valuesConfig: {
    FREE: {
      description:
        'A free tier, e.g. Le Chat Free; unpaid unless a source or its prices say otherwise.',
    },
    PLUS: {
      description:
        'An individual paid subscription, e.g. ChatGPT Plus; paid unless a source or its prices say otherwise.',
    },
    PRO: {
      description:
        'A higher individual subscription, e.g. Claude Pro; paid unless a source or its prices say otherwise.',
    },
    TEAM: {
      description:
        'A plan for teams and businesses, e.g. Claude Team; paid unless a source or its prices say otherwise.',
    },
    ENTERPRISE: {
      description:
        'A plan for large organisations, e.g. ChatGPT Enterprise; paid unless a source or its prices say otherwise.',
    },
    EDUCATION: {
      description:
        'A plan for students, teachers or schools, e.g. ChatGPT Edu; the tier does not say whether it is paid.',
    },
    API: {
      description:
        "Developers' access through an API, e.g. the OpenAI API; paid unless a source or its prices say otherwise.",
    },
    OTHER: {
      description:
        'A plan that fits no other tier, e.g. an add-on; the tier does not say whether it is paid.',
    },
  },
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
  valuesConfig: {
    MONTH: { description: 'One month: the price per month, however it is billed.' },
    YEAR: { description: 'One year: the price per year.' },
    USAGE: {
      description:
        'A unit of use, e.g. a million tokens or a character; the price note says which.',
    },
    ONE_OFF: { description: 'Once: a single payment.' },
  },
});

export const IncidentKindEnum = enumObject(INCIDENT_KINDS);
registerEnumType(IncidentKindEnum, {
  name: 'IncidentKind',
  description: 'What kind of event an incident is.',
  valuesConfig: {
    COMPLAINT: {
      description:
        'A complaint to an authority, court or prosecutor, e.g. by noyb to a data protection authority.',
    },
    INVESTIGATION: { description: 'An inquiry or investigation by an authority or prosecutor.' },
    DECISION: {
      description: 'A decision of an authority, e.g. a reprimand or an EDPB binding decision.',
    },
    FINE: { description: 'A fine imposed by an authority; `amount` gives it when known.' },
    ORDER: { description: 'An order of an authority, e.g. to limit or stop processing.' },
    COURT_RULING: { description: 'A judgment or order of a court, e.g. a CJEU ruling.' },
    GUIDANCE: {
      description: 'Guidance or recommendations of an authority; usually aimed at no company.',
    },
    OPINION: { description: 'An opinion, e.g. of the EDPB under Art. 64 GDPR.' },
    LETTER: { description: 'A letter or formal request of an authority.' },
    UNDERTAKING: { description: 'A commitment a company gave an authority or court.' },
    APPEAL: { description: 'A challenge of a decision before a court.' },
    LAWSUIT: { description: 'A civil action before a court.' },
    POLICY_CHANGE: {
      description: "A change of a company's policy, terms or practice, as announced or reported.",
    },
    COMPANY_STATEMENT: {
      description:
        'A public statement of a company, e.g. disclosing a breach or denying a practice.',
    },
  },
});

export const IncidentStatusEnum = enumObject(INCIDENT_STATUSES);
registerEnumType(IncidentStatusEnum, {
  name: 'IncidentStatus',
  description: 'Where an incident stands.',
  valuesConfig: {
    FILED: {
      description: 'Filed or lodged (a complaint, a lawsuit, a letter); no later step known.',
    },
    OPEN: { description: 'Under way: an investigation or proceeding opened and not yet decided.' },
    CLOSED: {
      description:
        'Ended, e.g. closed without action, with commitments, or once an order was complied with.',
    },
    DECIDED: {
      description:
        'Decided or adopted: a decision, fine, order, ruling, opinion or guidance issued, or a change made.',
    },
    APPEALED: {
      description: 'Under appeal: challenged before a court, with no outcome known yet.',
    },
    SUSPENDED: {
      description:
        "Put on hold, e.g. a decision's enforcement suspended by a court, or a processing or change paused.",
    },
    UPHELD: { description: 'Upheld: a court confirmed the decision on appeal.' },
    ANNULLED: { description: 'Annulled: a court set the decision aside.' },
    WITHDRAWN: {
      description:
        'Withdrawn or dropped by whoever brought or announced it, e.g. a lawsuit or a policy change.',
    },
    SETTLED: {
      description: 'Settled by agreement, e.g. a class action or a case with an authority.',
    },
    ANNOUNCED: {
      description:
        'Made public: a policy change, statement, undertaking, guidance or opinion announced.',
    },
    UNKNOWN: { description: 'No source says where it stands.' },
  },
});

export const PartyKindEnum = enumObject(PARTY_KINDS);
registerEnumType(PartyKindEnum, {
  name: 'PartyKind',
  description: 'Who brought a complaint or case.',
  valuesConfig: {
    INDIVIDUAL: { description: 'A private person, e.g. a user who complained.' },
    LAWYER: { description: 'A lawyer, e.g. the one who complained to the CNIL about Le Chat.' },
    NGO: { description: 'A non-governmental organisation, e.g. noyb.' },
    CONSUMER_GROUP: {
      description: 'A consumer organisation, e.g. BEUC or Verbraucherzentrale NRW.',
    },
    COMPANY: { description: 'A company bringing a case, e.g. Reddit as a claimant.' },
    OTHER: { description: 'Any other party, e.g. a sports federation or a group of researchers.' },
  },
});

export const AuthorityKindEnum = enumObject(AUTHORITY_KINDS);
registerEnumType(AuthorityKindEnum, {
  name: 'AuthorityKind',
  description: 'What kind of body an authority is.',
  valuesConfig: {
    DATA_PROTECTION_AUTHORITY: {
      description: 'A data protection supervisory authority, e.g. the CNIL or the Irish DPC.',
    },
    COURT: { description: 'A court, e.g. the Court of Justice of the EU.' },
    EU_BODY: {
      description: 'A body of the EU, e.g. the EDPB, the EDPS or the European Commission.',
    },
    CONSUMER_AUTHORITY: { description: 'A consumer protection authority.' },
    COMPETITION_AUTHORITY: {
      description:
        "A competition authority, e.g. the AGCM (Italy's competition and consumer authority).",
    },
    GOVERNMENT: { description: 'A government or a government department.' },
    OTHER: { description: 'Another kind of body.' },
  },
});

export const RegulationKindEnum = enumObject(REGULATION_KINDS);
registerEnumType(RegulationKindEnum, {
  name: 'RegulationKind',
  description: 'What kind of law a regulation is.',
  valuesConfig: {
    EU_REGULATION: {
      description: 'An EU regulation, directly applicable, e.g. the GDPR or the DMA.',
    },
    EU_DIRECTIVE: {
      description: 'An EU directive, which member states transpose into national law.',
    },
    NATIONAL_LAW: { description: 'A law of one country; `jurisdiction` names it.' },
    OTHER: { description: 'Any other legal text.' },
  },
});

export const SourceKindEnum = enumObject(SOURCE_KINDS);
registerEnumType(SourceKindEnum, {
  name: 'SourceKind',
  description: 'What kind of document a source is.',
  valuesConfig: {
    LEGAL_TEXT: { description: 'The text of a law, e.g. the GDPR on EUR-Lex.' },
    POLICY: { description: "A company's privacy policy, terms or other policy, in one version." },
    HELP_PAGE: { description: "A company's help or support article." },
    COMPANY_STATEMENT: {
      description: "A company's own announcement, blog post or statement to the press.",
    },
    REGULATOR: {
      description: "An authority's publication: a decision, press release, guidance or report.",
    },
    COURT: { description: "A court's judgment or order, or a publication of it." },
    NEWS: { description: 'A news report.' },
    ANALYSIS: { description: 'An analysis or commentary, e.g. by a law firm or a policy tracker.' },
    COMPLAINT: { description: 'A complaint as filed with an authority or court.' },
    NGO: { description: 'A publication of an NGO or consumer organisation, e.g. noyb.' },
    ACADEMIC: { description: 'An academic or research publication, e.g. a study.' },
  },
});

export const DatePrecisionEnum = enumObject(DATE_PRECISIONS);
registerEnumType(DatePrecisionEnum, {
  name: 'DatePrecision',
  description: 'How precisely a date is known.',
  valuesConfig: {
    DAY: { description: 'Known to the day: YYYY-MM-DD.' },
    MONTH: { description: 'Known to the month: YYYY-MM.' },
    YEAR: { description: 'Known to the year: YYYY.' },
  },
});

export const EvidenceStanceEnum = enumObject(EVIDENCE_STANCES);
registerEnumType(EvidenceStanceEnum, {
  name: 'EvidenceStance',
  description: 'Whether a source backs a statement or contradicts it.',
  valuesConfig: {
    SUPPORTS: { description: 'The source backs the statement, or the claim named.' },
    DISPUTES: {
      description:
        'The source contradicts it; `alternative`, when given, says what it claims instead.',
    },
  },
});

export const EvidenceClaimEnum = enumObject(EVIDENCE_CLAIMS);
registerEnumType(EvidenceClaimEnum, {
  name: 'EvidenceClaim',
  description:
    'Which part of a statement a source backs or contradicts: the whole statement, or one claim of it.',
  valuesConfig: {
    WHOLE: { description: 'The whole statement (the default); it counts for every claim of it.' },
    VALID_FROM: { description: "A practice's start (`validFrom`)." },
    VALID_TO: { description: "A practice's end (`validTo`)." },
    DEFAULT: {
      description: "A practice's `default`: whether processing happens when the user does nothing.",
    },
    LEGAL_BASIS: { description: "A practice's `legalBasis`." },
    RIGHT: {
      description:
        "A practice's status for one right (how it can be exercised); `right` names which.",
    },
    SCOPE: { description: "A practice's `scope`: where it applies." },
    DATA_CATEGORIES: { description: "A practice's `dataCategories`." },
    PRICE: { description: "A plan's `prices`." },
    LAUNCHED: { description: "A plan's launch (`launched`)." },
    DATE: { description: "An incident's `date`." },
    STATUS: { description: "An incident's `status`." },
    AMOUNT: { description: "An incident's `amount`, e.g. a fine." },
    OUTCOME: { description: "An incident's `outcome`: what was decided or ordered." },
  },
});

export const ACTOR_KINDS = ['COMPANY', 'PARTY', 'AUTHORITY'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const ActorKindEnum = enumObject(ACTOR_KINDS);
registerEnumType(ActorKindEnum, {
  name: 'ActorKind',
  description: 'Whose claim a source carries: a company, a party or an authority.',
  valuesConfig: {
    COMPANY: { description: 'A company the graph tracks, e.g. Mistral AI.' },
    PARTY: { description: 'A party: a complainant or claimant, e.g. noyb.' },
    AUTHORITY: { description: 'An authority or court, e.g. the CNIL.' },
  },
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
