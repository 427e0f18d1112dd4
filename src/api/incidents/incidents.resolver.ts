import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, ID, Info, InputType, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import { PageArgs } from '../common/connection';
import { DateScalar } from '../common/date.scalar';
import { IncidentKindEnum } from '../common/enums';
import { DateTimeResolver } from 'graphql-scalars';
import { INCIDENT_ORDER, RECORDED_ORDER, standing } from '../entities/entities.projection';
import { Incident, IncidentConnection } from '../entities/entities.type';
import { provisionIdFromRef } from '../provisions/provision-ref';
import { queryConnection } from '../query/run';
import type { CypherScope } from '../query/scope';

@InputType({ description: 'Which incidents to list; every given condition must hold.' })
export class IncidentFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Cites this provision or one of its parts, e.g. "Art. 12" or "Art. 21(1)".',
  })
  provision?: string | null;

  @Field(() => ID, { nullable: true, description: 'Brought before this authority, e.g. "cnil".' })
  authority?: string | null;

  @Field(() => ID, { nullable: true, description: 'Against this company, e.g. "mistral-ai".' })
  company?: string | null;

  @Field(() => IncidentKindEnum, { nullable: true })
  kind?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'On or after this date.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'On or before this date.' })
  to?: string | null;
}

@ArgsType()
export class IncidentsArgs extends PageArgs {
  @Field(() => IncidentFilter, { nullable: true })
  filter?: IncidentFilter | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      'For polling: only incidents recorded after this instant, in the order they were recorded (oldest first).',
  })
  recordedAfter?: Date | null;
}

/** The MATCH of incidents meeting a filter; every value is a parameter. */
export function incidentsMatch(
  filter: IncidentFilter | null | undefined,
  scope: CypherScope,
  t: string,
): string {
  // Every incident has a date and an id; saying so lets the (date, id) index give the order.
  const where: string[] = [`${t}.date IS NOT NULL AND ${t}.id IS NOT NULL`, standing(t)];
  const f = filter ?? {};
  if (f.provision) {
    const id = provisionIdFromRef(f.provision);
    if (!id)
      throw new AppError(
        'BAD_USER_INPUT',
        `filter.provision "${f.provision.slice(0, 80)}" is not a provision citation, e.g. "Art. 12"`,
        { argument: 'filter.provision' },
      );
    where.push(
      `EXISTS { (${t})-[:CITES]->(:Provision)-[:PART_OF*0..3]->(:Provision {id: ${scope.param(id)}}) }`,
    );
  }
  if (f.authority)
    where.push(`EXISTS { (${t})-[:BEFORE]->(:Authority {id: ${scope.param(f.authority)}}) }`);
  if (f.company)
    where.push(`EXISTS { (${t})-[:AGAINST]->(:Company {id: ${scope.param(f.company)}}) }`);
  if (f.kind) where.push(`${t}.kind = ${scope.param(f.kind)}`);
  if (f.from) where.push(`${t}.date >= date(${scope.param(f.from)})`);
  if (f.to) where.push(`${t}.date <= date(${scope.param(f.to)})`);
  if (f.from && f.to && f.from > f.to)
    throw new AppError('BAD_USER_INPUT', `filter.from ${f.from} is after filter.to ${f.to}`, {
      argument: 'filter',
    });
  return `MATCH (${t}:Incident)${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
}

const UNFILTERED_TOTAL =
  'COUNT { (:Incident) } - COUNT { MATCH (i:Incident) WHERE i.retractedAt IS NOT NULL RETURN i }';

@Resolver(() => Incident)
export class IncidentsResolver {
  @Query(() => IncidentConnection, {
    description:
      'Incidents, newest first (on the same date, by id descending), filtered by provision, authority, company, kind and dates.',
  })
  async incidents(
    @Args() args: IncidentsArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    const recordedAfter = args.recordedAfter;
    if (recordedAfter) {
      return queryConnection(
        ctx,
        'incidents',
        'Incident',
        info,
        RECORDED_ORDER,
        (scope, t) =>
          `${incidentsMatch(args.filter, scope, t)} AND ${t}.recordedAt > datetime(${scope.param(recordedAfter.toISOString())})`,
      );
    }
    const filtered = Object.values(args.filter ?? {}).some((v) => v !== null && v !== undefined);
    return queryConnection(
      ctx,
      'incidents',
      'Incident',
      info,
      INCIDENT_ORDER,
      (scope, t) => incidentsMatch(args.filter, scope, t),
      // Unfiltered, the total is the count store minus the retracted (indexed): no scan.
      filtered ? {} : { total: () => UNFILTERED_TOTAL },
    );
  }
}
