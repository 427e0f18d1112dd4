/**
 * Compiles the selection of an object into one Cypher list expression: the selected fields'
 * values by position (lists, not maps: a map's keys are strings the driver decodes once per
 * value). Each field's projection, declared on the field, says how its value is read.
 */
import { getNamedType, isObjectType } from 'graphql';
import { AppError } from '../../errors';
import Cypher from '@neo4j/cypher-builder';
import {
  type CompileContext,
  type CompiledObject,
  type Compilers,
  projectionOf,
  type Origin,
} from './projection';
import type { SelectionTree } from './selection';
import type { ObjectShape } from './shaper';

export function compileObject(
  source: Origin,
  typeName: string,
  trees: SelectionTree[],
  ctx: CompileContext,
  compilers: Compilers,
): CompiledObject {
  const type = ctx.schema.getType(typeName);
  if (!type || !isObjectType(type))
    throw new AppError('INTERNAL_SERVER_ERROR', `no object type ${typeName} in the schema`);
  const fields = type.getFields();
  const values: Cypher.Expr[] = [];
  const shape: ObjectShape = [];
  for (const tree of trees) {
    for (const [responseKey, sub] of Object.entries(tree.fieldsByTypeName[typeName] ?? {})) {
      if (sub.name === '__typename') {
        shape.push({ responseKey, kind: 'constant', value: typeName });
        continue;
      }
      const field = fields[sub.name];
      const projection = field && projectionOf(field);
      // The schema build checks every field of a compiled type (checks.ts): this is a bug.
      if (!field || !projection)
        throw new AppError('INTERNAL_SERVER_ERROR', `no projection for ${typeName}.${sub.name}`);
      const compiled = projection.compile({
        source,
        tree: sub,
        ctx,
        field,
        typeName: getNamedType(field.type).name,
        compile: compilers,
      });
      const key = values.push(compiled.expr) - 1;
      shape.push({ ...compiled.shape, responseKey, key });
    }
  }
  return { expr: new Cypher.List(values), shape };
}
