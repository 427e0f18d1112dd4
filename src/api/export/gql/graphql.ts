/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type RightsMatrixExportQueryVariables = Exact<{
  asOf?: string | null | undefined;
  purpose?: string | number | null | undefined;
  companies?: Array<string | number> | string | number | null | undefined;
  rights?: Array<GdprRight> | GdprRight | null | undefined;
  after?: string | null | undefined;
}>;

export type RightsMatrixExportQuery = {
  rightsMatrix: {
    asOf: string;
    purpose: string | null;
    rights: Array<GdprRight>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    rows: Array<{
      company: { id: string; name: string };
      product: { id: string; name: string };
      plan: { id: string; name: string; tier: PlanTier; paid: boolean | null };
      cells: Array<{
        right: GdprRight;
        status: RightStatus;
        disputed: boolean;
        otherStatuses: Array<RightStatus>;
      }>;
    }>;
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

export const RightsMatrixExportDocument = new TypedDocumentString(`
    query RightsMatrixExport($asOf: Date, $purpose: ID, $companies: [ID!], $rights: [GdprRight!], $after: String) {
  rightsMatrix(
    asOf: $asOf
    purpose: $purpose
    companies: $companies
    rights: $rights
    first: 100
    after: $after
  ) {
    asOf
    purpose
    rights
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
      }
      cells {
        right
        status
        disputed
        otherStatuses
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RightsMatrixExportQuery, RightsMatrixExportQueryVariables>;
