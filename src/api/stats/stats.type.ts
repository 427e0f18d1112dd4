import Cypher from '@neo4j/cypher-builder';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import type { IncidentKind } from '../../graph/model';
import { DateScalar } from '../common/date.scalar';
import { IncidentKindEnum } from '../common/enums';
import { Authority } from '../entities/authority.type';
import { Provision } from '../entities/provision.type';
import { Computed } from '../translate/fields/computed-field';
import { Entry } from '../translate/fields/nested-field';
import { Prop } from '../translate/fields/property-field';
import { Related } from '../translate/fields/related-field';
import { Projected } from '../translate/projection';
import { grouped, incidentsInRange } from './stats.query';

@ObjectType({ description: 'How many incidents cite a provision.', simpleResolvers: true })
@Projected()
export class ProvisionCount {
  @Field(() => Provision, { description: 'The provision, as the incidents cite it.' })
  @Entry('provision')
  provision!: Provision;

  @Field(() => Int, { description: 'How many incidents in the range cite it.' })
  @Prop()
  count!: number;
}

@ObjectType({ description: 'How many incidents went before an authority.', simpleResolvers: true })
@Projected()
export class AuthorityCount {
  @Field(() => Authority, { description: 'The authority or court.' })
  @Entry('authority')
  authority!: Authority;

  @Field(() => Int, { description: 'How many incidents in the range went before it.' })
  @Prop()
  count!: number;
}

@ObjectType({ description: 'How many incidents happened in a month.', simpleResolvers: true })
@Projected()
export class MonthCount {
  @Field({ description: 'The month, YYYY-MM (an incident known to the year counts in January).' })
  @Prop()
  month!: string;

  @Field(() => Int, { description: 'How many incidents in the range are dated in that month.' })
  @Prop()
  count!: number;
}

@ObjectType({ description: 'How many incidents are of a kind.', simpleResolvers: true })
@Projected()
export class KindCount {
  @Field(() => IncidentKindEnum, { description: 'The kind of incident.' })
  @Prop()
  kind!: IncidentKind;

  @Field(() => Int, { description: 'How many incidents in the range are of that kind.' })
  @Prop()
  count!: number;
}

@ObjectType({ description: 'Counts of incidents for charts.', simpleResolvers: true })
@Projected()
export class Stats {
  @Field(() => Int, {
    description: 'How many incidents are dated from `from` to `to`; retracted ones are left out.',
  })
  @Computed((_s, _a, ctx) => {
    const i = new Cypher.Node();
    return new Cypher.Count(Cypher.utils.concat(incidentsInRange(i, ctx), new Cypher.Return(i)));
  })
  incidentCount!: number;

  @Field(() => [ProvisionCount], { description: 'Per provision as cited, most cited first.' })
  @Related(
    grouped((i, key) => {
      const pv = new Cypher.Node();
      return {
        pattern: new Cypher.Pattern(i)
          .related({ type: 'CITES', direction: 'right' })
          .to(pv, { labels: ['Provision'] }),
        key: pv,
        entry: (count) => new Cypher.Map({ provision: key, count }),
        order: (to) => [
          [to.property('count'), 'DESC'],
          [to.property('provision').property('regulation'), 'ASC'],
          [to.property('provision').property('article'), 'ASC'],
          [to.property('provision').property('id'), 'ASC'],
        ],
      };
    }),
  )
  incidentsPerProvision!: ProvisionCount[];

  @Field(() => [AuthorityCount], { description: 'Per authority, most first.' })
  @Related(
    grouped((i, key) => {
      const a = new Cypher.Node();
      return {
        pattern: new Cypher.Pattern(i)
          .related({ type: 'BEFORE', direction: 'right' })
          .to(a, { labels: ['Authority'] }),
        key: a,
        entry: (count) => new Cypher.Map({ authority: key, count }),
        order: (to) => [
          [to.property('count'), 'DESC'],
          [to.property('authority').property('id'), 'ASC'],
        ],
      };
    }),
  )
  incidentsPerAuthority!: AuthorityCount[];

  @Field(() => [MonthCount], {
    description: 'Per month, oldest first; months with none are left out.',
  })
  @Related(
    grouped((i, key) => ({
      key: Cypher.left(Cypher.toString(i.property('date')), new Cypher.Literal(7)),
      entry: (count) => new Cypher.Map({ month: key, count }),
      order: (to) => [[to.property('month'), 'ASC']],
    })),
  )
  incidentsPerMonth!: MonthCount[];

  @Field(() => [KindCount], { description: 'Per kind of incident, most first.' })
  @Related(
    grouped((i, key) => ({
      key: i.property('kind'),
      entry: (count) => new Cypher.Map({ kind: key, count }),
      order: (to) => [
        [to.property('count'), 'DESC'],
        [to.property('kind'), 'ASC'],
      ],
    })),
  )
  incidentsPerKind!: KindCount[];
}

@ArgsType()
export class StatsArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Count incidents from this date (inclusive).',
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Count incidents up to this date (inclusive).',
  })
  to?: string | null;
}
