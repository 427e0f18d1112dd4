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

/** The kind of plan (tier) of a product. */
export type PlanTier =
  'API' | 'EDUCATION' | 'ENTERPRISE' | 'FREE' | 'OTHER' | 'PLUS' | 'PRO' | 'TEAM';

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
      plan: { id: string; name: string; tier: PlanTier; paid: boolean };
      cells: Array<{ right: GdprRight; status: RightStatus; disputed: boolean }>;
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
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RightsMatrixExportQuery, RightsMatrixExportQueryVariables>;
