/**
 * A field's selection as a tree of response keys, built with graphql-js's own field collection
 * (fragments, @skip and @include, repeated fields merged). graphql-parse-resolve-info, used
 * before, leaves out `__typename`: graphql-js filled it in while walking the answer, but an
 * answer sent without that walk (shaped-answer.plugin.ts) must carry it itself.
 */
import {
  type FieldNode,
  getArgumentValues,
  getNamedType,
  type GraphQLField,
  type GraphQLResolveInfo,
  isObjectType,
  TypeNameMetaFieldDef,
} from 'graphql';
// Internal to graphql-js but stable across 16.x; the same collection its execution uses.
import { collectSubfields } from 'graphql/execution/collectFields';

export interface SelectionTree {
  /** The field's name in the schema. */
  name: string;
  /** Its response key: the alias, or the name. */
  alias: string;
  /** The field's arguments, coerced (defaults applied, variables substituted). */
  args: Record<string, unknown>;
  /** The selected subfields by response key, under the name of the field's type. */
  fieldsByTypeName: Record<string, Record<string, SelectionTree>>;
}

/** The selection of the field being resolved. */
export function selectionTree(info: GraphQLResolveInfo): SelectionTree {
  const field = info.parentType.getFields()[info.fieldName]!;
  return treeOf(field, String(info.path.key), info.fieldNodes, info);
}

function treeOf(
  field: GraphQLField<unknown, unknown>,
  alias: string,
  nodes: readonly FieldNode[],
  info: GraphQLResolveInfo,
): SelectionTree {
  const type = getNamedType(field.type);
  const fieldsByTypeName: SelectionTree['fieldsByTypeName'] = {};
  // The schema has no interfaces or unions: a composite type is an object type.
  if (isObjectType(type)) {
    const fields: Record<string, SelectionTree> = {};
    const collected = collectSubfields(
      info.schema,
      info.fragments,
      info.variableValues,
      type,
      nodes,
    );
    for (const [key, subNodes] of collected) {
      const name = subNodes[0]!.name.value;
      const definition = name === '__typename' ? TypeNameMetaFieldDef : type.getFields()[name];
      if (definition) fields[key] = treeOf(definition, key, subNodes, info);
    }
    fieldsByTypeName[type.name] = fields;
  }
  return {
    name: field.name,
    alias,
    args: getArgumentValues(field, nodes[0]!, info.variableValues),
    fieldsByTypeName,
  };
}
