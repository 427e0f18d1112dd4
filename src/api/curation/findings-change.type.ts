import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';

@ObjectType({ description: 'Findings of a company that appeared or went away after a write.' })
export class FindingsChange {
  @Field(() => ID, { description: 'The company\'s id, e.g. "mistral-ai".' })
  companyId!: string;

  @Field(() => DateScalar, { description: 'The date the findings were evaluated on (today).' })
  asOf!: string;

  @Field(() => [ID], { description: 'Ids of findings that appeared (query `findings` for them).' })
  appeared!: string[];

  @Field(() => [ID], {
    description: 'Ids of findings that went away (the rules no longer derive them).',
  })
  disappeared!: string[];
}
