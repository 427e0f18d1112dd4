import Cypher from '@neo4j/cypher-builder';
import { Field, ObjectType } from 'type-graphql';
import type { IncidentStatus } from '../../graph/model';
import { IncidentStatusEnum } from '../common/enums';
import { PartialDateScalar } from '../common/partial-date.scalar';
import { Prop } from '../translate/fields/property-field';
import { Related } from '../translate/fields/related-field';
import { Projected } from '../translate/projection';
import { Source } from './source.type';

@ObjectType({ description: "A dated change of an incident's status.", simpleResolvers: true })
@Projected()
export class StatusChange {
  @Field(() => IncidentStatusEnum, { description: 'The status it changed to.' })
  @Prop()
  status!: IncidentStatus;

  @Field(() => PartialDateScalar, {
    description: 'When it changed, to the day, month or year: "YYYY-MM-DD", "YYYY-MM" or "YYYY".',
  })
  @Prop()
  date!: string;

  @Field(() => String, {
    nullable: true,
    description: "A curator's note on the change; null when there is none.",
  })
  @Prop()
  note!: string | null;

  @Field(() => Source, { nullable: true, description: 'The source that dates the change.' })
  @Related({
    match: ({ source, to }) =>
      new Cypher.Match(new Cypher.Pattern(to, { labels: ['Source'] })).where(
        Cypher.eq(to.property('id'), source.node.property('source')),
      ),
  })
  source!: Source | null;
}
