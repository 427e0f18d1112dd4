/**
 * Findings: the rules' one fixed query finds the facts (planned once by Neo4j, whatever the
 * selection), TypeScript composes the findings and their words, and a second query, built
 * from the selection, pages through them and reads the entities they name.
 */
import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { todayIso } from '../common/date.scalar';
import type { ApiContext } from '../context';
import type { OrderKey } from '../translate/projection';
import { queryConnection } from '../translate/root-query';
import { FINDING_KINDS } from './findings.rules';
import { deriveFindings } from './findings.store';
import { FindingConnection, FindingsArgs } from './findings.type';

/** By rule, then company name, then id. */
const FINDING_ORDER: OrderKey[] = [
  { expr: (t) => t.property('kind'), direction: 'ASC', kind: 'string' },
  { expr: (t) => t.property('companyName'), direction: 'ASC', kind: 'string' },
  { expr: (t) => t.property('id'), direction: 'ASC', kind: 'string' },
];

@Resolver()
export class FindingsResolver {
  @Query(() => FindingConnection, {
    description:
      'Conclusions derived by rules from the facts holding on a date, in a scope, each with its explanation, standing, provisions, facts and sources.',
  })
  async findings(
    @Args() args: FindingsArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    const asOf = args.asOf ?? todayIso();
    const findings = await deriveFindings(ctx.db, {
      asOf,
      scope: args.scope,
      companies: args.company ? [args.company] : null,
      kinds: args.kind ? [args.kind] : FINDING_KINDS,
    });
    const rows = new Cypher.Param(findings);
    return queryConnection(
      ctx,
      'findings',
      info,
      FINDING_ORDER,
      (node) => new Cypher.Unwind([rows, node]),
      { total: Cypher.size(rows) },
    );
  }
}
