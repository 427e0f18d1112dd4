import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An entity a proposal writes: its label and id.' })
export class ProposalEntity {
  @Field({ description: 'Practice, Incident, Source, Plan...' })
  label!: string;

  @Field(() => ID, { description: 'Its id, e.g. "mistral-le-chat-free-training-2025".' })
  id!: string;
}
