/** A leaf value computed from the source node, the field's arguments and the shared bindings. */
import type Cypher from '@neo4j/cypher-builder';
import {
  type Args,
  type CompileContext,
  type CompiledField,
  type FieldInput,
  type FieldProjection,
  Projection,
  type Origin,
} from '../projection';
import { leafValue } from './property-field';

export type Computation = (source: Origin, args: Args, ctx: CompileContext) => Cypher.Expr;

/** Turns the raw value the Cypher returns into the field's value, in TypeScript (e.g. text). */
export type Presenter = (raw: unknown) => unknown;

export class ComputedField implements FieldProjection {
  readonly describe = 'computed value';

  constructor(
    private readonly compute: Computation,
    private readonly present?: Presenter,
  ) {}

  compile(input: FieldInput): CompiledField {
    const compiled = leafValue(input, this.compute(input.source, input.tree.args, input.ctx));
    const present = this.present;
    if (!present || compiled.shape.kind !== 'value') return compiled;
    const complete = compiled.shape.complete;
    return {
      ...compiled,
      shape: { ...compiled.shape, complete: (value, shaper) => complete(present(value), shaper) },
    };
  }
}

/**
 * A value computed in Cypher; with `present`, the raw result is turned into the field's value
 * in TypeScript (words are composed here, not in Cypher).
 */
export const Computed = (compute: Computation, present?: Presenter) =>
  Projection(new ComputedField(compute, present));
