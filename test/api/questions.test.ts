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
    plansDenyingRight(right: OBJECT, purpose: "ai-model-training", asOf: $asOf, first: 100) {
      totalCount
      nodes {
        company { id name } product { id } plan { id tier paid launched } status mechanism disputed
        practice { id validTo startKnown attestedFrom inForceFrom }
        supportingSources { stance source { id url publisher publishedAt } }
        disputes { stance claim alternative claimedBy { id name kind } note source { id publisher } }
      }
    }
  }`;

  // Le Chat Pro launched on 6 February 2025 and the free plan's practice is attested from
  // Mistral's privacy policy as recorded on 16 November 2024: 12 February 2025 is a day both
  // facts hold (see seeds/).
  it("lists Le Chat Free as withholding the right to object on 2025-02-12 (PAID_ONLY, as the complaint says), with Mistral AI's account beside it", async () => {
    const res = await api.gql(PLANS_DENYING, { asOf: '2025-02-12' });
    expect(res.errors).toBeUndefined();
    const rows = res.data!.plansDenyingRight.nodes;
    const plans = rows.map((r: any) => r.plan.id);
    expect(plans).toContain('le-chat-free');
    expect(plans).not.toContain('le-chat-pro');
    const free = rows.find((r: any) => r.plan.id === 'le-chat-free');
    expect(free).toMatchObject({
      company: { id: 'mistral-ai' },
      status: 'PAID_ONLY',
      disputed: true,
      plan: { paid: false },
      practice: { startKnown: false, attestedFrom: '2024-11-16', inForceFrom: '2024-11-16' },
    });
    expect(free.supportingSources.length).toBeGreaterThan(0);
    expect(free.supportingSources.every((e: any) => e.source.url.startsWith('http'))).toBe(true);
    // Mistral AI's own account: on request (by e-mail), not "only by paying".
    const mistral = free.disputes.filter((e: any) => e.claimedBy?.id === 'mistral-ai');
    expect(mistral.length).toBeGreaterThan(0);
    for (const e of mistral)
      expect(e).toMatchObject({
        stance: 'DISPUTES',
        claim: 'RIGHT',
        alternative: 'ON_REQUEST',
        claimedBy: { kind: 'COMPANY' },
      });
  });

  it('counts every plan denying the right by company and by tier, not only the page', async () => {
    const all = await api.gql(PLANS_DENYING, { asOf: '2025-02-12' });
    const rows = all.data!.plansDenyingRight.nodes as any[];
    expect(rows).toHaveLength(all.data!.plansDenyingRight.totalCount);
    const tally = (key: (r: any) => string) => {
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
      return [...counts].map(([value, count]) => ({ value, count }));
    };
    const byCount = (a: { value: string; count: number }, b: { value: string; count: number }) =>
      b.count - a.count || a.value.localeCompare(b.value);
    const res = await api.gql(`{
      plansDenyingRight(right: OBJECT, purpose: "ai-model-training", asOf: "2025-02-12", first: 1) {
        totalCount nodes { plan { id } }
        facets { byCompany { value label count } tiers: byTier { value count } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const page = res.data!.plansDenyingRight;
    expect(page.nodes).toHaveLength(1);
    expect(page.facets.byCompany).toEqual(
      tally((r) => r.company.id)
        .sort(byCount)
        .map((c) => ({ ...c, label: rows.find((r) => r.company.id === c.value).company.name })),
    );
    expect(page.facets.tiers).toEqual(tally((r) => r.plan.tier).sort(byCount));
    expect(page.facets.byCompany.map((c: any) => c.value)).toContain('mistral-ai');
  });

  it('does not list Le Chat Free before the sources show its practice, nor after the clarified terms', async () => {
    for (const asOf of ['2024-11-15', '2025-03-01']) {
      const res = await api.gql(PLANS_DENYING, { asOf });
      expect(res.errors).toBeUndefined();
      expect(res.data!.plansDenyingRight.nodes.map((r: any) => r.plan.id)).not.toContain(
        'le-chat-free',
      );
    }
    const history = await api.gql(`{
      company(id: "mistral-ai") { products { plans { id practices(purpose: "ai-model-training", scope: EEA) {
        nodes { id validFrom validTo disputed rights { code status disputed } }
      } } } }
    }`);
    const free = history
      .data!.company.products.flatMap((p: any) => p.plans)
      .find((p: any) => p.id === 'le-chat-free');
    const [current, earlier] = free.practices.nodes;
    expect(current).toMatchObject({ validFrom: '2025-02-13', validTo: null });
    expect(current.rights.find((r: any) => r.code === 'OBJECT').status).toMatch(
      /^(IN_PRODUCT|ON_REQUEST)$/,
    );
    expect(earlier).toMatchObject({ validTo: '2025-02-13', disputed: true });
    expect(earlier.rights).toContainEqual({ code: 'OBJECT', status: 'PAID_ONLY', disputed: true });
  });

  it('fills the rights matrix per plan offered on the date, with every status told apart', async () => {
    const MATRIX = `query ($asOf: Date) {
      rightsMatrix(companies: ["mistral-ai"], purpose: "ai-model-training", asOf: $asOf, first: 100) {
        asOf scope rights totalCount rows { plan { id } cells { right status mechanism disputed practice { id } sources { stance } } }
      }
    }`;
    const statusOf = (data: any, plan: string, right = 'OBJECT') =>
      data.rightsMatrix.rows
        .find((r: any) => r.plan.id === plan)
        ?.cells.find((c: any) => c.right === right)?.status;
    const during = await api.gql(MATRIX, { asOf: '2025-02-12' });
    expect(during.errors).toBeUndefined();
    const matrix = during.data!.rightsMatrix;
    expect(matrix).toMatchObject({ asOf: '2025-02-12', scope: 'EEA' });
    expect(matrix.rights).toHaveLength(9);
    expect(matrix.totalCount).toBe(matrix.rows.length);
    expect(statusOf(during.data, 'le-chat-free')).toBe('PAID_ONLY');
    expect(statusOf(during.data, 'le-chat-pro')).toBe('IN_PRODUCT');
    // Before Le Chat Pro launched, the matrix has no row for it.
    const before = await api.gql(MATRIX, { asOf: '2025-01-15' });
    expect(before.data!.rightsMatrix.rows.map((r: any) => r.plan.id)).not.toContain('le-chat-pro');
    const after = await api.gql(MATRIX, { asOf: '2025-03-01' });
    expect(['IN_PRODUCT', 'ON_REQUEST']).toContain(statusOf(after.data, 'le-chat-free'));
    // Team conversations are not used for training from the policy of 7 May 2025 (the one of
    // February let Team users opt in): nothing to object to.
    const team = await api.gql(MATRIX, { asOf: '2025-06-01' });
    expect(statusOf(team.data, 'le-chat-team')).toBe('NOT_APPLICABLE');
    // Across the whole matrix today, the six statuses are values of one enum, never merged.
    const all = await api.gql(`{ rightsMatrix(first: 100) { rows { cells { status } } } }`);
    const statuses = new Set(
      all.data!.rightsMatrix.rows.flatMap((r: any) => r.cells.map((c: any) => c.status)),
    );
    for (const s of ['IN_PRODUCT', 'ON_REQUEST', 'NOT_APPLICABLE', 'UNKNOWN'])
      expect(statuses).toContain(s);
  });

  it('says in a matrix without a purpose which cells other practices give another status', async () => {
    const cellsOf = async (purpose: string | null) => {
      const res = await api.gql(
        `query ($purpose: ID) { rightsMatrix(purpose: $purpose, asOf: "2025-06-01", first: 100) {
          rows { plan { id } cells { right status otherStatuses practice { id purpose { id } }
            otherPractices { id rights { code status } } } } } }`,
        { purpose },
      );
      expect(res.errors).toBeUndefined();
      const cells = new Map<string, any>();
      for (const row of res.data!.rightsMatrix.rows)
        for (const cell of row.cells) cells.set(`${row.plan.id} ${cell.right}`, cell);
      return cells;
    };
    const mixed = await cellsOf(null);
    const purposes = new Set(
      [...mixed.values()].filter((c) => c.practice).map((c) => c.practice.purpose.id as string),
    );
    const byPurpose = await Promise.all([...purposes].map((p) => cellsOf(p)));
    let disagreeing = 0;
    for (const [key, cell] of mixed) {
      // Every status any purpose's own matrix gives the cell, the cell's first.
      const told = byPurpose.map((cells) => cells.get(key)).filter((c) => c?.practice);
      const statuses = new Set(told.map((c) => c.status));
      if (!cell.practice) {
        expect(told).toEqual([]);
        expect(cell.otherStatuses).toEqual([]);
        continue;
      }
      expect(cell.otherStatuses).not.toContain(cell.status);
      expect(new Set(cell.otherStatuses).size).toBe(cell.otherStatuses.length);
      // The practices behind them: each says one of those statuses for this right.
      const behind = cell.otherPractices.map(
        (p: any) => p.rights.find((r: any) => r.code === cell.right)?.status,
      );
      expect(new Set(behind)).toEqual(new Set(cell.otherStatuses));
      expect(cell.otherPractices.map((p: any) => p.id)).not.toContain(cell.practice.id);
      // Each purpose's newest practice is among those the cell weighs.
      for (const status of statuses) expect([cell.status, ...cell.otherStatuses]).toContain(status);
      if (statuses.size > 1) {
        disagreeing++;
        expect(cell.otherStatuses.length).toBeGreaterThan(0);
      }
    }
    // The seeded practices for training, human review and ads disagree on some plan's right.
    expect(disagreeing).toBeGreaterThan(0);
  });

  it('lists evidence supporting first, then disputing, each by publication date and id', async () => {
    const res = await api.gql(`{ incidents(first: 100) { edges { node { id
      evidence { stance source { id publishedAt } } } } } }`);
    expect(res.errors).toBeUndefined();
    const lists = res.data!.incidents.edges.map((e: any) => e.node.evidence);
    // A date known to the month or year is stored as its first day, and sorts as one.
    const day = (d: string) => `${d}-01-01`.slice(0, 10);
    const key = (e: any) => [
      e.stance === 'SUPPORTS' ? 0 : 1,
      day(e.source.publishedAt),
      e.source.id,
    ];
    const before = (a: any, b: any) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
      return true;
    };
    for (const evidence of lists)
      for (let i = 1; i < evidence.length; i++)
        expect(before(evidence[i - 1], evidence[i])).toBe(true);
    // Some incident has both stances, so the order between them is tested.
    expect(
      lists.some(
        (l: any[]) => l.some((e) => e.stance === 'DISPUTES') && l[0].stance === 'SUPPORTS',
      ),
    ).toBe(true);
  });

  const PAYMENT = `query ($asOf: Date) {
    findings(kind: RIGHT_CONDITIONED_ON_PAYMENT, company: "mistral-ai", asOf: $asOf, first: 50) {
      totalCount nodes { kind standing disputed legalBasisEstablished explanation company { id }
        plans { id } right { code } provisions { citation } practices { id } evidence { stance source { publisher } } }
    }
  }`;

  it('derives the payment finding about Mistral AI only while both plans and the disputed practice hold', async () => {
    for (const asOf of ['2024-06-01', '2025-02-01', '2025-03-01']) {
      const res = await api.gql(PAYMENT, { asOf });
      expect(res.errors).toBeUndefined();
      expect(res.data!.findings.totalCount).toBe(0);
    }
  });

  it('marks the payment finding of 2025-02-12 as resting on allegations, attributing each side with its sources', async () => {
    const res = await api.gql(PAYMENT, { asOf: '2025-02-12' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.findings.totalCount).toBe(1);
    const [finding] = res.data!.findings.nodes;
    expect(finding).toMatchObject({
      standing: 'ALLEGED',
      disputed: true,
      right: { code: 'OBJECT' },
      // Mistral's policy in force then names legitimate interests, which opens Art. 21(1).
      legalBasisEstablished: true,
    });
    expect(finding.plans.map((p: any) => p.id)).toEqual(['le-chat-free', 'le-chat-pro']);
    expect(finding.provisions.map((p: any) => p.citation)).toEqual(
      expect.arrayContaining(['GDPR Art. 12(5)', 'GDPR Art. 21(1)']),
    );
    expect(finding.explanation).toMatch(/a complaint to the CNIL \(10 February 2025\) argues that/);
    expect(finding.explanation).toMatch(
      /Mistral AI disputes this: it states that the right to object can be exercised on request/,
    );
    expect(finding.explanation).toContain("L'Éclaireur Fnac");
    expect(finding.explanation).toMatch(/rests on legitimate interest/i);
    expect(finding.evidence.map((e: any) => e.stance)).toEqual(
      expect.arrayContaining(['SUPPORTS', 'DISPUTES']),
    );
  });

  it("attributes a disputed opt-out in the training finding too, with the company's side", async () => {
    const res = await api.gql(`{
      findings(kind: TRAINING_ON_BY_DEFAULT, company: "mistral-ai", asOf: "2025-02-12", first: 50) {
        nodes { id standing disputed explanation }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const free = res.data!.findings.nodes.find(
      (f: any) => f.id === 'training-on-by-default:mistral-le-chat-free-training-2024',
    );
    // The words say how the user stops the training, so a dispute of that is the finding's.
    expect(free).toMatchObject({ standing: 'ALLEGED', disputed: true });
    expect(free.explanation).toMatch(/the user can opt out only by paying/);
    expect(free.explanation).toMatch(
      /Mistral AI disputes this: it states that the right to object can be exercised on request/,
    );
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
    expect(
      change.changes.some((c: string) =>
        /^Right to object: PAID_ONLY -> (IN_PRODUCT|ON_REQUEST)$/.test(c),
      ),
    ).toBe(true);
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
      totalCount nodes { id date kind before { id } against { id } cites { ref citation } broughtBy { name kind } }
    } }`);
    expect(res.errors).toBeUndefined();
    const ids = res.data!.incidents.nodes.map((i: any) => i.id);
    expect(ids).toContain('cnil-complaint-mistral-le-chat-2025');
    for (const i of res.data!.incidents.nodes) {
      expect(i).toMatchObject({ kind: 'COMPLAINT', before: { id: 'cnil' } });
      expect(i.cites.some((c: any) => c.ref.startsWith('Art. 12'))).toBe(true);
    }
    // Before 2020: only what happened by then (the seeds' Art. 12 incidents are mostly 2023-2026).
    const early = await api.gql(
      `{ incidents(filter: {provision: "Art. 12", to: "2020-01-01"}) { totalCount nodes { id date } } }`,
    );
    const { totalCount, nodes } = early.data!.incidents;
    expect(totalCount).toBe(nodes.length);
    expect(nodes.every((i: any) => i.date <= '2020-01-01')).toBe(true);
    expect(nodes.map((i: any) => i.id)).not.toContain('cnil-complaint-mistral-le-chat-2025');
  });

  it('counts as many incidents under a filter as its pages list', async () => {
    // The total of a filtered list is counted from the company, authority or provision it
    // names (incidents.query.ts), the pages by walking the incidents: each filter, alone and
    // together, must agree with the ids its pages list, and an incident citing two parts of an
    // article counts once.
    const filters = [
      '{company: "mistral-ai"}',
      '{authority: "cnil"}',
      '{provision: "Art. 12"}',
      '{provision: "Art. 6"}',
      '{regulation: "gdpr"}',
      '{kind: COMPLAINT}',
      '{company: "mistral-ai", provision: "Art. 21"}',
      '{authority: "cnil", provision: "Art. 12", from: "2025-01-01"}',
      '{company: "mistral-ai", authority: "cnil", to: "2025-12-31"}',
      '{regulation: "RGPD", authority: "cnil"}',
      '{regulation: "gdpr", provision: "Art. 21", kind: COMPLAINT}',
    ];
    const listed = async (args: string) => {
      const ids: string[] = [];
      let after: string | null = null;
      let total = -1;
      do {
        const res: any = await api.gql(
          `query ($after: String) { incidents(${args}, first: 2, after: $after) {
            totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        expect(res.errors).toBeUndefined();
        total = res.data.incidents.totalCount;
        ids.push(...res.data.incidents.nodes.map((n: { id: string }) => n.id));
        after = res.data.incidents.pageInfo.hasNextPage
          ? res.data.incidents.pageInfo.endCursor
          : null;
      } while (after);
      return { total, ids };
    };
    const counts: number[] = [];
    for (const filter of filters) {
      for (const args of [
        `filter: ${filter}`,
        `filter: ${filter}, recordedAfter: "2000-01-01T00:00:00Z"`,
      ]) {
        const { total, ids } = await listed(args);
        expect({ args, ids: new Set(ids).size }).toEqual({ args, ids: ids.length });
        expect({ args, total }).toEqual({ args, total: ids.length });
        counts.push(total);
      }
    }
    // Not every list is empty or whole: the filters tell incidents apart.
    const all = (await api.gql('{ incidents { totalCount } }')).data!.incidents.totalCount;
    expect(counts.some((n) => n > 0 && n < all)).toBe(true);
    // A regulation's incidents are those citing a provision whose regulation it is.
    const gdpr = await db.read(
      'gdprIncidents',
      `MATCH (i:Incident)-[:CITES]->(:Provision { regulation: 'gdpr' }) WHERE i.retractedAt IS NULL
       WITH DISTINCT i ORDER BY i.date DESC, i.id DESC RETURN i.id AS id`,
    );
    expect((await listed('filter: {regulation: "GDPR"}')).ids).toEqual(gdpr.map((r) => r.id));
  });

  it('finds a provision by any usual citation, with its rights and the incidents citing it', async () => {
    const forms = ['Art. 21', 'GDPR-21', 'Article 21', 'gdpr-21', 'GDPR Art. 21', 'Art. 21 GDPR'];
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
      before: practices(asOf: "2025-02-11", purpose: "ai-model-training") { nodes { id } }
      after: practices(asOf: "2025-03-01", purpose: "ai-model-training") { nodes { id } }
    } } } }`);
    const free = res
      .data!.plan.products.flatMap((p: any) => p.plans)
      .find((p: any) => p.id === 'le-chat-free');
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
