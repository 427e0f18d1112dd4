import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, ID, Info, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import { provisionIdFromRef, regulationId } from '../../graph/citation';
import { Connection, PageArgs } from '../common/connection';
import type { ApiContext } from '../context';
import { Provision } from '../entities/provision.type';
import type { OrderKey } from '../translate/projection';
import { queryConnection, queryNode } from '../translate/root-query';
import { KnownAtField } from '../common/known-at';
import { asKnownAt, KnownAtArg } from '../common/known-at';

export const ProvisionConnection = Connection(() => Provision, 'Provision', 'provision');

/** By regulation, then article, paragraph and point; the id breaks ties. */
const PROVISION_ORDER: OrderKey[] = [
  { expr: (t) => t.property('regulation'), direction: 'ASC', kind: 'string' },
  { expr: (t) => t.property('article'), direction: 'ASC', kind: 'number' },
  {
    expr: (t) => Cypher.coalesce(t.property('paragraph'), new Cypher.Literal(0)),
    direction: 'ASC',
    kind: 'number',
  },
  {
    expr: (t) => Cypher.coalesce(t.property('point'), new Cypher.Literal('')),
    direction: 'ASC',
    kind: 'string',
  },
  { expr: (t) => t.property('id'), direction: 'ASC', kind: 'string' },
];

@ArgsType()
export class ProvisionsArgs extends PageArgs {
  @KnownAtField()
  knownAt?: Date | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only this regulation\'s provisions: its id or a name people use, e.g. "gdpr", "GDPR", "RGPD", "dma", "AI Act". NOT_FOUND when the graph holds no such regulation.',
  })
  regulation?: string | null;
}

/** The provision id a citation names, or BAD_USER_INPUT saying which forms are read. */
export function provisionIdOrFail(ref: string, argument: string): string {
  const id = provisionIdFromRef(ref);
  if (!id)
    throw new AppError(
      'BAD_USER_INPUT',
      `"${ref.slice(0, 80)}" is not a provision citation; try "Art. 21", "Art. 6(1)(f)", "DMA Art. 5(2)" or an id such as "gdpr-21"`,
      { argument },
    );
  return id;
}

/** The regulation id a name or id says, or BAD_USER_INPUT saying which forms are read. */
export function regulationIdOrFail(name: string, argument: string): string {
  const id = name.trim() === '' ? null : regulationId(name);
  if (!id)
    throw new AppError(
      'BAD_USER_INPUT',
      `"${name.slice(0, 80)}" is not a regulation; try an id such as "gdpr", "dma" or "ai-act", or a name such as "GDPR", "RGPD" or "AI Act"`,
      { argument },
    );
  return id;
}

@Resolver(() => Provision)
export class ProvisionsResolver {
  @Query(() => Provision, {
    nullable: true,
    description:
      'A provision by citation or id: "Art. 21" (the GDPR\'s), "Art. 6(1)(f)", "DMA Art. 5(2)", "gdpr-21", "dma-5-2". Null when the graph does not hold it.',
  })
  async provision(
    @Arg('ref', { description: 'The citation or id, e.g. "Art. 12(5)" or "DMA Art. 5(2)".' })
    ref: string,
    @KnownAtArg() knownAt: Date | null | undefined,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    const id = provisionIdOrFail(ref, 'ref');
    return asKnownAt(ctx, knownAt, (at) =>
      queryNode(
        at,
        'provision',
        info,
        (n) =>
          new Cypher.Match(
            new Cypher.Pattern(n, {
              labels: ['Provision'],
              properties: { id: new Cypher.Param(id) },
            }),
          ),
        {},
        { inputs: id },
      ),
    );
  }

  @Query(() => ProvisionConnection, {
    description: 'Provisions the graph holds, by regulation, article, paragraph and point.',
  })
  async provisions(
    @Args() args: ProvisionsArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    // Read when the query is compiled (by both its match and its check), not on every request.
    const regulation = () =>
      args.regulation ? regulationIdOrFail(args.regulation, 'regulation') : null;
    return asKnownAt(ctx, args.knownAt, (at) =>
      queryConnection(
        at,
        'provisions',
        info,
        PROVISION_ORDER,
        (n) => {
          const match = new Cypher.Match(new Cypher.Pattern(n, { labels: ['Provision'] }));
          const id = regulation();
          return id
            ? match.where(Cypher.eq(n.property('regulation'), new Cypher.Param(id)))
            : match;
        },
        {
          inputs: args,
          named: () => {
            const id = regulation();
            return id ? [{ argument: 'regulation', label: 'Regulation', ids: [id] }] : [];
          },
        },
      ),
    );
  }
}
