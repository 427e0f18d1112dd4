/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Whose claim a source carries: a company, a party or an authority. */
export type ActorKind =
  /** An authority or court, e.g. the CNIL. */
  | 'AUTHORITY'
  /** A company the graph tracks, e.g. Mistral AI. */
  | 'COMPANY'
  /** A party: a complainant or claimant, e.g. noyb. */
  | 'PARTY';

/** What a price is paid for. */
export type BillingPeriod =
  /** One month: the price per month, however it is billed. */
  | 'MONTH'
  /** Once: a single payment. */
  | 'ONE_OFF'
  /** A unit of use, e.g. a million tokens or a character; the price note says which. */
  | 'USAGE'
  /** One year: the price per year. */
  | 'YEAR';

/** What approving a proposal would do to one entity, against the graph as it is now. */
export type EntityChange =
  /** The graph has no entity with this id: it would be created. */
  | 'CREATED'
  /** The entity exists with the same content: nothing would change. */
  | 'UNCHANGED'
  /** The entity exists with other content: it would be updated. */
  | 'UPDATED';

/** Which part of a statement a source backs or contradicts: the whole statement, or one claim of it. */
export type EvidenceClaim =
  /** An incident's `amount`, e.g. a fine. */
  | 'AMOUNT'
  /** A practice's `dataCategories`. */
  | 'DATA_CATEGORIES'
  /** An incident's `date`. */
  | 'DATE'
  /** A practice's `default`: whether processing happens when the user does nothing. */
  | 'DEFAULT'
  /** A plan's launch (`launched`). */
  | 'LAUNCHED'
  /** A practice's `legalBasis`. */
  | 'LEGAL_BASIS'
  /** An incident's `outcome`: what was decided or ordered. */
  | 'OUTCOME'
  /** A plan's `prices`. */
  | 'PRICE'
  /** A practice's status for one right (how it can be exercised); `right` names which. */
  | 'RIGHT'
  /** A practice's `scope`: where it applies. */
  | 'SCOPE'
  /** An incident's `status`. */
  | 'STATUS'
  /** A practice's start (`validFrom`). */
  | 'VALID_FROM'
  /** A practice's end (`validTo`). */
  | 'VALID_TO'
  /** The whole statement (the default); it counts for every claim of it. */
  | 'WHOLE';

/** Whether a source backs a statement or contradicts it. */
export type EvidenceStance =
  /** The source contradicts it; `alternative`, when given, says what it claims instead. */
  | 'DISPUTES'
  /** The source backs the statement, or the claim named. */
  | 'SUPPORTS';

/** The rules that derive findings. */
export type FindingKind =
  /** Processing holds on the date with no way to object, on a legal basis that opens the right to object (legitimate interest or public interest, Art. 6(1)(e) or (f)) or on a basis the sources do not establish (which the finding says). Art. 21(1) GDPR gives that right. */
  | 'NO_WAY_TO_OBJECT'
  /** On one plan a right is withheld (only by paying, or not at all) while a paid plan of the same product grants it, for the same purpose, both on the date asked. Only for rights Art. 12(5) GDPR covers (Arts. 15 to 22), and, for a right that depends on the legal basis, when the basis opens it (or is not established, which the finding says). Art. 12(5) makes exercising these rights free of charge. */
  | 'RIGHT_CONDITIONED_ON_PAYMENT'
  /** On one plan a right can be exercised only on request (e-mail, form, support) while another plan of the same product offers it in the product, for the same purpose, on the date asked. Art. 12(2) GDPR requires the controller to facilitate the exercise of rights (on business plans the customer organisation may be the controller, the company its processor bound to assist it, Art. 28(3)(e)); for objection, Art. 21(4) and (5) add that it be brought to attention and can be exercised by automated means. Never a payment finding. */
  | 'RIGHT_ONLY_ON_REQUEST'
  /** User content trains AI models without the user acting (on by default rather than opt-in), on the date asked; the finding says how the sources let the user opt out, or that they do not say. What follows depends on the legal basis, which the finding names or says is not established: consent needs an affirmative act (Arts. 4(11) and 7); on legitimate interest, people must be able to object (Art. 21). */
  | 'TRAINING_ON_BY_DEFAULT';

/** How well the facts a finding rests on stand. */
export type FindingStanding =
  /** A fact it uses is disputed: the finding holds only on one side's account, which the explanation attributes, with the other side. */
  | 'ALLEGED'
  /** Every fact it uses is verified and none is disputed. */
  | 'ESTABLISHED'
  /** No fact is disputed, but one rests only on secondary sources. */
  | 'UNCONFIRMED';

/** A data subject right under the GDPR. */
export type GdprRight =
  /** Art. 15: to obtain a copy of one's data. */
  | 'ACCESS'
  /** Art. 22: not to be subject to solely automated decisions. */
  | 'AUTOMATED_DECISION'
  /** Art. 17: to have data erased ("right to be forgotten"). */
  | 'ERASURE'
  /** Art. 77: to complain to a supervisory authority. */
  | 'LODGE_COMPLAINT'
  /** Art. 21: to object to processing based on public interest or legitimate interest (Art. 6(1)(e) or (f)). */
  | 'OBJECT'
  /** Art. 20: to receive one's data in a portable format (processing on consent or contract). */
  | 'PORTABILITY'
  /** Art. 16: to have inaccurate data corrected. */
  | 'RECTIFICATION'
  /** Art. 18: to restrict processing. */
  | 'RESTRICTION'
  /** Art. 7(3): to withdraw consent at any time. */
  | 'WITHDRAW_CONSENT';

/** What kind of event an incident is. */
export type IncidentKind =
  /** A challenge of a decision before a court. */
  | 'APPEAL'
  /** A public statement of a company, e.g. disclosing a breach or denying a practice. */
  | 'COMPANY_STATEMENT'
  /** A complaint to an authority, court or prosecutor, e.g. by noyb to a data protection authority. */
  | 'COMPLAINT'
  /** A judgment or order of a court, e.g. a CJEU ruling. */
  | 'COURT_RULING'
  /** A decision of an authority, e.g. a reprimand or an EDPB binding decision. */
  | 'DECISION'
  /** A fine imposed by an authority; `amount` gives it when known. */
  | 'FINE'
  /** Guidance or recommendations of an authority; usually aimed at no company. */
  | 'GUIDANCE'
  /** An inquiry or investigation by an authority or prosecutor. */
  | 'INVESTIGATION'
  /** A civil action before a court. */
  | 'LAWSUIT'
  /** A letter or formal request of an authority. */
  | 'LETTER'
  /** An opinion, e.g. of the EDPB under Art. 64 GDPR. */
  | 'OPINION'
  /** An order of an authority, e.g. to limit or stop processing. */
  | 'ORDER'
  /** A change of a company's policy, terms or practice, as announced or reported. */
  | 'POLICY_CHANGE'
  /** A commitment a company gave an authority or court. */
  | 'UNDERTAKING';

/** Where an incident stands. */
export type IncidentStatus =
  /** Made public: a policy change, statement, undertaking, guidance or opinion announced. */
  | 'ANNOUNCED'
  /** Annulled: a court set the decision aside. */
  | 'ANNULLED'
  /** Under appeal: challenged before a court, with no outcome known yet. */
  | 'APPEALED'
  /** Ended, e.g. closed without action, with commitments, or once an order was complied with. */
  | 'CLOSED'
  /** Decided or adopted: a decision, fine, order, ruling, opinion or guidance issued, or a change made. */
  | 'DECIDED'
  /** Filed or lodged (a complaint, a lawsuit, a letter); no later step known. */
  | 'FILED'
  /** Under way: an investigation or proceeding opened and not yet decided. */
  | 'OPEN'
  /** Settled by agreement, e.g. a class action or a case with an authority. */
  | 'SETTLED'
  /** Put on hold, e.g. a decision's enforcement suspended by a court, or a processing or change paused. */
  | 'SUSPENDED'
  /** No source says where it stands. */
  | 'UNKNOWN'
  /** Upheld: a court confirmed the decision on appeal. */
  | 'UPHELD'
  /** Withdrawn or dropped by whoever brought or announced it, e.g. a lawsuit or a policy change. */
  | 'WITHDRAWN';

/** The kind of plan (tier) of a product. */
export type PlanTier =
  /** Developers' access through an API, e.g. the OpenAI API; paid unless a source or its prices say otherwise. */
  | 'API'
  /** A plan for students, teachers or schools, e.g. ChatGPT Edu; the tier does not say whether it is paid. */
  | 'EDUCATION'
  /** A plan for large organisations, e.g. ChatGPT Enterprise; paid unless a source or its prices say otherwise. */
  | 'ENTERPRISE'
  /** A free tier, e.g. Le Chat Free; unpaid unless a source or its prices say otherwise. */
  | 'FREE'
  /** A plan that fits no other tier, e.g. an add-on; the tier does not say whether it is paid. */
  | 'OTHER'
  /** An individual paid subscription, e.g. ChatGPT Plus; paid unless a source or its prices say otherwise. */
  | 'PLUS'
  /** A higher individual subscription, e.g. Claude Pro; paid unless a source or its prices say otherwise. */
  | 'PRO'
  /** A plan for teams and businesses, e.g. Claude Team; paid unless a source or its prices say otherwise. */
  | 'TEAM';

/** Whether the processing happens when the user does nothing. */
export type ProcessingDefault =
  /** Not processed for this purpose. */
  | 'NEVER'
  /** Processed only if the user opts in. */
  | 'OFF'
  /** Processed unless the user acts (opt-out). */
  | 'ON';

/** What was proposed; every proposal is stored, diffed and written as a bundle. */
export type ProposalKind =
  /** A bundle (proposeBundle), as ingestBundle takes it. */
  | 'BUNDLE'
  /** One incident (proposeIncident), as recordIncident takes it. */
  | 'INCIDENT'
  /** One practice (proposePractice), as recordPractice takes it. */
  | 'PRACTICE';

/** Where a proposal stands: waiting for a curator, approved or rejected. */
export type ProposalStatus =
  /** A curator approved it: written, as any write, with an audit entry. */
  | 'APPROVED'
  /** Waiting for a curator: not in the graph. */
  | 'PENDING'
  /** A curator rejected it, with a reason: never written. */
  | 'REJECTED';

/** How a person can exercise a right on a plan. "On request" and "paid only" are different claims under different provisions (Art. 12(2), 21(4)-(5) versus Art. 12(5)). */
export type RightStatus =
  /** By themselves in the product or account (a setting, an export or delete button), at no cost. */
  | 'IN_PRODUCT'
  /** Nothing to act on: the processing does not happen, or the law does not give this right for its legal basis. */
  | 'NOT_APPLICABLE'
  /** Only by asking: e-mail, web form, privacy request portal, support (for a complaint: the supervisory authority), at no cost. */
  | 'ON_REQUEST'
  /** Only by paying, e.g. by moving to a paid plan. */
  | 'PAID_ONLY'
  /** The sources say there is no way to exercise it. */
  | 'UNAVAILABLE'
  /** No source says. */
  | 'UNKNOWN';

/** Where a statement applies. */
export type Scope =
  /** Switzerland. */
  | 'CH'
  /** The European Economic Area (the GDPR). */
  | 'EEA'
  /** The United Kingdom (UK GDPR). */
  | 'UK'
  /** The United States. */
  | 'US'
  /** Everywhere the product is offered; includes every other scope. */
  | 'WORLDWIDE';

/** What happened on a date of a company's timeline. */
export type TimelineEntryKind =
  /** A complaint, decision, statement or other incident. */
  | 'INCIDENT'
  /** A practice replaced an earlier one; `changes` says what differs. */
  | 'PRACTICE_CHANGED'
  /** A practice stopped with no successor starting that day. */
  | 'PRACTICE_ENDED'
  /** A practice came into force with no predecessor. */
  | 'PRACTICE_STARTED';

/** How well the curators could check a statement. */
export type Verification =
  /** Only one third-party summary, or the curators' reading, says so. */
  | 'SECONDARY'
  /** Not confirmed by any source read. */
  | 'UNVERIFIED'
  /** Read in the provider's, authority's or court's own text, or in two independent reports. */
  | 'VERIFIED';

export type DashboardCompaniesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;

export type DashboardCompaniesQuery = {
  companies: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{ id: string; name: string }>;
  };
};

export type DashboardCompanyPurposesQueryVariables = Exact<{
  company: string | number;
}>;

export type DashboardCompanyPurposesQuery = {
  company: {
    products: Array<{
      plans: Array<{ practices: { nodes: Array<{ purpose: { id: string; name: string } }> } }>;
    }>;
  } | null;
};

export type DashboardMatrixQueryVariables = Exact<{
  asOf?: string | null | undefined;
  scope: Scope;
  purpose?: string | number | null | undefined;
  companies?: Array<string | number> | string | number | null | undefined;
  rights?: Array<GdprRight> | GdprRight | null | undefined;
  after?: string | null | undefined;
}>;

export type DashboardMatrixQuery = {
  rightsMatrix: {
    asOf: string;
    scope: Scope;
    purpose: string | null;
    rights: Array<GdprRight>;
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    rows: Array<{
      company: { id: string; name: string };
      product: { id: string; name: string };
      plan: {
        id: string;
        name: string;
        tier: PlanTier;
        paid: boolean | null;
        prices: Array<{ amount: number; currency: string; period: BillingPeriod }>;
      };
      cells: Array<{
        right: GdprRight;
        status: RightStatus;
        mechanism: string | null;
        disputed: boolean;
        otherStatuses: Array<RightStatus>;
      }>;
    }>;
  };
};

export type DashboardCellQueryVariables = Exact<{
  asOf?: string | null | undefined;
  scope: Scope;
  purpose?: string | number | null | undefined;
  company: string | number;
  right: GdprRight;
  after?: string | null | undefined;
}>;

export type DashboardCellQuery = {
  rightsMatrix: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    rows: Array<{
      plan: { id: string; name: string };
      cells: Array<{
        right: GdprRight;
        status: RightStatus;
        mechanism: string | null;
        note: string | null;
        disputed: boolean;
        practice: {
          id: string;
          summary: string;
          validFrom: string | null;
          validTo: string | null;
          attestedFrom: string | null;
          lastAttested: string | null;
          default: ProcessingDefault;
          verification: Verification;
          scope: Array<Scope>;
          purpose: { id: string; name: string };
          legalBasis: { id: string; name: string; definedBy: { ref: string } } | null;
          dataCategories: Array<{ id: string; name: string }>;
        } | null;
        sources: Array<{
          stance: EvidenceStance;
          claim: EvidenceClaim;
          right: GdprRight | null;
          alternative: string | null;
          quote: string | null;
          note: string | null;
          claimedBy: { id: string; name: string; kind: ActorKind } | null;
          source: {
            id: string;
            title: string;
            publisher: string;
            url: string;
            publishedAt: string | null;
          };
        }>;
        disputes: Array<{
          stance: EvidenceStance;
          claim: EvidenceClaim;
          right: GdprRight | null;
          alternative: string | null;
          quote: string | null;
          note: string | null;
          claimedBy: { id: string; name: string; kind: ActorKind } | null;
          source: {
            id: string;
            title: string;
            publisher: string;
            url: string;
            publishedAt: string | null;
          };
        }>;
        otherPractices: Array<{
          id: string;
          summary: string;
          purpose: { id: string; name: string };
          rights: Array<{ code: GdprRight; status: RightStatus }>;
        }>;
      }>;
    }>;
  };
};

export type CellEvidenceFragment = {
  stance: EvidenceStance;
  claim: EvidenceClaim;
  right: GdprRight | null;
  alternative: string | null;
  quote: string | null;
  note: string | null;
  claimedBy: { id: string; name: string; kind: ActorKind } | null;
  source: { id: string; title: string; publisher: string; url: string; publishedAt: string | null };
};

export type SourceLinkFragment = {
  id: string;
  title: string;
  publisher: string;
  url: string;
  publishedAt: string | null;
};

export type DashboardFindingsQueryVariables = Exact<{
  asOf?: string | null | undefined;
  scope: Scope;
  after?: string | null | undefined;
}>;

export type DashboardFindingsQuery = {
  findings: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      kind: FindingKind;
      title: string;
      explanation: string;
      standing: FindingStanding;
      legalBasisEstablished: boolean;
      disputed: boolean;
      company: { id: string; name: string };
      product: { name: string };
      purpose: { id: string; name: string };
      plans: Array<{ id: string; name: string; tier: PlanTier }>;
      right: { code: GdprRight; name: string } | null;
      legalBasis: { name: string } | null;
      provisions: Array<{ id: string; ref: string; title: string }>;
      evidence: Array<{
        stance: EvidenceStance;
        alternative: string | null;
        note: string | null;
        claimedBy: { name: string } | null;
        source: {
          id: string;
          title: string;
          publisher: string;
          url: string;
          publishedAt: string | null;
        };
      }>;
    }>;
  };
};

export type DashboardTimelineQueryVariables = Exact<{
  company: string | number;
  after?: string | null | undefined;
}>;

export type DashboardTimelineQuery = {
  timeline: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      date: string;
      kind: TimelineEntryKind;
      title: string;
      changes: Array<string>;
      plans: Array<{ id: string; name: string }>;
      incident: {
        id: string;
        kind: IncidentKind;
        status: IncidentStatus;
        before: { name: string } | null;
      } | null;
    }>;
  };
};

export type DashboardStatsQueryVariables = Exact<{
  to?: string | null | undefined;
}>;

export type DashboardStatsQuery = {
  stats: {
    incidentCount: number;
    incidentsPerProvision: Array<{
      count: number;
      provision: { id: string; ref: string; title: string };
    }>;
    incidentsPerAuthority: Array<{ count: number; authority: { id: string; name: string } }>;
    incidentsPerMonth: Array<{ month: string; count: number }>;
  };
};

export type ReviewQueueQueryVariables = Exact<{
  status?: ProposalStatus | null | undefined;
  after?: string | null | undefined;
}>;

export type ReviewQueueQuery = {
  proposals: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      kind: ProposalKind;
      status: ProposalStatus;
      note: string;
      proposerKeyId: string;
      createdAt: string;
      stale: boolean;
      entities: Array<{ label: string; id: string }>;
      changedSinceProposed: Array<{ label: string; id: string }>;
    }>;
  };
};

export type ReviewProposalQueryVariables = Exact<{
  id: string | number;
}>;

export type ReviewProposalQuery = {
  proposal: {
    id: string;
    kind: ProposalKind;
    status: ProposalStatus;
    note: string;
    proposerKeyId: string;
    createdAt: string;
    reviewerKeyId: string | null;
    reviewedAt: string | null;
    reason: string | null;
    auditId: string | null;
    diff: {
      stale: boolean;
      graphState: string;
      changedSinceProposed: Array<{ label: string; id: string }>;
      problems: Array<{ path: string; message: string }>;
      entities: Array<{
        label: string;
        id: string;
        change: EntityChange;
        changedSinceProposed: boolean;
        fields: Array<{ field: string; current: string | null; proposed: string | null }>;
      }>;
    };
  };
};

export type ReviewApproveMutationVariables = Exact<{
  id: string | number;
  acknowledgeStale?: string | null | undefined;
}>;

export type ReviewApproveMutation = {
  approveProposal: {
    id: string;
    status: ProposalStatus;
    reviewedAt: string | null;
    auditId: string | null;
  };
};

export type ReviewRejectMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;

export type ReviewRejectMutation = {
  rejectProposal: {
    id: string;
    status: ProposalStatus;
    reason: string | null;
    reviewedAt: string | null;
  };
};

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SourceLinkFragmentDoc = new TypedDocumentString(
  `
    fragment SourceLink on Source {
  id
  title
  publisher
  url
  publishedAt
}
    `,
  { fragmentName: 'SourceLink' },
) as unknown as TypedDocumentString<SourceLinkFragment, unknown>;
export const CellEvidenceFragmentDoc = new TypedDocumentString(
  `
    fragment CellEvidence on Evidence {
  stance
  claim
  right
  alternative
  quote
  note
  claimedBy {
    id
    name
    kind
  }
  source {
    ...SourceLink
  }
}
    fragment SourceLink on Source {
  id
  title
  publisher
  url
  publishedAt
}`,
  { fragmentName: 'CellEvidence' },
) as unknown as TypedDocumentString<CellEvidenceFragment, unknown>;
export const DashboardCompaniesDocument = new TypedDocumentString(`
    query DashboardCompanies($after: String) {
  companies(first: 100, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardCompaniesQuery, DashboardCompaniesQueryVariables>;
export const DashboardCompanyPurposesDocument = new TypedDocumentString(`
    query DashboardCompanyPurposes($company: ID!) {
  company(id: $company) {
    products {
      plans {
        practices(first: 100) {
          nodes {
            purpose {
              id
              name
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  DashboardCompanyPurposesQuery,
  DashboardCompanyPurposesQueryVariables
>;
export const DashboardMatrixDocument = new TypedDocumentString(`
    query DashboardMatrix($asOf: Date, $scope: Scope!, $purpose: ID, $companies: [ID!], $rights: [GdprRight!], $after: String) {
  rightsMatrix(
    asOf: $asOf
    scope: $scope
    purpose: $purpose
    companies: $companies
    rights: $rights
    first: 100
    after: $after
  ) {
    asOf
    scope
    purpose
    rights
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    rows {
      company {
        id
        name
      }
      product {
        id
        name
      }
      plan {
        id
        name
        tier
        paid
        prices {
          amount
          currency
          period
        }
      }
      cells {
        right
        status
        mechanism
        disputed
        otherStatuses
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardMatrixQuery, DashboardMatrixQueryVariables>;
export const DashboardCellDocument = new TypedDocumentString(`
    query DashboardCell($asOf: Date, $scope: Scope!, $purpose: ID, $company: ID!, $right: GdprRight!, $after: String) {
  rightsMatrix(
    asOf: $asOf
    scope: $scope
    purpose: $purpose
    companies: [$company]
    rights: [$right]
    first: 10
    after: $after
  ) {
    pageInfo {
      hasNextPage
      endCursor
    }
    rows {
      plan {
        id
        name
      }
      cells {
        right
        status
        mechanism
        note
        disputed
        practice {
          id
          summary
          validFrom
          validTo
          attestedFrom
          lastAttested
          default
          verification
          scope
          purpose {
            id
            name
          }
          legalBasis {
            id
            name
            definedBy {
              ref
            }
          }
          dataCategories {
            id
            name
          }
        }
        sources {
          ...CellEvidence
        }
        disputes {
          ...CellEvidence
        }
        otherPractices {
          id
          summary
          purpose {
            id
            name
          }
          rights {
            code
            status
          }
        }
      }
    }
  }
}
    fragment CellEvidence on Evidence {
  stance
  claim
  right
  alternative
  quote
  note
  claimedBy {
    id
    name
    kind
  }
  source {
    ...SourceLink
  }
}
fragment SourceLink on Source {
  id
  title
  publisher
  url
  publishedAt
}`) as unknown as TypedDocumentString<DashboardCellQuery, DashboardCellQueryVariables>;
export const DashboardFindingsDocument = new TypedDocumentString(`
    query DashboardFindings($asOf: Date, $scope: Scope!, $after: String) {
  findings(asOf: $asOf, scope: $scope, first: 100, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      kind
      title
      explanation
      standing
      legalBasisEstablished
      disputed
      company {
        id
        name
      }
      product {
        name
      }
      purpose {
        id
        name
      }
      plans {
        id
        name
        tier
      }
      right {
        code
        name
      }
      legalBasis {
        name
      }
      provisions {
        id
        ref
        title
      }
      evidence {
        stance
        alternative
        note
        claimedBy {
          name
        }
        source {
          id
          title
          publisher
          url
          publishedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardFindingsQuery, DashboardFindingsQueryVariables>;
export const DashboardTimelineDocument = new TypedDocumentString(`
    query DashboardTimeline($company: ID!, $after: String) {
  timeline(company: $company, first: 100, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      date
      kind
      title
      changes
      plans {
        id
        name
      }
      incident {
        id
        kind
        status
        before {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardTimelineQuery, DashboardTimelineQueryVariables>;
export const DashboardStatsDocument = new TypedDocumentString(`
    query DashboardStats($to: Date) {
  stats(to: $to) {
    incidentCount
    incidentsPerProvision {
      count
      provision {
        id
        ref
        title
      }
    }
    incidentsPerAuthority {
      count
      authority {
        id
        name
      }
    }
    incidentsPerMonth {
      month
      count
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardStatsQuery, DashboardStatsQueryVariables>;
export const ReviewQueueDocument = new TypedDocumentString(`
    query ReviewQueue($status: ProposalStatus, $after: String) {
  proposals(status: $status, first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      kind
      status
      note
      proposerKeyId
      createdAt
      stale
      entities {
        label
        id
      }
      changedSinceProposed {
        label
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ReviewProposalDocument = new TypedDocumentString(`
    query ReviewProposal($id: ID!) {
  proposal(id: $id) {
    id
    kind
    status
    note
    proposerKeyId
    createdAt
    reviewerKeyId
    reviewedAt
    reason
    auditId
    diff {
      stale
      graphState
      changedSinceProposed {
        label
        id
      }
      problems {
        path
        message
      }
      entities {
        label
        id
        change
        changedSinceProposed
        fields {
          field
          current
          proposed
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewProposalQuery, ReviewProposalQueryVariables>;
export const ReviewApproveDocument = new TypedDocumentString(`
    mutation ReviewApprove($id: ID!, $acknowledgeStale: String) {
  approveProposal(id: $id, acknowledgeStale: $acknowledgeStale) {
    id
    status
    reviewedAt
    auditId
  }
}
    `) as unknown as TypedDocumentString<ReviewApproveMutation, ReviewApproveMutationVariables>;
export const ReviewRejectDocument = new TypedDocumentString(`
    mutation ReviewReject($id: ID!, $reason: String!) {
  rejectProposal(id: $id, reason: $reason) {
    id
    status
    reason
    reviewedAt
  }
}
    `) as unknown as TypedDocumentString<ReviewRejectMutation, ReviewRejectMutationVariables>;
