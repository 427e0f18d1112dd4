import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import { Provision } from '../entities/entities.type';
import { queryNode } from '../query/run';
import { provisionIdFromRef } from './provision-ref';

@Resolver(() => Provision)
export class ProvisionsResolver {
  @Query(() => Provision, {
    nullable: true,
    description:
      'A GDPR provision by citation: "Art. 21", "Art. 6(1)(f)", "GDPR-21" or its id. Null when the graph does not hold it.',
  })
  async provision(
    @Arg('ref', { description: 'The citation, e.g. "Art. 12(5)".' }) ref: string,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    const id = provisionIdFromRef(ref);
    if (!id) {
      throw new AppError(
        'BAD_USER_INPUT',
        `"${ref.slice(0, 80)}" is not a provision citation; try "Art. 21", "Art. 6(1)(f)" or "GDPR-21"`,
        {
          argument: 'ref',
        },
      );
    }
    return queryNode(
      ctx,
      'provision',
      'Provision',
      info,
      (scope) => `MATCH (n:Provision {id: ${scope.param(id)}})`,
    );
  }
}
