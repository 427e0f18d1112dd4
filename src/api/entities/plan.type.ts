import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Field, ID, Info, ObjectType } from 'type-graphql';
import type { PlanTier } from '../../graph/model';
import { DateScalar } from '../common/date.scalar';
import { type PaidBasis, PaidBasisEnum, PlanTierEnum } from '../common/enums';
import { PartialDateScalar } from '../common/partial-date.scalar';
import { answered } from '../translate/answered';
import { Computed } from '../translate/fields/computed-field';
import { Paged } from '../translate/fields/connection-field';
import { Nested } from '../translate/fields/nested-field';
import { Prop } from '../translate/fields/property-field';
import { hop, Related } from '../translate/fields/related-field';
import { itemAt } from '../translate/list-item';
import { Projected } from '../translate/projection';
import { inForce, inScope, offered, partialDate } from './conditions';
import { PracticeConnection } from './connections';
import { LastAttested } from './evidence.type';
import { PRACTICE_ORDER } from './orders';
import { PlanPracticesArgs } from './plan-practices.args';
import { Price } from './price.type';
import { Product } from './product.type';

/** A plan's prices, from the parallel lists they are stored in, as maps. */
function prices(plan: Cypher.Variable): Cypher.Expr {
  const i = new Cypher.Variable();
  const at = (name: string) => itemAt(plan.property(name), i);
  return new Cypher.ListComprehension(i)
    .in(
      Cypher.range(
        new Cypher.Literal(0),
        Cypher.minus(
          Cypher.size(Cypher.coalesce(plan.property('priceAmounts'), new Cypher.List([]))),
          new Cypher.Literal(1),
        ),
      ),
    )
    .map(
      new Cypher.Map({
        amount: at('priceAmounts'),
        currency: at('priceCurrencies'),
        period: at('pricePeriods'),
        note: Cypher.nullIf(at('priceNotes'), new Cypher.Literal('')),
      }),
    );
}

@ObjectType({
  description: 'A plan (tier) of a product, e.g. Le Chat Free.',
  simpleResolvers: true,
})
@Projected()
export class Plan {
  @Field(() => ID, { description: 'The plan\'s id, e.g. "le-chat-free".' })
  @Prop()
  id!: string;

  @Field({ description: 'Its name, e.g. "Le Chat Free".' })
  @Prop()
  name!: string;

  @Field(() => PlanTierEnum, { description: 'The kind of plan, e.g. FREE or PRO.' })
  @Prop()
  tier!: PlanTier;

  @Field(() => [Price], {
    description: 'Every price the sources give; empty when none is known (not "free").',
  })
  @Nested(({ node }) => prices(node))
  prices!: Price[];

  @Field(() => Price, {
    nullable: true,
    deprecationReason: 'A plan may have several prices: use `prices`.',
    description: 'The first of `prices`.',
  })
  @Nested(({ node }) => Cypher.head(prices(node)))
  price!: Price | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the plan costs money: as a source states, else from its prices, else from its tier (an unknown price on a paid tier is paid). Null when nothing says.',
  })
  @Prop()
  paid!: boolean | null;

  @Field(() => PaidBasisEnum, { nullable: true, description: 'What `paid` rests on.' })
  @Prop()
  paidBasis!: PaidBasis | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was announced.' })
  @Computed(({ node }) => partialDate(node, 'announced'))
  announced!: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'When it was first offered; null when unknown.',
  })
  @Computed(({ node }) => partialDate(node, 'launched'))
  launched!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it stopped being offered.' })
  @Computed(({ node }) => partialDate(node, 'withdrawn'))
  withdrawn!: string | null;

  @LastAttested()
  lastAttested!: string | null;

  @Field({ description: 'Announced, then never offered.' })
  @Computed(({ node }) => Cypher.coalesce(node.property('neverLaunched'), Cypher.false))
  neverLaunched!: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The first day the graph counts the plan as offered: its launch (the last day of a launch known to the month or year) or, when the launch is unknown, the earliest date a source shows it. Null for a plan never launched.',
  })
  @Prop()
  availableFrom!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The first day it was no longer offered.',
  })
  @Prop()
  availableUntil!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What it is, in the curators' words; null when they wrote none.",
  })
  @Prop()
  summary!: string | null;

  @Field(() => Product, { description: 'The product it is a plan of.' })
  @Related(hop('OF', 'out', 'Product'))
  product!: Product;

  @Field(() => PracticeConnection, {
    description: 'What the company does with data on this plan, newest first.',
  })
  @Paged({
    order: PRACTICE_ORDER,
    match: ({ source, to, args }) => {
      const plan = source.node;
      const conditions: Cypher.Predicate[] = [];
      if (typeof args.asOf === 'string') {
        const asOf = new Cypher.Param(args.asOf);
        conditions.push(inForce(to, asOf), offered(plan, asOf));
      }
      if (typeof args.scope === 'string')
        conditions.push(inScope(to, new Cypher.Param(args.scope)));
      if (typeof args.purpose === 'string')
        conditions.push(
          new Cypher.Exists(
            new Cypher.Pattern(to)
              .related({ type: 'FOR_PURPOSE', direction: 'right' })
              .to(new Cypher.Node(), {
                labels: ['Purpose'],
                properties: { id: new Cypher.Param(args.purpose) },
              }),
          ),
        );
      const match = new Cypher.Match(
        new Cypher.Pattern(plan)
          .related({ type: 'APPLIES_TO', direction: 'left' })
          .to(to, { labels: ['Practice'] }),
      );
      return conditions.length > 0 ? match.where(Cypher.and(...conditions)) : match;
    },
  })
  practices(
    @Args(() => PlanPracticesArgs) _args: PlanPracticesArgs,
    @Info() info: GraphQLResolveInfo,
  ): unknown {
    return answered(this, info);
  }
}
