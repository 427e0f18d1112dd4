/**
 * Every GraphQL operation the dashboard sends, written against the public contract
 * (schema/schema.graphql). `npm run codegen` types each one into ./gql, so a schema change
 * that breaks a query here fails codegen, and one that changes a result fails the build.
 */
import { graphql } from './gql/gql.js';

/** The companies, for the timelines. */
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

/** One page of the heat map: every plan, every right, the status on a date. */
export const MatrixQuery = graphql(`
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
`);

/**
 * What a clicked cell rests on: the practice, its sources, and the sources that dispute it.
 * Small pages (one company's plans), as the nested evidence lists weigh on the cost limit.
 */
export const CellQuery = graphql(`
  query DashboardCell(
    $asOf: Date
    $purpose: ID
    $company: ID!
    $right: GdprRight!
    $after: String
  ) {
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
  }
`);

/** The rules' conclusions on a date, each with its provisions and sources. */
export const FindingsQuery = graphql(`
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
