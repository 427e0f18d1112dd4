/**
 * Query limits, enforced after parsing and validation and before any resolver runs, so a
 * refused query costs no database work: depth, aliases, and an estimated cost (how many
 * objects the answer may hold: `first` times the nested lists, like GitHub's node limit).
 * The same checks and validation rules serve HTTP (queryLimitsPlugin, Apollo's
 * `validationRules`) and WebSocket (websocket-gate.ts).
 *
 * Introspection has its own bound: the standard introspection query (GraphiQL's, Apollo
 * Sandbox's, codegen's) is 14 levels deep, all of it small single objects (`ofType`), so its
 * depth is measured apart against `maxIntrospectionDepth`, and graphql-js's
 * MaxIntrospectionDepthRule (one of its specified rules, so on both doors) bounds the part that
 * can grow (lists of `fields` in `fields`...).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type OperationDefinitionNode,
  OperationTypeNode,
  type SelectionSetNode,
  type ValidationRule,
  getNamedType,
  isListType,
  isNonNullType,
} from 'graphql';
import { type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { AppError, refusal } from '../../errors';
import { DEFAULT_PAGE_SIZE } from '../translate/cursor';

export interface QueryLimits {
  /** Tokens in a query document: bounds parsing and validation work (5,000 repeated fields take validation a minute). */
  maxTokens: number;
  maxDepth: number;
  /** Depth of the introspection fields (`__schema`, `__type`), which `maxDepth` does not count. */
  maxIntrospectionDepth: number;
  maxAliases: number;
  maxCost: number;
}

/**
 * Validation rules beyond graphql-js's specified ones, for every transport: the introspection
 * switch (off: no `__schema` or `__type`).
 */
export function validationRules(introspection: boolean): ValidationRule[] {
  return introspection ? [] : [NoSchemaIntrospectionCustomRule];
}

/**
 * Plain lists (a company's products, a practice's sources) hold what the data holds, not what
 * the client asks; they count as this many items. Connections count `first` items.
 */
const LIST_ESTIMATE = 3;

const CONNECTION_WRAPPERS = new Set(['edges', 'node', 'nodes', 'pageInfo']);

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

interface Tally {
  aliases: number;
  /** The deepest introspection field, counted from the operation's root. */
  introspectionDepth: number;
}

/**
 * Depth counts the fields that have selections: `{ company { name } }` is 1 deep. The
 * introspection fields' selections count in `tally.introspectionDepth`, not in the depth.
 */
function depthAndAliases(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  depth: number,
  seen: Set<string>,
  tally: Tally,
): number {
  let deepest = depth;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) tally.aliases += 1;
      if (selection.selectionSet && INTROSPECTION_FIELDS.has(selection.name.value)) {
        tally.introspectionDepth = Math.max(
          tally.introspectionDepth,
          depthAndAliases(selection.selectionSet, fragments, depth + 1, seen, tally),
        );
      } else if (selection.selectionSet) {
        // Relay's wrappers add no real depth: companies { edges { node { ... } } } is one level.
        const level = CONNECTION_WRAPPERS.has(selection.name.value) ? depth : depth + 1;
        deepest = Math.max(
          deepest,
          depthAndAliases(selection.selectionSet, fragments, level, seen, tally),
        );
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(
        deepest,
        depthAndAliases(selection.selectionSet, fragments, depth, seen, tally),
      );
    } else {
      const fragment = fragments[selection.name.value];
      // Validation refuses fragment cycles; `seen` only guards this walk against them.
      if (fragment && !seen.has(fragment.name.value)) {
        seen.add(fragment.name.value);
        deepest = Math.max(
          deepest,
          depthAndAliases(fragment.selectionSet, fragments, depth, seen, tally),
        );
        seen.delete(fragment.name.value);
      }
    }
  }
  return deepest;
}

function estimator({
  args,
  childComplexity,
  field,
  type: parent,
}: ComplexityEstimatorArgs): number {
  // A connection's edges and nodes are the `first` items its own field already counted.
  if (parent.name.endsWith('Connection')) return 1 + childComplexity;
  const first = typeof args.first === 'number' ? args.first : undefined;
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  const isConnection = getNamedType(field.type).name.endsWith('Connection');
  const items = first ?? (isConnection ? DEFAULT_PAGE_SIZE : isListType(type) ? LIST_ESTIMATE : 1);
  return items * (1 + childComplexity);
}

export function checkQueryLimits(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: FragmentDefinitionNode[],
  variables: Record<string, unknown>,
  limits: QueryLimits,
): void {
  const byName = Object.fromEntries(fragments.map((f) => [f.name.value, f]));
  const tally: Tally = { aliases: 0, introspectionDepth: 0 };
  const depth = depthAndAliases(operation.selectionSet, byName, 0, new Set(), tally);
  if (tally.introspectionDepth > limits.maxIntrospectionDepth) {
    throw new AppError(
      'QUERY_TOO_COMPLEX',
      `the introspection query is nested ${tally.introspectionDepth} levels deep; the limit is ${limits.maxIntrospectionDepth}`,
      {
        limit: 'introspectionDepth',
        max: limits.maxIntrospectionDepth,
        actual: tally.introspectionDepth,
      },
    );
  }
  if (depth > limits.maxDepth) {
    throw new AppError(
      'QUERY_TOO_COMPLEX',
      `the query is nested ${depth} levels deep; the limit is ${limits.maxDepth}`,
      {
        limit: 'depth',
        max: limits.maxDepth,
        actual: depth,
      },
    );
  }
  if (tally.aliases > limits.maxAliases) {
    throw new AppError(
      'QUERY_TOO_COMPLEX',
      `the query uses ${tally.aliases} aliases; the limit is ${limits.maxAliases}`,
      {
        limit: 'aliases',
        max: limits.maxAliases,
        actual: tally.aliases,
      },
    );
  }
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] },
      variables,
      estimators: [estimator],
    });
  } catch (error) {
    // The estimate coerces the variables first: a variable of the wrong type lands here.
    throw new AppError(
      'BAD_USER_INPUT',
      error instanceof Error ? error.message : 'invalid variables',
    );
  }
  if (cost > limits.maxCost) {
    throw new AppError(
      'QUERY_TOO_COMPLEX',
      `the query could return about ${cost} objects; the limit is ${limits.maxCost}: ask for smaller pages (first) or fewer nested lists`,
      { limit: 'cost', max: limits.maxCost, actual: cost },
    );
  }
}

/** Variable sets remembered per operation; past this, the set starts again. */
const REMEMBERED_VARIABLE_SETS = 256;

export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  // Apollo reuses the parsed document of a query text it has seen, so an operation object and
  // its variables identify a check already passed (about 0.1 ms of a 2 ms answer in bench/).
  const passed = new WeakMap<OperationDefinitionNode, Set<string>>();
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return Promise.resolve();
          if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
            throw refusal(
              new AppError(
                'BAD_USER_INPUT',
                'subscriptions are served over WebSocket (graphql-ws) at this same URL, not over HTTP',
              ),
            );
          }
          const variables = request.variables ?? {};
          const key = JSON.stringify(variables);
          const seen = passed.get(operation) ?? new Set<string>();
          if (seen.has(key)) return Promise.resolve();
          const fragments = document.definitions.filter(
            (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
          );
          try {
            checkQueryLimits(schema, operation, fragments, variables, limits);
          } catch (error) {
            throw error instanceof AppError ? refusal(error) : error;
          }
          if (seen.size >= REMEMBERED_VARIABLE_SETS) seen.clear();
          passed.set(operation, seen.add(key));
          return Promise.resolve();
        },
      });
    },
  };
}
