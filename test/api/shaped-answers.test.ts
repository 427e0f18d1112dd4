/**
 * Queries answered from the compiled answers directly (shaped-answer.plugin.ts) say exactly
 * what graphql-js's execution says: the same bytes for the same request, errors included, and
 * a request still costs one Cypher query per root field when graphql-js has to take over.
 */
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, seedCurated, testDatabase } from '../helpers/graph';

const EVIDENCE = `source { id url publisher publishedAt publishedAtPrecision kind } stance quote note`;

/** Requests whose every root field is compiled: each is answered without graphql-js's walk. */
const COMPILED: [string, string, Record<string, unknown>][] = [
  [
    'nested companies with aliases, fragments, __typename, dates, date-times and enums',
    `query Nested($first: Int!) {
      __typename
      companies(first: $first) {
        __typename totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { ...CompanyParts } }
        list: nodes { id name }
      }
    }
    fragment CompanyParts on Company {
      __typename id name country website
      products { id name plans {
        id name tier paid price { amount currency period }
        open: practices(first: 2) { totalCount edges { cursor node {
          id default disputed recordedAt retractedAt validFrom validTo verification
          purpose { id name dpvIri } legalBasis { id }
          rights { code status mechanism right { code name grantedBy { ref } } }
          supportingSources { ${EVIDENCE} }
        } } }
        ... on Plan { summary }
      } }
      incidents(first: 2) { nodes { id date kind status recordedAt amount { value currency } } }
      sources { ${EVIDENCE} }
    }`,
    { first: 3 },
  ],
  [
    '@skip and @include by variables',
    `query Toggle($with: Boolean!, $without: Boolean!) {
      companies(first: 4) {
        nodes { id name @include(if: $with) country @skip(if: $with) website @include(if: $without) }
      }
      skipped: search(text: "mistral") @skip(if: $with) { totalCount }
    }`,
    { with: true, without: false },
  ],
  [
    'one company, and one that does not exist (null)',
    `{ company(id: "mistral-ai") { id name products { plans { id tier } } }
       missing: company(id: "no-such-company") { id } }`,
    {},
  ],
  [
    'the rights matrix with its own arguments given back',
    `{ rightsMatrix(first: 5, asOf: "2025-02-12", rights: [OBJECT, ACCESS]) {
        asOf purpose rights totalCount pageInfo { hasNextPage endCursor }
        rows { company { id } product { id } plan { id tier }
          cells { right status mechanism disputed practice { id } sources { ${EVIDENCE} } } }
      } }`,
    {},
  ],
  [
    'plans denying a right, with sources for and against',
    `{ plansDenyingRight(right: OBJECT, asOf: "2025-02-12", first: 50) { totalCount nodes {
        status mechanism note disputed right { code } purpose { id }
        company { id } product { id } plan { id paid prices { amount } } practice { id validFrom attestedFrom }
        supportingSources { ${EVIDENCE} } disputingSources { ${EVIDENCE} } disputes { ${EVIDENCE} }
      } } }`,
    {},
  ],
  [
    'findings with their explanation',
    `{ findings(first: 10, asOf: "2025-02-12") { totalCount nodes {
        id kind title explanation standing disputed company { id } product { id } plans { id }
        practices { id } provisions { ref } right { code } evidence { ${EVIDENCE} }
      } } }`,
    {},
  ],
  [
    'incidents filtered, with their parties and provisions',
    `{ incidents(first: 10, filter: { provision: "Art. 21" }) { totalCount edges { cursor node {
        id title date kind status summary verification disputed recordedAt retractedAt
        against { id } before { id name country } broughtBy { id } cites { ref article paragraph }
        concernsPlans { id } concernsPractices { id } amount { value currency }
      } } } }`,
    {},
  ],
  [
    'search with the hit under its label',
    `{ search(text: "le chat", first: 10) { totalCount edges { cursor node {
        score label id title summary company { id } product { id } plan { id tier }
        practice { id } incident { id } provision { ref } purpose { id }
      } } } }`,
    {},
  ],
  [
    'a provision by citation, with its parts and incidents',
    `{ provision(ref: "Art. 12") { id ref article paragraph point title summary regulation { id }
        parts { ref } partOf { ref } rights { code } incidents(first: 3) { totalCount nodes { id } } } }`,
    {},
  ],
  [
    "a company's timeline",
    `{ timeline(company: "mistral-ai", first: 10) { totalCount edges { cursor node {
        id date kind title changes practice { id } previous { id } plan { id } incident { id }
      } } } }`,
    {},
  ],
  [
    'statistics for charts',
    `{ stats { incidentCount incidentsPerKind { kind count } incidentsPerMonth { month count }
        incidentsPerAuthority { authority { id } count } incidentsPerProvision { provision { ref } count } } }`,
    {},
  ],
];

describe('answers sent without graphql-js execution', () => {
  let db: Database;
  let shaped: TestApi;
  let executed: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    shaped = await startTestApi(db);
    executed = await startTestApi(db, { shapedAnswers: false });
  });
  afterAll(async () => {
    await shaped.close();
    await executed.close();
    await db.close();
  });

  /**
   * Both answers, after checking they are the same bytes. The two APIs share one Database, so
   * what the first ask keeps (a findings page's entities) the second need not read: the
   * queries are counted on a second shaped ask, made as the executed one was, after the first.
   */
  async function both(query: string, variables?: Record<string, unknown>) {
    const [a, b] = [await shaped.gql(query, variables), await executed.gql(query, variables)];
    expect(a.text).toBe(b.text);
    expect(a.status).toBe(b.status);
    const again = await shaped.gql(query, variables);
    expect(again.text).toBe(a.text);
    expect(again.cypherQueries).toBe(b.cypherQueries);
    return { shaped: a, executed: b };
  }

  it.each(COMPILED)('says what graphql-js says: %s', async (_name, query, variables) => {
    const { shaped: answer } = await both(query, variables);
    expect(answer.errors).toBeUndefined();
    expect(answer.headers.get('x-graphql-execution')).toBe('shaped');
    // Not vacuous: each answer holds data beyond null roots.
    expect(answer.text.length).toBeGreaterThan(100);
  });

  it('leaves a root field that is not compiled to graphql-js, with the compiled ones fetched once', async () => {
    const { shaped: answer } = await both(
      '{ about { version nodeCounts { label count } } companies(first: 2) { nodes { id } } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.headers.get('x-graphql-execution')).toBe('graphql-js');
    expect(answer.cypherQueries).toBeGreaterThanOrEqual(2);
  });

  it("reports a resolver's error as graphql-js does, without running the query again", async () => {
    const { shaped: answer } = await both(
      '{ timeline(company: "no-such-company") { totalCount } companies(first: 1) { nodes { id } } }',
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(answer.data).toBeNull();
    expect(answer.headers.get('x-graphql-execution')).toBe('graphql-js');
    expect(answer.cypherQueries).toBe(2);
  });

  it('refuses a variable of the wrong type as graphql-js does', async () => {
    const { shaped: answer } = await both(
      'query ($n: Int!) { companies(first: $n) { totalCount } }',
      {
        n: 'three',
      },
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.cypherQueries).toBe(0);
  });

  it('lets graphql-js report a stored value the schema cannot hold (null name, unknown enum value)', async () => {
    await db.write(
      'test: a company without a name',
      `CREATE (:Company {id: 'nameless', country: 'FR'})
       CREATE (:Company {id: 'odd-product', name: 'Odd', country: 'FR'})<-[:OFFERED_BY]-
              (:Product {id: 'odd-product-app', name: 'Odd app'})<-[:OF]-
              (:Plan {id: 'odd-product-free', name: 'Free', tier: 'NOT_A_TIER', paid: false})`,
    );
    try {
      const named = await both('{ company(id: "nameless") { id name } }');
      expect(named.shaped.headers.get('x-graphql-execution')).toBe('graphql-js');
      expect(named.shaped.errors?.[0]?.path).toEqual(['company', 'name']);
      expect(named.shaped.cypherQueries).toBe(1);

      const tier = await both('{ company(id: "odd-product") { products { plans { id tier } } } }');
      expect(tier.shaped.headers.get('x-graphql-execution')).toBe('graphql-js');
      expect(tier.shaped.errors?.[0]?.path).toEqual(['company', 'products', 0, 'plans', 0, 'tier']);
    } finally {
      await db.write(
        'test: remove them',
        `MATCH (n) WHERE n.id IN ['nameless', 'odd-product', 'odd-product-app', 'odd-product-free'] DETACH DELETE n`,
      );
    }
  });

  it('leaves mutations to graphql-js', async () => {
    const answer = await shaped.gql('mutation { retract(id: "x", reason: "test") { id } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.headers.get('x-graphql-execution')).toBe('graphql-js');
  });
});
