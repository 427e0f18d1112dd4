/** The query behind the CSV export: one page of the rights matrix, statuses only. */
import { graphql } from './gql/gql';

export const RightsMatrixExportQuery = graphql(`
  query RightsMatrixExport(
    $asOf: Date
    $purpose: ID
    $companies: [ID!]
    $rights: [GdprRight!]
    $after: String
  ) {
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
`);
