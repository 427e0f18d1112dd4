/**
 * A question asked again with the same selection and inputs reuses its compiled Cypher
 * (src/api/translate/compiled-queries.ts); whatever else a query is built from (variables,
 * arguments, the selection, today's date when none is given) gives a new compile that answers
 * for it.
 */
import { stats } from '../../src/api/translate/compiled-queries';
import { todayIso } from '../../src/api/common/date.scalar';
import { seedCurated } from '../helpers/graph';
import { RecordingDatabase } from '../helpers/recording-database';
import { apiForSuite } from '../helpers/suite-api';

const INCIDENTS = `query ($first: Int, $kind: IncidentKind) {
  incidents(first: $first, filter: { kind: $kind }) { totalCount edges { node { id kind } } }
}`;

const DENYING = `query ($asOf: Date) {
  plansDenyingRight(right: OBJECT, asOf: $asOf, first: 5) { totalCount nodes { plan { id } } }
}`;

describe('compiled queries', () => {
  const suite = apiForSuite(() => RecordingDatabase.forWorker(), seedCurated);

  /** The answer, and how many compiles it made and reused, with the Cypher it ran. */
  async function ask(query: string, variables: Record<string, unknown>) {
    const before = { ...stats };
    suite.db.take();
    const res = await suite.api.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return {
      data: res.data as any,
      compiled: stats.compiled - before.compiled,
      reused: stats.reused - before.reused,
      queries: suite.db.take(),
    };
  }

  it('reuses the compile of a repeated question: the same Cypher, parameters and answer', async () => {
    const first = await ask(INCIDENTS, { first: 2 });
    const again = await ask(INCIDENTS, { first: 2 });
    expect(first.compiled).toBe(1);
    expect(again).toMatchObject({ compiled: 0, reused: 1 });
    // The same text and parameters, but for the version of the page the first ask kept
    // (kept-answers.ts), which the second sends so that Neo4j reads the page only if it changed.
    const unversioned = (queries: typeof first.queries) =>
      queries.map(({ params: { kept: _kept, ...params }, ...q }) => ({ ...q, params }));
    expect(again.queries.map((q) => q.params.kept)).toEqual([{ version: expect.any(String) }]);
    expect(unversioned(again.queries)).toEqual(unversioned(first.queries));
    expect(again.data).toEqual(first.data);
  });

  it('compiles again when a variable changes, and answers for the new value', async () => {
    const two = await ask(INCIDENTS, { first: 2 });
    const three = await ask(INCIDENTS, { first: 3 });
    expect(three.compiled).toBe(1);
    expect(two.data.incidents.edges).toHaveLength(2);
    expect(three.data.incidents.edges).toHaveLength(3);
    expect(three.data.incidents.edges.slice(0, 2)).toEqual(two.data.incidents.edges);

    // An argument the resolver builds its MATCH from (the filter), not only the page size.
    const byKind = await suite.db.read(
      'test',
      'MATCH (i:Incident) WHERE i.retractedAt IS NULL RETURN i.kind AS kind, count(*) AS n',
    );
    expect(byKind.length).toBeGreaterThan(1);
    for (const { kind, n } of byKind) {
      const filtered = await ask(INCIDENTS, { first: 50, kind });
      expect(filtered.compiled).toBe(1);
      expect(filtered.data.incidents.totalCount).toBe(n);
      expect(filtered.data.incidents.edges).toHaveLength(Math.min(50, n as number));
      for (const edge of filtered.data.incidents.edges) expect(edge.node.kind).toBe(kind);
    }
  });

  it('compiles again for another selection of the same field', async () => {
    const plain = await ask(INCIDENTS, { first: 2 });
    const other = await ask(`{ incidents(first: 2) { edges { node { id title } } } }`, {});
    expect(other.compiled).toBe(1);
    expect(other.data.incidents.edges.map((e: any) => e.node.id)).toEqual(
      plain.data.incidents.edges.map((e: any) => e.node.id),
    );
    expect(other.data.incidents.edges[0].node.title).toEqual(expect.any(String));

    // The same text, a selection that a variable changes (@include): not the same compile.
    const titled = `query ($withTitle: Boolean!) {
      incidents(first: 2) { edges { node { id title @include(if: $withTitle) } } }
    }`;
    const without = await ask(titled, { withTitle: false });
    const withTitle = await ask(titled, { withTitle: true });
    expect(withTitle.compiled).toBe(1);
    expect(without.data.incidents.edges[0].node).not.toHaveProperty('title');
    expect(withTitle.data.incidents.edges).toEqual(other.data.incidents.edges);
  });

  it('takes the day asked as an input: an omitted date is today, and tomorrow is another day', async () => {
    const today = todayIso();
    const now = await ask(DENYING, {});
    expect(Object.values(now.queries[0]!.params)).toContain(today);
    expect(now.data.plansDenyingRight.totalCount).toBeGreaterThan(0);

    const long = await ask(DENYING, { asOf: '2000-01-01' });
    expect(long.compiled).toBe(1);
    expect(long.data.plansDenyingRight.totalCount).toBe(0);

    // The clock moves past midnight; only Date is faked, the driver's timers run as usual.
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000);
    jest.useFakeTimers({
      now: tomorrow,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      const next = await ask(DENYING, {});
      expect(next.compiled).toBe(1);
      expect(Object.values(next.queries[0]!.params)).toContain(tomorrow.toISOString().slice(0, 10));
      expect(Object.values(next.queries[0]!.params)).not.toContain(today);
    } finally {
      jest.useRealTimers();
    }
  });
  it("reuses the findings page query's compile, its rows given with each request", async () => {
    const FINDINGS = `query ($after: String) {
      findings(first: 2, after: $after, asOf: "2025-06-01") {
        edges { cursor node { id kind explanation company { id name } } }
      }
    }`;
    const first = await ask(FINDINGS, { after: null });
    const again = await ask(FINDINGS, { after: null });
    expect(first.data.findings.edges).toHaveLength(2);
    expect(again).toMatchObject({ compiled: 0, data: first.data });
    const page = first.queries.find((q) => q.name === 'findings')!;
    // Asked again on the same graph, the page's entities are not read again: the rules' answer
    // is kept, and the entities read for it with it (fixed-selection.ts).
    expect(again.queries.map((q) => q.name)).toEqual(['findingRules']);
    // The rows are a parameter of the request, not of the compile (one more than the page,
    // to tell whether more follow).
    const rows = (page.params['findingPage'] as { rows: { id: string }[] }).rows;
    expect(rows.slice(0, 2).map((f) => f.id)).toEqual(
      first.data.findings.edges.map((e: any) => e.node.id),
    );
    // After a write the rules run again: the kept compile answers with the new rows.
    const company = first.data.findings.edges[0].node.company;
    await suite.db.write('test', `MATCH (c:Company {id: $id}) SET c.name = c.name + ' (renamed)'`, {
      id: company.id,
    });
    try {
      const renamed = await ask(FINDINGS, { after: null });
      expect(renamed.compiled).toBe(0);
      const node = renamed.data.findings.edges.find(
        (e: any) => e.node.id === first.data.findings.edges[0].node.id,
      )?.node;
      expect(node.company.name).toBe(`${company.name} (renamed)`);
      expect(node.explanation).toContain(`${company.name} (renamed)`);
    } finally {
      await suite.db.write('test', `MATCH (c:Company {id: $id}) SET c.name = $name`, company);
    }
    // The next page: another compile (its variables), and rows after the first page's.
    const next = await ask(FINDINGS, { after: first.data.findings.edges[1].cursor });
    const ids = next.data.findings.edges.map((e: any) => e.node.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids)
      expect(first.data.findings.edges.map((e: any) => e.node.id)).not.toContain(id);
  });
});
