import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { IncidentKindEnum } from '../common/enums';
import { Authority, Provision } from '../entities/entities.type';

@ObjectType({ description: 'How many incidents cite a provision.' })
export class ProvisionCount {
  @Field(() => Provision)
  provision!: Provision;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How many incidents went before an authority.' })
export class AuthorityCount {
  @Field(() => Authority)
  authority!: Authority;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How many incidents happened in a month.' })
export class MonthCount {
  @Field({ description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How many incidents are of a kind.' })
export class KindCount {
  @Field(() => IncidentKindEnum)
  kind!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Counts of incidents for charts.' })
export class Stats {
  @Field(() => Int)
  incidentCount!: number;

  @Field(() => [ProvisionCount], { description: 'Per provision as cited, most cited first.' })
  incidentsPerProvision!: ProvisionCount[];

  @Field(() => [AuthorityCount], { description: 'Per authority, most first.' })
  incidentsPerAuthority!: AuthorityCount[];

  @Field(() => [MonthCount], {
    description: 'Per month, oldest first; months with none are left out.',
  })
  incidentsPerMonth!: MonthCount[];

  @Field(() => [KindCount], { description: 'Per kind of incident, most first.' })
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
