import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import { queryNode } from '../query/run';
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
    return queryNode(ctx, 'stats', 'Stats', info, (scope) => {
      scope.bindings.from = scope.param(args.from ?? null);
      scope.bindings.to = scope.param(args.to ?? null);
      return 'WITH 1 AS n';
    });
  }
}
