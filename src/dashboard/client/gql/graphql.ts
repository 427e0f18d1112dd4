/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What a price is paid for. */
export type BillingPeriod = 'MONTH' | 'ONE_OFF' | 'USAGE' | 'YEAR';

/** How precisely a date is known. */
export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR';

/** Whether a source backs a statement or contradicts it. */
export type EvidenceStance = 'DISPUTES' | 'SUPPORTS';

/** The rules that derive findings. */
export type FindingKind =
  /** Processing rests on a legal basis that opens the right to object (legitimate interest, Art. 6(1)(f)), yet the plan offers no way to object. Art. 21(1) GDPR gives the data subject that right. */
  | 'NO_WAY_TO_OBJECT'
  /** A right that paid plans of a product can exercise at no extra cost cannot be exercised on a free plan of the same product for the same purpose (or only by paying). Art. 12(5) GDPR makes the exercise of rights free of charge. */
  | 'RIGHT_CONDITIONED_ON_PAYMENT'
  /** User content is used to train AI models unless the user acts (opt-out rather than opt-in). Where the basis is consent this is not valid consent; on legitimate interest the user must be able to object (Art. 21). */
  | 'TRAINING_ON_BY_DEFAULT';

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
  /** Art. 21: to object to processing based on legitimate or public interest. */
  | 'OBJECT'
  /** Art. 20: to receive one's data in a portable format. */
  | 'PORTABILITY'
  /** Art. 16: to have inaccurate data corrected. */
  | 'RECTIFICATION'
  /** Art. 18: to restrict processing. */
  | 'RESTRICTION'
  /** Art. 7(3): to withdraw consent at any time. */
  | 'WITHDRAW_CONSENT';

/** What kind of event an incident is. */
export type IncidentKind =
  | 'COMPANY_STATEMENT'
  | 'COMPLAINT'
  | 'COURT_RULING'
  | 'DECISION'
  | 'FINE'
  | 'INVESTIGATION'
  | 'ORDER'
  | 'POLICY_CHANGE';

/** Where an incident stands. */
export type IncidentStatus =
  'ANNOUNCED' | 'ANNULLED' | 'APPEALED' | 'CLOSED' | 'DECIDED' | 'FILED' | 'OPEN' | 'UNKNOWN';

/** The kind of plan (tier) of a product. */
export type PlanTier =
  'API' | 'EDUCATION' | 'ENTERPRISE' | 'FREE' | 'OTHER' | 'PLUS' | 'PRO' | 'TEAM';

/** Whether the processing happens when the user does nothing. */
export type ProcessingDefault =
  /** Not processed for this purpose. */
  | 'NEVER'
  /** Processed only if the user opts in. */
  | 'OFF'
  /** Processed unless the user acts (opt-out). */
  | 'ON';

/** How a plan lets a person exercise a right. */
export type RightStatus =
  /** The right can be exercised at no cost. */
  | 'AVAILABLE'
  /** The processing does not happen, so the right has nothing to act on. */
  | 'NOT_APPLICABLE'
  /** The right can be exercised only on paying. */
  | 'PAID_ONLY'
  /** There is no way to exercise the right. */
  | 'UNAVAILABLE'
  /** The sources do not say. */
  | 'UNKNOWN';

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
  /** Only third-party summaries say so. */
  | 'SECONDARY'
  /** Not confirmed by any source read. */
  | 'UNVERIFIED'
  /** Read in the provider's, authority's or court's own text, or in consistent reports. */
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
  purpose?: string | number | null | undefined;
  after?: string | null | undefined;
}>;

export type DashboardMatrixQuery = {
  rightsMatrix: {
    asOf: string;
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
        paid: boolean;
        price: { amount: number; currency: string; period: BillingPeriod } | null;
      };
      cells: Array<{
        right: GdprRight;
        status: RightStatus;
        mechanism: string | null;
        disputed: boolean;
      }>;
    }>;
  };
};

export type DashboardCellQueryVariables = Exact<{
  asOf?: string | null | undefined;
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
          default: ProcessingDefault;
          verification: Verification;
          purpose: { id: string; name: string };
          legalBasis: { id: string; name: string; definedBy: { ref: string } } | null;
          dataCategories: Array<{ id: string; name: string }>;
          supportingSources: Array<{
            quote: string | null;
            note: string | null;
            source: {
              id: string;
              title: string;
              publisher: string;
              url: string;
              publishedAt: string;
              publishedAtPrecision: DatePrecision;
            };
          }>;
          disputingSources: Array<{
            quote: string | null;
            note: string | null;
            source: {
              id: string;
              title: string;
              publisher: string;
              url: string;
              publishedAt: string;
              publishedAtPrecision: DatePrecision;
            };
          }>;
        } | null;
      }>;
    }>;
  };
};

export type SourceLinkFragment = {
  id: string;
  title: string;
  publisher: string;
  url: string;
  publishedAt: string;
  publishedAtPrecision: DatePrecision;
};

export type DashboardFindingsQueryVariables = Exact<{
  asOf?: string | null | undefined;
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
      disputed: boolean;
      company: { id: string; name: string };
      product: { name: string };
      plans: Array<{ id: string; name: string }>;
      right: { code: GdprRight; name: string } | null;
      provisions: Array<{ id: string; ref: string; title: string }>;
      evidence: Array<{
        stance: EvidenceStance;
        note: string | null;
        source: { id: string; title: string; publisher: string; url: string; publishedAt: string };
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
      plan: { id: string; name: string } | null;
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
  publishedAtPrecision
}
    `,
  { fragmentName: 'SourceLink' },
) as unknown as TypedDocumentString<SourceLinkFragment, unknown>;
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
    query DashboardMatrix($asOf: Date, $purpose: ID, $after: String) {
  rightsMatrix(asOf: $asOf, purpose: $purpose, first: 100, after: $after) {
    asOf
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
        price {
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
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardMatrixQuery, DashboardMatrixQueryVariables>;
export const DashboardCellDocument = new TypedDocumentString(`
    query DashboardCell($asOf: Date, $purpose: ID, $company: ID!, $right: GdprRight!, $after: String) {
  rightsMatrix(
    asOf: $asOf
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
          default
          verification
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
          supportingSources {
            quote
            note
            source {
              ...SourceLink
            }
          }
          disputingSources {
            quote
            note
            source {
              ...SourceLink
            }
          }
        }
      }
    }
  }
}
    fragment SourceLink on Source {
  id
  title
  publisher
  url
  publishedAt
  publishedAtPrecision
}`) as unknown as TypedDocumentString<DashboardCellQuery, DashboardCellQueryVariables>;
export const DashboardFindingsDocument = new TypedDocumentString(`
    query DashboardFindings($asOf: Date, $after: String) {
  findings(asOf: $asOf, first: 100, after: $after) {
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
      disputed
      company {
        id
        name
      }
      product {
        name
      }
      plans {
        id
        name
      }
      right {
        code
        name
      }
      provisions {
        id
        ref
        title
      }
      evidence {
        stance
        note
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
      plan {
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
