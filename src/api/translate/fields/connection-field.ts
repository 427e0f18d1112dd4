/** A paginated list (Relay connection) of related nodes, in keyset order. */
import Cypher from '@neo4j/cypher-builder';
import type { Ways } from '../compile-connection';
import {
  type Args,
  type CompileContext,
  type CompiledField,
  type FieldInput,
  type FieldProjection,
  type OrderKey,
  Projection,
  type Origin,
} from '../projection';

export interface PagedOptions {
  /** A MATCH (with its WHERE) binding `to` to the candidates. */
  match: (t: { source: Origin; to: Cypher.Node; args: Args; ctx: CompileContext }) => Cypher.Clause;
  order: readonly OrderKey[];
  /** The number of candidates, cheaper than counting what `match` binds. */
  total?: (t: { source: Origin }) => Cypher.Expr;
  /** Two ways to the page (compile-connection's Ways). */
  ways?: (t: { source: Origin }) => Ways;
}

export class ConnectionField implements FieldProjection {
  readonly describe = 'connection';

  constructor(private readonly options: PagedOptions) {}

  compile(input: FieldInput): CompiledField {
    const { tree, ctx, source } = input;
    const to = new Cypher.Node();
    const compiled = input.compile.connection(
      to,
      input.typeName,
      tree,
      ctx,
      this.options.order,
      () => this.options.match({ source, to, args: tree.args, ctx }),
      { total: this.options.total?.({ source }), ways: this.options.ways?.({ source }) },
    );
    return { expr: compiled.expr, shape: { kind: 'connection', shape: compiled.shape } };
  }
}

export const Paged = (options: PagedOptions) => Projection(new ConnectionField(options));
