/**
 * Findings are paged in Cypher: the rules find and count every finding light, cut the page
 * after the cursor, and read the facts of the page's rows only. Walking the pages gives the
 * list one large page gives, each finding once, with the cursors clients already hold.
 */
import { findingIdsByCompany } from '../../src/api/findings/findings.store';
import type { Params, Row } from '../../src/db';
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import { seedCurated, workerNeo4jUri } from '../helpers/graph';
import { RecordingDatabase } from '../helpers/recording-database';
import { apiForSuite } from '../helpers/suite-api';

/** Remembers what each read returned too, to tell how many findings' facts a query read. */
class AnsweringDatabase extends RecordingDatabase {
  readonly answers: { name: string; rows: Row[] }[] = [];

  override async read(
    name: string,
    cypher: string,
    params: Params = {},
    timeoutMs?: number,
  ): Promise<Row[]> {
    const rows = await super.read(name, cypher, params, timeoutMs);
    this.answers.push({ name, rows });
    return rows;
  }
}

function answeringDatabase(): AnsweringDatabase {
  return new AnsweringDatabase({
    uri: workerNeo4jUri()!,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'password',
    timeoutMs: 5000,
  });
}

const PAGE = `query ($first: Int, $after: String, $asOf: Date, $kind: FindingKind, $company: ID) {
  findings(first: $first, after: $after, asOf: $asOf, kind: $kind, company: $company) {
    totalCount
    edges { cursor node { id kind title explanation standing company { id name } plans { id } provisions { id } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

/** A cursor as clients hold them: the list's sort key (kind, company name, id), base64url JSON. */
const cursorOf = (key: unknown[]) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

describe('findings, page by page', () => {
  const suite = apiForSuite(answeringDatabase, seedCurated);

  async function findings(variables: Record<string, unknown>) {
    const res = await suite.api.gql(PAGE, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.findings;
  }

  it.each([
    ['every rule, 12 February 2025', { asOf: '2025-02-12' }],
    ['every rule, 1 June 2025', { asOf: '2025-06-01' }],
    ['one rule', { asOf: '2025-06-01', kind: 'RIGHT_ONLY_ON_REQUEST' }],
    ['one company', { asOf: '2025-09-01', company: 'openai' }],
  ])(
    'walks every finding of the curated seeds five at a time as one page of 100 lists them (%s)',
    async (_name, variables) => {
      const whole = await findings({ ...variables, first: 100 });
      expect(whole.pageInfo.hasNextPage).toBe(false);
      expect(whole.edges.length).toBe(whole.totalCount);
      expect(whole.totalCount).toBeGreaterThan(5);

      const walked: any[] = [];
      let after: string | null = null;
      for (let page = 0; ; page++) {
        const conn = await findings({ ...variables, first: 5, after });
        expect(conn.totalCount).toBe(whole.totalCount);
        expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
        expect(conn.edges.length).toBeLessThanOrEqual(5);
        walked.push(...conn.edges);
        if (!conn.pageInfo.hasNextPage) break;
        expect(conn.edges.length).toBe(5);
        expect(conn.pageInfo.endCursor).toBe(conn.edges[conn.edges.length - 1].cursor);
        after = conn.pageInfo.endCursor;
        expect(page).toBeLessThan(whole.totalCount);
      }
      // The same findings in the same order, with the same words and cursors.
      expect(walked.map((e) => e.node.id)).toEqual(whole.edges.map((e: any) => e.node.id));
      expect(walked).toEqual(whole.edges);
      expect(new Set(walked.map((e) => e.node.id)).size).toBe(walked.length);
    },
  );

  it('reads the facts of first + 1 findings only, and counts them all in the same query', async () => {
    const whole = await findings({ asOf: '2025-06-01', first: 100 });
    expect(whole.totalCount).toBeGreaterThan(20);
    for (const after of [null, whole.edges[19].cursor]) {
      suite.db.take();
      suite.db.answers.splice(0);
      const conn = await findings({ asOf: '2025-06-01', first: 1, after });
      expect(conn.totalCount).toBe(whole.totalCount);
      const queries = suite.db.take();
      expect(queries.map((q) => q.name)).toEqual(['findingRules', 'findings']);
      const [rules] = suite.db.answers.filter((a) => a.name === 'findingRules');
      // A record per finding (first + 1: the last tells that more follow; it is composed but
      // not shown), each with the count.
      const rows = rules!.rows as { total: number; finding: { facts: unknown } | null }[];
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.total === whole.totalCount)).toBe(true);
      expect(rows.every((row) => row.finding !== null && row.finding.facts !== null)).toBe(true);
      const composed = (queries[1]!.params.findingPage as { rows: unknown[] }).rows;
      expect(composed).toHaveLength(2);
      expect(conn.edges).toHaveLength(1);
      expect(conn.pageInfo.hasNextPage).toBe(true);
    }
  });

  it('counts every finding on a page after the last one, which has none', async () => {
    const whole = await findings({ asOf: '2025-06-01', first: 100 });
    suite.db.answers.splice(0);
    const beyond = await findings({
      asOf: '2025-06-01',
      first: 5,
      after: whole.edges.at(-1)!.cursor,
    });
    expect(beyond.edges).toEqual([]);
    expect(beyond.totalCount).toBe(whole.totalCount);
    expect(beyond.pageInfo.hasNextPage).toBe(false);
    const [rules] = suite.db.answers.filter((a) => a.name === 'findingRules');
    // Beside the graph's version, with which the answer is kept (db/kept-answers.ts).
    expect(rules!.rows).toMatchObject([{ total: whole.totalCount, finding: null }]);
    expect(rules!.rows).toHaveLength(1);
  });

  it('runs the same rule query whatever the page, the cursor or the kind, and one for a company', async () => {
    const whole = await findings({ asOf: '2025-06-01', first: 100 });
    suite.db.take();
    await findings({ asOf: '2025-06-01', first: 100 });
    await findings({ asOf: '2025-02-12', first: 3, after: whole.edges[4].cursor });
    await findings({ asOf: '2025-02-12', kind: 'NO_WAY_TO_OBJECT' });
    await findings({ asOf: '2025-02-12', first: 1, company: 'mistral-ai' });
    await findings({ asOf: '2025-02-12', kind: 'NO_WAY_TO_OBJECT', company: 'openai' });
    await findings({
      asOf: '2025-06-01',
      first: 1,
      after: whole.edges[0].cursor,
      company: 'openai',
    });
    const sent = suite.db.take();
    const every = sent.filter((q) => q.name === 'findingRules').map((q) => q.cypher);
    const some = sent.filter((q) => q.name === 'companyFindingRules').map((q) => q.cypher);
    expect(every).toHaveLength(3);
    expect(new Set(every).size).toBe(1);
    // A company's rules start from it: a text of their own, the same for every company.
    expect(some).toHaveLength(3);
    expect(new Set(some).size).toBe(1);
    expect(some[0]).not.toBe(every[0]);
  });

  it("answers a company's findings as the findings of every company name them", async () => {
    // The two texts find the same findings: every company's, kept to one company, are that
    // company's, on dates before and after the plans and practices of the seeds change.
    const all = async (variables: Record<string, unknown>): Promise<any[]> => {
      const nodes: any[] = [];
      for (let after: string | null = null; ;) {
        const page: any = await findings({ ...variables, first: 100, after });
        nodes.push(...page.edges.map((e: any) => e.node));
        if (!page.pageInfo.hasNextPage) return nodes;
        after = page.pageInfo.endCursor;
      }
    };
    const held = await suite.api.gql('{ companies(first: 100) { nodes { id } } }');
    const heldIds: string[] = held.data!.companies.nodes.map((c: any) => c.id);
    let withNone = 0;
    for (const asOf of ['2024-06-01', '2025-02-12', '2025-06-01']) {
      const whole = await all({ asOf });
      const companies = [...new Set(whole.map((f) => f.company.id))];
      expect(companies.length).toBeGreaterThan(1);
      for (const company of companies) {
        const own = await all({ asOf, company });
        expect(own).toEqual(whole.filter((f) => f.company.id === company));
      }
      // And the companies the graph holds with none that day.
      for (const company of heldIds.filter((c) => !companies.includes(c))) {
        expect(await all({ asOf, company })).toEqual([]);
        withNone++;
      }
    }
    expect(withNone).toBeGreaterThan(0);
  });

  it('continues after a cursor a client built from a finding it holds', async () => {
    const whole = await findings({ asOf: '2025-06-01', first: 100 });
    const held = whole.edges[9].node;
    const after = cursorOf([held.kind, held.company.name, held.id]);
    expect(after).toBe(whole.edges[9].cursor);
    const next = await findings({ asOf: '2025-06-01', first: 4, after });
    expect(next.edges).toEqual(whole.edges.slice(10, 14));
  });

  it('refuses a cursor of another list before any rule runs', async () => {
    for (const after of ['not-a-cursor', cursorOf(['a', 'b']), cursorOf([1, 2, 3])]) {
      const res = await suite.api.gql(PAGE, { asOf: '2025-06-01', after });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.argument).toBe('after');
      expect(res.cypherQueries).toBe(0);
    }
  });

  it("gives subscribers the ids of every company's findings, those the question lists", async () => {
    const companies = ['mistral-ai', 'openai', 'meta'];
    const ids = await findingIdsByCompany(
      suite.db,
      [...companies, 'no-such-company'],
      '2025-02-12',
    );
    for (const company of companies) {
      const listed = await findings({ asOf: '2025-02-12', company, first: 100 });
      expect([...ids.get(company)!].sort()).toEqual(listed.edges.map((e: any) => e.node.id).sort());
    }
    expect(ids.get('mistral-ai')!.size).toBeGreaterThan(0);
    // A company the graph does not hold: none for subscribers, NOT_FOUND for the question.
    expect(ids.get('no-such-company')!.size).toBe(0);
    const unknown = await suite.api.gql(PAGE, { asOf: '2025-02-12', company: 'no-such-company' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      argument: 'company',
    });
  });
});

describe('a practice whose plans belong to two products', () => {
  const suite = apiForSuite(answeringDatabase, (db) =>
    ingest(db, [{ file: 'two-products', data: twoProducts() }]),
  );

  /** The rules' world, with one more practice over a plan of each of two more products. */
  function twoProducts() {
    const bundle = rulesBundle();
    const src = 'fx-src-policy';
    const plan = (id: string, product: string) => ({
      id,
      name: id,
      product,
      tier: 'FREE' as const,
      launched: '2025-01-10',
      sources: [src],
    });
    return {
      ...bundle,
      products: [
        ...(bundle.products ?? []),
        { id: 'fx-a-studio', name: 'FX Studio', company: 'fx-corp', sources: [src] },
        { id: 'fx-z-voice', name: 'FX Voice', company: 'fx-corp', sources: [src] },
      ],
      // The smaller plan id is the second product's.
      plans: [
        ...(bundle.plans ?? []),
        plan('fx-z-studio-free', 'fx-a-studio'),
        plan('fx-a-voice-free', 'fx-z-voice'),
      ],
      practices: [
        ...(bundle.practices ?? []),
        {
          id: 'fx-shared-training',
          plans: ['fx-z-studio-free', 'fx-a-voice-free'],
          purpose: 'ai-model-training',
          scope: ['EEA' as const],
          dataCategories: ['user-prompts'],
          default: 'ON' as const,
          validFrom: '2025-01-10',
          rights: [{ right: 'OBJECT' as const, status: 'UNAVAILABLE' as const }],
          verification: 'VERIFIED',
          summary: 'Studio and Voice prompts train models with no way to object.',
          sources: [src],
        },
      ],
    };
  }

  it('is one finding per rule, about the product of its smallest plan id, naming the plans of both, on every page', async () => {
    const query = `query ($first: Int, $after: String) {
      findings(asOf: "2025-03-01", first: $first, after: $after) {
        totalCount
        nodes { id product { id } plans { id } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    const whole = (await suite.api.gql(query, { first: 100 })).data!.findings;
    const shared = whole.nodes.filter((f: any) => f.id.endsWith(':fx-shared-training'));
    expect(shared.map((f: any) => f.id).sort()).toEqual([
      'no-way-to-object:fx-shared-training',
      'training-on-by-default:fx-shared-training',
    ]);
    for (const f of shared) {
      expect(f.product.id).toBe('fx-z-voice');
      // Every plan the practice covers, whichever product it belongs to, by id.
      expect(f.plans.map((p: any) => p.id)).toEqual(['fx-a-voice-free', 'fx-z-studio-free']);
    }
    expect(whole.totalCount).toBe(whole.nodes.length);

    const walked: unknown[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await suite.api.gql(query, { first: 1, after });
      expect(res.data.findings.totalCount).toBe(whole.totalCount);
      walked.push(...res.data.findings.nodes);
      if (!res.data.findings.pageInfo.hasNextPage) break;
      after = res.data.findings.pageInfo.endCursor;
    }
    expect(walked).toEqual(whole.nodes);

    const ids = await findingIdsByCompany(suite.db, ['fx-corp'], '2025-03-01');
    expect([...ids.get('fx-corp')!].sort()).toEqual(whole.nodes.map((f: any) => f.id).sort());
  });
});
