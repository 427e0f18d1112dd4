import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One try at sending a delivery.' })
export class WebhookAttempt {
  @Field(() => Int, { description: '1 for the first try.' })
  number!: number;

  @Field(() => DateTimeResolver, { description: 'When the request was sent.' })
  at!: string;

  @Field(() => Int, {
    nullable: true,
    description: "The receiver's HTTP status; null when no response came.",
  })
  statusCode!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the try failed (no answer in time, connection refused, a non-2xx status...); null when it succeeded.',
  })
  error!: string | null;

  @Field(() => Int, {
    description: 'Milliseconds from sending to the response headers, or to the failure.',
  })
  durationMs!: number;
}
