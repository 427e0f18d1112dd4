import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import { Company } from '../entities/company.type';
import { CompanyConnection } from '../entities/connections';
import { COMPANY_ORDER } from '../entities/orders';
import { queryConnection, queryNode } from '../translate/root-query';
import { CompaniesArgs } from './companies.args';
import { asKnownAt, KnownAtArg } from '../common/known-at';

@Resolver(() => Company)
export class CompaniesResolver {
  @Query(() => Company, { nullable: true, description: 'A company by id, e.g. "mistral-ai".' })
  async company(
    @Arg('id', () => ID, {
      description:
        'The company\'s id, e.g. "mistral-ai"; the answer is null when the graph holds none.',
    })
    id: string,
    @KnownAtArg() knownAt: Date | null | undefined,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return asKnownAt(ctx, knownAt, (at) =>
      queryNode(
        at,
        'company',
        info,
        (n) =>
          new Cypher.Match(
            new Cypher.Pattern(n, {
              labels: ['Company'],
              properties: { id: new Cypher.Param(id) },
            }),
          ),
        {},
        { inputs: id },
      ),
    );
  }

  @Query(() => CompanyConnection, { description: 'Companies by name.' })
  async companies(
    @Args() args: CompaniesArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    if (args.namePrefix !== undefined && args.namePrefix !== null && args.namePrefix.length > 100)
      throw new AppError('BAD_USER_INPUT', '"namePrefix" is at most 100 characters', {
        argument: 'namePrefix',
      });
    return asKnownAt(ctx, args.knownAt, (at) =>
      queryConnection(
        at,
        'companies',
        info,
        COMPANY_ORDER,
        (n) => {
          const conditions: Cypher.Predicate[] = [];
          if (args.country)
            conditions.push(
              Cypher.eq(n.property('country'), new Cypher.Param(args.country.toUpperCase())),
            );
          if (args.namePrefix)
            conditions.push(
              Cypher.startsWith(
                Cypher.toLower(n.property('name')),
                new Cypher.Param(args.namePrefix.toLowerCase()),
              ),
            );
          const match = new Cypher.Match(new Cypher.Pattern(n, { labels: ['Company'] }));
          return conditions.length > 0 ? match.where(Cypher.and(...conditions)) : match;
        },
        { inputs: args },
      ),
    );
  }
}
