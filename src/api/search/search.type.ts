import Cypher from '@neo4j/cypher-builder';
import { ArgsType, Field, Float, ID, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '../common/connection';
import { Authority } from '../entities/authority.type';
import { Company } from '../entities/company.type';
import { Incident } from '../entities/incident.type';
import { Party } from '../entities/party.type';
import { Plan } from '../entities/plan.type';
import { Practice } from '../entities/practice.type';
import { Product } from '../entities/product.type';
import { Provision } from '../entities/provision.type';
import { Purpose } from '../entities/purpose.type';
import { AppError } from '../../errors';
import { Computed } from '../translate/fields/computed-field';
import { Nested } from '../translate/fields/nested-field';
import { Prop } from '../translate/fields/property-field';
import { Projected } from '../translate/projection';
import { KnownAtField } from '../common/known-at';

/** The hit's node under the field of its label; null under the others. */
const as = (label: string) =>
  Nested(({ node }) => new Cypher.Case().when(node.hasLabel(label)).then(node).else(Cypher.Null));

@ObjectType({
  description: 'One match of a text search, with the matched entity under the field of its kind.',
  simpleResolvers: true,
})
@Projected()
export class SearchHit {
  @Field(() => Float, { description: 'Relevance; higher is better.' })
  @Computed((_source, _args, ctx) => {
    const score = ctx.bindings.score;
    if (!score) throw new AppError('INTERNAL_SERVER_ERROR', 'the search score is not bound');
    return score;
  })
  score!: number;

  @Field({
    description:
      'The kind of entity: Company, Product, Plan, Practice, Incident, Authority, Party, Provision or Purpose.',
  })
  @Computed(({ node }) => {
    // Every node of the model is also an :Entity (ids unique across the graph): not a kind.
    const label = new Cypher.Variable();
    return Cypher.head(
      new Cypher.ListComprehension(label)
        .in(Cypher.labels(node))
        .where(Cypher.neq(label, new Cypher.Literal('Entity'))),
    );
  })
  label!: string;

  @Field(() => ID, { description: 'The id of the entity matched, e.g. "mistral-ai".' })
  @Prop()
  id!: string;

  @Field({ description: 'Its name or title.' })
  @Computed(({ node }) =>
    Cypher.coalesce(
      node.property('name'),
      node.property('title'),
      node.property('citation'),
      node.property('id'),
    ),
  )
  title!: string;

  @Field(() => String, { nullable: true, description: 'Its summary; null when it has none.' })
  @Prop()
  summary!: string | null;

  @Field(() => Company, {
    nullable: true,
    description: 'The entity when it is a company; null otherwise.',
  })
  @as('Company')
  company!: Company | null;

  @Field(() => Product, {
    nullable: true,
    description: 'The entity when it is a product; null otherwise.',
  })
  @as('Product')
  product!: Product | null;

  @Field(() => Plan, {
    nullable: true,
    description: 'The entity when it is a plan; null otherwise.',
  })
  @as('Plan')
  plan!: Plan | null;

  @Field(() => Practice, {
    nullable: true,
    description: 'The entity when it is a practice; null otherwise.',
  })
  @as('Practice')
  practice!: Practice | null;

  @Field(() => Incident, {
    nullable: true,
    description: 'The entity when it is an incident; null otherwise.',
  })
  @as('Incident')
  incident!: Incident | null;

  @Field(() => Authority, {
    nullable: true,
    description: 'The entity when it is an authority; null otherwise.',
  })
  @as('Authority')
  authority!: Authority | null;

  @Field(() => Party, {
    nullable: true,
    description: 'The entity when it is a party; null otherwise.',
  })
  @as('Party')
  party!: Party | null;

  @Field(() => Provision, {
    nullable: true,
    description: 'The entity when it is a provision; null otherwise.',
  })
  @as('Provision')
  provision!: Provision | null;

  @Field(() => Purpose, {
    nullable: true,
    description: 'The entity when it is a purpose; null otherwise.',
  })
  @as('Purpose')
  purpose!: Purpose | null;
}

export const SearchHitConnection = Connection(() => SearchHit, 'SearchHit', 'search hit');

@ArgsType()
export class SearchArgs extends PageArgs {
  @KnownAtField()
  knownAt?: Date | null;

  @Field({ description: 'Words to look for in names, titles and summaries (1 to 200 characters).' })
  text!: string;
}
