import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An entity a proposal writes: its label and id.' })
export class ProposalEntity {
  @Field({ description: 'Practice, Incident, Source, Plan...' })
  label!: string;

  @Field(() => ID)
  id!: string;
}
