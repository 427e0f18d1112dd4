import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import { KnownAtField } from '../common/known-at';

@ArgsType()
export class TimelineArgs extends PageArgs {
  @KnownAtField()
  knownAt?: Date | null;

  @Field(() => ID, {
    description: 'The company, e.g. "mistral-ai"; NOT_FOUND when the graph holds no such company.',
  })
  company!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'From this date (inclusive; an entry known to the month counts from its first day).',
  })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Up to this date (inclusive).' })
  to?: string | null;
}
