/**
 * schema/migrations/005-model-v2.cypher upgrades a graph the first model wrote: the values it
 * stored then read as the second model expects (dates with their precision, scopes, prices as
 * lists, "available" rights split by how they are exercised), and the questions answer on it.
 */
import type { Database } from '../../src/db';
import { readMigrations } from '../../src/db/migrations';
import { ingest } from '../../src/graph';
import { fixtureBundle, SOURCE } from '../fixtures/bundles';
import { rulesBundle } from '../fixtures/rules';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, testDatabase } from '../helpers/graph';

/** Runs one migration's statements on a graph, as applyMigrations does, without recording it. */
async function runMigration(db: Database, id: string): Promise<void> {
  const migration = readMigrations().find((m) => m.id === id);
  if (!migration) throw new Error(`no migration ${id}`);
  for (const [i, statement] of migration.statements.entries())
    await db.autoCommit(`${id}#${i + 1}`, statement);
}

/** What the first model stored for a small company (as its ingestion wrote it). */
const FIRST_MODEL_GRAPH = `
CREATE (s:Source {id: 'v1-src', url: 'https://example.org/v1', publisher: 'Example', title: 'V1',
  publishedAt: date('2024-06-01'), publishedAtPrecision: 'MONTH', kind: 'POLICY', recordedAt: datetime()})
CREATE (c:Company {id: 'v1-corp', name: 'V1 Corp', country: 'FR', recordedAt: datetime()})
CREATE (pr:Product {id: 'v1-chat', name: 'V1 Chat', recordedAt: datetime()})-[:OFFERED_BY]->(c)
CREATE (free:Plan {id: 'v1-free', name: 'Free', tier: 'FREE', paid: false, recordedAt: datetime()})-[:OF]->(pr)
CREATE (pro:Plan {id: 'v1-pro', name: 'Pro', tier: 'PRO', priceAmount: 15.0, priceCurrency: 'EUR',
  pricePeriod: 'MONTH', paid: true, recordedAt: datetime()})-[:OF]->(pr)
CREATE (edu:Plan {id: 'v1-edu', name: 'Edu', tier: 'EDUCATION', paid: false, recordedAt: datetime()})-[:OF]->(pr)
CREATE (pu:Purpose {id: 'v1-training', name: 'Training', recordedAt: datetime()})
CREATE (rt:Right {id: 'v1-right-object', code: 'OBJECT', name: 'Right to object', recordedAt: datetime()})
CREATE (old:Practice {id: 'v1-free-2024', default: 'ON', validTo: date('2025-02-13'), verification: 'VERIFIED',
  summary: 'Old.', recordedAt: datetime()})-[:APPLIES_TO]->(free)
CREATE (new:Practice {id: 'v1-free-2025', default: 'ON', validFrom: date('2025-02-13'), verification: 'VERIFIED',
  summary: 'New.', recordedAt: datetime()})-[:APPLIES_TO]->(free)
CREATE (toggle:Practice {id: 'v1-pro-training', default: 'ON', validFrom: date('2025-01-01'), verification: 'VERIFIED',
  summary: 'Pro.', recordedAt: datetime()})-[:APPLIES_TO]->(pro)
CREATE (new)-[:REPLACES]->(old)
FOREACH (pl IN [free, pro, edu] | CREATE (pl)-[:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s))
FOREACH (p IN [old, new, toggle] | CREATE (p)-[:FOR_PURPOSE]->(pu) CREATE (p)-[:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s))
CREATE (old)-[:HANDLES {status: 'UNAVAILABLE'}]->(rt)
CREATE (new)-[:HANDLES {status: 'AVAILABLE', mechanism: 'E-mail to privacy@v1.example'}]->(rt)
CREATE (toggle)-[:HANDLES {status: 'AVAILABLE', mechanism: 'Settings toggle'}]->(rt)
CREATE (i:Incident {id: 'v1-complaint', kind: 'COMPLAINT', title: 'A complaint', date: date('2025-02-10'),
  status: 'FILED', summary: 'Complaint.', verification: 'VERIFIED', recordedAt: datetime()})-[:AGAINST]->(c)
CREATE (i)-[:EVIDENCED_BY {stance: 'SUPPORTS'}]->(s)
`;

describe('upgrading a graph of the first model', () => {
  let db: Database;
  let api: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await db.write('firstModelGraph', FIRST_MODEL_GRAPH);
    await runMigration(db, '005-model-v2');
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
  });

  it('splits "available" rights by how they are exercised: a request, or the product', async () => {
    const rows = await db.read(
      't',
      `MATCH (p:Practice)-[h:HANDLES]->() RETURN p.id AS id, h.status AS status ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'v1-free-2024', status: 'UNAVAILABLE' },
      { id: 'v1-free-2025', status: 'ON_REQUEST' },
      { id: 'v1-pro-training', status: 'IN_PRODUCT' },
    ]);
  });

  it('keeps prices as lists, reads an education plan with no price as unknown, not free', async () => {
    const res = await api.gql(
      `{ company(id: "v1-corp") { products { plans { id paid paidBasis prices { amount currency period } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.company.products[0].plans).toEqual([
      { id: 'v1-free', paid: false, paidBasis: 'TIER', prices: [] },
      {
        id: 'v1-pro',
        paid: true,
        paidBasis: 'PRICE',
        prices: [{ amount: 15, currency: 'EUR', period: 'MONTH' }],
      },
      { id: 'v1-edu', paid: null, paidBasis: null, prices: [] },
    ]);
  });

  it('answers the questions: a practice with no known start counts from its source, in the EEA', async () => {
    const MATRIX = `query ($asOf: Date) { rightsMatrix(companies: ["v1-corp"], rights: [OBJECT], asOf: $asOf) {
      rows { plan { id } cells { status practice { id startKnown inForceFrom scope } } } } }`;
    const cell = async (asOf: string, plan: string) =>
      (await api.gql(MATRIX, { asOf })).data!.rightsMatrix.rows.find((r: any) => r.plan.id === plan)
        ?.cells[0];
    // The source is dated June 2024 (to the month): the plan and its old practice count from
    // its last day; in mid-June the matrix has no row for the plan yet.
    expect(await cell('2024-06-15', 'v1-free')).toBeUndefined();
    expect(await cell('2024-07-01', 'v1-free')).toEqual({
      status: 'UNAVAILABLE',
      practice: {
        id: 'v1-free-2024',
        startKnown: false,
        inForceFrom: '2024-06-30',
        scope: ['EEA'],
      },
    });
    expect((await cell('2025-03-01', 'v1-free'))?.status).toBe('ON_REQUEST');
    const timeline = await api.gql(
      `{ timeline(company: "v1-corp") { nodes { date kind changes } } }`,
    );
    expect(timeline.data!.timeline.nodes).toContainEqual({
      date: '2025-02-13',
      kind: 'PRACTICE_CHANGED',
      changes: ['Right to object: UNAVAILABLE -> ON_REQUEST'],
    });
    const incidents = await api.gql(
      `{ incidents(filter: { company: "v1-corp" }) { nodes { id date status statusHistory { status } } } }`,
    );
    expect(incidents.data!.incidents.nodes).toEqual([
      { id: 'v1-complaint', date: '2025-02-10', status: 'FILED', statusHistory: [] },
    ]);
  });

  it('changes nothing when applied again', async () => {
    const before = await db.read(
      't',
      `MATCH (n) WHERE n.id STARTS WITH 'v1-' RETURN n.id AS id, properties(n) AS p ORDER BY id`,
    );
    await runMigration(db, '005-model-v2');
    const after = await db.read(
      't',
      `MATCH (n) WHERE n.id STARTS WITH 'v1-' RETURN n.id AS id, properties(n) AS p ORDER BY id`,
    );
    expect(after).toEqual(before);
  });
});

describe('deriving again the starts a graph read from any supporting source', () => {
  let db: Database;
  let derived: Record<string, unknown>[];
  const apply = () => runMigration(db, '016-start-claims');
  const starts = () =>
    db.read(
      't',
      `MATCH (n) WHERE n.id IN ['tst-free-2024', 'tst-free-2025', 'tst-pro']
       RETURN n.id AS id, toString(coalesce(n.inForceFrom, n.availableFrom)) AS from ORDER BY id`,
    );

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    // A practice with no start cites a 2019 page for its objection right only; the paid plan
    // cites the same page for its price.
    const bundle = fixtureBundle();
    bundle.sources!.push({
      ...SOURCE,
      id: 'tst-src-2019',
      url: 'https://example.org/2019',
      publishedAt: '2019-03-01',
    });
    bundle.practices![0]!.sources.unshift({
      source: 'tst-src-2019',
      claim: 'RIGHT',
      right: 'OBJECT',
    });
    bundle.plans![1]!.sources = ['tst-src-news', { source: 'tst-src-2019', claim: 'PRICE' }];
    await ingest(db, [{ file: 'fixture.yaml', data: bundle }]);
    derived = await starts();
    // What the derivation before the claim filter stored: the earliest supporting source.
    await db.write(
      'oldDerivation',
      `MATCH (p:Practice {id: 'tst-free-2024'}) SET p.inForceFrom = date('2019-03-01')`,
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  it('counts a startless practice from a source that shows it, as ingestion now derives', async () => {
    expect((await starts())[0]).toEqual({ id: 'tst-free-2024', from: '2019-03-01' });
    await apply();
    expect(await starts()).toEqual([
      { id: 'tst-free-2024', from: '2024-06-01' },
      { id: 'tst-free-2025', from: '2025-02-13' },
      { id: 'tst-pro', from: '2019-03-01' },
    ]);
    expect(await starts()).toEqual(derived);
  });

  it('changes nothing when applied again', async () => {
    const before = await starts();
    await apply();
    expect(await starts()).toEqual(before);
  });
});

describe('deriving lastAttested for a graph written before it was derived', () => {
  let db: Database;
  let derived: Record<string, unknown>[];
  const apply = () => runMigration(db, '017-last-attested');
  const attested = () =>
    db.read(
      't',
      `MATCH (n) WHERE n:Plan OR n:Practice OR n:Incident
       RETURN n.id AS id, toString(n.lastAttested) AS day, n.lastAttestedPrecision AS precision,
         toString(n.lastAttestedLatest) AS latest ORDER BY id`,
    );

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
    derived = await attested();
    // A graph written before: no statement has the derived values.
    await db.write(
      'beforeDerivation',
      `MATCH (n) WHERE n:Plan OR n:Practice OR n:Incident
       REMOVE n.lastAttested, n.lastAttestedPrecision, n.lastAttestedLatest`,
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  it('gives every plan, practice and incident the value ingestion derives', async () => {
    expect(derived.length).toBeGreaterThan(5);
    expect(derived.every((r) => r.day !== null)).toBe(true);
    expect((await attested()).every((r) => r.day === null)).toBe(true);
    await apply();
    expect(await attested()).toEqual(derived);
  });

  it('changes nothing when applied again', async () => {
    const before = await attested();
    await apply();
    expect(await attested()).toEqual(before);
  });
});
