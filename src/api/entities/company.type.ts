import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Field, ID, Info, ObjectType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { answered } from '../translate/answered';
import { Paged } from '../translate/fields/connection-field';
import { Nested } from '../translate/fields/nested-field';
import { Prop } from '../translate/fields/property-field';
import { hop, Related } from '../translate/fields/related-field';
import { Projected } from '../translate/projection';
import { standing } from './conditions';
import { IncidentConnection } from './connections';
import { EuEstablishment } from './eu-establishment.type';
import { Evidence, evidenceOf } from './evidence.type';
import { INCIDENT_ORDER } from './orders';
import { Product } from './product.type';

@ObjectType({ description: 'A company whose practices the graph tracks.', simpleResolvers: true })
@Projected()
export class Company {
  @Field(() => ID, { description: 'The company\'s id, e.g. "mistral-ai".' })
  @Prop()
  id!: string;

  @Field({ description: 'Its name, e.g. "Mistral AI".' })
  @Prop()
  name!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code of its seat.' })
  @Prop()
  country!: string;

  @Field(() => String, { nullable: true, description: 'Its website; null when not recorded.' })
  @Prop()
  website!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What it is and does, in the curators' words; null when they wrote none.",
  })
  @Prop()
  summary!: string | null;

  @Field(() => Company, { nullable: true, description: 'The company it belongs to.' })
  @Related(hop('SUBSIDIARY_OF', 'out', 'Company'))
  parent!: Company | null;

  @Field(() => [Company], { description: 'The companies that belong to it.' })
  @Related(hop('SUBSIDIARY_OF', 'in', 'Company', ['name']))
  subsidiaries!: Company[];

  @Field(() => EuEstablishment, {
    nullable: true,
    description: 'The EEA establishment that acts as controller, when its policy names one.',
  })
  @Nested(({ node }) =>
    new Cypher.Case()
      .when(Cypher.isNull(node.property('euEstablishmentName')))
      .then(Cypher.Null)
      .else(
        new Cypher.Map({
          name: node.property('euEstablishmentName'),
          country: node.property('euEstablishmentCountry'),
          note: node.property('euEstablishmentNote'),
        }),
      ),
  )
  euEstablishment!: EuEstablishment | null;

  @Field(() => [Product], { description: 'The products it offers, in order of name.' })
  @Related(hop('OFFERED_BY', 'in', 'Product', ['name', 'id']))
  products!: Product[];

  @Field(() => IncidentConnection, {
    description:
      'Incidents against the company, newest first (on the same date, by id descending).',
  })
  @Paged({
    order: INCIDENT_ORDER,
    match: ({ source, to }) =>
      new Cypher.Match(
        new Cypher.Pattern(source.node)
          .related({ type: 'AGAINST', direction: 'left' })
          .to(to, { labels: ['Incident'] }),
      ).where(standing(to)),
  })
  incidents(@Args(() => PageArgs) _args: PageArgs, @Info() info: GraphQLResolveInfo): unknown {
    return answered(this, info);
  }

  @Field(() => [Evidence], {
    description:
      'Every source cited for the company: supporting ones first, then disputing, each by publication date, undated ones last.',
  })
  @Related(evidenceOf())
  sources!: Evidence[];
}
