/**
 * `list[index]` with an index that is an expression: the builder's listIndex takes only a
 * number literal, so this one gap is filled with its Raw escape hatch, compiling both parts
 * through the builder (no text from a request can reach it).
 */
import Cypher from '@neo4j/cypher-builder';

export function itemAt(list: Cypher.Expr, index: Cypher.Expr): Cypher.Expr {
  return new Cypher.Raw((ctx) => `${ctx.compile(list)}[${ctx.compile(index)}]`);
}
