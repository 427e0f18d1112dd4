/**
 * Sends a query's answer straight from its root resolvers when every one of them is complete
 * (query/shape.ts): the compiled Cypher and the Shaper already completed each value as
 * graphql-js would, and graphql-js's execution would walk the answer once more, field by field
 * (a rights matrix page is about 5,000 fields). Anything else (an error, a value graphql-js must
 * refuse, a root field that is not compiled, a mutation) is executed by graphql-js as usual,
 * reusing the answers already fetched: a request never runs its Cypher twice.
 * The `x-graphql-execution` header says which way a query went (`shaped` or `graphql-js`).
 */
import { type ApolloServerPlugin, type GraphQLRequestContext, HeaderMap } from '@apollo/server';
import {
  type FragmentDefinitionNode,
  getArgumentValues,
  getVariableValues,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isNonNullType,
  Kind,
  OperationTypeNode,
} from 'graphql';
// graphql-js's own field collection (fragments, @skip, @include); internal but stable in 16.x.
import { collectFields } from 'graphql/execution/collectFields';
import type { ApiContext } from './context';
import { isCompleteAnswer } from './translate/shaper';

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Root answers fetched for a request that graphql-js then executes, by response key. Keyed by
 * the request's context: Apollo builds one per HTTP request (batching is off) and clones it
 * for each `executeOperation`.
 */
const fetched = new WeakMap<object, Map<string, Settled>>();

export const EXECUTION_HEADER = 'x-graphql-execution';

export const shapedAnswerPlugin: ApolloServerPlugin<ApiContext> = {
  requestDidStart() {
    return Promise.resolve({
      async responseForOperation(request) {
        const answers = await resolveRootFields(request);
        if (answers?.complete) {
          return {
            http: { status: undefined, headers: new HeaderMap([[EXECUTION_HEADER, 'shaped']]) },
            body: { kind: 'single', singleResult: { data: answers.data } },
          };
        }
        if (answers) fetched.set(request.contextValue, answers.settled);
        request.response.http.headers.set(EXECUTION_HEADER, 'graphql-js');
        return null;
      },
      willSendResponse({ contextValue }) {
        fetched.delete(contextValue);
        return Promise.resolve();
      },
    });
  },
};

/**
 * Runs the operation's root resolvers as graphql-js would (same arguments, same info), or
 * returns null when graphql-js must handle the operation from the start (not a query, a
 * variable or argument it would refuse, an introspection field).
 */
async function resolveRootFields(request: GraphQLRequestContext<ApiContext>): Promise<{
  complete: boolean;
  data: Record<string, unknown>;
  settled: Map<string, Settled>;
} | null> {
  const { operation, document, schema } = request;
  const query = schema.getQueryType();
  if (!operation || !document || !query || operation.operation !== OperationTypeNode.QUERY)
    return null;
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    request.request.variables ?? {},
  );
  if (coerced.errors) return null;
  const variableValues = coerced.coerced;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;

  const calls: { key: string; nonNull: boolean; run: () => unknown }[] = [];
  // Keys go in as the selection has them (graphql-js's order); values once all have settled.
  const data: Record<string, unknown> = {};
  const fields = collectFields(schema, fragments, variableValues, query, operation.selectionSet);
  for (const [key, nodes] of fields) {
    const node = nodes[0]!;
    const name = node.name.value;
    if (name === '__typename') {
      data[key] = query.name;
      continue;
    }
    const field = query.getFields()[name];
    if (!field?.resolve) return null;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, variableValues);
    } catch {
      return null;
    }
    const info: GraphQLResolveInfo = {
      fieldName: name,
      fieldNodes: nodes,
      returnType: field.type,
      parentType: query,
      path: { prev: undefined, key, typename: query.name },
      schema,
      fragments,
      rootValue: undefined,
      operation,
      variableValues,
    };
    const resolve = field.resolve;
    data[key] = null;
    calls.push({
      key,
      nonNull: isNonNullType(field.type),
      run: () => resolve(undefined, args, request.contextValue, info),
    });
  }

  const settled = new Map<string, Settled>(
    await Promise.all(calls.map(async ({ key, run }) => [key, await settle(run)] as const)),
  );
  const complete = calls.every(({ key, nonNull }) => {
    const answer = settled.get(key)!;
    return answer.ok && (isCompleteAnswer(answer.value) || (answer.value === null && !nonNull));
  });
  for (const [key, answer] of settled) if (answer.ok) data[key] = answer.value;
  return { complete, data, settled };
}

async function settle(run: () => unknown): Promise<Settled> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Lets graphql-js's execution of a request take the root answers the plugin already fetched
 * instead of resolving them again. Applied once to the API schema.
 */
export function reuseFetchedRootAnswers(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  for (const field of Object.values(query?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = (source, args, context: object, info) => {
      const answer = fetched.get(context)?.get(String(info.path.key));
      if (!answer) return resolve(source, args, context, info);
      if (answer.ok) return answer.value;
      throw answer.error;
    };
  }
}
