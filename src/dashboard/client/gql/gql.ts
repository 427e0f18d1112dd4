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
  '\n  query DashboardMatrix(\n    $asOf: Date\n    $scope: Scope!\n    $purpose: ID\n    $companies: [ID!]\n    $rights: [GdprRight!]\n    $after: String\n  ) {\n    rightsMatrix(\n      asOf: $asOf\n      scope: $scope\n      purpose: $purpose\n      companies: $companies\n      rights: $rights\n      first: 100\n      after: $after\n    ) {\n      asOf\n      scope\n      purpose\n      rights\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        company {\n          id\n          name\n        }\n        product {\n          id\n          name\n        }\n        plan {\n          id\n          name\n          tier\n          paid\n          prices {\n            amount\n            currency\n            period\n          }\n        }\n        cells {\n          right\n          status\n          mechanism\n          disputed\n          otherStatuses\n        }\n      }\n    }\n  }\n': typeof types.DashboardMatrixDocument;
  '\n  query DashboardCell(\n    $asOf: Date\n    $scope: Scope!\n    $purpose: ID\n    $company: ID!\n    $right: GdprRight!\n    $after: String\n  ) {\n    rightsMatrix(\n      asOf: $asOf\n      scope: $scope\n      purpose: $purpose\n      companies: [$company]\n      rights: [$right]\n      first: 10\n      after: $after\n    ) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        plan {\n          id\n          name\n        }\n        cells {\n          right\n          status\n          mechanism\n          note\n          disputed\n          practice {\n            id\n            summary\n            validFrom\n            validTo\n            attestedFrom\n            default\n            verification\n            scope\n            purpose {\n              id\n              name\n            }\n            legalBasis {\n              id\n              name\n              definedBy {\n                ref\n              }\n            }\n            dataCategories {\n              id\n              name\n            }\n          }\n          sources {\n            ...CellEvidence\n          }\n          disputes {\n            ...CellEvidence\n          }\n        }\n      }\n    }\n  }\n\n  fragment CellEvidence on Evidence {\n    stance\n    claim\n    right\n    alternative\n    quote\n    note\n    claimedBy {\n      id\n      name\n      kind\n    }\n    source {\n      ...SourceLink\n    }\n  }\n\n  fragment SourceLink on Source {\n    id\n    title\n    publisher\n    url\n    publishedAt\n  }\n': typeof types.DashboardCellDocument;
  '\n  query DashboardFindings($asOf: Date, $scope: Scope!, $after: String) {\n    findings(asOf: $asOf, scope: $scope, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        title\n        explanation\n        standing\n        legalBasisEstablished\n        disputed\n        company {\n          id\n          name\n        }\n        product {\n          name\n        }\n        purpose {\n          id\n          name\n        }\n        plans {\n          id\n          name\n          tier\n        }\n        right {\n          code\n          name\n        }\n        legalBasis {\n          name\n        }\n        provisions {\n          id\n          ref\n          title\n        }\n        evidence {\n          stance\n          alternative\n          note\n          claimedBy {\n            name\n          }\n          source {\n            id\n            title\n            publisher\n            url\n            publishedAt\n          }\n        }\n      }\n    }\n  }\n': typeof types.DashboardFindingsDocument;
  '\n  query DashboardTimeline($company: ID!, $after: String) {\n    timeline(company: $company, first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        date\n        kind\n        title\n        changes\n        plans {\n          id\n          name\n        }\n        incident {\n          id\n          kind\n          status\n          before {\n            name\n          }\n        }\n      }\n    }\n  }\n': typeof types.DashboardTimelineDocument;
  '\n  query DashboardStats($to: Date) {\n    stats(to: $to) {\n      incidentCount\n      incidentsPerProvision {\n        count\n        provision {\n          id\n          ref\n          title\n        }\n      }\n      incidentsPerAuthority {\n        count\n        authority {\n          id\n          name\n        }\n      }\n      incidentsPerMonth {\n        month\n        count\n      }\n    }\n  }\n': typeof types.DashboardStatsDocument;
  '\n  query ReviewQueue($status: ProposalStatus, $after: String) {\n    proposals(status: $status, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        status\n        note\n        proposerKeyId\n        createdAt\n        stale\n        entities {\n          label\n          id\n        }\n        changedSinceProposed {\n          label\n          id\n        }\n      }\n    }\n  }\n': typeof types.ReviewQueueDocument;
  '\n  query ReviewProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      kind\n      status\n      note\n      proposerKeyId\n      createdAt\n      reviewerKeyId\n      reviewedAt\n      reason\n      auditId\n      diff {\n        stale\n        graphState\n        changedSinceProposed {\n          label\n          id\n        }\n        problems {\n          path\n          message\n        }\n        entities {\n          label\n          id\n          change\n          changedSinceProposed\n          fields {\n            field\n            current\n            proposed\n          }\n        }\n      }\n    }\n  }\n': typeof types.ReviewProposalDocument;
  '\n  mutation ReviewApprove($id: ID!, $acknowledgeStale: String) {\n    approveProposal(id: $id, acknowledgeStale: $acknowledgeStale) {\n      id\n      status\n      reviewedAt\n      auditId\n    }\n  }\n': typeof types.ReviewApproveDocument;
  '\n  mutation ReviewReject($id: ID!, $reason: String!) {\n    rejectProposal(id: $id, reason: $reason) {\n      id\n      status\n      reason\n      reviewedAt\n    }\n  }\n': typeof types.ReviewRejectDocument;
};
const documents: Documents = {
  '\n  query DashboardCompanies($after: String) {\n    companies(first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n      }\n    }\n  }\n':
    types.DashboardCompaniesDocument,
  '\n  query DashboardCompanyPurposes($company: ID!) {\n    company(id: $company) {\n      products {\n        plans {\n          practices(first: 100) {\n            nodes {\n              purpose {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.DashboardCompanyPurposesDocument,
  '\n  query DashboardMatrix(\n    $asOf: Date\n    $scope: Scope!\n    $purpose: ID\n    $companies: [ID!]\n    $rights: [GdprRight!]\n    $after: String\n  ) {\n    rightsMatrix(\n      asOf: $asOf\n      scope: $scope\n      purpose: $purpose\n      companies: $companies\n      rights: $rights\n      first: 100\n      after: $after\n    ) {\n      asOf\n      scope\n      purpose\n      rights\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        company {\n          id\n          name\n        }\n        product {\n          id\n          name\n        }\n        plan {\n          id\n          name\n          tier\n          paid\n          prices {\n            amount\n            currency\n            period\n          }\n        }\n        cells {\n          right\n          status\n          mechanism\n          disputed\n          otherStatuses\n        }\n      }\n    }\n  }\n':
    types.DashboardMatrixDocument,
  '\n  query DashboardCell(\n    $asOf: Date\n    $scope: Scope!\n    $purpose: ID\n    $company: ID!\n    $right: GdprRight!\n    $after: String\n  ) {\n    rightsMatrix(\n      asOf: $asOf\n      scope: $scope\n      purpose: $purpose\n      companies: [$company]\n      rights: [$right]\n      first: 10\n      after: $after\n    ) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        plan {\n          id\n          name\n        }\n        cells {\n          right\n          status\n          mechanism\n          note\n          disputed\n          practice {\n            id\n            summary\n            validFrom\n            validTo\n            attestedFrom\n            default\n            verification\n            scope\n            purpose {\n              id\n              name\n            }\n            legalBasis {\n              id\n              name\n              definedBy {\n                ref\n              }\n            }\n            dataCategories {\n              id\n              name\n            }\n          }\n          sources {\n            ...CellEvidence\n          }\n          disputes {\n            ...CellEvidence\n          }\n        }\n      }\n    }\n  }\n\n  fragment CellEvidence on Evidence {\n    stance\n    claim\n    right\n    alternative\n    quote\n    note\n    claimedBy {\n      id\n      name\n      kind\n    }\n    source {\n      ...SourceLink\n    }\n  }\n\n  fragment SourceLink on Source {\n    id\n    title\n    publisher\n    url\n    publishedAt\n  }\n':
    types.DashboardCellDocument,
  '\n  query DashboardFindings($asOf: Date, $scope: Scope!, $after: String) {\n    findings(asOf: $asOf, scope: $scope, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        title\n        explanation\n        standing\n        legalBasisEstablished\n        disputed\n        company {\n          id\n          name\n        }\n        product {\n          name\n        }\n        purpose {\n          id\n          name\n        }\n        plans {\n          id\n          name\n          tier\n        }\n        right {\n          code\n          name\n        }\n        legalBasis {\n          name\n        }\n        provisions {\n          id\n          ref\n          title\n        }\n        evidence {\n          stance\n          alternative\n          note\n          claimedBy {\n            name\n          }\n          source {\n            id\n            title\n            publisher\n            url\n            publishedAt\n          }\n        }\n      }\n    }\n  }\n':
    types.DashboardFindingsDocument,
  '\n  query DashboardTimeline($company: ID!, $after: String) {\n    timeline(company: $company, first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        date\n        kind\n        title\n        changes\n        plans {\n          id\n          name\n        }\n        incident {\n          id\n          kind\n          status\n          before {\n            name\n          }\n        }\n      }\n    }\n  }\n':
    types.DashboardTimelineDocument,
  '\n  query DashboardStats($to: Date) {\n    stats(to: $to) {\n      incidentCount\n      incidentsPerProvision {\n        count\n        provision {\n          id\n          ref\n          title\n        }\n      }\n      incidentsPerAuthority {\n        count\n        authority {\n          id\n          name\n        }\n      }\n      incidentsPerMonth {\n        month\n        count\n      }\n    }\n  }\n':
    types.DashboardStatsDocument,
  '\n  query ReviewQueue($status: ProposalStatus, $after: String) {\n    proposals(status: $status, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        status\n        note\n        proposerKeyId\n        createdAt\n        stale\n        entities {\n          label\n          id\n        }\n        changedSinceProposed {\n          label\n          id\n        }\n      }\n    }\n  }\n':
    types.ReviewQueueDocument,
  '\n  query ReviewProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      kind\n      status\n      note\n      proposerKeyId\n      createdAt\n      reviewerKeyId\n      reviewedAt\n      reason\n      auditId\n      diff {\n        stale\n        graphState\n        changedSinceProposed {\n          label\n          id\n        }\n        problems {\n          path\n          message\n        }\n        entities {\n          label\n          id\n          change\n          changedSinceProposed\n          fields {\n            field\n            current\n            proposed\n          }\n        }\n      }\n    }\n  }\n':
    types.ReviewProposalDocument,
  '\n  mutation ReviewApprove($id: ID!, $acknowledgeStale: String) {\n    approveProposal(id: $id, acknowledgeStale: $acknowledgeStale) {\n      id\n      status\n      reviewedAt\n      auditId\n    }\n  }\n':
    types.ReviewApproveDocument,
  '\n  mutation ReviewReject($id: ID!, $reason: String!) {\n    rejectProposal(id: $id, reason: $reason) {\n      id\n      status\n      reason\n      reviewedAt\n    }\n  }\n':
    types.ReviewRejectDocument,
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
  source: '\n  query DashboardMatrix(\n    $asOf: Date\n    $scope: Scope!\n    $purpose: ID\n    $companies: [ID!]\n    $rights: [GdprRight!]\n    $after: String\n  ) {\n    rightsMatrix(\n      asOf: $asOf\n      scope: $scope\n      purpose: $purpose\n      companies: $companies\n      rights: $rights\n      first: 100\n      after: $after\n    ) {\n      asOf\n      scope\n      purpose\n      rights\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        company {\n          id\n          name\n        }\n        product {\n          id\n          name\n        }\n        plan {\n          id\n          name\n          tier\n          paid\n          prices {\n            amount\n            currency\n            period\n          }\n        }\n        cells {\n          right\n          status\n          mechanism\n          disputed\n          otherStatuses\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql.js').DashboardMatrixDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardCell(\n    $asOf: Date\n    $scope: Scope!\n    $purpose: ID\n    $company: ID!\n    $right: GdprRight!\n    $after: String\n  ) {\n    rightsMatrix(\n      asOf: $asOf\n      scope: $scope\n      purpose: $purpose\n      companies: [$company]\n      rights: [$right]\n      first: 10\n      after: $after\n    ) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        plan {\n          id\n          name\n        }\n        cells {\n          right\n          status\n          mechanism\n          note\n          disputed\n          practice {\n            id\n            summary\n            validFrom\n            validTo\n            attestedFrom\n            default\n            verification\n            scope\n            purpose {\n              id\n              name\n            }\n            legalBasis {\n              id\n              name\n              definedBy {\n                ref\n              }\n            }\n            dataCategories {\n              id\n              name\n            }\n          }\n          sources {\n            ...CellEvidence\n          }\n          disputes {\n            ...CellEvidence\n          }\n        }\n      }\n    }\n  }\n\n  fragment CellEvidence on Evidence {\n    stance\n    claim\n    right\n    alternative\n    quote\n    note\n    claimedBy {\n      id\n      name\n      kind\n    }\n    source {\n      ...SourceLink\n    }\n  }\n\n  fragment SourceLink on Source {\n    id\n    title\n    publisher\n    url\n    publishedAt\n  }\n',
): typeof import('./graphql.js').DashboardCellDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardFindings($asOf: Date, $scope: Scope!, $after: String) {\n    findings(asOf: $asOf, scope: $scope, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        title\n        explanation\n        standing\n        legalBasisEstablished\n        disputed\n        company {\n          id\n          name\n        }\n        product {\n          name\n        }\n        purpose {\n          id\n          name\n        }\n        plans {\n          id\n          name\n          tier\n        }\n        right {\n          code\n          name\n        }\n        legalBasis {\n          name\n        }\n        provisions {\n          id\n          ref\n          title\n        }\n        evidence {\n          stance\n          alternative\n          note\n          claimedBy {\n            name\n          }\n          source {\n            id\n            title\n            publisher\n            url\n            publishedAt\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql.js').DashboardFindingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardTimeline($company: ID!, $after: String) {\n    timeline(company: $company, first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        date\n        kind\n        title\n        changes\n        plans {\n          id\n          name\n        }\n        incident {\n          id\n          kind\n          status\n          before {\n            name\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql.js').DashboardTimelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DashboardStats($to: Date) {\n    stats(to: $to) {\n      incidentCount\n      incidentsPerProvision {\n        count\n        provision {\n          id\n          ref\n          title\n        }\n      }\n      incidentsPerAuthority {\n        count\n        authority {\n          id\n          name\n        }\n      }\n      incidentsPerMonth {\n        month\n        count\n      }\n    }\n  }\n',
): typeof import('./graphql.js').DashboardStatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ReviewQueue($status: ProposalStatus, $after: String) {\n    proposals(status: $status, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        status\n        note\n        proposerKeyId\n        createdAt\n        stale\n        entities {\n          label\n          id\n        }\n        changedSinceProposed {\n          label\n          id\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql.js').ReviewQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ReviewProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      kind\n      status\n      note\n      proposerKeyId\n      createdAt\n      reviewerKeyId\n      reviewedAt\n      reason\n      auditId\n      diff {\n        stale\n        graphState\n        changedSinceProposed {\n          label\n          id\n        }\n        problems {\n          path\n          message\n        }\n        entities {\n          label\n          id\n          change\n          changedSinceProposed\n          fields {\n            field\n            current\n            proposed\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql.js').ReviewProposalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReviewApprove($id: ID!, $acknowledgeStale: String) {\n    approveProposal(id: $id, acknowledgeStale: $acknowledgeStale) {\n      id\n      status\n      reviewedAt\n      auditId\n    }\n  }\n',
): typeof import('./graphql.js').ReviewApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReviewReject($id: ID!, $reason: String!) {\n    rejectProposal(id: $id, reason: $reason) {\n      id\n      status\n      reason\n      reviewedAt\n    }\n  }\n',
): typeof import('./graphql.js').ReviewRejectDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
