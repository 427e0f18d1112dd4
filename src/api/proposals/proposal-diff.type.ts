import { Field, ObjectType } from 'type-graphql';
import { InputProblem } from '../curation/ingest-report.type';
import { EntityDiff } from './entity-diff.type';
import { ProposalEntity } from './proposal-entity.type';

@ObjectType({
  description:
    'A proposal against the graph as it is now: entity by entity, field by field, and whether the graph changed under it since it was proposed.',
})
export class ProposalDiff {
  @Field({
    description:
      "A pending proposal some of whose entities the graph changed since it was proposed. Approving it needs acknowledgeStale: this diff's graphState.",
  })
  stale!: boolean;

  @Field(() => [ProposalEntity], {
    description: 'The entities the graph changed since the proposal.',
  })
  changedSinceProposed!: ProposalEntity[];

  @Field({
    description:
      "A fingerprint of the graph's current content for this proposal's entities. Pass it to approveProposal(acknowledgeStale:) to approve a stale proposal as reviewed here; if the graph changes again, it no longer matches.",
  })
  graphState!: string;

  @Field(() => [EntityDiff], {
    description: 'Each entity the proposal writes, with what approving it would change.',
  })
  entities!: EntityDiff[];

  @Field(() => [InputProblem], {
    description:
      'What a write of this proposal would be refused for now (the validation of ingestBundle, against the graph as it is); empty when it validates.',
  })
  problems!: InputProblem[];
}
