/**
 * One Cypher text for every selection of a list that fits within a fixed one. Each new
 * selection of fields compiles to new Cypher, which Neo4j plans from scratch on its first run:
 * for a page of findings that plan took 170 to 500 ms, against 21 ms for the same question warm
 * (bench:first-selection, issue 20). A root field that names a fixed selection (every field of
 * its node type without arguments, and the fields of the objects it reaches in one step) is
 * compiled from that selection whenever the client's fits in it: the text depends only on the
 * page's arguments, so Neo4j plans it once, and `pick` cuts the answer down to what was asked,
 * under the client's aliases. A selection that reaches further (or passes arguments) is compiled
 * as it is, as before.
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

type Fields = Record<string, SelectionTree>;
type Json = Record<string, unknown>;

/** Connection fields a fixed selection answers, with the page info it reads. */
const PAGE_INFO = ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'];

const leaf = (name: string): SelectionTree => ({
  name,
  alias: name,
  args: {},
  fieldsByTypeName: {},
});

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
    const edgeType = edgeTypeOf(schema, connectionType);
    for (const sub of Object.values(fields)) {
      switch (sub.name) {
        case '__typename':
        case 'totalCount':
          break;
        case 'pageInfo':
          if (!within(onlyType(sub)[1], Object.fromEntries(PAGE_INFO.map((p) => [p, leaf(p)]))))
            return undefined;
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
        default:
          return undefined;
      }
    }
    // Nodes once, under edges: `nodes` is read from them (`pick`).
    const node: SelectionTree = { ...leaf('node'), fieldsByTypeName: { [this.nodeType]: nodes } };
    const connection: Fields = {
      totalCount: leaf('totalCount'),
      pageInfo: {
        ...leaf('pageInfo'),
        fieldsByTypeName: { PageInfo: Object.fromEntries(PAGE_INFO.map((p) => [p, leaf(p)])) },
      },
      edges: {
        ...leaf('edges'),
        fieldsByTypeName: { [edgeType]: { cursor: leaf('cursor'), node } },
      },
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

function edgeTypeOf(schema: GraphQLSchema, connectionType: string): string {
  const type = schema.getType(connectionType);
  const edges = type && isObjectType(type) ? type.getFields().edges : undefined;
  if (!edges) throw new AppError('INTERNAL_SERVER_ERROR', `${connectionType} has no edges`);
  return getNamedType(edges.type).name;
}

/**
 * A connection shaped from its fixed selection (keyed by field names), cut down to `requested`
 * and keyed by its response keys.
 */
export function pick(answer: Json, requested: SelectionTree): Json {
  const [connectionType, fields] = onlyType(requested);
  const edges = answer.edges as Json[];
  const out: Json = {};
  for (const [key, sub] of Object.entries(fields)) {
    if (sub.name === '__typename') out[key] = connectionType;
    else if (sub.name === 'nodes') out[key] = edges.map((e) => pickObject(e.node, sub));
    else out[key] = pickValue(answer[sub.name], sub);
  }
  return out;
}

function pickValue(value: unknown, tree: SelectionTree): unknown {
  if (Object.keys(tree.fieldsByTypeName).length === 0) return value;
  if (Array.isArray(value)) return value.map((v) => pickObject(v, tree));
  return pickObject(value, tree);
}

function pickObject(value: unknown, tree: SelectionTree): Json | null {
  if (value === null || value === undefined) return null;
  const [typeName, fields] = onlyType(tree);
  const source = value as Json;
  const out: Json = {};
  for (const [key, sub] of Object.entries(fields))
    out[key] = sub.name === '__typename' ? typeName : pickValue(source[sub.name], sub);
  return out;
}
