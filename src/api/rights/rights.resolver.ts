/**
 * The rights questions: which plans deny a right, and the rights matrix for dashboards.
 * Each is one Cypher query built from the selection.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { GDPR_RIGHTS } from '../../graph/model';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import { todayIso } from '../common/date.scalar';
import { inForce, tierRank } from '../entities/entities.projection';
import { compileConnection, compileObject } from '../query/compile';
import { selectionTree } from '../query/selection';
import { CypherScope } from '../query/scope';
import { type RawConnection, Shaper } from '../query/shape';
import { MATRIX_ORDER } from './rights.projection';
import {
  PlanRightStatus,
  PlansDenyingRightArgs,
  RightsMatrix,
  RightsMatrixArgs,
} from './rights.type';
import './rights.projection';

const MAX_MATRIX_COMPANIES = 100;

@Resolver()
export class RightsResolver {
  @Query(() => [PlanRightStatus], {
    description:
      'The plans where a right cannot be exercised (UNAVAILABLE) or only for payment (PAID_ONLY) on a date, with the practice and the sources for and against.',
  })
  async plansDenyingRight(
    @Args() args: PlansDenyingRightArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown[]> {
    const scope = new CypherScope(info.schema);
    const asOf = scope.param(args.asOf ?? todayIso());
    const purpose = args.purpose
      ? ` AND EXISTS { (p)-[:FOR_PURPOSE]->(:Purpose {id: ${scope.param(args.purpose)}}) }`
      : '';
    // The WITH makes Neo4j filter on status and date before the purpose check
    // (bench/results/whatif-large.txt: 798 -> 199 ms on the large graph).
    const head = `// plansDenyingRight
MATCH (rt:Right {code: ${scope.param(args.right)}})<-[h:HANDLES]-(p:Practice)
WHERE h.status IN ['UNAVAILABLE', 'PAID_ONLY'] AND ${inForce('p', asOf)}
WITH rt, h, p WHERE true${purpose}
MATCH (p)-[:APPLIES_TO]->(pl:Plan)-[:OF]->(pr:Product)-[:OFFERED_BY]->(c:Company)
WITH rt, h, p, pl, pr, c ORDER BY c.name, pr.name, ${tierRank('pl')}, pl.id`;
    const row = compileObject('p', 'PlanRightStatus', [selectionTree(info)], scope, 'h');
    const rows = await ctx.db.readValues(
      'plansDenyingRight',
      `${head}\nRETURN ${row.map} AS row`,
      scope.params,
    );
    const shaper = new Shaper();
    return shaper.finish(rows.map((r) => shaper.object(r.row, row.shape)));
  }

  @Query(() => RightsMatrix, {
    description:
      'Company x plan x right: the status of each right on each plan on a date, one row per plan, for dashboards.',
  })
  async rightsMatrix(
    @Args() args: RightsMatrixArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    if (args.companies && args.companies.length > MAX_MATRIX_COMPANIES) {
      throw new AppError(
        'BAD_USER_INPUT',
        `"companies" takes at most ${MAX_MATRIX_COMPANIES} ids, got ${args.companies.length}`,
        {
          argument: 'companies',
        },
      );
    }
    const rights =
      args.rights && args.rights.length > 0 ? [...new Set(args.rights)] : [...GDPR_RIGHTS];
    const asOf = args.asOf ?? todayIso();
    const scope = new CypherScope(info.schema);
    const tree = selectionTree(info);
    const companies = args.companies ? ` WHERE c.id IN ${scope.param(args.companies)}` : '';
    scope.bindings.rights = scope.param(rights);
    scope.bindings.asOf = scope.param(asOf);
    scope.bindings.purpose = scope.param(args.purpose ?? null);
    const match = `MATCH (c:Company)<-[:OFFERED_BY]-(pr:Product)<-[:OF]-(pl:Plan)${companies}
WITH {company: c, product: pr, plan: pl, companyName: c.name, productName: pr.name, rank: ${tierRank('pl')}} AS t`;
    const compiled = compileConnection(
      't',
      'RightsMatrixRow',
      { ...tree, args: { first: args.first, after: args.after } },
      scope,
      MATRIX_ORDER,
      match,
      {
        nodesField: 'rows',
        ignore: ['asOf', 'purpose', 'rights'],
      },
    );
    const rows = await ctx.db.readValues(
      'rightsMatrix',
      `// rightsMatrix\nRETURN ${compiled.map} AS root`,
      scope.params,
    );
    const shaper = new Shaper();
    const page = shaper.connection(rows[0]!.root as RawConnection, compiled.shape);
    const own: Record<string, unknown> = { asOf, purpose: args.purpose ?? null, rights };
    // In the order of the selection, as graphql-js would give it.
    const answer: Record<string, unknown> = {};
    for (const [alias, sub] of Object.entries(tree.fieldsByTypeName.RightsMatrix ?? {})) {
      answer[alias] = sub.name in own ? own[sub.name] : page[alias];
    }
    // The arguments given back are already in their serialized form (coerced input).
    return shaper.finish(answer);
  }
}
