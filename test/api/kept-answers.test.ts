/**
 * Answers kept until the graph changes (src/db/kept-answers.ts): plansDenyingRight, search and
 * the findings rules' page are answered from the kept rows while no write has given the graph a
 * new version, and run again, with the new answer, after any write through the Database. A
 * filtered incidents list keeps its total apart (src/api/translate/kept-count.ts), and incidents
 * pages are kept on a shelf of their own.
 */
import Cypher from '@neo4j/cypher-builder';
import type { ProfiledPlan, Session } from 'neo4j-driver';
import { FINDING_KINDS, findingsPageQuery } from '../../src/api/findings/findings.rules';
import * as words from '../../src/api/findings/findings.words';
import { keptCountFrom, keptCountGate } from '../../src/api/translate/kept-count';
import { KeptAnswers, keptQuery } from '../../src/db/kept-answers';
import { Database } from '../../src/db';
import { seedCurated, testDatabaseSettings } from '../helpers/graph';
import { startTestApi } from '../helpers/api';
import { apiForSuite } from '../helpers/suite-api';

const DENYING = `query ($asOf: Date, $knownAt: DateTime) {
  plansDenyingRight(right: OBJECT, asOf: $asOf, knownAt: $knownAt, first: 50) {
    totalCount facets { byCompany { value count } } nodes { plan { id } status }
  }
}`;
const SEARCH = `{ search(text: "mistral", first: 5) { totalCount nodes { __typename } } }`;
const FINDINGS = `query ($asOf: Date) {
  findings(first: 5, asOf: $asOf) { totalCount edges { cursor node { id kind explanation } } }
}`;
const AS_OF = '2025-03-01';

/** `cypher` run under PROFILE: its rows, and the db hits of every operator of its plan. */
async function profile(session: Session, cypher: string, params: Record<string, unknown>) {
  const result = await session.run(`PROFILE ${cypher}`, params);
  let hits = 0;
  const walk = (p: ProfiledPlan) => {
    hits += p.dbHits;
    p.children.forEach(walk);
  };
  walk(result.summary.profile as ProfiledPlan);
  return { hits, rows: result.records.map((r) => r.toObject()) };
}

/** The version token the graph has now (null: no version node). */
async function versionOf(db: Database): Promise<string | null> {
  const rows = await db.read('test', `OPTIONAL MATCH (v:GraphVersion) RETURN v.token AS token`);
  return (rows[0]?.token as string | null) ?? null;
}

describe('kept answers', () => {
  const suite = apiForSuite(() => new Database(testDatabaseSettings()), seedCurated);

  /** The answer, and whether Neo4j ran the question (`ran`) or the kept rows answered it. */
  async function ask(query: string, variables: Record<string, unknown> = {}) {
    const before = { ...suite.db.kept.stats };
    const res = await suite.api.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return {
      data: res.data as any,
      ran: suite.db.kept.stats.ran - before.ran,
      kept: suite.db.kept.stats.kept - before.kept,
    };
  }

  /** The same question asked of a new API process (nothing kept): what Neo4j answers now. */
  async function fresh(query: string, variables: Record<string, unknown> = {}) {
    const db = new Database(testDatabaseSettings());
    const api = await startTestApi(db);
    try {
      const res = await api.gql(query, variables);
      expect(res.errors).toBeUndefined();
      return res.data as any;
    } finally {
      await api.close();
      await db.close();
    }
  }

  it('answers a repeated question from the kept rows, for each kept field', async () => {
    const first = await ask(DENYING, { asOf: AS_OF });
    const again = await ask(DENYING, { asOf: AS_OF });
    expect(first.data.plansDenyingRight.totalCount).toBeGreaterThan(0);
    expect(again).toEqual({ data: first.data, ran: 0, kept: 1 });

    const search = await ask(SEARCH);
    const searchAgain = await ask(SEARCH);
    expect(search.data.search.totalCount).toBeGreaterThan(0);
    expect(searchAgain).toEqual({ data: search.data, ran: 0, kept: 1 });

    const findings = await ask(FINDINGS, { asOf: AS_OF });
    const findingsAgain = await ask(FINDINGS, { asOf: AS_OF });
    expect(findings.data.findings.totalCount).toBeGreaterThan(0);
    expect(findingsAgain).toEqual({ data: findings.data, ran: 0, kept: 1 });
  });

  it('counts on /metrics the questions answered from kept answers and those run', async () => {
    const scrape = async () => {
      const lines = (await (await fetch(new URL('/metrics', suite.api.url))).text()).split('\n');
      const value = (series: string) =>
        Number(lines.find((line) => line.startsWith(`${series} `))?.slice(series.length + 1));
      return {
        kept: value('gdpr_graph_kept_answers_total{outcome="kept"}'),
        ran: value('gdpr_graph_kept_answers_total{outcome="ran"}'),
        held: value('gdpr_graph_kept_answers'),
      };
    };
    const before = await scrape();
    // A date no other test asks: the first ask runs the question, the second is kept.
    await ask(DENYING, { asOf: '2025-02-17' });
    await ask(DENYING, { asOf: '2025-02-17' });
    const after = await scrape();
    expect({ ran: after.ran - before.ran, kept: after.kept - before.kept }).toEqual({
      ran: 1,
      kept: 1,
    });
    expect(after.held).toBeGreaterThan(0);
    expect(after.held).toBe(suite.db.kept.size);
  });

  it('has Neo4j read the version node only, when the kept answer is current', async () => {
    // A WHERE on the version would be planned after the question's index seeks; the gate is an
    // UNWIND, and a question of many rows runs in a subquery applied to its rows.
    const one = `RETURN true AS found, COUNT { MATCH (p:Practice)-[h:HANDLES]->(:Right) WHERE h.status IS NOT NULL } AS root`;
    const rules = findingsPageQuery({
      asOf: AS_OF,
      scope: 'EEA',
      companies: null,
      kinds: FINDING_KINDS,
      first: 5,
      after: null,
    });
    const session = suite.db.driver.session();
    try {
      const profiled = (cypher: string, params: Record<string, unknown>, kept: string | null) =>
        profile(session, keptQuery('q', cypher), { ...params, kept: { version: kept } });
      const version = await versionOf(suite.db);
      const ran = await profiled(one, {}, null);
      const skipped = await profiled(one, {}, version);
      expect(Number(ran.rows[0]!.root)).toBeGreaterThan(100);
      expect(ran.hits).toBeGreaterThan(Number(ran.rows[0]!.root));
      expect(skipped.rows).toEqual([{ graphVersion: version, found: null, root: null }]);
      expect(skipped.hits).toBeLessThan(10);

      const rulesRan = await profiled(rules.cypher, rules.params, null);
      const rulesSkipped = await profiled(rules.cypher, rules.params, version);
      expect(rulesRan.rows.length).toBeGreaterThan(1);
      expect(rulesRan.hits).toBeGreaterThan(1000);
      expect(rulesSkipped.rows).toHaveLength(1);
      expect(rulesSkipped.rows[0]!.finding).toBeNull();
      expect(rulesSkipped.hits).toBeLessThan(10);
    } finally {
      await session.close();
    }
  });

  it('runs the question again after a write, and answers as a new process would', async () => {
    const before = await ask(DENYING, { asOf: AS_OF });
    await ask(DENYING, { asOf: AS_OF });
    const denied = before.data.plansDenyingRight.nodes[0];
    expect(denied).toBeDefined();
    // One denying relationship of the first row's plan granted for free instead.
    const changed = await suite.db.write(
      'test',
      `MATCH (:Plan {id: $plan})<-[:APPLIES_TO]-(:Practice)-[h:HANDLES]->(:Right {code: 'OBJECT'})
       WHERE h.status = $status
       SET h.status = 'ON_REQUEST'
       RETURN count(h) AS n, collect(elementId(h)) AS changed`,
      { plan: denied.plan.id, status: denied.status },
    );
    expect(changed[0]!.n).toBeGreaterThan(0);
    try {
      const after = await ask(DENYING, { asOf: AS_OF });
      expect(after.ran).toBe(1);
      expect(after.data.plansDenyingRight.totalCount).toBeLessThan(
        before.data.plansDenyingRight.totalCount,
      );
      expect(after.data).toEqual(await fresh(DENYING, { asOf: AS_OF }));
      expect(await ask(DENYING, { asOf: AS_OF })).toMatchObject({ ran: 0, kept: 1 });
      // The findings rules read the same facts: run again too, and as a new process answers.
      const findings = await ask(FINDINGS, { asOf: AS_OF });
      expect(findings.ran).toBe(1);
      expect(findings.data).toEqual(await fresh(FINDINGS, { asOf: AS_OF }));
    } finally {
      // Only the relationships changed above: the plan may have others on request already.
      await suite.db.write(
        'test',
        `MATCH ()-[h:HANDLES]->() WHERE elementId(h) IN $changed SET h.status = $status`,
        { changed: changed[0]!.changed, status: denied.status },
      );
    }
    const restored = await ask(DENYING, { asOf: AS_OF });
    expect(restored).toMatchObject({ ran: 1, data: before.data });
  });

  it('composes a kept findings page once, and again after a write', async () => {
    const compose = jest.spyOn(words, 'composeFinding');
    try {
      const asOf = '2025-02-18';
      const first = await ask(FINDINGS, { asOf });
      const composedFirst = compose.mock.calls.length;
      expect(first.data.findings.edges.length).toBeGreaterThan(0);
      expect(composedFirst).toBeGreaterThanOrEqual(first.data.findings.edges.length);
      const second = await ask(FINDINGS, { asOf });
      expect(second).toMatchObject({ kept: 1, data: first.data });
      expect(compose.mock.calls.length).toBe(composedFirst);
      await suite.db.write('test', `MATCH (r:Right {code: 'OBJECT'}) SET r.touched = true`);
      await suite.db.write('test', `MATCH (r:Right {code: 'OBJECT'}) REMOVE r.touched`);
      const third = await ask(FINDINGS, { asOf });
      expect(third).toMatchObject({ ran: 1, data: first.data });
      expect(compose.mock.calls.length).toBeGreaterThan(composedFirst);
    } finally {
      compose.mockRestore();
    }
  });

  it('gives the graph a new version on every committed write, not on a rolled-back one', async () => {
    const db = suite.db;
    const seen = [await versionOf(db)];
    await db.write('test', `MATCH (r:Right {code: 'OBJECT'}) SET r.touched = true`);
    seen.push(await versionOf(db));
    await db.writeTransaction('test', (tx) =>
      tx.run(`MATCH (r:Right {code: 'OBJECT'}) REMOVE r.touched`),
    );
    seen.push(await versionOf(db));
    await db.autoCommit(
      'test',
      `MATCH (r:Right {code: 'OBJECT'}) CALL (r) { SET r.touched = true } IN TRANSACTIONS`,
    );
    seen.push(await versionOf(db));
    await db.inRolledBackTransaction('test', (tx) =>
      tx.run(`MATCH (r:Right {code: 'OBJECT'}) REMOVE r.touched`),
    );
    seen.push(await versionOf(db));
    expect(seen.slice(0, 4).every((v) => typeof v === 'string')).toBe(true);
    expect(new Set(seen.slice(0, 4)).size).toBe(4);
    expect(seen[4]).toBe(seen[3]);
    await db.write('test', `MATCH (r:Right {code: 'OBJECT'}) REMOVE r.touched`);
  });

  it('keeps nothing without a version node, nor for a question asked as known at an instant', async () => {
    const session = suite.db.driver.session();
    try {
      // Emptied by hand, past the Database: no version until its next write.
      await session.run(`MATCH (v:GraphVersion) DELETE v`);
      const one = await ask(DENYING, { asOf: AS_OF });
      const two = await ask(DENYING, { asOf: AS_OF });
      expect([one.ran, two.ran, two.kept]).toEqual([1, 1, 0]);
      expect(two.data).toEqual(one.data);
    } finally {
      await session.close();
    }
    await suite.db.write('test', `RETURN 1`);
    expect(await versionOf(suite.db)).toEqual(expect.any(String));

    // A rewound graph is not the one the version is of: asked in the past, never kept.
    const now = await ask(DENYING, { asOf: AS_OF });
    for (let i = 0; i < 2; i++) {
      const knownAt = new Date(Date.now() - 1).toISOString();
      const past = await ask(DENYING, { asOf: AS_OF, knownAt });
      expect(past).toMatchObject({ ran: 0, kept: 0, data: now.data });
    }
  });

  it('keeps nothing when switched off (KEPT_ANSWERS=false), and answers the same', async () => {
    const db = new Database({ ...testDatabaseSettings(), keepAnswers: false });
    const api = await startTestApi(db);
    try {
      const asked = [];
      for (let i = 0; i < 2; i++) {
        const res = await api.gql(DENYING, { asOf: AS_OF });
        expect(res.errors).toBeUndefined();
        asked.push(res.data);
      }
      expect(db.kept.stats).toEqual({ kept: 0, ran: 0 });
      expect(db.kept.size).toBe(0);
      expect(asked[1]).toEqual(asked[0]);
      expect(asked[0]).toEqual((await ask(DENYING, { asOf: AS_OF })).data);
    } finally {
      await api.close();
      await db.close();
    }
  });

  describe("a filter's total", () => {
    const CITING = `query ($first: Int!, $after: String, $knownAt: DateTime) {
      incidents(first: $first, after: $after, knownAt: $knownAt, filter: { provision: "Art. 12" }) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id }
      }
    }`;
    const OTHER_SELECTION = `query ($after: String) {
      incidents(first: 1, after: $after, filter: { provision: "Art. 12" }) {
        totalCount edges { node { id title } }
      }
    }`;

    it('is counted once for every page and selection of the list, until a write', async () => {
      const first = await ask(CITING, { first: 1 });
      const total = first.data.incidents.totalCount;
      expect(total).toBeGreaterThan(1);
      expect(first.ran).toBe(1);
      // Page 2, and another selection: the same count, not counted again.
      const after = first.data.incidents.pageInfo.endCursor;
      const page2 = await ask(CITING, { first: 1, after });
      expect(page2).toMatchObject({ ran: 0, kept: 1 });
      expect(page2.data.incidents.totalCount).toBe(total);
      expect(page2.data.incidents.nodes[0].id).not.toBe(first.data.incidents.nodes[0].id);
      const other = await ask(OTHER_SELECTION, { after });
      expect(other).toMatchObject({ ran: 0, kept: 1 });
      expect(other.data.incidents.totalCount).toBe(total);
      expect(other.data.incidents.edges[0].node.id).toBe(page2.data.incidents.nodes[0].id);
      // Unfiltered, the total comes from the count store: nothing kept.
      const all = await ask(`{ incidents(first: 1) { totalCount } }`);
      expect(all).toMatchObject({ ran: 0, kept: 0 });

      // One more incident cites Art. 12, through the Database: counted again.
      const cited = await suite.db.write(
        'test',
        `MATCH (i:Incident) WHERE i.retractedAt IS NULL
           AND NOT EXISTS { (i)-[:CITES]->(:Provision)-[:PART_OF*0..]->(:Provision {id: 'gdpr-12'}) }
         WITH i ORDER BY i.id LIMIT 1
         MATCH (p:Provision {id: 'gdpr-12'})
         CREATE (i)-[:CITES {test: true}]->(p)
         RETURN i.id AS id`,
      );
      expect(cited).toHaveLength(1);
      try {
        const more = await ask(CITING, { first: 1, after });
        expect(more.ran).toBe(1);
        expect(more.data.incidents.totalCount).toBe(total + 1);
        expect(more.data).toEqual(await fresh(CITING, { first: 1, after }));
        expect(await ask(CITING, { first: 1 })).toMatchObject({ ran: 0, kept: 1 });
      } finally {
        await suite.db.write('test', `MATCH ()-[c:CITES {test: true}]->() DELETE c`);
      }
      const restored = await ask(CITING, { first: 1 });
      expect(restored).toMatchObject({ ran: 1, data: first.data });

      // Asked as known at an instant: counted in that view, never kept.
      const knownAt = new Date(Date.now() - 1).toISOString();
      const past = await ask(CITING, { first: 1, knownAt });
      expect(past).toMatchObject({ ran: 0, kept: 0, data: first.data });
    });

    it('has Neo4j skip the count when the kept one is current', async () => {
      const count = new Cypher.Count(
        new Cypher.Match(new Cypher.Pattern(new Cypher.Node(), { labels: ['Incident'] })),
      );
      const gated = new Cypher.Variable();
      const { cypher } = Cypher.utils
        .concat(
          new Cypher.With([keptCountGate(count), gated]),
          new Cypher.Return([keptCountFrom(gated), 't']),
        )
        .build();
      const session = suite.db.driver.session();
      try {
        const profiled = async (version: string | null) => {
          const { hits, rows } = await profile(session, cypher, {
            keptCount: { version, count: -1 },
          });
          return { hits, t: rows[0]!.t as unknown[] };
        };
        const version = await versionOf(suite.db);
        const counted = await profiled(null);
        const skipped = await profiled(version);
        expect(counted.t[0]).toBe(version);
        expect(Number(counted.t[1])).toBeGreaterThan(10);
        expect(skipped.t).toEqual([version, -1]);
        expect(skipped.hits).toBeLessThan(counted.hits);
        expect(skipped.hits).toBeLessThan(10);
      } finally {
        await session.close();
      }
    });
  });

  describe('an incidents page', () => {
    const PAGE = `query ($after: String, $knownAt: DateTime) {
      incidents(first: 2, after: $after, knownAt: $knownAt, filter: { provision: "Art. 12" }) {
        totalCount pageInfo { endCursor } nodes { id title cites { id } }
      }
    }`;

    /** The answer, and whether Neo4j read the page (`ran`) or the kept page answered it. */
    async function askPage(variables: Record<string, unknown> = {}) {
      const before = { ...suite.db.kept.pageStats };
      const { data } = await ask(PAGE, variables);
      return {
        data,
        ran: suite.db.kept.pageStats.ran - before.ran,
        kept: suite.db.kept.pageStats.kept - before.kept,
      };
    }

    it('is kept until a write, each page under its own cursor', async () => {
      const first = await askPage();
      expect(first.ran).toBe(1);
      expect(first.data.incidents.nodes).toHaveLength(2);
      expect(await askPage()).toEqual({ data: first.data, ran: 0, kept: 1 });
      const after = first.data.incidents.pageInfo.endCursor;
      const page2 = await askPage({ after });
      expect(page2.ran).toBe(1);
      expect(page2.data.incidents.nodes[0].id).not.toBe(first.data.incidents.nodes[0].id);
      expect(await askPage({ after })).toEqual({ data: page2.data, ran: 0, kept: 1 });

      // The first page's newest incident retitled through the Database: read again.
      const id = first.data.incidents.nodes[0].id;
      const [was] = await suite.db.write(
        'test',
        `MATCH (i:Incident {id: $id}) WITH i, i.title AS title SET i.title = title + ' (edited)'
         RETURN title`,
        { id },
      );
      const title = was!.title as string;
      try {
        const edited = await askPage();
        expect(edited.ran).toBe(1);
        expect(edited.data.incidents.nodes[0].title).toBe(`${title} (edited)`);
        expect(edited.data).toEqual(await fresh(PAGE));
      } finally {
        await suite.db.write('test', `MATCH (i:Incident {id: $id}) SET i.title = $title`, {
          id,
          title,
        });
      }
      expect(await askPage()).toMatchObject({ data: first.data, ran: 1 });

      const metrics = (await (await fetch(new URL('/metrics', suite.api.url))).text()).split('\n');
      const { kept, ran } = suite.db.kept.pageStats;
      expect(metrics).toEqual(
        expect.arrayContaining([
          `gdpr_graph_kept_pages_total{outcome="kept"} ${kept}`,
          `gdpr_graph_kept_pages_total{outcome="ran"} ${ran}`,
          `gdpr_graph_kept_pages ${suite.db.kept.pages}`,
        ]),
      );
    });

    it('is never kept when asked as known at an instant', async () => {
      const knownAt = new Date(Date.now() - 1).toISOString();
      expect(await askPage({ knownAt })).toMatchObject({ ran: 0, kept: 0 });
      expect(await askPage({ knownAt })).toMatchObject({ ran: 0, kept: 0 });
    });
  });

  it('keeps pages apart: a reader walking pages pushes out no kept answer', () => {
    const kept = new KeptAnswers();
    kept.answer('findingRules', [{ graphVersion: 'v1', f: 'the rules' }]);
    // More pages than the answers' 500 entries and the pages' 2,000.
    for (let i = 0; i < 3000; i++)
      kept.answer(`incidents|${i}`, [{ graphVersion: 'v1', i }], 'page');
    expect(kept.versionOf('findingRules')).toBe('v1');
    expect(kept.versionOf('findingRules', 'page')).toBeNull();
    expect(kept.versionOf('incidents|0', 'page')).toBeNull();
    expect(kept.versionOf('incidents|2999', 'page')).toBe('v1');
    expect(kept.pages).toBe(2000);
    expect(kept.size).toBe(1);
    expect(kept.answer('incidents|2999', [{ graphVersion: 'v1', i: -1 }], 'page')).toEqual([
      { i: 2999 },
    ]);
    expect(kept.stats).toEqual({ kept: 0, ran: 1 });
    expect(kept.pageStats).toEqual({ kept: 1, ran: 3000 });
  });

  it('keeps totals apart: the filters a reader tries push out no kept answer', () => {
    const kept = new KeptAnswers();
    kept.answer('findingRules', [{ graphVersion: 'v1', f: 'the rules' }]);
    // More filters than the answers' 500 entries, each total counted once.
    for (let i = 0; i < 1000; i++) kept.counted(`incidents total|${i}`, ['v1', i]);
    expect(kept.versionOf('findingRules')).toBe('v1');
    expect(kept.countOf('incidents total|0')).toEqual({ version: 'v1', count: 0 });
    // Current: the kept count answers; stale: the new one is kept.
    expect(kept.counted('incidents total|7', ['v1', 7])).toBe(7);
    expect(kept.counted('incidents total|7', ['v2', 8])).toBe(8);
    expect(kept.countOf('incidents total|7')).toEqual({ version: 'v2', count: 8 });
    expect(kept.stats).toEqual({ kept: 1, ran: 1002 });
  });

  it('refuses to keep a query that reads the clock', () => {
    expect(() => keptQuery('q', `RETURN date() AS today`)).toThrow(/reads the clock/);
    expect(() => keptQuery('q', `RETURN datetime.realtime() AS now`)).toThrow(/reads the clock/);
    expect(() => keptQuery('q', `MATCH (n) RETURN n, timestamp() AS t`)).toThrow(/reads the clock/);
    expect(keptQuery('q', `// q\nRETURN date($d) AS day`)).toContain('RETURN date($d) AS day');
  });
});
