import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Field, ID, Info, Int, ObjectType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { answered } from '../translate/answered';
import { Paged } from '../translate/fields/connection-field';
import { Prop } from '../translate/fields/property-field';
import { hop, Related } from '../translate/fields/related-field';
import { Projected } from '../translate/projection';
import { IncidentConnection } from './connections';
import { INCIDENT_ORDER } from './orders';
import { provisionIncidents } from '../incidents/incidents.query';
import { Regulation } from './regulation.type';
import { Right } from './right.type';

@ObjectType({
  description: 'An article, paragraph or point of a regulation, e.g. Art. 6(1)(f) GDPR.',
  simpleResolvers: true,
})
@Projected()
export class Provision {
  @Field(() => ID, { description: 'The regulation, then the numbers: gdpr-6-1-f, dma-5-2.' })
  @Prop()
  id!: string;

  @Field({ description: 'The citation within its regulation, e.g. "Art. 6(1)(f)".' })
  @Prop()
  ref!: string;

  @Field({ description: 'The full citation, e.g. "GDPR Art. 6(1)(f)" or "DMA Art. 5(2)".' })
  @Prop()
  citation!: string;

  @Field(() => Int, { description: 'The article number, e.g. 6 in Art. 6(1)(f).' })
  @Prop()
  article!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The paragraph number, e.g. 1 in Art. 6(1)(f); null when the citation has none.',
  })
  @Prop()
  paragraph!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The point letter, e.g. "f" in Art. 6(1)(f); null when the citation has none.',
  })
  @Prop()
  point!: string | null;

  @Field({ description: 'A short title, e.g. "Right to object" for Art. 21 GDPR.' })
  @Prop()
  title!: string;

  @Field({ description: "A short summary in the curators' words." })
  @Prop()
  summary!: string;

  @Field(() => Regulation, { description: 'The regulation it belongs to.' })
  @Related({
    match: ({ source, to }) =>
      new Cypher.Match(
        new Cypher.Pattern(source.node)
          .related({ type: 'PART_OF', direction: 'right', length: { min: 1, max: 4 } })
          .to(to, { labels: ['Regulation'] }),
      ),
  })
  regulation!: Regulation;

  @Field(() => Provision, {
    nullable: true,
    description: 'The enclosing provision (Art. 21 for Art. 21(1)).',
  })
  @Related(hop('PART_OF', 'out', 'Provision'))
  partOf!: Provision | null;

  @Field(() => [Provision], { description: 'The paragraphs or points within this provision.' })
  @Related(hop('PART_OF', 'in', 'Provision', ['paragraph', 'point']))
  parts!: Provision[];

  @Field(() => [Right], { description: 'The rights this provision or one of its parts grants.' })
  @Related({
    match: ({ source, to }) => {
      return new Cypher.Match(new Cypher.Pattern(to, { labels: ['Right'] })).where(
        new Cypher.Exists(
          new Cypher.Pattern(to)
            .related({ type: 'GRANTED_BY', direction: 'right' })
            .to(new Cypher.Node(), { labels: ['Provision'] })
            .related({ type: 'PART_OF', direction: 'right', length: { min: 0, max: 3 } })
            .to(source.node),
        ),
      );
    },
    orderBy: (to) => [[to.property('code'), 'ASC']],
  })
  rights!: Right[];

  @Field(() => [Right], {
    description:
      "The rights this provision's rule applies to, e.g. Art. 12(5) (free of charge): the rights of Arts. 15 to 22.",
  })
  @Related(hop('COVERS', 'out', 'Right', ['code']))
  covers!: Right[];

  @Field(() => IncidentConnection, {
    description:
      'Incidents citing this provision or one of its parts, newest first (on the same date, by id descending).',
  })
  @Paged({
    order: INCIDENT_ORDER,
    match: ({ source, to }) => provisionIncidents(source.node).match(to),
    total: ({ source }) => provisionIncidents(source.node).total(),
    ways: ({ source }) => provisionIncidents(source.node).ways(),
  })
  incidents(@Args(() => PageArgs) _args: PageArgs, @Info() info: GraphQLResolveInfo): unknown {
    return answered(this, info);
  }
}
