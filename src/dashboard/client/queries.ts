/**
 * Every GraphQL operation the dashboard sends, written against the public contract
 * (schema/schema.graphql). `npm run codegen` types each one into ./gql, so a schema change
 * that breaks a query here fails codegen, and one that changes a result fails the build.
 */
import { graphql } from './gql/gql.js';

/** The companies, for the company filter and the timelines. */
export const CompaniesQuery = graphql(`
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
`);

/**
 * The purposes one company's practices name, for the purpose selector. Asked per company:
 * across every company at once the nesting would exceed the API's cost limit.
 */
export const CompanyPurposesQuery = graphql(`
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
`);

/**
 * One page of the heat map (the API gives at most 100 plans a page): the plans offered on a
 * date, in a scope, of the companies asked (all when null), with a cell per right asked.
 */
export const MatrixQuery = graphql(`
  query DashboardMatrix(
    $asOf: Date
    $scope: Scope!
    $purpose: ID
    $companies: [ID!]
    $rights: [GdprRight!]
    $after: String
  ) {
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
`);

/**
 * What a clicked cell rests on: the practice, its sources, and the sources that dispute the
 * status, each with what it claims instead and on whose behalf. Small pages of one company's
 * plans, as the nested evidence lists weigh on the cost limit.
 */
export const CellQuery = graphql(`
  query DashboardCell(
    $asOf: Date
    $scope: Scope!
    $purpose: ID
    $company: ID!
    $right: GdprRight!
    $after: String
  ) {
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
  }
`);

/** The rules' conclusions on a date and in a scope, each with its standing, provisions and sources. */
export const FindingsQuery = graphql(`
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
`);

/** One company's practice changes and incidents, in date order. */
export const TimelineQuery = graphql(`
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
`);

/** Incident counts for the charts, up to the date shown. */
export const StatsQuery = graphql(`
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
`);
