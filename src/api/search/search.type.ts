import { ArgsType, Field, Float, ID, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../common/connection';
import {
  Authority,
  Company,
  Incident,
  Party,
  Plan,
  Practice,
  Product,
  Provision,
  Purpose,
} from '../entities/entities.type';

@ObjectType({
  description: 'One match of a text search, with the matched entity under the field of its kind.',
})
export class SearchHit {
  @Field(() => Float, { description: 'Relevance; higher is better.' })
  score!: number;

  @Field({
    description:
      'The kind of entity: Company, Product, Plan, Practice, Incident, Authority, Party, Provision or Purpose.',
  })
  label!: string;

  @Field(() => ID)
  id!: string;

  @Field({ description: 'Its name or title.' })
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => Company, { nullable: true })
  company!: Company | null;

  @Field(() => Product, { nullable: true })
  product!: Product | null;

  @Field(() => Plan, { nullable: true })
  plan!: Plan | null;

  @Field(() => Practice, { nullable: true })
  practice!: Practice | null;

  @Field(() => Incident, { nullable: true })
  incident!: Incident | null;

  @Field(() => Authority, { nullable: true })
  authority!: Authority | null;

  @Field(() => Party, { nullable: true })
  party!: Party | null;

  @Field(() => Provision, { nullable: true })
  provision!: Provision | null;

  @Field(() => Purpose, { nullable: true })
  purpose!: Purpose | null;
}

export const SearchHitConnection = Connection(SearchHit, 'SearchHit', 'search hit');

@ArgsType()
export class SearchArgs extends PageArgs {
  @Field({ description: 'Words to look for in names, titles and summaries (1 to 200 characters).' })
  text!: string;
}
