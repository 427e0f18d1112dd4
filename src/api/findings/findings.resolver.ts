import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context';
import { todayIso } from '../common/date.scalar';
import { queryConnection } from '../query/run';
import { FINDING_ORDER } from './findings.projection';
import { FindingConnection, FindingsArgs } from './findings.type';
import { FINDING_KINDS, type FindingKind, findingsUnion } from './rules';

@Resolver()
export class FindingsResolver {
  @Query(() => FindingConnection, {
    description:
      'Conclusions derived by rules from the facts in force on a date, each with its explanation, provisions, facts and sources.',
  })
  async findings(
    @Args() args: FindingsArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    const kinds: FindingKind[] = args.kind ? [args.kind as FindingKind] : [...FINDING_KINDS];
    return queryConnection(ctx, 'findings', 'Finding', info, FINDING_ORDER, (scope, t) => {
      const asOf = scope.param(args.asOf ?? todayIso());
      const companies = scope.param(args.company ? [args.company] : null);
      return `CALL () {\n${findingsUnion(kinds, asOf, companies)}\n}\nWITH finding AS ${t}`;
    });
  }
}
