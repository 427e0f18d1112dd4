/**
 * The schema build's check that every compiled field says how it is read, and that every
 * declared projection belongs to a field: a mismatch stops `npm start` and `npm test` with a
 * message naming the field, instead of failing a request later.
 */
import { type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import {
  declaredProjections,
  PROJECTED_TYPE_EXTENSION,
  PROJECTION_EXTENSION,
  projectionOf,
} from './projection';

export class ProjectionError extends Error {
  override readonly name = 'ProjectionError';
}

export function checkProjections(schema: GraphQLSchema): void {
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const projected = type.extensions[PROJECTED_TYPE_EXTENSION] === true;
    for (const field of Object.values(type.getFields())) {
      const has = projectionOf(field) !== undefined;
      if (projected && !has)
        problems.push(
          `${type.name}.${field.name} has no projection: say how it is read from the graph (@Prop(), @Related(...), ...)`,
        );
      if (!projected && has)
        problems.push(
          `${type.name}.${field.name} has a projection, but ${type.name} is not marked @Projected()`,
        );
    }
  }
  // A projection on a class property that is not a field of the schema names no field.
  const storage = getMetadataStorage();
  for (const { target, property } of declaredProjections) {
    const objectType = storage.objectTypes.find((o) => o.target === target);
    const type = objectType && schema.getType(objectType.name);
    const className = (target as { name?: string }).name ?? 'a class';
    if (!type || !isObjectType(type)) {
      // A class the schema does not use at all (not a resolver's type): nothing to check.
      if (!objectType)
        problems.push(
          `${className}.${property} has a projection but ${className} is not an @ObjectType`,
        );
      continue;
    }
    const fieldMeta = storage.fields.find((f) => f.target === target && f.name === property);
    const field = type.getFields()[fieldMeta?.schemaName ?? property];
    if (!field || field.extensions[PROJECTION_EXTENSION] === undefined)
      problems.push(
        `${className}.${property} has a projection but is not a field of ${type.name} (add @Field)`,
      );
  }
  if (problems.length > 0)
    throw new ProjectionError(
      `the GraphQL schema and its projections disagree:\n  ${[...new Set(problems)].join('\n  ')}`,
    );
}
