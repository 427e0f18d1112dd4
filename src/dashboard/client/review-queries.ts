/**
 * The GraphQL operations of the review page (/dashboard/review), sent with the curator's key.
 * Typed by `npm run codegen` into ./gql like the dashboard's own (queries.ts).
 */
import { graphql } from './gql/gql.js';

/** A page of the review queue, oldest first. */
export const ReviewQueueQuery = graphql(`
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
`);

/** One proposal with its diff against the graph as it is now. */
export const ReviewProposalQuery = graphql(`
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
`);

export const ApproveProposalMutation = graphql(`
  mutation ReviewApprove($id: ID!, $acknowledgeStale: String) {
    approveProposal(id: $id, acknowledgeStale: $acknowledgeStale) {
      id
      status
      reviewedAt
      auditId
    }
  }
`);

export const RejectProposalMutation = graphql(`
  mutation ReviewReject($id: ID!, $reason: String!) {
    rejectProposal(id: $id, reason: $reason) {
      id
      status
      reason
      reviewedAt
    }
  }
`);
