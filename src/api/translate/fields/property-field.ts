/** A field read from a property of the node (or map) the object comes from. */
import Cypher from '@neo4j/cypher-builder';
import { getNamedType } from 'graphql';
import {
  type CompiledField,
  type FieldInput,
  type FieldProjection,
  Projection,
} from '../projection';
import { completerFor } from '../shaper';

/**
 * Calendar dates leave Neo4j as strings: the driver turns each Date into an object with integer
 * arithmetic, which dominated large answers.
 */
export function leafValue(input: FieldInput, expr: Cypher.Expr): CompiledField {
  const name = getNamedType(input.field.type).name;
  const value = name === 'Date' ? Cypher.toString(expr) : expr;
  return { expr: value, shape: { kind: 'value', complete: completerFor(input.field) } };
}

export class PropertyField implements FieldProjection {
  constructor(private readonly property?: string) {}

  get describe(): string {
    return `property ${this.property ?? '(field name)'}`;
  }

  compile(input: FieldInput): CompiledField {
    return leafValue(input, input.source.node.property(this.property ?? input.tree.name));
  }
}

/** The node property of the same name, or `property`. */
export const Prop = (property?: string) => Projection(new PropertyField(property));
