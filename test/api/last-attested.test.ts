/**
 * `lastAttested` on practices, plans and incidents: the newest dated source supporting a
 * statement, as precisely as that source gives it, derived at every write. Ingested through
 * ingest() and asked back over HTTP; the seeded graph's answers are compared with the data
 * report's stale list.
 */
import type { Database } from '../../src/db';
import { ingest, type BundleInput } from '../../src/graph';
import { dataReport } from '../../src/graph/data-report';
import { loadBundleFiles } from '../../src/graph/load-files';
import { lastDay } from '../../src/graph/partial-date';
import { validateBundles } from '../../src/graph/validate';
import { fixtureBundle } from '../fixtures/bundles';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, SEEDS_DIR, seedCurated, testDatabase } from '../helpers/graph';

const source = (id: string, publishedAt?: string) => ({
  id,
  url: `https://example.org/${id}`,
  publisher: 'Example News',
  title: id,
  ...(publishedAt === undefined ? {} : { publishedAt }),
  kind: 'NEWS' as const,
});

/** fixtureBundle's practices and plan, cited by sources of every precision, stance and claim. */
function bundle(): BundleInput {
  const b = fixtureBundle('la');
  b.sources!.push(
    source('la-src-2019', '2019-03-01'),
    source('la-src-2024', '2024'),
    source('la-src-2024-12-31', '2024-12-31'),
    source('la-src-2026-dispute', '2026-01-10'),
    source('la-src-undated'),
  );
  const practices = b.practices!;
  // Its newest day is the year 2024's last; the 2026 source disputes it and counts for nothing,
  // the undated one neither; a source cited for one right counts as support.
  practices[1]!.sources.push(
    'la-src-2019',
    { source: 'la-src-2024', claim: 'RIGHT', right: 'OBJECT' },
    'la-src-undated',
    { source: 'la-src-2026-dispute', stance: 'DISPUTES', note: 'Says users cannot object.' },
  );
  // The same last day, once to the year and once to the day: the day says more.
  practices[0]!.sources.push('la-src-2024', 'la-src-2024-12-31');
  b.plans![1]!.sources.push('la-src-2019', 'la-src-undated');
  b.incidents = [
    {
      id: 'la-complaint',
      kind: 'COMPLAINT',
      title: 'Complaint',
      date: '2025-02',
      status: 'FILED',
      against: ['la-corp'],
      verification: 'SECONDARY',
      summary: 'A complaint.',
      sources: ['la-src-news', 'la-src-2019'],
    },
  ];
  return b;
}

describe('lastAttested: the newest dated source supporting a statement', () => {
  let db: Database;
  let api: TestApi;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  /** The fixture company's lastAttested values, by id: its plans, the free plan's practices, its incidents. */
  async function attested() {
    const res = await api.gql(`{
      company(id: "la-corp") {
        products { plans { id lastAttested practices(first: 10) { nodes { id lastAttested } } } }
        incidents(first: 10) { nodes { id lastAttested } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const byId = (list: any[]) => Object.fromEntries(list.map((x) => [x.id, x.lastAttested]));
    const plans = res.data!.company.products[0].plans as any[];
    return {
      plans: byId(plans),
      practices: byId(plans.find((p) => p.id === 'la-free').practices.nodes),
      incidents: byId(res.data!.company.incidents.nodes),
    };
  }

  it('takes the newest supporting source by its last possible day, the more precise on a tie', async () => {
    await ingest(db, [{ file: 'last-attested', data: bundle() }]);
    const { plans, practices, incidents } = await attested();
    expect(plans).toEqual({ 'la-free': '2024-06-01', 'la-pro': '2024-06-01' });
    expect(practices).toEqual({ 'la-free-2024': '2024-12-31', 'la-free-2025': '2024' });
    expect(incidents).toEqual({ 'la-complaint': '2025-02' });
  });

  it('moves when a source is dated anew or a statement cites a newer one', async () => {
    // A later version of the bundle: the news report is now dated March 2026, and the 2025
    // practice also cites a source of 2026-06-30. The incident itself is unchanged: it is
    // derived again because a source it cites changed.
    const later = bundle();
    const news = later.sources!.find((s) => s.id === 'la-src-news')!;
    news.publishedAt = '2026-03';
    later.sources!.push(source('la-src-2026', '2026-06-30'));
    later.practices![1]!.sources.push('la-src-2026');
    await ingest(db, [{ file: 'last-attested', data: later }]);
    const { practices, incidents } = await attested();
    expect(practices).toEqual({ 'la-free-2024': '2024-12-31', 'la-free-2025': '2026-06-30' });
    expect(incidents).toEqual({ 'la-complaint': '2026-03' });
  });

  it("agrees with the data report's newest source for every seeded fact in force", async () => {
    await resetGraph(db);
    await seedCurated(db);
    const validated = await validateBundles(loadBundleFiles([SEEDS_DIR]).docs);
    if (!validated.ok) throw new Error('seeds/ do not validate');
    // Asked as of 2100, every plan still offered and practice still in force is stale: the
    // report then gives the newest source of each.
    const report = dataReport(validated.value.bundle, '2100-01-01');
    expect(report.stale.length).toBeGreaterThan(100);
    const res = await api.gql(`{
      companies(first: 100) {
        nodes { products { plans { id lastAttested practices(first: 100) { nodes { id lastAttested } } } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const attested = new Map<string, string | null>();
    for (const company of res.data!.companies.nodes)
      for (const product of company.products)
        for (const plan of product.plans) {
          attested.set(plan.id, plan.lastAttested);
          for (const p of plan.practices.nodes) attested.set(p.id, p.lastAttested);
        }
    // The report gives the newest source's last possible day; the API, that source's date.
    for (const { id, newest } of report.stale) {
      expect([id, attested.has(id)]).toEqual([id, true]);
      expect([id, lastDay(attested.get(id)!)]).toEqual([id, newest]);
    }
  });
});
