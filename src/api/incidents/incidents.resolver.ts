import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context';
import { IncidentConnection } from '../entities/connections';
import { Incident } from '../entities/incident.type';
import { INCIDENT_ORDER, RECORDED_ORDER } from '../entities/orders';
import { pageSize } from '../translate/cursor';
import { queryConnection } from '../translate/root-query';
import { IncidentsArgs } from './incidents.args';
import {
  fewBelow,
  filteredIncidents,
  filterNamedIds,
  filteredTotal,
  incidentsMatch,
  isFiltered,
  unfilteredTotal,
} from './incidents.query';
import { asKnownAt } from '../common/known-at';

@Resolver(() => Incident)
export class IncidentsResolver {
  @Query(() => IncidentConnection, {
    description:
      'Incidents, newest first (on the same date, by id descending), filtered by provision, regulation, authority, company, kind and dates.',
  })
  async incidents(
    @Args() args: IncidentsArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return asKnownAt(ctx, args.knownAt, (at) => this.page(args, at, info));
  }

  private page(args: IncidentsArgs, ctx: ApiContext, info: GraphQLResolveInfo): Promise<unknown> {
    const recordedAfter = args.recordedAfter;
    if (recordedAfter) {
      const recorded = (n: Cypher.Node) =>
        Cypher.gt(
          n.property('recordedAt'),
          Cypher.datetime(new Cypher.Param(recordedAfter.toISOString())),
        );
      return queryConnection(
        ctx,
        'incidents',
        info,
        RECORDED_ORDER,
        (n) => incidentsMatch(args.filter, n).and(recorded(n)),
        {
          total: () => filteredTotal(args.filter, recorded),
          inputs: args,
          named: () => filterNamedIds(args.filter),
          keep: 'page',
        },
      );
    }
    // The total and the ways read the same degrees (Ways.shared): built once, when compiled.
    let filtered: ReturnType<typeof filteredIncidents> | undefined;
    const read = () => (filtered ??= filteredIncidents(args.filter));
    // A filter's total counts its incidents, what grows with the graph: kept apart from the
    // page. Without a filter it comes from the count store.
    const counts = isFiltered(args.filter);
    return queryConnection(
      ctx,
      'incidents',
      info,
      INCIDENT_ORDER,
      (n) => incidentsMatch(args.filter, n),
      {
        total: counts ? () => read().total : unfilteredTotal,
        ways: () => read().ways,
        inputs: args,
        named: () => filterNamedIds(args.filter),
        keepTotal: counts ? { filter: args.filter } : undefined,
        // The page too, apart from the costly answers: a dashboard asks the same pages again.
        keep: 'page',
        // A filter with few incidents (Art. 4's three) is read from its node: no walk planned.
        fewBelow: counts ? fewBelow(pageSize(args.first)) : undefined,
      },
    );
  }
}
