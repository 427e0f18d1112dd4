import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What a write did to one label.' })
export class LabelChange {
  @Field()
  label!: string;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;
}

@ObjectType({ description: 'A problem or warning about an input, with where it is.' })
export class InputProblem {
  @Field(() => String, { nullable: true })
  file!: string | null;

  @Field({ description: 'Where inside the input, e.g. "practices[2].validTo".' })
  path!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'The outcome of a bundle write (or of a dry run: what it would do).' })
export class IngestReport {
  @Field()
  dryRun!: boolean;

  @Field(() => [LabelChange])
  changes!: LabelChange[];

  @Field(() => Int)
  relationshipsWritten!: number;

  @Field(() => [ID], { description: 'The entities created or updated.' })
  changedIds!: string[];

  @Field(() => [InputProblem])
  warnings!: InputProblem[];

  @Field(() => ID, { nullable: true, description: 'The audit entry of this write.' })
  auditId!: string | null;
}
