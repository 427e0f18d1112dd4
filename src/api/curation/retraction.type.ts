import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A retraction: the statement stays, marked, with who, when and why.' })
export class Retraction {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Practice or Incident.' })
  label!: string;

  @Field(() => DateTimeResolver)
  retractedAt!: Date;

  @Field()
  reason!: string;

  @Field(() => ID, { nullable: true })
  auditId!: string | null;
}
