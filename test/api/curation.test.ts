/**
 * Curators write through the API: keys and roles, the shared validation, audit,
 * idempotency, concurrency, retraction, and subscriptions. The suite owns its data: the small
 * world of test/fixtures/rules.ts (FX Corp and its plans), not the curated seeds.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createApiKey } from '../../src/api/auth/api-keys.store';
import { MAX_WRITE_ENTITIES } from '../../src/api/curation/curation.service';
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import { graphSnapshot, resetGraph, testDatabase } from '../helpers/graph';
import { RecordingDatabase } from '../helpers/recording-database';

const SOURCE = {
  id: 'cur-src',
  url: 'https://example.org/curation',
  publisher: 'Example',
  title: 'Curation test source',
  publishedAt: '2026-01-05',
  kind: 'NEWS',
};

const INCIDENT = (title: string) => ({
  kind: 'COMPLAINT',
  title,
  date: '2026-01-05',
  against: ['fx-corp'],
  before: 'fx-dpa',
  cites: ['Art. 21', 'Art. 12(5)'],
  verification: 'SECONDARY',
  summary: 'A test complaint.',
  sources: [{ source: 'cur-src' }],
  newSources: [SOURCE],
});

const RECORD_INCIDENT = `mutation ($input: IncidentInput!) { recordIncident(input: $input) { id title cites { ref } before { id } } }`;
const INGEST = `mutation ($bundle: BundleInput!, $dryRun: Boolean) { ingestBundle(bundle: $bundle, dryRun: $dryRun, source: "test") { dryRun changes { label created updated unchanged } changedIds auditId } }`;

describe('curating through the API', () => {
  let db: Database;
  let api: TestApi;
  const keys: Record<'reader' | 'curator' | 'admin', string> = {
    reader: '',
    curator: '',
    admin: '',
  };

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [
      { file: 'rules', data: rulesBundle() },
      {
        file: 'curation',
        data: {
          purposes: [{ id: 'cur-human-review', name: 'Human review', sources: ['fx-src-policy'] }],
          // A second company, for a subscriber that must not hear of fx-corp's findings.
          companies: [
            { id: 'cur-other-co', name: 'Other Co', country: 'FR', sources: ['fx-src-policy'] },
          ],
        },
      },
    ]);
    for (const role of ['reader', 'curator', 'admin'] as const)
      keys[role] = (await createApiKey(db, role, `test ${role}`)).token;
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  const as = (role: keyof typeof keys | 'anonymous' | 'bogus') =>
    role === 'anonymous'
      ? undefined
      : role === 'bogus'
        ? 'Bearer grg_0000000000000000_' + 'x'.repeat(43)
        : `Bearer ${keys[role]}`;

  const MUTATIONS: [string, string, Record<string, unknown>][] = [
    ['ingestBundle', INGEST, { bundle: { sources: [SOURCE] } }],
    ['recordIncident', RECORD_INCIDENT, { input: INCIDENT('Role check') }],
    [
      'recordPractice',
      `mutation ($input: PracticeInput!) { recordPractice(input: $input) { id } }`,
      {
        input: {
          id: 'cur-role-practice',
          plans: ['fx-pro'],
          purpose: 'cur-human-review',
          scope: ['EEA'],
          dataCategories: ['user-prompts'],
          default: 'NEVER',
          validFrom: '2026-01-01',
          verification: 'VERIFIED',
          summary: 'Role check.',
          sources: [{ source: 'cur-src' }],
          newSources: [SOURCE],
        },
      },
    ],
    ['retract', `mutation { retract(id: "no-such-statement", reason: "role check") { id } }`, {}],
  ];

  describe.each(MUTATIONS)('%s', (_name, mutation, variables) => {
    it.each([
      ['anonymous', 'UNAUTHENTICATED'],
      ['bogus', 'UNAUTHENTICATED'],
      ['reader', 'FORBIDDEN'],
    ] as const)('refuses a %s caller with %s and writes nothing', async (role, code) => {
      const before = await graphSnapshot(db);
      const res = await api.gql(mutation, variables, as(role));
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      expect(await graphSnapshot(db)).toEqual(before);
    });

    it.each(['curator', 'admin'] as const)('lets a %s through', async (role) => {
      const res = await api.gql(mutation, variables, as(role));
      // retract of an unknown id is NOT_FOUND: past the role check, which is what this asserts.
      const code = res.errors?.[0]?.extensions?.code;
      expect(code === undefined || code === 'NOT_FOUND').toBe(true);
    });
  });

  it('shows the audit log to admins only, with the key that wrote', async () => {
    const asCurator = await api.gql(`{ auditLog { totalCount } }`, {}, as('curator'));
    expect(asCurator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const res = await api.gql(
      `{ auditLog(first: 50) { totalCount nodes { at keyId operation source } } }`,
      {},
      as('admin'),
    );
    expect(res.errors).toBeUndefined();
    const operations = res.data!.auditLog.nodes.map((e: any) => e.operation);
    expect(operations).toEqual(
      expect.arrayContaining(['ingestBundle', 'recordIncident', 'recordPractice']),
    );
    const curatorKeyId = keys.curator.split('_')[1];
    expect(res.data!.auditLog.nodes.some((e: any) => e.keyId === curatorKeyId)).toBe(true);
    const times = res.data!.auditLog.nodes.map((e: any) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('refuses a malformed bundle with every problem and leaves the graph unchanged', async () => {
    const before = await graphSnapshot(db);
    const res = await api.gql(
      INGEST,
      {
        bundle: {
          plans: [
            { id: 'x-plan', name: 'X', product: 'no-such-product', tier: 'GOLD', sources: [] },
          ],
        },
      },
      as('curator'),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (res.errors?.[0]?.extensions?.problems as { path: string }[])
      .map((p) => p.path)
      .sort();
    expect(paths).toEqual(['plans[0].sources', 'plans[0].tier']);
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('refuses a bundle larger than one transaction may hold, naming the limit', async () => {
    const before = await graphSnapshot(db);
    const sources = Array.from({ length: MAX_WRITE_ENTITIES + 1 }, (_, i) => ({
      ...SOURCE,
      id: `cur-bulk-${i}`,
      url: `https://example.org/bulk/${i}`,
    }));
    const res = await api.gql(INGEST, { bundle: { sources } }, as('curator'));
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: MAX_WRITE_ENTITIES,
    });
    expect(res.errors?.[0]?.message).toMatch(
      `the bundle holds ${MAX_WRITE_ENTITIES + 1} entities, more than one write may hold`,
    );
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('dry-runs a bundle: reports, writes nothing', async () => {
    const before = await graphSnapshot(db);
    const bundle = {
      sources: [SOURCE],
      companies: [{ id: 'cur-new-co', name: 'New Co', country: 'FR', sources: ['cur-src'] }],
    };
    const res = await api.gql(INGEST, { bundle, dryRun: true }, as('curator'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.ingestBundle.changes).toContainEqual({
      label: 'Company',
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('refuses an incident that states no verification, storing nothing', async () => {
    const input: Record<string, unknown> = INCIDENT('Complaint of no stated level');
    delete input.verification;
    const res = await api.gql(RECORD_INCIDENT, { input }, as('curator'));
    expect(res.errors?.[0]?.message).toMatch(
      /"IncidentInput".*verification|verification.*required/,
    );
    const rows = await db.read(
      't',
      'MATCH (i:Incident {title: "Complaint of no stated level"}) RETURN count(i) AS n',
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('records a source whose page prints no date only beside a dated one, and answers it undated', async () => {
    const help = {
      id: 'cur-src-help',
      url: 'https://example.org/help',
      publisher: 'Example',
      title: 'A help page with no date',
      kind: 'HELP_PAGE',
    };
    const alone = {
      ...INCIDENT('Complaint on an undated page'),
      sources: [{ source: 'cur-src-help' }],
      newSources: [help],
    };
    const refused = await api.gql(RECORD_INCIDENT, { input: alone }, as('curator'));
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.problems).toContainEqual(
      expect.objectContaining({
        message:
          'every source it rests on prints no date (cur-src-help): cite a dated source beside them',
      }),
    );
    const stored = await db.read(
      't',
      'MATCH (n) WHERE n.id = "cur-src-help" OR n.title = "Complaint on an undated page" RETURN count(n) AS n',
    );
    expect(stored[0]!.n).toBe(0);

    const beside = {
      ...alone,
      sources: [{ source: 'cur-src-help' }, { source: 'cur-src' }],
      newSources: [help, SOURCE],
    };
    const recorded = await api.gql(RECORD_INCIDENT, { input: beside }, as('curator'));
    expect(recorded.errors).toBeUndefined();
    const read = await api.gql(
      `{ incidents(filter: { company: "fx-corp", kind: COMPLAINT }, first: 100) { nodes { title evidence { source { id publishedAt publishedAtPrecision } } } } }`,
    );
    expect(read.errors).toBeUndefined();
    const incident = read.data!.incidents.nodes.find(
      (n: any) => n.title === 'Complaint on an undated page',
    );
    // Dated sources first; the undated one after them, with no date and no precision.
    expect(incident.evidence).toEqual([
      { source: { id: 'cur-src', publishedAt: '2026-01-05', publishedAtPrecision: 'DAY' } },
      { source: { id: 'cur-src-help', publishedAt: null, publishedAtPrecision: null } },
    ]);
  });

  it('records the same incident twice as one', async () => {
    const first = await api.gql(
      RECORD_INCIDENT,
      { input: INCIDENT('Idempotent complaint') },
      as('curator'),
    );
    const second = await api.gql(
      RECORD_INCIDENT,
      { input: INCIDENT('Idempotent complaint') },
      as('curator'),
    );
    expect(first.errors).toBeUndefined();
    expect(second.data!.recordIncident.id).toBe(first.data!.recordIncident.id);
    expect(first.data!.recordIncident.cites.map((c: any) => c.ref).sort()).toEqual([
      'Art. 12(5)',
      'Art. 21',
    ]);
    const rows = await db.read(
      't',
      'MATCH (i:Incident {title: "Idempotent complaint"}) RETURN count(i) AS n',
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('gives 20 concurrent ingestions of overlapping bundles the counts of sequential ones', async () => {
    // Overlapping bundles: each shares companies and incidents with its neighbours, and an id
    // always has the same content, so the order of the writes cannot change the outcome.
    const bundleFor = (i: number) => {
      const incidents = [i % 8, (i + 1) % 8];
      const companies = [...new Set([...incidents.map((k) => k % 6), i % 6, (i + 2) % 6])];
      return {
        sources: [SOURCE],
        companies: companies.map((c) => ({
          id: `conc-co-${c}`,
          name: `Concurrent ${c}`,
          country: 'FR',
          sources: ['cur-src'],
        })),
        incidents: incidents.map((k) => ({
          id: `conc-inc-${k}`,
          kind: 'COMPLAINT',
          title: `Concurrent incident ${k}`,
          date: '2026-01-01',
          against: [`conc-co-${k % 6}`],
          verification: 'VERIFIED',
          summary: 'Concurrency.',
          sources: ['cur-src'],
        })),
      };
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.gql(INGEST, { bundle: bundleFor(i) }, as('curator')),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const concurrent = await graphSnapshot(db);

    // The same bundles one after another, on top: nothing new, nothing lost.
    for (let i = 0; i < 20; i++) await api.gql(INGEST, { bundle: bundleFor(i) }, as('curator'));
    const sequential = await graphSnapshot(db);
    expect({ ...sequential, auditEntries: 0 }).toEqual({ ...concurrent, auditEntries: 0 });
    expect(sequential.auditEntries).toBe(concurrent.auditEntries + 20);
    const rows = await db.read(
      't',
      `MATCH (c:Company) WHERE c.id STARTS WITH 'conc-co-' WITH count(c) AS companies
      MATCH (i:Incident) WHERE i.id STARTS WITH 'conc-inc-' RETURN companies, count(i) AS incidents, sum(COUNT { (i)-[:AGAINST]->() }) AS against`,
    );
    expect(rows[0]).toEqual({ companies: 6, incidents: 8, against: 8 });
  });

  it('replaces the practice in force instead of overwriting it, and the questions see the change', async () => {
    const input = {
      id: 'cur-fx-plus-2026',
      plans: ['fx-plus'],
      purpose: 'ai-model-training',
      scope: ['WORLDWIDE'],
      dataCategories: ['user-prompts'],
      legalBasis: 'legitimate-interest',
      default: 'ON',
      validFrom: '2026-03-01',
      rights: [{ right: 'OBJECT', status: 'IN_PRODUCT', mechanism: 'A new settings toggle' }],
      verification: 'VERIFIED',
      summary: 'Test: Plus users can now object in the settings.',
      sources: [{ source: 'cur-src' }],
      newSources: [SOURCE],
    };
    const res = await api.gql(
      `mutation ($input: PracticeInput!) { recordPractice(input: $input) { id validFrom replaces { id validTo } } }`,
      { input },
      as('curator'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordPractice.replaces).toEqual({
      id: 'fx-plus-training',
      validTo: '2026-03-01',
    });
    const denying = async (asOf: string) =>
      (
        await api.gql(
          `query ($asOf: Date) { plansDenyingRight(right: OBJECT, purpose: "ai-model-training", asOf: $asOf, first: 100) { nodes { plan { id } } } }`,
          { asOf },
        )
      ).data!.plansDenyingRight.nodes.map((r: any) => r.plan.id);
    expect(await denying('2026-02-01')).toContain('fx-plus');
    expect(await denying('2026-04-01')).not.toContain('fx-plus');
    const timeline = await api.gql(
      `{ timeline(company: "fx-corp", from: "2026-03-01", to: "2026-03-01") { nodes { kind changes } } }`,
    );
    expect(timeline.data!.timeline.nodes).toContainEqual({
      kind: 'PRACTICE_CHANGED',
      changes: ['Right to object: UNAVAILABLE -> IN_PRODUCT'],
    });
  });

  it('links a predecessor whose validity already ended, and refuses a start before its end', async () => {
    const base = {
      plans: ['fx-free'],
      purpose: 'cur-human-review',
      scope: ['EEA'],
      dataCategories: ['user-prompts'],
      default: 'ON',
      verification: 'VERIFIED',
      summary: 'Test: human review on the free plan.',
      sources: [{ source: 'cur-src' }],
      newSources: [SOURCE],
    };
    const RECORD = `mutation ($input: PracticeInput!) { recordPractice(input: $input) { id replaces { id validTo } } }`;
    const ended = await api.gql(
      RECORD,
      { input: { ...base, id: 'cur-review-2025', validFrom: '2025-03', validTo: '2025-09' } },
      as('curator'),
    );
    expect(ended.errors).toBeUndefined();
    const early = await api.gql(
      RECORD,
      { input: { ...base, id: 'cur-review-2026', validFrom: '2025-08-01' } },
      as('curator'),
    );
    expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toMatch(
      /before 2025-09-01, when the practice it follows \("cur-review-2025"\) ended/,
    );
    const later = await api.gql(
      RECORD,
      { input: { ...base, id: 'cur-review-2026', validFrom: '2026-01-15' } },
      as('curator'),
    );
    expect(later.errors).toBeUndefined();
    // Linked, and left as it was: it already said when it ended.
    expect(later.data!.recordPractice.replaces).toEqual({
      id: 'cur-review-2025',
      validTo: '2025-09',
    });
  });

  it('retracts an incident: gone from the list and from both totals, unfiltered and filtered', async () => {
    const recorded = await api.gql(
      RECORD_INCIDENT,
      { input: INCIDENT('Retraction count check') },
      as('curator'),
    );
    expect(recorded.errors).toBeUndefined();
    const id = recorded.data!.recordIncident.id as string;
    // The unfiltered total comes from the count store minus the retracted; the filtered one counts.
    const listed = async (filter: object | null) => {
      const res = await api.gql(
        `query ($filter: IncidentFilter) { incidents(first: 100, filter: $filter) { totalCount nodes { id } } }`,
        { filter },
      );
      expect(res.errors).toBeUndefined();
      const { totalCount, nodes } = res.data!.incidents;
      return { totalCount, ids: nodes.map((n: any) => n.id as string) };
    };
    for (const filter of [null, { company: 'fx-corp' }]) {
      const before = await listed(filter);
      expect(before.ids).toContain(id);
      expect(before.totalCount).toBe(before.ids.length);
    }
    const res = await api.gql(
      `mutation ($id: ID!) { retract(id: $id, reason: "Test: recorded twice") { id label } }`,
      { id },
      as('curator'),
    );
    expect(res.data!.retract).toEqual({ id, label: 'Incident' });
    for (const filter of [null, { company: 'fx-corp' }]) {
      const after = await listed(filter);
      expect(after.ids).not.toContain(id);
      expect(after.totalCount).toBe(after.ids.length);
    }
  });

  it("retracts a practice: gone from today's answers, still there for earlier dates, and in the audit log", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const inForce = async (asOf: string) =>
      (
        await api.gql(
          `query ($asOf: Date) { company(id: "fx-corp") { products { plans { practices(asOf: $asOf) { nodes { id } } } } } }`,
          { asOf },
        )
      )
        .data!.company.products.flatMap((p: any) => p.plans)
        .flatMap((p: any) => p.practices.nodes.map((n: any) => n.id));
    const before = await inForce(today);
    expect(before.length).toBeGreaterThan(0);
    const target = before[0];
    const res = await api.gql(
      `mutation ($id: ID!) { retract(id: $id, reason: "Test: the source was misread") { id label reason auditId } }`,
      { id: target },
      as('curator'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.retract).toMatchObject({
      id: target,
      label: 'Practice',
      reason: 'Test: the source was misread',
    });
    expect(await inForce(today)).not.toContain(target);
    // It stood until today: the day before, the graph still answers with it.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(await inForce(yesterday)).toContain(target);
    const history = await api.gql(
      `{ company(id: "fx-corp") { products { plans { practices { nodes { id retractedAt retractionReason } } } } } }`,
    );
    const retracted = history
      .data!.company.products.flatMap((p: any) => p.plans)
      .flatMap((p: any) => p.practices.nodes)
      .find((n: any) => n.id === target);
    expect(retracted).toMatchObject({ retractionReason: 'Test: the source was misread' });
    expect(retracted.retractedAt).toBeTruthy();
    const again = await api.gql(
      `mutation ($id: ID!) { retract(id: $id, reason: "twice") { id } }`,
      { id: target },
      as('curator'),
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const audit = await api.gql(
      `{ auditLog(first: 5) { nodes { operation changedIds source } } }`,
      {},
      as('admin'),
    );
    expect(audit.data!.auditLog.nodes[0]).toEqual({
      operation: 'retract',
      changedIds: [target],
      source: 'Test: the source was misread',
    });
  });

  it('lets dashboards poll incidents by the time they were recorded', async () => {
    const since = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await api.gql(RECORD_INCIDENT, { input: INCIDENT('Polled complaint') }, as('curator'));
    const res = await api.gql(
      `query ($since: DateTimeISO) { incidents(recordedAfter: $since) { nodes { title recordedAt } } }`.replace(
        'DateTimeISO',
        'DateTime',
      ),
      { since: since.toISOString() },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.incidents.nodes.map((n: any) => n.title)).toEqual(['Polled complaint']);
  });

  const subscriber = () =>
    createClient({
      url: api.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
    });

  it('sends an incident recorded after subscribing to a subscriber', async () => {
    const client = subscriber();
    try {
      const received = new Promise<any>((resolve, reject) => {
        const stop = client.subscribe(
          { query: 'subscription { incidentRecorded { id title against { id } } }' },
          {
            next: (msg) => {
              resolve(msg);
              stop();
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      // Give the subscription time to register before the write.
      await new Promise((r) => setTimeout(r, 300));
      const recorded = await api.gql(
        RECORD_INCIDENT,
        { input: INCIDENT('Subscribed complaint') },
        as('curator'),
      );
      const msg = await received;
      expect(msg.data.incidentRecorded).toEqual({
        id: recorded.data!.recordIncident.id,
        title: 'Subscribed complaint',
        against: [{ id: 'fx-corp' }],
      });
    } finally {
      await client.dispose();
    }
  });

  it('runs the rules around a write only while someone listens for findings that change', async () => {
    // The same Neo4j, through a door that records each read it runs.
    const recording = RecordingDatabase.forWorker();
    const own = await startTestApi(recording);
    const rulesRunBy = async (title: string) => {
      recording.take();
      const res = await own.gql(RECORD_INCIDENT, { input: INCIDENT(title) }, as('curator'));
      expect(res.errors).toBeUndefined();
      return recording.take().filter((q) => q.name === 'companyFindingIds').length;
    };
    const client = createClient({
      url: own.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
    });
    try {
      expect(await rulesRunBy('Complaint no one listens for')).toBe(0);
      client.subscribe(
        { query: 'subscription { findingsChanged { companyId } }' },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
      await new Promise((r) => setTimeout(r, 300));
      // Before the write and after it.
      expect(await rulesRunBy('Complaint a subscriber listens for')).toBe(2);
      await client.dispose();
      await new Promise((r) => setTimeout(r, 300));
      expect(await rulesRunBy('Complaint after the subscriber left')).toBe(0);
    } finally {
      await client.dispose();
      await own.close();
      await recording.close();
    }
  });

  it('tells findingsChanged subscribers of that company which findings a write made appear', async () => {
    const client = subscriber();
    const events: any[] = [];
    try {
      const received = new Promise<any>((resolve, reject) => {
        const stop = client.subscribe(
          {
            query:
              'subscription { findingsChanged(company: "fx-corp") { companyId asOf appeared disappeared } }',
          },
          {
            next: (msg) => {
              events.push(msg);
              resolve(msg);
              stop();
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      client.subscribe(
        { query: 'subscription { findingsChanged(company: "cur-other-co") { companyId } }' },
        // Any answer, an error included (an unknown company is refused), fails the count below.
        {
          next: (msg) => events.push(msg),
          error: (e) => events.push(e),
          complete: () => undefined,
        },
      );
      await new Promise((r) => setTimeout(r, 300));
      // Pro stops granting objection and access (Plus, changed above, now grants objection):
      // Pro's new practice has no way to object on legitimate interest while a paid plan offers
      // one, and Free's access on request no longer has a plan offering it in the product.
      const today = new Date().toISOString().slice(0, 10);
      const res = await api.gql(
        `mutation ($input: PracticeInput!) { recordPractice(input: $input) { id } }`,
        {
          input: {
            id: 'cur-fx-pro-no-objection',
            plans: ['fx-pro'],
            purpose: 'ai-model-training',
            scope: ['EEA'],
            dataCategories: ['user-prompts'],
            legalBasis: 'legitimate-interest',
            default: 'ON',
            validFrom: today,
            rights: [{ right: 'OBJECT', status: 'UNAVAILABLE' }],
            verification: 'VERIFIED',
            summary: 'Test: no way to object on Pro.',
            sources: [{ source: 'cur-src' }],
          },
        },
        as('curator'),
      );
      expect(res.errors).toBeUndefined();
      const msg = await received;
      const change = msg.data.findingsChanged;
      expect({
        ...change,
        appeared: [...change.appeared].sort(),
        disappeared: [...change.disappeared].sort(),
      }).toEqual({
        companyId: 'fx-corp',
        asOf: today,
        appeared: [
          'no-way-to-object:cur-fx-pro-no-objection',
          'right-conditioned-on-payment:cur-fx-pro-no-objection:fx-pro:OBJECT',
          'training-on-by-default:cur-fx-pro-no-objection',
        ],
        disappeared: [
          'right-only-on-request:fx-free-training:fx-free:ACCESS',
          'training-on-by-default:fx-pro-training',
        ],
      });
      const findings = await api.gql(`{ findings(company: "fx-corp") { nodes { id kind } } }`);
      expect(findings.data!.findings.nodes).toContainEqual({
        id: 'no-way-to-object:cur-fx-pro-no-objection',
        kind: 'NO_WAY_TO_OBJECT',
      });
      // The subscriber for another company heard nothing.
      await new Promise((r) => setTimeout(r, 200));
      expect(events).toHaveLength(1);
    } finally {
      await client.dispose();
    }
  });
});

describe('private reads', () => {
  let db: Database;
  let api: TestApi;
  let reader: string;

  beforeAll(async () => {
    db = testDatabase();
    reader = (await createApiKey(db, 'reader', 'private reads')).token;
    api = await startTestApi(db, { publicReads: false });
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('needs a key to read when reads are not public', async () => {
    const anonymous = await api.gql(`{ companies { totalCount } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.cypherQueries).toBe(0);
    const withKey = await api.gql(`{ companies { totalCount } }`, {}, `Bearer ${reader}`);
    expect(withKey.errors).toBeUndefined();
  });
});
