/**
 * The Cypher of the stats question: the incidents in the range the root field bound (its
 * `from` and `to` parameters, shared through the compile context), grouped.
 */
import Cypher from '@neo4j/cypher-builder';
import { AppError } from '../../errors';
import { standing } from '../entities/conditions';
import type { RelatedOptions } from '../translate/fields/related-field';
import type { CompileContext } from '../translate/projection';

/** The standing incidents between `from` and `to` (either may be null), bound to `i`. */
export function incidentsInRange(
  i: Cypher.Node,
  ctx: CompileContext,
  pattern?: Cypher.Pattern,
): Cypher.Match {
  const { from, to } = ctx.bindings;
  if (!from || !to) throw new AppError('INTERNAL_SERVER_ERROR', 'the stats range is not bound');
  return new Cypher.Match(pattern ?? new Cypher.Pattern(i, { labels: ['Incident'] })).where(
    Cypher.and(
      standing(i),
      Cypher.or(Cypher.isNull(from), Cypher.gte(i.property('date'), Cypher.date(from))),
      Cypher.or(Cypher.isNull(to), Cypher.lte(i.property('date'), Cypher.date(to))),
    ),
  );
}

export interface Grouping {
  /** A pattern from the incident to what it is grouped by (none: group by the key expression). */
  pattern?: Cypher.Pattern;
  key: Cypher.Expr;
  /** The map an entry becomes, from its count. */
  entry: (count: Cypher.Variable) => Cypher.Map;
  order: (to: Cypher.Node) => [Cypher.Expr, 'ASC' | 'DESC'][];
}

/** Incidents in range, counted per group; each group becomes the entry map bound to `to`. */
export function grouped(group: (i: Cypher.Node, key: Cypher.Variable) => Grouping): RelatedOptions {
  return {
    match: ({ to, ctx }) => {
      const i = new Cypher.Node();
      const key = new Cypher.Variable();
      const count = new Cypher.Variable();
      const g = group(i, key);
      return Cypher.utils.concat(
        incidentsInRange(
          i,
          ctx,
          g.pattern ? new Cypher.Pattern(i, { labels: ['Incident'] }) : undefined,
        ),
        ...(g.pattern ? [new Cypher.Match(g.pattern)] : []),
        new Cypher.With([g.key, key], [Cypher.count(i).distinct(), count]),
        new Cypher.With([g.entry(count), to]),
      );
    },
    orderBy: (to) => group(new Cypher.Node(), new Cypher.Variable()).order(to),
  };
}
