import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How many nodes of one label the graph holds.' })
export class LabelCount {
  @Field({ description: 'The node label, e.g. Practice.' })
  label!: string;

  @Field(() => Int, { description: 'How many nodes have the label, retracted ones included.' })
  count!: number;
}

@ObjectType({ description: 'What this API serves: its version and the size of the graph.' })
export class About {
  @Field({ description: 'The API version (package.json).' })
  version!: string;

  @Field(() => [LabelCount], {
    description: 'Node counts per label, for every label of the model.',
  })
  nodeCounts!: LabelCount[];
}
