/**
 * The analysts' questions over HTTP against the seeded graph, with answers that follow
 * from seeds/ (the Le Chat story of February 2025).
 */
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, seedCurated, testDatabase } from '../helpers/graph';

describe("the analysts' questions", () => {
  let db: Database;
  let api: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  const PLANS_DENYING = `query ($asOf: Date) {
    plansDenyingRight(right: OBJECT, purpose: "ai-model-training", asOf: $asOf) {
      company { id name } product { id } plan { id tier paid } status mechanism disputed
      practice { id validTo }
      supportingSources { stance source { id url publisher publishedAt } }
      disputingSources { stance note source { id publisher } }
    }
  }`;

  it("lists Le Chat Free, with its sources and Mistral's disputing statement, as denying the right to object on 2025-02-01", async () => {
    const res = await api.gql(PLANS_DENYING, { asOf: '2025-02-01' });
    expect(res.errors).toBeUndefined();
    const rows = res.data!.plansDenyingRight;
    const plans = rows.map((r: any) => r.plan.id);
    expect(plans).toContain('le-chat-free');
    expect(plans).not.toContain('le-chat-pro');
    const free = rows.find((r: any) => r.plan.id === 'le-chat-free');
    expect(free).toMatchObject({
      company: { id: 'mistral-ai' },
      status: 'UNAVAILABLE',
      disputed: true,
      plan: { paid: false },
    });
    expect(free.supportingSources.length).toBeGreaterThan(0);
    expect(
      free.supportingSources.every(
        (e: any) => e.stance === 'SUPPORTS' && e.source.url.startsWith('http'),
      ),
    ).toBe(true);
    expect(free.disputingSources.length).toBeGreaterThan(0);
    expect(free.disputingSources.every((e: any) => e.stance === 'DISPUTES')).toBe(true);
    expect(free.disputingSources.map((e: any) => e.note).join(' ')).toMatch(/Mistral/);
  });

  it('reflects the clarified terms on 2025-03-01, while the disputed claim stays visible with both sides', async () => {
    const res = await api.gql(PLANS_DENYING, { asOf: '2025-03-01' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.plansDenyingRight.map((r: any) => r.plan.id)).not.toContain('le-chat-free');

    const history = await api.gql(`{
      company(id: "mistral-ai") { products { plans { id practices(purpose: "ai-model-training") {
        nodes { id validFrom validTo disputed rights { code status } supportingSources { source { id } } disputingSources { source { id } } }
      } } } }
    }`);
    const free = history
      .data!.company.products.flatMap((p: any) => p.plans)
      .find((p: any) => p.id === 'le-chat-free');
    const [current, earlier] = free.practices.nodes;
    expect(current).toMatchObject({
      validFrom: '2025-02-13',
      validTo: null,
      rights: [{ code: 'OBJECT', status: 'AVAILABLE' }],
    });
    expect(earlier).toMatchObject({
      validTo: '2025-02-13',
      disputed: true,
      rights: [{ code: 'OBJECT', status: 'UNAVAILABLE' }],
    });
    expect(earlier.supportingSources.length).toBeGreaterThan(0);
    expect(earlier.disputingSources.length).toBeGreaterThan(0);
  });

  it('fills the rights matrix per plan and right, and replays the past with asOf', async () => {
    const MATRIX = `query ($asOf: Date) {
      rightsMatrix(companies: ["mistral-ai"], rights: [OBJECT], purpose: "ai-model-training", asOf: $asOf, first: 100) {
        asOf rights totalCount rows { plan { id } cells { right status mechanism practice { id } sources { stance } } }
      }
    }`;
    const statusOf = (data: any, plan: string) =>
      data.rightsMatrix.rows.find((r: any) => r.plan.id === plan)?.cells[0]?.status;
    const before = await api.gql(MATRIX, { asOf: '2025-02-01' });
    expect(before.errors).toBeUndefined();
    expect(before.data!.rightsMatrix).toMatchObject({ asOf: '2025-02-01', rights: ['OBJECT'] });
    expect(before.data!.rightsMatrix.totalCount).toBe(before.data!.rightsMatrix.rows.length);
    expect(statusOf(before.data, 'le-chat-free')).toBe('UNAVAILABLE');
    expect(statusOf(before.data, 'le-chat-pro')).toBe('AVAILABLE');
    expect(statusOf(before.data, 'le-chat-team')).toBe('NOT_APPLICABLE');
    const after = await api.gql(MATRIX, { asOf: '2025-03-01' });
    expect(statusOf(after.data, 'le-chat-free')).toBe('AVAILABLE');
  });

  it('derives RIGHT_CONDITIONED_ON_PAYMENT for Mistral AI on 2025-02-01, citing Art. 12(5) and Art. 21, and not after the change', async () => {
    const FINDINGS = `query ($asOf: Date) {
      findings(kind: RIGHT_CONDITIONED_ON_PAYMENT, asOf: $asOf, first: 50) {
        totalCount nodes { kind explanation company { id name } plans { id } right { code } provisions { ref id } practices { id } evidence { stance } }
      }
    }`;
    const res = await api.gql(FINDINGS, { asOf: '2025-02-01' });
    expect(res.errors).toBeUndefined();
    const mistral = res.data!.findings.nodes.filter((f: any) => f.company.id === 'mistral-ai');
    expect(mistral).toHaveLength(1);
    const [finding] = mistral;
    expect(finding.right.code).toBe('OBJECT');
    expect(finding.plans.map((p: any) => p.id)).toEqual(
      expect.arrayContaining(['le-chat-free', 'le-chat-pro']),
    );
    const refs = finding.provisions.map((p: any) => p.ref);
    expect(refs).toContain('Art. 12(5)');
    expect(refs.some((r: string) => r.startsWith('Art. 21'))).toBe(true);
    expect(finding.explanation).toContain('Le Chat Free');
    expect(finding.evidence.map((e: any) => e.stance)).toEqual(
      expect.arrayContaining(['SUPPORTS', 'DISPUTES']),
    );

    const later = await api.gql(FINDINGS, { asOf: '2025-03-01' });
    expect(
      later.data!.findings.nodes.filter((f: any) => f.company.id === 'mistral-ai'),
    ).toHaveLength(0);
  });

  it('tells what changed at a company and when, in date order', async () => {
    const res = await api.gql(
      `{ timeline(company: "mistral-ai", first: 100) { totalCount nodes { date kind title changes incident { id } practice { id } previous { id } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const entries = res.data!.timeline.nodes;
    const dates = entries.map((e: any) => e.date);
    expect([...dates].sort()).toEqual(dates);
    const change = entries.find(
      (e: any) => e.kind === 'PRACTICE_CHANGED' && e.date === '2025-02-13',
    );
    expect(change.changes).toContain('Right to object: UNAVAILABLE -> AVAILABLE');
    expect(change.previous.id).toBe('mistral-le-chat-free-training-2024');
    const complaint = entries.findIndex(
      (e: any) => e.incident?.id === 'cnil-complaint-mistral-le-chat-2025',
    );
    expect(complaint).toBeGreaterThanOrEqual(0);
    expect(complaint).toBeLessThan(entries.indexOf(change));
    const bounded = await api.gql(
      `{ timeline(company: "mistral-ai", from: "2025-02-11", to: "2025-02-28") { nodes { date } } }`,
    );
    expect(
      bounded.data!.timeline.nodes.every(
        (e: any) => e.date >= '2025-02-11' && e.date <= '2025-02-28',
      ),
    ).toBe(true);
  });

  it('answers NOT_FOUND for the timeline of an unknown company', async () => {
    const res = await api.gql(`{ timeline(company: "no-such-company") { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('filters incidents by provision, authority, company, kind and dates', async () => {
    const res =
      await api.gql(`{ incidents(filter: {provision: "Art. 12", authority: "cnil", company: "mistral-ai", kind: COMPLAINT, from: "2025-01-01", to: "2025-12-31"}) {
      totalCount nodes { id date kind before { id } against { id } cites { ref } broughtBy { name kind } }
    } }`);
    expect(res.errors).toBeUndefined();
    const ids = res.data!.incidents.nodes.map((i: any) => i.id);
    expect(ids).toContain('cnil-complaint-mistral-le-chat-2025');
    for (const i of res.data!.incidents.nodes) {
      expect(i).toMatchObject({ kind: 'COMPLAINT', before: { id: 'cnil' } });
      expect(i.cites.some((c: any) => c.ref.startsWith('Art. 12'))).toBe(true);
    }
    const none = await api.gql(
      `{ incidents(filter: {provision: "Art. 12", to: "2020-01-01"}) { totalCount nodes { id } } }`,
    );
    expect(none.data!.incidents).toEqual({ totalCount: 0, nodes: [] });
  });

  it('finds a provision by any usual citation, with its rights and the incidents citing it', async () => {
    const forms = ['Art. 21', 'GDPR-21', 'Article 21', 'gdpr-21'];
    const answers = await Promise.all(
      forms.map((ref) =>
        api.gql(
          `query ($ref: String!) { provision(ref: $ref) { id ref rights { code } incidents { totalCount } } }`,
          { ref },
        ),
      ),
    );
    for (const a of answers) expect(a.data!.provision).toEqual(answers[0]!.data!.provision);
    expect(answers[0]!.data!.provision).toMatchObject({
      id: 'gdpr-21',
      ref: 'Art. 21',
      rights: [{ code: 'OBJECT' }],
    });
    expect(answers[0]!.data!.provision.incidents.totalCount).toBeGreaterThan(0);
    const point = await api.gql(`{ provision(ref: "Art. 6(1)(f)") { id partOf { id } } }`);
    expect(point.data!.provision).toEqual({ id: 'gdpr-6-1-f', partOf: { id: 'gdpr-6-1' } });
    const bad = await api.gql(`{ provision(ref: "twenty-one") { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('searches names, titles and summaries', async () => {
    const res = await api.gql(
      `{ search(text: "Mistral", first: 20) { totalCount nodes { label id title score company { name } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.search.nodes).toContainEqual(
      expect.objectContaining({
        label: 'Company',
        id: 'mistral-ai',
        company: { name: 'Mistral AI' },
      }),
    );
    const scores = res.data!.search.nodes.map((n: any) => n.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const odd = await api.gql(`query ($t: String!) { search(text: $t) { totalCount } }`, {
      t: 'AND OR ~*? "(mistral',
    });
    expect(odd.errors).toBeUndefined();
  });

  it('counts incidents per provision, authority, month and kind, consistently with the incident list', async () => {
    const res = await api.gql(
      `{ stats { incidentCount incidentsPerProvision { provision { id } count } incidentsPerAuthority { authority { id } count } incidentsPerMonth { month count } incidentsPerKind { kind count } } }`,
    );
    expect(res.errors).toBeUndefined();
    const stats = res.data!.stats;
    const all = await api.gql(`{ incidents { totalCount } }`);
    expect(stats.incidentCount).toBe(all.data!.incidents.totalCount);
    expect(stats.incidentsPerMonth.reduce((n: number, m: any) => n + m.count, 0)).toBe(
      stats.incidentCount,
    );
    expect(stats.incidentsPerKind.reduce((n: number, m: any) => n + m.count, 0)).toBe(
      stats.incidentCount,
    );
    const cnil = stats.incidentsPerAuthority.find((a: any) => a.authority.id === 'cnil');
    const listed = await api.gql(`{ incidents(filter: {authority: "cnil"}) { totalCount } }`);
    expect(cnil.count).toBe(listed.data!.incidents.totalCount);
  });

  it('gives each alias of a field its own arguments', async () => {
    const res = await api.gql(`{ plan: company(id: "mistral-ai") { products { plans { id
      before: practices(asOf: "2025-02-01") { nodes { id } }
      after: practices(asOf: "2025-03-01") { nodes { id } }
    } } } }`);
    const free = res.data!.plan.products[0].plans.find((p: any) => p.id === 'le-chat-free');
    expect(free.before.nodes).toEqual([{ id: 'mistral-le-chat-free-training-2024' }]);
    expect(free.after.nodes).not.toEqual(free.before.nodes);
  });

  it('refuses a page size over 100 and a cursor it did not make', async () => {
    const big = await api.gql(`{ incidents(first: 101) { totalCount } }`);
    expect(big.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(big.errors?.[0]?.message).toContain('between 1 and 100');
    const cursor = await api.gql(`{ incidents(after: "bm90IGEgY3Vyc29y") { totalCount } }`);
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers null for an unknown company', async () => {
    const res = await api.gql(`{ company(id: "no-such-company") { id } }`);
    expect(res).toMatchObject({ data: { company: null } });
  });
});
