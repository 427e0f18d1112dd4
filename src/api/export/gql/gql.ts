/* eslint-disable */
import * as types from './graphql';

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
  '\n  query RightsMatrixExport(\n    $asOf: Date\n    $purpose: ID\n    $companies: [ID!]\n    $rights: [GdprRight!]\n    $after: String\n  ) {\n    rightsMatrix(\n      asOf: $asOf\n      purpose: $purpose\n      companies: $companies\n      rights: $rights\n      first: 100\n      after: $after\n    ) {\n      asOf\n      purpose\n      rights\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        company {\n          id\n          name\n        }\n        product {\n          id\n          name\n        }\n        plan {\n          id\n          name\n          tier\n          paid\n        }\n        cells {\n          right\n          status\n          disputed\n          otherStatuses\n        }\n      }\n    }\n  }\n': typeof types.RightsMatrixExportDocument;
};
const documents: Documents = {
  '\n  query RightsMatrixExport(\n    $asOf: Date\n    $purpose: ID\n    $companies: [ID!]\n    $rights: [GdprRight!]\n    $after: String\n  ) {\n    rightsMatrix(\n      asOf: $asOf\n      purpose: $purpose\n      companies: $companies\n      rights: $rights\n      first: 100\n      after: $after\n    ) {\n      asOf\n      purpose\n      rights\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        company {\n          id\n          name\n        }\n        product {\n          id\n          name\n        }\n        plan {\n          id\n          name\n          tier\n          paid\n        }\n        cells {\n          right\n          status\n          disputed\n          otherStatuses\n        }\n      }\n    }\n  }\n':
    types.RightsMatrixExportDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RightsMatrixExport(\n    $asOf: Date\n    $purpose: ID\n    $companies: [ID!]\n    $rights: [GdprRight!]\n    $after: String\n  ) {\n    rightsMatrix(\n      asOf: $asOf\n      purpose: $purpose\n      companies: $companies\n      rights: $rights\n      first: 100\n      after: $after\n    ) {\n      asOf\n      purpose\n      rights\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      rows {\n        company {\n          id\n          name\n        }\n        product {\n          id\n          name\n        }\n        plan {\n          id\n          name\n          tier\n          paid\n        }\n        cells {\n          right\n          status\n          disputed\n          otherStatuses\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql').RightsMatrixExportDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
