import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'How many items of the whole list (not only the page) share a value.',
  simpleResolvers: true,
})
export class FacetCount {
  @Field({ description: 'The value: an id or an enum value, usable as a filter.' })
  value!: string;

  @Field({ description: 'The value as people read it (a company name; a tier).' })
  label!: string;

  @Field(() => Int, { description: 'How many items of the whole list have the value.' })
  count!: number;
}
