/**
 * The Cypher of the rights questions. Rows are maps: {company, product, plan, practice,
 * handles, right} and the sort keys; the row types (rights.type.ts) read their entries.
 * The date, scope, purpose and rights are the root field's parameters, shared with the cells
 * through the compile context's bindings: Neo4j evaluates date($asOf) once per query.
 */
import Cypher from '@neo4j/cypher-builder';
import { AppError } from '../../errors';
import { WITHHOLDING_STATUSES } from '../../graph/model';
import { inForce, inScope, offered, practicePlans } from '../entities/conditions';
import { tierRank } from '../entities/orders';
import type { Facet } from '../translate/compile-connection';
import { foundFirst, keepWhere, matchUsingIndex } from '../translate/planner-hints';
import type { OrderKey } from '../translate/projection';
import type { Traversal } from '../translate/fields/related-field';

export interface RightsBindings {
  asOf: Cypher.Param;
  scope: Cypher.Param;
  /** A purpose id, or null for every purpose. */
  purpose: Cypher.Param;
}

/** Whether the practice is for the purpose (a null purpose: any). */
function forPurpose(practice: Cypher.Node, purpose: Cypher.Expr): Cypher.Predicate {
  return Cypher.or(
    Cypher.isNull(purpose),
    new Cypher.Exists(
      new Cypher.Pattern(practice)
        .related({ type: 'FOR_PURPOSE', direction: 'right' })
        .to(new Cypher.Node(), { labels: ['Purpose'], properties: { id: purpose } }),
    ),
  );
}

/** Rows in company, product, tier order; the row map carries its sort keys. */
export const DENIED_ORDER: OrderKey[] = [
  { expr: (t) => t.property('companyName'), direction: 'ASC', kind: 'string' },
  { expr: (t) => t.property('productName'), direction: 'ASC', kind: 'string' },
  { expr: (t) => t.property('rank'), direction: 'ASC', kind: 'number' },
  { expr: (t) => t.property('planId'), direction: 'ASC', kind: 'string' },
  { expr: (t) => t.property('practiceId'), direction: 'ASC', kind: 'string' },
];

/** plansDenyingRight's facets: rows by company and by tier. */
export const DENIED_FACETS: Record<string, Facet> = {
  byCompany: (t) => ({
    value: t.property('company').property('id'),
    label: t.property('companyName'),
  }),
  byTier: (t) => ({
    value: t.property('plan').property('tier'),
    label: t.property('plan').property('tier'),
  }),
};

/** The plans on which a practice in force withholds the right (PAID_ONLY, UNAVAILABLE), as rows bound to `row`. */
export function deniedRows(
  b: RightsBindings,
  right: Cypher.Param,
  row: Cypher.Variable,
): Cypher.Clause {
  const rt = new Cypher.Node();
  const h = new Cypher.Relationship();
  const p = new Cypher.Node();
  const pl = new Cypher.Node();
  const pr = new Cypher.Node();
  const c = new Cypher.Node();
  // The right asked for, recognised by its element id among the rights of the seek below.
  const askedRight = foundFirst('Right', { code: right });
  return Cypher.utils.concat(
    askedRight.clause,
    // The denying relationships by the HANDLES(status) index (migration 013), then the date and
    // scope: 57,096 rows on the large bench graph instead of every practice started by then.
    matchUsingIndex(
      new Cypher.Pattern(rt)
        .related(h, { type: 'HANDLES', direction: 'left' })
        .to(p, { labels: ['Practice'] }),
      { variable: h, name: 'HANDLES', properties: ['status'] },
      Cypher.and(
        Cypher.in(h.property('status'), new Cypher.Literal([...WITHHOLDING_STATUSES])),
        askedRight.is(rt),
        inForce(p, b.asOf),
        inScope(p, b.scope),
      ),
    ),
    // The purpose check only on the practices in force: beside the checks above, Neo4j runs it
    // first, on every denying relationship (4 times the db hits).
    keepWhere([p], forPurpose(p, b.purpose)),
    new Cypher.Match(practicePlans(p, pl, pr, c)).where(offered(pl, b.asOf)),
    new Cypher.With([
      new Cypher.Map({
        company: c,
        product: pr,
        plan: pl,
        practice: p,
        handles: h,
        right: rt,
        companyName: c.property('name'),
        productName: pr.property('name'),
        rank: tierRank(pl),
        planId: pl.property('id'),
        practiceId: p.property('id'),
      }),
      row,
    ]),
  );
}

export const MATRIX_ORDER: OrderKey[] = [
  { expr: (t) => t.property('companyName'), direction: 'ASC', kind: 'string' },
  { expr: (t) => t.property('productName'), direction: 'ASC', kind: 'string' },
  { expr: (t) => t.property('rank'), direction: 'ASC', kind: 'number' },
  { expr: (t) => t.property('planId'), direction: 'ASC', kind: 'string' },
];

/** The matrix's rows: the plans offered on the date (of the given companies), bound to `row`. */
export function matrixRows(
  b: RightsBindings,
  companies: string[] | null,
  row: Cypher.Variable,
): Cypher.Clause {
  const c = new Cypher.Node();
  const pr = new Cypher.Node();
  const pl = new Cypher.Node();
  const conditions = [offered(pl, b.asOf)];
  if (companies) conditions.unshift(Cypher.in(c.property('id'), new Cypher.Param(companies)));
  return Cypher.utils.concat(
    new Cypher.Match(
      new Cypher.Pattern(c, { labels: ['Company'] })
        .related({ type: 'OFFERED_BY', direction: 'left' })
        .to(pr, { labels: ['Product'] })
        .related({ type: 'OF', direction: 'left' })
        .to(pl, { labels: ['Plan'] }),
    ).where(Cypher.and(...conditions)),
    new Cypher.With([
      new Cypher.Map({
        company: c,
        product: pr,
        plan: pl,
        companyName: c.property('name'),
        productName: pr.property('name'),
        rank: tierRank(pl),
        planId: pl.property('id'),
      }),
      row,
    ]),
  );
}

/**
 * A row's cells, one per right asked: the practice in force that handles it (the newest, when
 * several do), or an empty cell (UNKNOWN). The plan's practices are read once for all rights.
 */
export function matrixCells({ source, to, ctx }: Traversal): Cypher.Clause {
  const { asOf, scope, purpose, rights } = ctx.bindings;
  if (!asOf || !scope || !purpose || !rights)
    throw new AppError('INTERNAL_SERVER_ERROR', 'the rights matrix bindings are missing');
  const pl = new Cypher.Node();
  const p = new Cypher.Node();
  const h = new Cypher.Relationship();
  const rt = new Cypher.Node();
  const handled = new Cypher.Variable();
  const code = new Cypher.Variable();
  const x = new Cypher.Variable();
  const practices = Cypher.utils.concat(
    new Cypher.Match(
      new Cypher.Pattern(pl)
        .related({ type: 'APPLIES_TO', direction: 'left' })
        .to(p, { labels: ['Practice'] }),
    ).where(Cypher.and(inForce(p, asOf), inScope(p, scope))),
    new Cypher.With(p).where(forPurpose(p, purpose)),
    // HANDLES only ends at rights; without the :Right label Neo4j expands from the practices
    // instead of seeking each right first (bench/: 83,606 -> 23,582 db hits, 200 plans x 9 rights).
    new Cypher.Match(
      new Cypher.Pattern(p).related(h, { type: 'HANDLES', direction: 'right' }).to(rt),
    ).where(Cypher.in(rt.property('code'), rights)),
    new Cypher.With(rt, p, h).orderBy(
      [p.property('inForceFrom'), 'DESC'],
      [p.property('id'), 'ASC'],
    ),
    new Cypher.Return(new Cypher.Map({ code: rt.property('code'), practice: p, handles: h })),
  );
  // Each cell keeps the plan's list (`all`, a reference, not a copy) for `otherStatuses`, which
  // reads it only when asked for.
  const cell = Cypher.coalesce(
    Cypher.head(
      new Cypher.ListComprehension(x)
        .in(handled)
        .where(Cypher.eq(x.property('code'), code))
        .map(
          new Cypher.Map({
            code,
            practice: x.property('practice'),
            handles: x.property('handles'),
            all: handled,
          }),
        ),
    ),
    new Cypher.Map({ code, all: handled }),
  );
  return Cypher.utils.concat(
    new Cypher.With([source.node.property('plan'), pl]),
    new Cypher.With([new Cypher.Collect(practices), handled]),
    new Cypher.Unwind([new Cypher.ListComprehension(code).in(rights).map(cell), to]),
  );
}

/**
 * The entries of a cell's plan (`all`, see `matrixCells`) for its right whose status differs
 * from the cell's, newest practice first.
 */
function othersOf(cell: Cypher.Variable, map: (y: Cypher.Variable) => Cypher.Expr): Cypher.Expr {
  const y = new Cypher.Variable();
  const status = (e: Cypher.Variable) =>
    Cypher.coalesce(e.property('handles').property('status'), new Cypher.Literal(''));
  return new Cypher.ListComprehension(y)
    .in(cell.property('all'))
    .where(
      Cypher.and(
        Cypher.eq(y.property('code'), cell.property('code')),
        Cypher.neq(y.property('handles').property('status'), status(cell)),
      ),
    )
    .map(map(y));
}

/** The other statuses the practices in force on a cell's plan give its right, each once. */
export function otherStatuses(cell: Cypher.Variable): Cypher.Expr {
  const seen = new Cypher.Variable();
  const s = new Cypher.Variable();
  return Cypher.reduce(
    seen,
    new Cypher.List([]),
    s,
    othersOf(cell, (y) => y.property('handles').property('status')),
    new Cypher.Case()
      .when(Cypher.in(s, seen))
      .then(seen)
      .else(Cypher.plus(seen, new Cypher.List([s]))),
  );
}

/** The practices behind `otherStatuses`, newest first: a cell's other practices in force. */
export function otherPractices({ source, to }: Traversal): Cypher.Clause {
  return new Cypher.Unwind([othersOf(source.node, (y) => y.property('practice')), to]);
}
