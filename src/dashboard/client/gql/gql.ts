/* eslint-disable */
import * as types from './graphql.js';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  query DashboardCompanies($after: String) {\n    companies(first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n      }\n    }\n  }\n': typeof types.DashboardCompaniesDocument;
  '\n  query DashboardCompanyPurposes($company: ID!) {\n    company(id: $company) {\n      products {\n        plans {\n          practices(first: 100) {\n            nodes {\n              purpose {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.DashboardCompanyPurposesDocument;
  '\n  query DashboardMatrix($asOf: Date, $purpose: ID, $after: String) {\n    rightsMatrix(asOf: $asOf, purpose: $purpose, first: 100, after: $after) {\n      asOf\n      purpose\n      rights\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        company {\n          id\n          name\n        }\n        product {\n          id\n          name\n        }\n        plan {\n          id\n          name\n          tier\n          paid\n          price {\n            amount\n            currency\n            period\n          }\n        }\n        cells {\n          right\n          status\n          mechanism\n          disputed\n        }\n      }\n    }\n  }\n': typeof types.DashboardMatrixDocument;
  '\n  query DashboardCell(\n    $asOf: Date\n    $purpose: ID\n    $company: ID!\n    $right: GdprRight!\n    $after: String\n  ) {\n    rightsMatrix(\n      asOf: $asOf\n      purpose: $purpose\n      companies: [$company]\n      rights: [$right]\n      first: 10\n      after: $after\n    ) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        plan {\n          id\n          name\n        }\n        cells {\n          right\n          status\n          mechanism\n          note\n          disputed\n          practice {\n            id\n            summary\n            validFrom\n            validTo\n            default\n            verification\n            purpose {\n              id\n              name\n            }\n            legalBasis {\n              id\n              name\n              definedBy {\n                ref\n              }\n            }\n            dataCategories {\n              id\n              name\n            }\n            supportingSources {\n              quote\n              note\n              source {\n                ...SourceLink\n              }\n            }\n            disputingSources {\n              quote\n              note\n              source {\n                ...SourceLink\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n\n  fragment SourceLink on Source {\n    id\n    title\n    publisher\n    url\n    publishedAt\n    publishedAtPrecision\n  }\n': typeof types.DashboardCellDocument;
  '\n  query DashboardFindings($asOf: Date, $after: String) {\n    findings(asOf: $asOf, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        title\n        explanation\n        disputed\n        company {\n          id\n          name\n        }\n        product {\n          name\n        }\n        plans {\n          id\n          name\n        }\n        right {\n          code\n          name\n        }\n        provisions {\n          id\n          ref\n          title\n        }\n        evidence {\n          stance\n          note\n          source {\n            id\n            title\n            publisher\n            url\n            publishedAt\n          }\n        }\n      }\n    }\n  }\n': typeof types.DashboardFindingsDocument;
  '\n  query DashboardTimeline($company: ID!, $after: String) {\n    timeline(company: $company, first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        date\n        kind\n        title\n        changes\n        plan {\n          id\n          name\n        }\n        incident {\n          id\n          kind\n          status\n          before {\n            name\n          }\n        }\n      }\n    }\n  }\n': typeof types.DashboardTimelineDocument;
  '\n  query DashboardStats($to: Date) {\n    stats(to: $to) {\n      incidentCount\n      incidentsPerProvision {\n        count\n        provision {\n          id\n          ref\n          title\n        }\n      }\n      incidentsPerAuthority {\n        count\n        authority {\n          id\n          name\n        }\n      }\n      incidentsPerMonth {\n        month\n        count\n      }\n    }\n  }\n': typeof types.DashboardStatsDocument;
};
const documents: Documents = {
  '\n  query DashboardCompanies($after: String) {\n    companies(first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n      }\n    }\n  }\n':
    types.DashboardCompaniesDocument,
  '\n  query DashboardCompanyPurposes($company: ID!) {\n    company(id: $company) {\n      products {\n        plans {\n          practices(first: 100) {\n            nodes {\n              purpose {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.DashboardCompanyPurposesDocument,
  '\n  query DashboardMatrix($asOf: Date, $purpose: ID, $after: String) {\n    rightsMatrix(asOf: $asOf, purpose: $purpose, first: 100, after: $after) {\n      asOf\n      purpose\n      rights\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        company {\n          id\n          name\n        }\n        product {\n          id\n          name\n        }\n        plan {\n          id\n          name\n          tier\n          paid\n          price {\n            amount\n            currency\n            period\n          }\n        }\n        cells {\n          right\n          status\n          mechanism\n          disputed\n        }\n      }\n    }\n  }\n':
    types.DashboardMatrixDocument,
  '\n  query DashboardCell(\n    $asOf: Date\n    $purpose: ID\n    $company: ID!\n    $right: GdprRight!\n    $after: String\n  ) {\n    rightsMatrix(\n      asOf: $asOf\n      purpose: $purpose\n      companies: [$company]\n      rights: [$right]\n      first: 10\n      after: $after\n    ) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        plan {\n          id\n          name\n        }\n        cells {\n          right\n          status\n          mechanism\n          note\n          disputed\n          practice {\n            id\n            summary\n            validFrom\n            validTo\n            default\n            verification\n            purpose {\n              id\n              name\n            }\n            legalBasis {\n              id\n              name\n              definedBy {\n                ref\n              }\n            }\n            dataCategories {\n              id\n              name\n            }\n            supportingSources {\n              quote\n              note\n              source {\n                ...SourceLink\n              }\n            }\n            disputingSources {\n              quote\n              note\n              source {\n                ...SourceLink\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n\n  fragment SourceLink on Source {\n    id\n    title\n    publisher\n    url\n    publishedAt\n    publishedAtPrecision\n  }\n':
    types.DashboardCellDocument,
  '\n  query DashboardFindings($asOf: Date, $after: String) {\n    findings(asOf: $asOf, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        title\n        explanation\n        disputed\n        company {\n          id\n          name\n        }\n        product {\n          name\n        }\n        plans {\n          id\n          name\n        }\n        right {\n          code\n          name\n        }\n        provisions {\n          id\n          ref\n          title\n        }\n        evidence {\n          stance\n          note\n          source {\n            id\n            title\n            publisher\n            url\n            publishedAt\n          }\n        }\n      }\n    }\n  }\n':
    types.DashboardFindingsDocument,
  '\n  query DashboardTimeline($company: ID!, $after: String) {\n    timeline(company: $company, first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        date\n        kind\n        title\n        changes\n        plan {\n          id\n          name\n        }\n        incident {\n          id\n          kind\n          status\n          before {\n            name\n          }\n        }\n      }\n    }\n  }\n':
    types.DashboardTimelineDocument,
  '\n  query DashboardStats($to: Date) {\n    stats(to: $to) {\n      incidentCount\n      incidentsPerProvision {\n        count\n        provision {\n          id\n          ref\n          title\n        }\n      }\n      incidentsPerAuthority {\n        count\n        authority {\n          id\n          name\n        }\n      }\n      incidentsPerMonth {\n        month\n        count\n      }\n    }\n  }\n':
    types.DashboardStatsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardCompanies($after: String) {\n    companies(first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n      }\n    }\n  }\n',
): typeof import('./graphql.js').DashboardCompaniesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardCompanyPurposes($company: ID!) {\n    company(id: $company) {\n      products {\n        plans {\n          practices(first: 100) {\n            nodes {\n              purpose {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql.js').DashboardCompanyPurposesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardMatrix($asOf: Date, $purpose: ID, $after: String) {\n    rightsMatrix(asOf: $asOf, purpose: $purpose, first: 100, after: $after) {\n      asOf\n      purpose\n      rights\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        company {\n          id\n          name\n        }\n        product {\n          id\n          name\n        }\n        plan {\n          id\n          name\n          tier\n          paid\n          price {\n            amount\n            currency\n            period\n          }\n        }\n        cells {\n          right\n          status\n          mechanism\n          disputed\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql.js').DashboardMatrixDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardCell(\n    $asOf: Date\n    $purpose: ID\n    $company: ID!\n    $right: GdprRight!\n    $after: String\n  ) {\n    rightsMatrix(\n      asOf: $asOf\n      purpose: $purpose\n      companies: [$company]\n      rights: [$right]\n      first: 10\n      after: $after\n    ) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        plan {\n          id\n          name\n        }\n        cells {\n          right\n          status\n          mechanism\n          note\n          disputed\n          practice {\n            id\n            summary\n            validFrom\n            validTo\n            default\n            verification\n            purpose {\n              id\n              name\n            }\n            legalBasis {\n              id\n              name\n              definedBy {\n                ref\n              }\n            }\n            dataCategories {\n              id\n              name\n            }\n            supportingSources {\n              quote\n              note\n              source {\n                ...SourceLink\n              }\n            }\n            disputingSources {\n              quote\n              note\n              source {\n                ...SourceLink\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n\n  fragment SourceLink on Source {\n    id\n    title\n    publisher\n    url\n    publishedAt\n    publishedAtPrecision\n  }\n',
): typeof import('./graphql.js').DashboardCellDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardFindings($asOf: Date, $after: String) {\n    findings(asOf: $asOf, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        title\n        explanation\n        disputed\n        company {\n          id\n          name\n        }\n        product {\n          name\n        }\n        plans {\n          id\n          name\n        }\n        right {\n          code\n          name\n        }\n        provisions {\n          id\n          ref\n          title\n        }\n        evidence {\n          stance\n          note\n          source {\n            id\n            title\n            publisher\n            url\n            publishedAt\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql.js').DashboardFindingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardTimeline($company: ID!, $after: String) {\n    timeline(company: $company, first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        date\n        kind\n        title\n        changes\n        plan {\n          id\n          name\n        }\n        incident {\n          id\n          kind\n          status\n          before {\n            name\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql.js').DashboardTimelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardStats($to: Date) {\n    stats(to: $to) {\n      incidentCount\n      incidentsPerProvision {\n        count\n        provision {\n          id\n          ref\n          title\n        }\n      }\n      incidentsPerAuthority {\n        count\n        authority {\n          id\n          name\n        }\n      }\n      incidentsPerMonth {\n        month\n        count\n      }\n    }\n  }\n',
): typeof import('./graphql.js').DashboardStatsDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
