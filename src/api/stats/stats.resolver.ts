import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import { queryNode } from '../translate/root-query';
import { Stats, StatsArgs } from './stats.type';

@Resolver()
export class StatsResolver {
  @Query(() => Stats, {
    description: 'Counts of incidents per provision, authority, month and kind, for charts.',
  })
  async stats(
    @Args() args: StatsArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    if (args.from && args.to && args.from > args.to) {
      throw new AppError('BAD_USER_INPUT', `"from" ${args.from} is after "to" ${args.to}`, {
        argument: 'from',
      });
    }
    return queryNode(
      ctx,
      'stats',
      info,
      (n) => new Cypher.With([new Cypher.Literal(1), n]),
      { from: new Cypher.Param(args.from ?? null), to: new Cypher.Param(args.to ?? null) },
      { inputs: args },
    );
  }
}
