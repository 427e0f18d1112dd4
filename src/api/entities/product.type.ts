import Cypher from '@neo4j/cypher-builder';
import { Field, ID, ObjectType } from 'type-graphql';
import { Prop } from '../translate/fields/property-field';
import { hop, Related } from '../translate/fields/related-field';
import { Projected } from '../translate/projection';
import { Company } from './company.type';
import { tierRank } from './orders';
import { Plan } from './plan.type';

@ObjectType({ description: 'A product of a company, e.g. Le Chat.', simpleResolvers: true })
@Projected()
export class Product {
  @Field(() => ID, { description: 'The product\'s id, e.g. "le-chat".' })
  @Prop()
  id!: string;

  @Field({ description: 'Its name, e.g. "Le Chat".' })
  @Prop()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: "What it is, in the curators' words; null when they wrote none.",
  })
  @Prop()
  summary!: string | null;

  @Field(() => Company, { description: 'The company that offers it.' })
  @Related(hop('OFFERED_BY', 'out', 'Company'))
  company!: Company;

  @Field(() => [Plan], { description: 'Its plans, free first, then by tier and price.' })
  @Related({
    ...hop('OF', 'in', 'Plan'),
    orderBy: (to) => [
      [tierRank(to), 'ASC'],
      [Cypher.coalesce(Cypher.head(to.property('priceAmounts')), new Cypher.Literal(0)), 'ASC'],
      [to.property('id'), 'ASC'],
    ],
  })
  plans!: Plan[];
}
