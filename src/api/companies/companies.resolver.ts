import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, ID, Info, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context';
import { PageArgs } from '../common/connection';
import { COMPANY_ORDER } from '../entities/entities.projection';
import { Company, CompanyConnection } from '../entities/entities.type';
import { queryConnection, queryNode } from '../query/run';

@ArgsType()
export class CompaniesArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only companies of this country (ISO 3166-1 alpha-2).',
  })
  country?: string | null;
}

@Resolver(() => Company)
export class CompaniesResolver {
  @Query(() => Company, { nullable: true, description: 'A company by id, e.g. "mistral-ai".' })
  async company(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return queryNode(
      ctx,
      'company',
      'Company',
      info,
      (scope) => `MATCH (n:Company {id: ${scope.param(id)}})`,
    );
  }

  @Query(() => CompanyConnection, { description: 'Companies by name.' })
  async companies(
    @Args() args: CompaniesArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return queryConnection(ctx, 'companies', 'Company', info, COMPANY_ORDER, (scope, t) =>
      args.country
        ? `MATCH (${t}:Company {country: ${scope.param(args.country.toUpperCase())}})`
        : `MATCH (${t}:Company)`,
    );
  }
}
