/**
 * One Cypher text for every selection of a list that fits within a fixed one. Each new
 * selection of fields compiles to new Cypher, which Neo4j plans from scratch on its first run:
 * for a page of findings that plan took 170 to 500 ms, against 21 ms for the same question warm
 * (bench:first-selection, issue 20). A root field that names a fixed selection (every field of
 * its node type without arguments, and the fields of the objects it reaches in one step) is
 * compiled from that selection whenever the client's fits in it: the text depends only on the
 * page's arguments, so Neo4j plans it once, and the client's selection is shaped from its
 * answer (`pickShape`: the values asked, under the client's aliases; the rest is not read). A
 * selection that reaches further (or passes arguments) is compiled as it is, as before.
 *
 * Why not the Neo4j GraphQL Library's way: it compiles each selection, as we did. A fixed text
 * is the only way the plan cannot depend on the selection; this costs reading a few more
 * properties of a page's entities (a page of at most 100 rows).
 */
import {
  getNamedType,
  type GraphQLField,
  type GraphQLSchema,
  isLeafType,
  isObjectType,
} from 'graphql';
import { AppError } from '../../errors';
import type { NamedQuery } from './root-query';
import type { SelectionTree } from './selection';
import { connectionFields } from './compile-connection';
import type { ConnectionShape, EdgeField, ObjectShape, ShapeField } from './shaper';

type Fields = Record<string, SelectionTree>;

const leaf = (name: string): SelectionTree => ({
  name,
  alias: name,
  args: {},
  fieldsByTypeName: {},
});

/** The page info a fixed selection reads: all of it. */
const PAGE_INFO: Fields = Object.fromEntries(
  ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'].map((p) => [p, leaf(p)]),
);

/**
 * The fixed selection of a connection's nodes: every field of `nodeType` that takes no
 * arguments; of its object fields, their fields without arguments that are not objects; and,
 * one step further, the object fields `deeper` names by path (`evidence.source`).
 */
export class FixedSelection {
  private readonly bySchema = new WeakMap<GraphQLSchema, Fields>();
  /** Answers read from the fixed selection, beside what stands for their inputs. */
  private readonly answers = new WeakMap<object, { query: NamedQuery; answer: Promise<unknown> }>();

  constructor(
    private readonly nodeType: string,
    private readonly deeper: readonly string[] = [],
  ) {}

  /**
   * The connection's fixed selection with the page arguments of `requested`, or undefined when
   * `requested` selects something it does not hold (then compile `requested` itself).
   */
  connectionFor(schema: GraphQLSchema, requested: SelectionTree): SelectionTree | undefined {
    const [connectionType, fields] = onlyType(requested);
    const nodes = this.fieldsOf(schema);
    const edgeType = fieldTypeOf(schema, connectionType, 'edges')!;
    // Every facet, with every count's fields: they count the whole list, so they are read with
    // it once, and kept with it.
    const facetsType = fieldTypeOf(schema, connectionType, 'facets');
    const facets = facetsType && everyField(schema, facetsType, (_, depth) => depth === 0);
    for (const sub of Object.values(fields)) {
      switch (sub.name) {
        case '__typename':
        case 'totalCount':
          break;
        case 'pageInfo':
          if (!within(onlyType(sub)[1], PAGE_INFO)) return undefined;
          break;
        case 'nodes':
          if (!within(onlyType(sub)[1], nodes)) return undefined;
          break;
        case 'edges':
          for (const edge of Object.values(onlyType(sub)[1])) {
            if (edge.name === 'node' && !within(onlyType(edge)[1], nodes)) return undefined;
            if (!['node', 'cursor', '__typename'].includes(edge.name)) return undefined;
          }
          break;
        case 'facets':
          if (!facets || !within(onlyType(sub)[1], facets)) return undefined;
          break;
        default:
          return undefined;
      }
    }
    // Nodes once, under edges: `nodes` is shaped from them (`pickShape`).
    const node: SelectionTree = { ...leaf('node'), fieldsByTypeName: { [this.nodeType]: nodes } };
    const connection: Fields = {
      totalCount: leaf('totalCount'),
      pageInfo: {
        ...leaf('pageInfo'),
        fieldsByTypeName: { PageInfo: PAGE_INFO },
      },
      edges: {
        ...leaf('edges'),
        fieldsByTypeName: { [edgeType]: { cursor: leaf('cursor'), node } },
      },
      ...(facets && {
        facets: { ...leaf('facets'), fieldsByTypeName: { [facetsType]: facets } },
      }),
    };
    return { ...requested, fieldsByTypeName: { [connectionType]: connection } };
  }

  /**
   * The answer `read` gives for `query`, kept beside `inputs`: an object that stands for every
   * value of the query's parameters that its text does not hold (the findings' page rows), and
   * for the graph those were read from. While it lives, every selection compiled as the fixed
   * one reads the same answer, so a page is read once whatever the fields asked of it. A
   * failed read is not kept.
   */
  answerBeside<T>(inputs: object, query: NamedQuery, read: () => Promise<T>): Promise<T> {
    const kept = this.answers.get(inputs);
    if (kept && sameQuery(kept.query, query)) return kept.answer as Promise<T>;
    const answer = read();
    this.answers.set(inputs, { query, answer });
    answer.catch(() => {
      if (this.answers.get(inputs)?.answer === answer) this.answers.delete(inputs);
    });
    return answer;
  }

  private fieldsOf(schema: GraphQLSchema): Fields {
    let fields = this.bySchema.get(schema);
    if (!fields) {
      fields = everyField(schema, this.nodeType, (path, depth) =>
        depth === 0 ? true : this.deeper.includes(path),
      );
      this.bySchema.set(schema, fields);
    }
    return fields;
  }
}

/**
 * The fields of `typeName` without arguments, as a selection: every leaf; an object field when
 * `expand` says so for its path and depth (0 for `typeName`'s own fields).
 */
function everyField(
  schema: GraphQLSchema,
  typeName: string,
  expand: (path: string, depth: number) => boolean,
  path = '',
  depth = 0,
): Fields {
  const type = schema.getType(typeName);
  if (!type || !isObjectType(type))
    throw new AppError('INTERNAL_SERVER_ERROR', `no object type ${typeName} in the schema`);
  const fields: Fields = {};
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.length > 0) continue;
    const named = getNamedType(field.type);
    const at = path ? `${path}.${field.name}` : field.name;
    if (isLeafType(named)) fields[field.name] = leaf(field.name);
    else if (expand(at, depth))
      fields[field.name] = {
        ...leaf(field.name),
        fieldsByTypeName: { [named.name]: everyField(schema, named.name, expand, at, depth + 1) },
      };
  }
  return fields;
}

/** The same text and compiled parameters (compiles of different selections are equal ones). */
function sameQuery(a: NamedQuery, b: NamedQuery): boolean {
  return (
    a === b || (a.cypher === b.cypher && JSON.stringify(a.params) === JSON.stringify(b.params))
  );
}

/** Whether every field `requested` selects, at every depth, is in `fixed` with no arguments. */
function within(requested: Fields, fixed: Fields): boolean {
  for (const sub of Object.values(requested)) {
    if (sub.name === '__typename') continue;
    const held = fixed[sub.name];
    if (!held || Object.keys(sub.args).length > 0) return false;
    const inner = Object.values(sub.fieldsByTypeName)[0];
    if (inner && !within(inner, Object.values(held.fieldsByTypeName)[0] ?? {})) return false;
  }
  return true;
}

function onlyType(tree: SelectionTree): [string, Fields] {
  const [entry] = Object.entries(tree.fieldsByTypeName);
  if (!entry) throw new AppError('INTERNAL_SERVER_ERROR', `${tree.name} selects no object`);
  return entry;
}

/** The named type of a connection's field (`edges`, `facets`), if it has it. */
function fieldTypeOf(schema: GraphQLSchema, typeName: string, name: string): string | undefined {
  const type = schema.getType(typeName);
  const field = type && isObjectType(type) ? type.getFields()[name] : undefined;
  return field && getNamedType(field.type).name;
}

/**
 * How to shape `requested` from the answer of the fixed selection it fits in, whose shape is
 * `fixed` (keyed by field names): the values it asks for, by their positions in the fixed
 * answer, under its own response keys. Built once per compile; the values it does not ask for
 * are never read.
 */
export function pickShape(fixed: ConnectionShape, requested: SelectionTree): ConnectionShape {
  const node = fixed.fields.flatMap((f) => (f.kind === 'edges' ? f.fields : [])).find(isNode);
  if (!node) throw new AppError('INTERNAL_SERVER_ERROR', 'a fixed selection has its nodes');
  const counted = fixed.fields.flatMap((f) => (f.kind === 'facets' ? f.facets : []));
  const fields = connectionFields(requested, onlyType(requested)[0], {
    nodes: (sub) => ({ part: node.part, shape: pickObject(node.shape, sub) }),
    facet: (name) => counted.find((c) => c.responseKey === name)?.key,
  });
  return { ...fixed, fields };
}

const isNode = (e: EdgeField): e is Extract<EdgeField, { kind: 'node' }> => e.kind === 'node';

function pickObject(fixed: ObjectShape, tree: SelectionTree): ObjectShape {
  const [typeName, fields] = onlyType(tree);
  return Object.entries(fields).map(([responseKey, sub]): ShapeField => {
    if (sub.name === '__typename') return { responseKey, kind: 'constant', value: typeName };
    const field = fixed.find((f) => f.responseKey === sub.name);
    if (!field)
      throw new AppError(
        'INTERNAL_SERVER_ERROR',
        `a fixed selection has no ${typeName}.${sub.name}`,
      );
    return field.kind === 'object'
      ? { ...field, responseKey, shape: pickObject(field.shape, sub) }
      : { ...field, responseKey };
  });
}
