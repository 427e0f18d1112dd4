/**
 * An object, or a list of objects, that an expression gives: a node a root query bound, an
 * entry of a map a rule built, or a value object made from the source's own properties (a
 * plan's prices). List comprehensions, not subqueries: nothing runs per value.
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

export type NestedExpression = (source: Origin, args: Args, ctx: CompileContext) => Cypher.Expr;

export class NestedField implements FieldProjection {
  readonly describe = 'nested object from an expression';

  constructor(private readonly value: NestedExpression) {}

  compile(input: FieldInput): CompiledField {
    const { field, tree, ctx } = input;
    const item = new Cypher.Node();
    const inner = input.compile.object({ node: item }, input.typeName, [tree], ctx);
    const value = this.value(input.source, tree.args, ctx);
    const type = isNonNullType(field.type) ? field.type.ofType : field.type;
    const many = isListType(type);
    const expr = many
      ? new Cypher.ListComprehension(item)
          .in(Cypher.coalesce(value, new Cypher.List([])))
          .map(inner.expr)
      : Cypher.head(
          new Cypher.ListComprehension(item)
            .in(new Cypher.List([value]))
            .where(Cypher.isNotNull(item))
            .map(inner.expr),
        );
    return {
      expr,
      shape: { kind: 'object', many, nonNull: isNonNullType(field.type), shape: inner.shape },
    };
  }
}

export const Nested = (value: NestedExpression) => Projection(new NestedField(value));

/** A node or map held under a key of the source map (a finding's company, a row's plan). */
export const Entry = (key: string) => Nested((source) => source.node.property(key));
