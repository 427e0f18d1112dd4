/**
 * Standard introspection wherever introspection is on: the query GraphiQL, Apollo Sandbox,
 * Postman and codegen send (14 levels deep) is answered under the default limits, over HTTP
 * and WebSocket. Introspection has its own bounds instead of the depth limit: its depth, and
 * graphql-js's limit on lists nested in lists (`fields { type { fields ...`). What it answers
 * describes every type, field, argument and enum value: dashboards read the docs from it.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { testDatabase } from '../helpers/graph';
import { openSession, wsUrl } from './ws-session';

const STANDARD = getIntrospectionQuery();
const EVERY_OPTION = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});

describe('introspection', () => {
  let db: Database;
  let api: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    // The default limits (depth 8), as `npm start` serves them.
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it.each([
    ['the standard introspection query', STANDARD],
    ['the introspection query with every option', EVERY_OPTION],
  ])('answers %s over HTTP', async (_name, query) => {
    const res = await api.gql(query);
    expect(res.errors).toBeUndefined();
    expect(res.data?.__schema.queryType.name).toBe('Query');
    expect(res.data?.__schema.types.map((t: { name: string }) => t.name)).toContain('Provision');
    expect(res.cypherQueries).toBe(0);
  });

  it('describes every type, field, argument and enum value a dashboard reads', async () => {
    const res = await api.gql(STANDARD);
    expect(res.errors).toBeUndefined();
    const schema = buildClientSchema(res.data as unknown as IntrospectionQuery);
    const roots = new Set([
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType(),
    ]);
    const undescribed: string[] = [];
    const need = (what: string, description: string | null | undefined) => {
      if (!description?.trim()) undescribed.push(what);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      // Query, Mutation and Subscription are named by GraphQL itself; their fields are described.
      if (!roots.has(type as never)) need(`type ${type.name}`, type.description);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          need(`${type.name}.${field.name}`, field.description);
          for (const arg of 'args' in field ? field.args : [])
            need(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isEnumType(type))
        for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
    }
    expect(undescribed).toEqual([]);
  });

  it('answers the standard introspection query over WebSocket', async () => {
    const session = openSession(wsUrl(api.url));
    try {
      const answer = await session.request(STANDARD);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.__schema.queryType.name).toBe('Query');
    } finally {
      session.close();
    }
  });

  it('still counts the depth of the rest of a query that introspects', async () => {
    const res = await api.gql(
      `{ __schema { queryType { name } } provision(ref: "Art. 6(1)(f)") { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf { id } } } } } } } } } }`,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'depth',
    });
  });

  it('refuses lists of fields nested in lists of fields', async () => {
    const res = await api.gql(
      '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/introspection depth/i);
  });

  it('refuses introspection nested deeper than its own bound', async () => {
    const ofTypes = (n: number): string => (n === 0 ? 'name' : `ofType { ${ofTypes(n - 1)} }`);
    const res = await api.gql(`{ __type(name: "Query") { ${ofTypes(25)} } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'introspectionDepth',
      max: 20,
    });
  });
});
