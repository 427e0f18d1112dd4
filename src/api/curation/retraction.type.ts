import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A retraction: the statement stays, marked, with who, when and why.' })
export class Retraction {
  @Field(() => ID, { description: 'The id of the practice or incident retracted.' })
  id!: string;

  @Field({ description: 'Practice or Incident.' })
  label!: string;

  @Field(() => DateTimeResolver, { description: 'When it was retracted (ISO 8601).' })
  retractedAt!: Date;

  @Field({ description: 'Why, as given (trimmed).' })
  reason!: string;

  @Field(() => ID, { description: 'The audit entry of the retraction (auditLog, for admins).' })
  auditId!: string;
}
