/**
 * Findings: the rules' fixed query finds and counts every finding light, cuts the page after the
 * cursor and reads the facts of its rows only (planned once by Neo4j, whatever the selection or
 * the page); TypeScript composes the page's findings and their words; a second query reads the
 * entities they name, one text for every selection that fits in SELECTION.
 */
import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';
import neo4j from 'neo4j-driver';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { todayIso } from '../common/date.scalar';
import type { ApiContext } from '../context';
import { checkCursorValues, decodeCursor, pageSize } from '../translate/cursor';
import { FixedSelection } from '../translate/fixed-selection';
import { queryConnection } from '../translate/root-query';
import { FINDING_KINDS, FINDING_ORDER } from './findings.rules';
import { findingsPage } from './findings.store';
import { FindingConnection, FindingsArgs } from './findings.type';
import { asKnownAt } from '../common/known-at';

// The page in one map parameter, {rows, total}: Neo4j keys a plan on a list parameter's length
// (0, 1, 2 to 10...), so the rows as a list of their own would plan the query again for a page
// of one finding, of a few, of none. A map's contents are not part of the key.
const PAGE = new Cypher.NamedParam('findingPage');
const PAGE_ROWS = PAGE.property('rows');
const PAGE_TOTAL = PAGE.property('total');

// Every selection of a finding's own fields, of the entities it names and of its sources (with
// whose claim each carries, as the dashboard asks) is compiled as this one: Neo4j plans one
// text whatever the fields asked (a new selection's plan took 170 to 500 ms at large, its warm
// answer 21 ms).
const SELECTION = new FixedSelection('Finding', ['evidence.source', 'evidence.claimedBy']);

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
    // Checked before the rules run, with the page query's own checks and messages.
    const first = pageSize(args.first);
    const after =
      typeof args.after === 'string' ? decodeCursor(args.after, FINDING_ORDER.length) : null;
    if (after)
      checkCursorValues(
        after,
        FINDING_ORDER.map((k) => k.kind),
      );
    const asOf = args.asOf ?? todayIso();
    return asKnownAt(ctx, args.knownAt, async (at) => {
      const page = await findingsPage(at.db, {
        asOf,
        scope: args.scope,
        companies: args.company ? [args.company] : null,
        kinds: args.kind ? [args.kind] : FINDING_KINDS,
        first,
        after,
      });
      // The page's findings only, already after the cursor: the page query orders them, makes
      // their cursors and tells whether more follow, as for any connection. The rows and the
      // total are named parameters given with each request, so the query compiled for a
      // selection and its variables serves every page (compiling it cost about 1.5 ms).
      return queryConnection(
        at,
        'findings',
        info,
        FINDING_ORDER,
        (node) => new Cypher.Unwind([PAGE_ROWS, node]),
        {
          total: () => PAGE_TOTAL,
          inputs: {},
          fixed: SELECTION,
          // The same object while the rules' answer is kept: their rows, read on the graph's
          // current version; the entities they name are read once for every selection.
          keptBeside: page,
          values: { [PAGE.id]: { rows: page.findings, total: neo4j.int(page.total) } },
        },
      );
    });
  }
}
