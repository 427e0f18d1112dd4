/** Where a proposal stands, what was proposed, and what approving it would do to an entity. */
import { registerEnumType } from 'type-graphql';

export const PROPOSAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const ProposalStatusEnum = Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, s])) as {
  [K in ProposalStatus]: K;
};
registerEnumType(ProposalStatusEnum, {
  name: 'ProposalStatus',
  description: 'Where a proposal stands: waiting for a curator, approved or rejected.',
  valuesConfig: {
    PENDING: { description: 'Waiting for a curator: not in the graph.' },
    APPROVED: { description: 'A curator approved it: written, as any write, with an audit entry.' },
    REJECTED: { description: 'A curator rejected it, with a reason: never written.' },
  },
});

export const PROPOSAL_KINDS = ['BUNDLE', 'PRACTICE', 'INCIDENT'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const ProposalKindEnum = Object.fromEntries(PROPOSAL_KINDS.map((k) => [k, k])) as {
  [K in ProposalKind]: K;
};
registerEnumType(ProposalKindEnum, {
  name: 'ProposalKind',
  description: 'What was proposed; every proposal is stored, diffed and written as a bundle.',
  valuesConfig: {
    BUNDLE: { description: 'A bundle (proposeBundle), as ingestBundle takes it.' },
    PRACTICE: { description: 'One practice (proposePractice), as recordPractice takes it.' },
    INCIDENT: { description: 'One incident (proposeIncident), as recordIncident takes it.' },
  },
});

export const ENTITY_CHANGES = ['CREATED', 'UPDATED', 'UNCHANGED'] as const;
export type EntityChange = (typeof ENTITY_CHANGES)[number];

export const EntityChangeEnum = Object.fromEntries(ENTITY_CHANGES.map((c) => [c, c])) as {
  [K in EntityChange]: K;
};
registerEnumType(EntityChangeEnum, {
  name: 'EntityChange',
  description: 'What approving a proposal would do to one entity, against the graph as it is now.',
  valuesConfig: {
    CREATED: { description: 'The graph has no entity with this id: it would be created.' },
    UPDATED: { description: 'The entity exists with other content: it would be updated.' },
    UNCHANGED: { description: 'The entity exists with the same content: nothing would change.' },
  },
});
