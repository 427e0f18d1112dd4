/**
 * What changed at a company, and when: practices starting, changing and ending, and
 * incidents, in date order. A change lists what differs from the practice it replaced.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import { queryConnection } from '../translate/root-query';
import { TimelineArgs } from './timeline.args';
import { TIMELINE_ORDER, timelineEntries } from './timeline.query';
import { TimelineConnection } from './timeline.type';
import { asKnownAt } from '../common/known-at';

@Resolver()
export class TimelineResolver {
  @Query(() => TimelineConnection, {
    description:
      'What changed at a company and when: practice changes and incidents, in date order.',
  })
  async timeline(
    @Args() args: TimelineArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    if (args.from && args.to && args.from > args.to) {
      throw new AppError('BAD_USER_INPUT', `"from" ${args.from} is after "to" ${args.to}`, {
        argument: 'from',
      });
    }
    return asKnownAt(ctx, args.knownAt, (at) =>
      queryConnection(
        at,
        'timeline',
        info,
        TIMELINE_ORDER,
        (row) => timelineEntries(args.company, args.from ?? null, args.to ?? null, row),
        {
          // A union ordered by a computed date: no index gives the order, so match once.
          materialise: true,
          inputs: args,
          named: () => [{ argument: 'company', label: 'Company', ids: [args.company] }],
        },
      ),
    );
  }
}
