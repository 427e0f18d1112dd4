import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What a write did to one label.' })
export class LabelChange {
  @Field({ description: 'The node label, e.g. Practice.' })
  label!: string;

  @Field(() => Int, {
    description: 'Entries whose id the graph did not hold: created (in a dry run, would be).',
  })
  created!: number;

  @Field(() => Int, {
    description:
      "Entries whose content differed from the graph's: updated (in a dry run, would be).",
  })
  updated!: number;

  @Field(() => Int, {
    description: 'Entries with the same content as the graph holds: not written.',
  })
  unchanged!: number;
}

@ObjectType({ description: 'A problem or warning about an input, with where it is.' })
export class InputProblem {
  @Field(() => String, {
    nullable: true,
    description:
      'The file it is in: a seed file, or "input" for what was sent through the API; null when not tied to one.',
  })
  file!: string | null;

  @Field({ description: 'Where inside the input, e.g. "practices[2].validTo".' })
  path!: string;

  @Field({ description: 'What is wrong or doubtful, in words.' })
  message!: string;
}

@ObjectType({ description: 'The outcome of a bundle write (or of a dry run: what it would do).' })
export class IngestReport {
  @Field({ description: 'True for a dry run: nothing was written.' })
  dryRun!: boolean;

  @Field(() => [LabelChange], {
    description:
      'Per label the bundle holds entries of: how many were created, updated or unchanged.',
  })
  changes!: LabelChange[];

  @Field(() => Int, {
    description: 'Relationships written for the entities created or updated; 0 in a dry run.',
  })
  relationshipsWritten!: number;

  @Field(() => [ID], { description: 'The entities created or updated.' })
  changedIds!: string[];

  @Field(() => [InputProblem], {
    description:
      'What looks wrong without stopping the write, e.g. a source never cited, a plan never launched.',
  })
  warnings!: InputProblem[];

  @Field(() => ID, { nullable: true, description: 'The audit entry of this write.' })
  auditId!: string | null;
}
