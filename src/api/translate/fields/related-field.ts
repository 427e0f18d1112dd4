/**
 * Related nodes, reached by a pattern from the source: a COLLECT subquery whose order and
 * LIMIT apply before the projection, so a single related node costs one row. A single node
 * stays a list of at most one, unwrapped by the Shaper: Neo4j 5 plans `head(COLLECT {...})`
 * as a nested plan expression, and a query holding one reads every property from the store,
 * even those its index seek already holds (an incidents page: twice the db hits).
 */
import Cypher from '@neo4j/cypher-builder';
import { isListType, isNonNullType } from 'graphql';
import {
  type Args,
  type CompileContext,
  type CompiledField,
  type FieldInput,
  type FieldProjection,
  Projection,
  type Origin,
} from '../projection';

export interface Traversal {
  source: Origin;
  /** The related node: the match binds it. */
  to: Cypher.Node;
  /** The relationship, for edge types: the match binds it when `relationship` is set. */
  rel: Cypher.Relationship;
  args: Args;
  ctx: CompileContext;
}

export interface RelatedOptions {
  /** A MATCH (with its WHERE) that binds `to`, and `rel` when `relationship` is true. */
  match: (t: Traversal) => Cypher.Clause;
  /** Whether the match binds `rel` (the target type is an edge type reading its properties). */
  relationship?: boolean;
  orderBy?: (to: Cypher.Node, rel: Cypher.Relationship) => [Cypher.Expr, 'ASC' | 'DESC'][];
}

export class RelatedField implements FieldProjection {
  constructor(private readonly options: RelatedOptions) {}

  get describe(): string {
    return 'related nodes';
  }

  compile(input: FieldInput): CompiledField {
    const { field, tree, ctx } = input;
    const to = new Cypher.Node();
    const rel = new Cypher.Relationship();
    const type = isNonNullType(field.type) ? field.type.ofType : field.type;
    const many = isListType(type);
    const bound = this.options.relationship ?? false;
    const inner = input.compile.object(
      bound ? { node: to, rel } : { node: to },
      input.typeName,
      [tree],
      ctx,
    );
    const match = this.options.match({ source: input.source, to, rel, args: tree.args, ctx });
    let tail = new Cypher.With(...(bound ? [to, rel] : [to]));
    const order = this.options.orderBy?.(to, rel);
    if (order && order.length > 0) tail = tail.orderBy(...order);
    if (!many) tail = tail.limit(1);
    const subquery = new Cypher.Collect(Cypher.utils.concat(match, tail.return(inner.expr)));
    return {
      expr: subquery,
      shape: {
        kind: 'object',
        many,
        listed: !many,
        nonNull: isNonNullType(field.type),
        shape: inner.shape,
      },
    };
  }
}

export const Related = (options: RelatedOptions) => Projection(new RelatedField(options));

/**
 * The one-hop case: `(source)-[rel:TYPE]->(to:Label)` (or `<-` for 'in'), ordered by the given
 * properties of the target.
 */
export function hop(
  type: string,
  direction: 'out' | 'in',
  label: string,
  orderBy: string[] = [],
): RelatedOptions {
  return {
    relationship: true,
    match: ({ source, to, rel }) =>
      new Cypher.Match(
        new Cypher.Pattern(source.node)
          .related(rel, { type, direction: direction === 'out' ? 'right' : 'left' })
          .to(to, { labels: [label] }),
      ),
    orderBy: (to) => orderBy.map((p) => [to.property(p), 'ASC']),
  };
}
