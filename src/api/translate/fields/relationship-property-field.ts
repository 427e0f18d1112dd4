/** A field of an edge type (Evidence, RightHandling) read from its relationship's properties. */
import { AppError } from '../../../errors';
import {
  type CompiledField,
  type FieldInput,
  type FieldProjection,
  Projection,
} from '../projection';
import { leafValue } from './property-field';

export class RelationshipPropertyField implements FieldProjection {
  constructor(private readonly property?: string) {}

  get describe(): string {
    return `relationship property ${this.property ?? '(field name)'}`;
  }

  compile(input: FieldInput): CompiledField {
    const rel = input.source.rel;
    if (!rel)
      throw new AppError(
        'INTERNAL_SERVER_ERROR',
        `${input.field.name} reads a relationship property, but the field that reached it binds no relationship`,
      );
    return leafValue(input, rel.property(this.property ?? input.tree.name));
  }
}

/** The property of the same name (or `property`) of the relationship the type stands for. */
export const EdgeProp = (property?: string) => Projection(new RelationshipPropertyField(property));
