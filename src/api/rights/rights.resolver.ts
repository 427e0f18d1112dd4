/**
 * The rights questions: which plans deny a right, and the rights matrix for dashboards.
 * Each is one Cypher query built from the selection.
 */
import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import { GDPR_RIGHTS } from '../../graph/model';
import { todayIso } from '../common/date.scalar';
import type { ApiContext } from '../context';
import { compileConnection } from '../translate/compile-connection';
import { compiledOnce } from '../translate/compiled-queries';
import { compilers } from '../translate/compilers';
import { FixedSelection } from '../translate/fixed-selection';
import { checkNamedIds, heldColumn, type NamedIds } from '../translate/named-ids';
import { compileContext, named, queryConnection } from '../translate/root-query';
import { selectionTree } from '../translate/selection';
import { type RawConnection, Shaper } from '../translate/shaper';
import { PlansDenyingRightArgs, RightsMatrixArgs } from './rights.args';
import {
  DENIED_FACETS,
  DENIED_ORDER,
  deniedRows,
  MATRIX_ORDER,
  matrixRows,
  type RightsBindings,
} from './rights.query';
import { PlanRightStatusConnection, RightsMatrix } from './rights.type';
import { asKnownAt } from '../common/known-at';

const MAX_MATRIX_COMPANIES = 100;

// Every selection of a denying plan's fields, of the entities it names, of its sources (with
// whose claim each carries) and of the facets is compiled as this one, and its kept answer is
// shared: a selection never asked before reads the kept answer instead of planning new Cypher
// and running the question again (it counts every denying plan: 0.8 s of Neo4j CPU at large).
const DENYING_SELECTION = new FixedSelection(
  'PlanRightStatus',
  ['supportingSources', 'disputingSources', 'disputes'].flatMap((f) => [
    `${f}.source`,
    `${f}.claimedBy`,
  ]),
);

/** The date asked is resolved by the caller (today's when none is given), as its compile's key. */
function bindings(args: { asOf: string; scope: string; purpose?: string | null }): RightsBindings {
  return {
    asOf: new Cypher.Param(args.asOf),
    scope: new Cypher.Param(args.scope),
    purpose: new Cypher.Param(args.purpose ?? null),
  };
}

@Resolver()
export class RightsResolver {
  @Query(() => PlanRightStatusConnection, {
    description:
      'The plans where a right cannot be exercised (UNAVAILABLE) or only for payment (PAID_ONLY) on a date, in a scope, with the practice and the sources for and against. Paginated by company, product and tier.',
  })
  async plansDenyingRight(
    @Args() args: PlansDenyingRightArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    const asked = { ...args, asOf: args.asOf ?? todayIso() };
    const b = bindings(asked);
    return asKnownAt(ctx, args.knownAt, (at) =>
      queryConnection(
        at,
        'plansDenyingRight',
        info,
        DENIED_ORDER,
        (row) => deniedRows(b, new Cypher.Param(args.right), row),
        // No index gives this order (company, product, tier): the page sorts every row anyway,
        // so the rows are matched once for the page, the total and the facets.
        // The total and the facets count every denying plan: kept until the graph changes.
        {
          facets: DENIED_FACETS,
          materialise: true,
          inputs: asked,
          named: () =>
            args.purpose ? [{ argument: 'purpose', label: 'Purpose', ids: [args.purpose] }] : [],
          keep: 'answer',
          fixed: DENYING_SELECTION,
        },
      ),
    );
  }

  @Query(() => RightsMatrix, {
    description:
      'Company x plan x right: the status of each right on each plan offered on a date, in a scope, one row per plan, for dashboards.',
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
        { argument: 'companies' },
      );
    }
    const rights =
      args.rights && args.rights.length > 0 ? [...new Set(args.rights)] : [...GDPR_RIGHTS];
    const asOf = args.asOf ?? todayIso();
    const { tree, query, shape, namedIds } = compiledOnce(
      info,
      'rightsMatrix',
      { inputs: { args, asOf, rights } },
      () => {
        const b = bindings({ ...args, asOf });
        const tree = selectionTree(info);
        const row = new Cypher.Node();
        const compiled = compileConnection(
          row,
          'RightsMatrix',
          tree,
          compileContext(info, { ...b, rights: new Cypher.Param(rights) }),
          MATRIX_ORDER,
          () => matrixRows(b, args.companies ?? null, row),
          compilers,
          // Ordered by company, product and tier, which no index gives: matched once, as above.
          {
            nodesField: 'rows',
            ignore: ['asOf', 'purpose', 'scope', 'rights'],
            args,
            materialise: true,
          },
        );
        const namedIds: NamedIds[] = [];
        if (args.companies?.length)
          namedIds.push({ argument: 'companies', label: 'Company', ids: args.companies });
        if (args.purpose)
          namedIds.push({ argument: 'purpose', label: 'Purpose', ids: [args.purpose] });
        const answer = new Cypher.Return([compiled.expr, 'root'], ...heldColumn(namedIds));
        const query = named('rightsMatrix', answer);
        return { tree, query, shape: compiled.shape, namedIds };
      },
    );
    const rows = await asKnownAt(ctx, args.knownAt, async (at) => {
      const read = await at.db.readValues(query.name, query.cypher, query.params);
      checkNamedIds(namedIds, read[0]?.held);
      return read;
    });
    const shaper = new Shaper();
    const page = shaper.connection(rows[0]!.root as RawConnection, shape);
    const own: Record<string, unknown> = {
      asOf,
      purpose: args.purpose ?? null,
      scope: args.scope,
      rights,
    };
    // In the order of the selection, as graphql-js would give it.
    const answer: Record<string, unknown> = {};
    for (const [alias, sub] of Object.entries(tree.fieldsByTypeName.RightsMatrix ?? {})) {
      answer[alias] = sub.name in own ? own[sub.name] : page[alias];
    }
    // The arguments given back are already in their serialized form (coerced input).
    return shaper.finish(answer);
  }
}
