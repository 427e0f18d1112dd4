import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';
import { ProposalEntity } from './proposal-entity.type';
import {
  type ProposalKind,
  ProposalKindEnum,
  type ProposalStatus,
  ProposalStatusEnum,
} from './proposals.enums';

@ObjectType({
  description:
    'A bundle a contributor proposed, validated like a write and kept out of the graph until a curator approves it. Contributors see their own; curators see all.',
})
export class Proposal {
  @Field(() => ID, { description: "The proposal's id (a UUID)." })
  id!: string;

  @Field(() => ProposalKindEnum, {
    description: 'What was proposed: a bundle, a practice or an incident.',
  })
  kind!: ProposalKind;

  @Field(() => ProposalStatusEnum, { description: 'PENDING, APPROVED or REJECTED.' })
  status!: ProposalStatus;

  @Field({ description: "The proposer's note: what it is, and where it comes from." })
  note!: string;

  @Field(() => ID, { description: 'The API key that proposed it.' })
  proposerKeyId!: string;

  @Field(() => DateTimeResolver, { description: 'When it was proposed (ISO 8601).' })
  createdAt!: string;

  @Field(() => [ProposalEntity], { description: 'The entities it writes.' })
  entities!: ProposalEntity[];

  @Field({
    description:
      'Pending, and the graph changed some of its entities since it was proposed (changedSinceProposed): approving it needs acknowledgeStale. Never true once reviewed.',
  })
  stale!: boolean;

  @Field(() => [ProposalEntity], {
    description:
      'While pending: the entities the graph changed (content or retraction) since it was proposed. Empty once reviewed.',
  })
  changedSinceProposed!: ProposalEntity[];

  @Field(() => ID, { nullable: true, description: 'The curator key that approved or rejected it.' })
  reviewerKeyId!: string | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'When a curator approved or rejected it (ISO 8601); null while pending.',
  })
  reviewedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  reason!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The audit entry of the write its approval made (auditLog, for admins).',
  })
  auditId!: string | null;
}

export const ProposalConnection = Connection(() => Proposal, 'Proposal', 'proposal');
