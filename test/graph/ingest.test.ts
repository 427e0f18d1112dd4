import type { Database } from '../../src/db';
import { ValidationError } from '../../src/errors';
import { ingest, type BundleInput, type IngestOptions } from '../../src/graph';
import { fixtureBundle, SOURCE } from '../fixtures/bundles';
import { graphSnapshot, resetGraph, testDatabase } from '../helpers/graph';

const doc = (data: unknown, file = 'fixture.yaml') => ({ file, data });

/**
 * Ingests documents that must be refused and returns their problems; the graph must be as it
 * was (`before`, or as read just before the attempt).
 */
async function refusedProblems(
  db: Database,
  docs: { file: string; data: unknown }[],
  before?: Awaited<ReturnType<typeof graphSnapshot>>,
  options: IngestOptions = {},
) {
  const expected = before ?? (await graphSnapshot(db));
  const error = await ingest(db, docs, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect(await graphSnapshot(db)).toEqual(expected);
  return (error as ValidationError).problems;
}

describe('ingesting a bundle', () => {
  let db: Database;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('creates every entity once and reports the counts per label', async () => {
    const report = await ingest(db, [doc(fixtureBundle())]);
    expect(report.counts.Practice).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(report.counts.Plan).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(report.relationshipsWritten).toBeGreaterThan(20);
  });

  it('is idempotent: a second run changes nothing and leaves the same graph', async () => {
    const before = await graphSnapshot(db);
    const report = await ingest(db, [doc(fixtureBundle())]);
    expect(report.counts.Practice).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(report.changedIds).toEqual([]);
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('updates an entity whose content changed and keeps its relationships consistent', async () => {
    const bundle = fixtureBundle();
    bundle.plans![1]!.prices = [{ amount: 18, currency: 'EUR', period: 'MONTH' }];
    const report = await ingest(db, [doc(bundle)]);
    expect(report.counts.Plan).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const rows = await db.read(
      'test',
      'MATCH (p:Plan {id: "tst-pro"})-[:OF]->(x:Product) RETURN p.priceAmounts AS prices, count(x) AS products',
    );
    expect(rows).toEqual([{ prices: [18], products: 1 }]);
  });

  it("closes the practice a new one replaces, at the new one's start", async () => {
    await resetGraph(db);
    const bundle = fixtureBundle();
    delete bundle.practices![0]!.validTo;
    await ingest(db, [doc(bundle)]);
    const rows = await db.read(
      'test',
      'MATCH (p:Practice {id: "tst-free-2024"}) RETURN toString(p.validTo) AS validTo',
    );
    expect(rows).toEqual([{ validTo: '2025-02-13' }]);
  });

  it('keeps a disputing source beside the supporting one', async () => {
    const rows = await db.read(
      'test',
      'MATCH (:Practice {id: "tst-free-2024"})-[e:EVIDENCED_BY]->(s:Source) RETURN s.id AS source, e.stance AS stance ORDER BY source',
    );
    expect(rows).toEqual([
      { source: 'tst-src-news', stance: 'DISPUTES' },
      { source: 'tst-src-policy', stance: 'SUPPORTS' },
    ]);
  });

  it('keeps both sides when one source supports a statement and carries a claim against it', async () => {
    // A news report often states the complaint's account and the company's reply: one source,
    // two pieces of evidence.
    const bundle = fixtureBundle();
    const practice = bundle.practices![1]!;
    practice.sources = [
      'tst-src-news',
      {
        source: 'tst-src-news',
        stance: 'DISPUTES',
        claim: 'RIGHT',
        right: 'OBJECT',
        alternative: 'ON_REQUEST',
        claimedBy: 'tst-corp',
        note: 'The company says users can object by e-mail.',
      },
    ];
    const evidence = () =>
      db.read(
        'test',
        `MATCH (:Practice {id: $id})-[e:EVIDENCED_BY]->(s:Source) RETURN s.id AS source, e.stance AS stance,
           e.claim AS claim, e.alternative AS alternative ORDER BY stance DESC`,
        { id: practice.id },
      );
    await ingest(db, [doc(bundle)]);
    const both = [
      { source: 'tst-src-news', stance: 'SUPPORTS', claim: 'WHOLE', alternative: null },
      { source: 'tst-src-news', stance: 'DISPUTES', claim: 'RIGHT', alternative: 'ON_REQUEST' },
    ];
    expect(await evidence()).toEqual(both);
    // Written again, still the two: nothing doubles.
    practice.summary = `${practice.summary} (edited)`;
    await ingest(db, [doc(bundle)]);
    expect(await evidence()).toEqual(both);
    await ingest(db, [doc(fixtureBundle())]);
  });

  it('resolves references to entities already in the graph', async () => {
    const report = await ingest(db, [
      doc({
        plans: [
          {
            id: 'tst-team',
            name: 'Team',
            product: 'tst-chat',
            tier: 'TEAM',
            sources: ['tst-src-policy'],
          },
        ],
      }),
    ]);
    expect(report.counts.Plan).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });

  it('dry-run reports what would change and writes nothing', async () => {
    const before = await graphSnapshot(db);
    const bundle = fixtureBundle();
    bundle.companies![0]!.name = 'Renamed Corp';
    const report = await ingest(db, [doc(bundle)], { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.counts.Company).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('warns of a status the status history does not end with, except UNKNOWN', async () => {
    const bundle = fixtureBundle();
    const source = bundle.practices![0]!.sources[0]!;
    const incident = (id: string, status: 'SETTLED' | 'UNKNOWN' | 'DECIDED') => ({
      id,
      kind: 'FINE' as const,
      title: `Fine ${id}`,
      date: '2024-03',
      status,
      statusHistory: [
        { status: 'ANNOUNCED' as const, date: '2024-03' },
        { status: 'DECIDED' as const, date: '2024-05-02' },
      ],
      verification: 'VERIFIED' as const,
      summary: 'Test: a fine.',
      sources: [source],
    });
    bundle.incidents = [
      incident('tst-settled-fine', 'SETTLED'),
      incident('tst-unknown-fine', 'UNKNOWN'),
      incident('tst-decided-fine', 'DECIDED'),
    ];
    const report = await ingest(db, [doc(bundle, 'statuses.yaml')], { dryRun: true });
    const statusWarnings = report.warnings.filter((w) => w.path.endsWith('.status'));
    expect(statusWarnings).toEqual([
      expect.objectContaining({
        file: 'statuses.yaml',
        path: 'incidents[0].status',
        message:
          'is SETTLED, but the status history ends with DECIDED (2024-05-02): record in statusHistory the change to SETTLED, or correct one of them',
      }),
    ]);
  });
});

describe('refusing a malformed bundle', () => {
  let db: Database;
  let before: Awaited<ReturnType<typeof graphSnapshot>>;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [doc(fixtureBundle())]);
    before = await graphSnapshot(db);
  });
  afterAll(async () => {
    await db.close();
  });

  /** Ingests a broken variant and returns its problems; the graph must be untouched. */
  async function problemsOf(
    mutate: (b: BundleInput) => void,
    extraDocs: { file: string; data: unknown }[] = [],
  ) {
    const bundle = fixtureBundle();
    mutate(bundle);
    return problemsOfDocs([doc(bundle, 'broken.yaml'), ...extraDocs]);
  }

  /** Ingests documents that must be refused and returns their problems; the graph must be untouched. */
  const problemsOfDocs = (docs: { file: string; data: unknown }[]) =>
    refusedProblems(db, docs, before);

  it('names an unknown reference with its file and path, and suggests the near miss', async () => {
    const problems = await problemsOf((b) => {
      b.practices![0]!.plans = ['tst-fre'];
    });
    expect(problems).toContainEqual({
      file: 'broken.yaml',
      path: 'practices[0].plans[0]',
      message:
        'unknown Plan "tst-fre": not in this bundle nor in the graph (did you mean "tst-free"?)',
    });
  });

  it('suggests a near miss for at most 50 unknown references', async () => {
    // A plan of this bundle only, so the graph has no near miss and the bundle's ids are searched.
    const problems = await problemsOf((b) => {
      b.plans!.push({ ...b.plans![0]!, id: 'tst-newplan' });
      // Two letters off "tst-newplan" each: tst-newplab, tst-newplbb, ... tst-newplhd.
      b.practices![0]!.plans = Array.from(
        { length: 60 },
        (_, i) => `tst-newpl${String.fromCharCode(97 + (i % 26), 98 + Math.floor(i / 26))}`,
      );
    });
    const unknown = problems.filter((p) => p.message.startsWith('unknown Plan "tst-newpl'));
    expect(unknown).toHaveLength(60);
    expect(unknown.filter((p) => p.message.endsWith('(did you mean "tst-newplan"?)'))).toHaveLength(
      50,
    );
  });

  it('refuses a date that does not exist', async () => {
    const problems = await problemsOf((b) => {
      b.practices![1]!.validFrom = '2025-02-30';
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'practices[1].validFrom',
        message: 'not a real calendar date',
      }),
    );
  });

  it('refuses validTo before validFrom', async () => {
    const problems = await problemsOf((b) => {
      b.practices![1]!.validTo = '2024-01-01';
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'practices[1].validTo',
        message: expect.stringContaining('must be after validFrom 2025-02-13'),
      }),
    );
  });

  it('refuses an unknown right', async () => {
    const problems = await problemsOf((b) => {
      (b.practices![0]!.rights![0] as { right: string }).right = 'OBJECTION';
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'practices[0].rights[0].right' }),
    );
  });

  it('refuses a right the graph does not define', async () => {
    const problems = await problemsOf((b) => {
      b.practices![0]!.rights = [{ right: 'ERASURE', status: 'ON_REQUEST' }];
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'practices[0].rights[0].right',
        message: expect.stringContaining('unknown Right with code ERASURE'),
      }),
    );
  });

  it('refuses a part in another regulation than its whole, and a cycle of parts', async () => {
    const problems = await problemsOf((b) => {
      b.regulations!.push({ ...b.regulations![0]!, id: 'tst-other-reg', name: 'Other' });
      b.provisions![1]!.regulation = 'tst-other-reg';
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'provisions[1].regulation',
        message: expect.stringContaining('it is part of "tst-art-21", in "tst-reg"'),
      }),
    );
    const cycle = await problemsOf((b) => {
      b.provisions![0]!.partOf = b.provisions![1]!.id;
    });
    expect(cycle).toContainEqual(
      expect.objectContaining({
        path: 'provisions[0].partOf',
        message: 'a cycle of parts: tst-art-21 -> tst-art-21-1 -> tst-art-21',
      }),
    );
  });

  it('checks parts against the provisions the graph already holds', async () => {
    /** Problems of a bundle of provisions alone (the rest is in the graph); nothing written. */
    const problemsOfProvisions = (provisions: object[], regulations: object[] = []) =>
      problemsOfDocs([doc({ regulations, provisions }, 'parts.yaml')]);
    const [art21, art21para1] = fixtureBundle().provisions!;
    const other = {
      id: 'tst-other-reg',
      name: 'Other',
      shortName: 'O',
      sources: ['tst-src-policy'],
    };

    // A new part of a whole in the graph, in another regulation.
    const newPart = { ...art21para1!, id: 'tst-art-21-2', paragraph: 2, regulation: other.id };
    expect(await problemsOfProvisions([newPart], [other])).toEqual([
      {
        file: 'parts.yaml',
        path: 'provisions[0].regulation',
        message:
          '"tst-other-reg", but it is part of "tst-art-21", in "tst-reg": a part is in its whole\'s regulation',
      },
    ]);
    // A whole moved to another regulation, its part in the graph left where it was.
    expect(await problemsOfProvisions([{ ...art21!, regulation: other.id }], [other])).toEqual([
      {
        file: 'parts.yaml',
        path: 'provisions[0].regulation',
        message:
          '"tst-other-reg", but its parts in the graph are not ("tst-art-21-1" in "tst-reg"): a part is in its whole\'s regulation',
      },
    ]);
    // A whole made part of its own part, which the graph holds.
    expect(await problemsOfProvisions([{ ...art21!, partOf: 'tst-art-21-1' }])).toEqual([
      {
        file: 'parts.yaml',
        path: 'provisions[0].partOf',
        message: 'a cycle of parts: tst-art-21 -> tst-art-21-1 -> tst-art-21',
      },
    ]);
    // The same part in the whole's regulation is written.
    const report = await ingest(db, [
      doc({ provisions: [{ ...newPart, regulation: 'tst-reg' }] }, 'parts.yaml'),
    ]);
    expect(report.counts.Provision).toEqual({ created: 1, updated: 0, unchanged: 0 });
    before = await graphSnapshot(db);
  });

  it('refuses an unknown provision', async () => {
    const problems = await problemsOf((b) => {
      b.rights![0]!.grantedBy = ['tst-art-99'];
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'rights[0].grantedBy[0]',
        message: expect.stringContaining('unknown Provision "tst-art-99"'),
      }),
    );
  });

  it('refuses one id defined twice with different content, naming both places', async () => {
    const other = fixtureBundle();
    other.companies![0]!.name = 'Another name';
    const problems = await problemsOf(
      () => undefined,
      [{ file: 'other.yaml', data: { companies: other.companies } }],
    );
    expect(problems).toContainEqual({
      file: 'other.yaml',
      path: 'companies[0].id',
      message:
        'duplicate id "tst-corp" with different content (first defined in broken.yaml: companies[0])',
    });
  });

  it('refuses one id used for two kinds of thing', async () => {
    const problems = await problemsOf((b) => {
      b.products![0]!.id = 'tst-corp';
      b.plans!.forEach((p) => (p.product = 'tst-corp'));
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'products[0].id',
        message: expect.stringContaining('already used by a Company'),
      }),
    );
  });

  it('refuses a statement without a source', async () => {
    const problems = await problemsOf((b) => {
      b.companies![0]!.sources = [];
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'companies[0].sources',
        message: 'every statement needs at least one source',
      }),
    );
  });

  it('refuses a practice or incident that states no verification, assuming none', async () => {
    const problems = await problemsOf((b) => {
      delete (b.practices![0] as { verification?: string }).verification;
      b.incidents = [
        {
          id: 'tst-unverified-complaint',
          kind: 'COMPLAINT',
          title: 'A complaint whose level no one stated',
          date: '2025-02',
          summary: 'Test: no verification given.',
          sources: [b.practices![0]!.sources[0]!],
        } as never,
      ];
    });
    const paths = problems.map((p) => p.path);
    expect(paths).toContain('practices[0].verification');
    expect(paths).toContain('incidents[0].verification');
    expect(problems.find((p) => p.path === 'practices[0].verification')!.message).toMatch(
      /^required: state how well the sources were checked/,
    );
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    const problems = await problemsOf((b) => {
      (b.companies![0] as Record<string, unknown>).ceo = 'someone';
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'companies[0]', message: 'unknown field: ceo' }),
    );
  });

  it('refuses a bad enum value, naming the allowed ones', async () => {
    const problems = await problemsOf((b) => {
      (b.plans![0] as { tier: string }).tier = 'GOLD';
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'plans[0].tier',
        message: expect.stringContaining('"FREE"'),
      }),
    );
  });

  it('refuses two successors of one practice on a common plan, region and data, before writing', async () => {
    const problems = await problemsOf((b) => {
      b.practices!.push({ ...b.practices![1]!, id: 'tst-free-2025b' });
    });
    expect(problems).toEqual([
      {
        file: 'broken.yaml',
        path: 'practices[1].replaces',
        message:
          '"tst-free-2025" and "tst-free-2025b" both replace "tst-free-2024" for the same plan, region and data: a practice has one successor there (split a change by plan, scope or data category)',
      },
    ]);
  });

  it('accepts two successors of one practice that split it by region', async () => {
    const bundle = fixtureBundle();
    bundle.practices!.push({
      ...bundle.practices![1]!,
      id: 'tst-free-2025-uk',
      scope: ['UK'],
    });
    const report = await ingest(db, [doc(bundle)], { dryRun: true });
    expect(report.counts.Practice).toEqual({ created: 1, updated: 0, unchanged: 2 });
  });

  it('refuses a source published after the day of the write, and a review dated after it', async () => {
    const bundle = fixtureBundle();
    bundle.sources![1]!.publishedAt = '2026-12-06';
    bundle.review = { writtenBy: 'a curator', writtenOn: '2026-12-05', checkedOn: '2027-01-02' };
    const problems = await refusedProblems(db, [doc(bundle, 'broken.yaml')], before, {
      now: new Date('2026-12-05T23:00:00Z'),
    });
    expect(problems).toEqual([
      {
        file: 'broken.yaml',
        path: 'review.checkedOn',
        message: '2027-01-02 is after today (2026-12-05): a review is dated on the day it is done',
      },
      {
        file: 'broken.yaml',
        path: 'sources[1].publishedAt',
        message:
          'published 2026-12-06, after today (2026-12-05): a source is read after it is published',
      },
    ]);
  });

  it('accepts a month or a year of publication that has begun', async () => {
    const bundle = fixtureBundle();
    bundle.sources![0]!.publishedAt = '2026';
    bundle.sources![1]!.publishedAt = '2026-12';
    const report = await ingest(db, [doc(bundle)], {
      dryRun: true,
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(report.counts.Source).toEqual({ created: 0, updated: 2, unchanged: 0 });
  });

  it('lists every problem at once, not just the first', async () => {
    const problems = await problemsOf((b) => {
      b.practices![0]!.plans = ['nope-1'];
      b.practices![1]!.purpose = 'nope-2';
      b.products![0]!.company = 'nope-3';
    });
    expect(problems.map((p) => p.path).sort()).toEqual([
      'practices[0].plans[0]',
      'practices[1].purpose',
      // The successor no longer has its predecessor's purpose.
      'practices[1].replaces',
      'products[0].company',
    ]);
  });
});

describe('a source whose page prints no date', () => {
  let db: Database;
  const undated = {
    ...SOURCE,
    id: 'tst-src-help',
    url: 'https://example.org/help',
    title: 'Example help page',
    kind: 'HELP_PAGE' as const,
    publishedAt: undefined,
  };
  const problemOf = (docs: { file: string; data: unknown }[]) => refusedProblems(db, docs);

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('is stored without a date beside a dated one, and dates nothing itself', async () => {
    const bundle = fixtureBundle();
    bundle.sources!.push(undated);
    bundle.companies![0]!.sources = ['tst-src-help', 'tst-src-policy'];
    // The paid plan rests on the undated page and on a report of February 2025.
    bundle.plans![1]!.sources = ['tst-src-help', 'tst-src-news'];
    await ingest(db, [doc(bundle)]);
    expect(
      await db.read(
        'test',
        'MATCH (s:Source {id: "tst-src-help"}) RETURN s.publishedAt AS at, s.publishedAtPrecision AS precision, s.publishedAtLatest AS latest',
      ),
    ).toEqual([{ at: null, precision: null, latest: null }]);
    // Offered from the last day of the dated report's month: the undated page shows no day.
    expect(
      await db.read(
        'test',
        'MATCH (p:Plan {id: "tst-pro"}) RETURN toString(p.availableFrom) AS from',
      ),
    ).toEqual([{ from: '2025-02-28' }]);
  });

  it('cannot be the only support of a statement, in the bundle or in the graph, and is named', async () => {
    const before = await graphSnapshot(db);
    const inBundle = fixtureBundle();
    inBundle.sources!.push({ ...undated, id: 'tst-src-faq', url: 'https://example.org/faq' });
    inBundle.products![0]!.sources = ['tst-src-faq'];
    expect(await problemOf([doc(inBundle, 'faq.yaml')])).toContainEqual({
      file: 'faq.yaml',
      path: 'products[0].sources',
      message:
        'every source it rests on prints no date (tst-src-faq): cite a dated source beside them',
    });
    // A curator's later write citing only the undated page the graph already holds.
    const later = {
      companies: [
        { id: 'tst-later', name: 'Later Corp', country: 'FR', sources: ['tst-src-help'] },
      ],
    };
    expect(await problemOf([doc(later, 'later.yaml')])).toContainEqual({
      file: 'later.yaml',
      path: 'companies[0].sources',
      message:
        'every source it rests on prints no date (tst-src-help): cite a dated source beside them',
    });
    expect(await graphSnapshot(db)).toEqual(before);
    // Beside a dated source the graph holds, the same write is accepted.
    later.companies[0]!.sources.push('tst-src-policy');
    const report = await ingest(db, [doc(later, 'later.yaml')]);
    expect(report.counts.Company).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });
});

describe('a source cited for one claim of a statement', () => {
  let db: Database;
  // A privacy policy of 2019 whose objection section a 2024 training practice cites.
  const early = {
    ...SOURCE,
    id: 'tst-src-2019',
    url: 'https://example.org/policy-2019',
    publishedAt: '2019-03-01',
  };
  const objectionOnly = {
    source: 'tst-src-2019',
    claim: 'RIGHT' as const,
    right: 'OBJECT' as const,
  };

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('dates a start only when it shows the statement itself', async () => {
    const bundle = fixtureBundle();
    bundle.sources!.push(early);
    // The practice gives no start: its 2024 policy shows it, the 2019 page only its objection.
    bundle.practices![0]!.sources.unshift(objectionOnly);
    // A 2019 page giving the paid plan's price shows the plan offered then.
    bundle.plans![1]!.sources = ['tst-src-news', { source: 'tst-src-2019', claim: 'PRICE' }];
    await ingest(db, [doc(bundle)]);
    expect(
      await db.read(
        'test',
        `MATCH (n) WHERE n.id IN ['tst-free-2024', 'tst-pro']
         RETURN n.id AS id, toString(coalesce(n.inForceFrom, n.availableFrom)) AS from ORDER BY id`,
      ),
    ).toEqual([
      { id: 'tst-free-2024', from: '2024-06-01' },
      { id: 'tst-pro', from: '2019-03-01' },
    ]);
  });

  it('cannot be what dates a statement that gives no start, and is named', async () => {
    const before = await graphSnapshot(db);
    const undated = {
      ...SOURCE,
      id: 'tst-src-help',
      url: 'https://example.org/help',
      publishedAt: undefined,
    };
    const bundle = fixtureBundle();
    bundle.sources!.push(early, undated);
    bundle.practices![0]!.sources = ['tst-src-help', objectionOnly];
    bundle.practices![1]!.sources = [{ ...objectionOnly, claim: 'LEGAL_BASIS', right: undefined }];
    delete bundle.practices![1]!.validFrom;
    delete bundle.practices![1]!.replaces;
    expect(await refusedProblems(db, [doc(bundle, 'claims.yaml')], before)).toEqual(
      expect.arrayContaining([
        {
          file: 'claims.yaml',
          path: 'practices[0].sources',
          message:
            'no dated source shows when it starts: those that show it as a whole (tst-src-help) print no date, and the others (tst-src-2019) back only a right, a legal basis or an end, which dates nothing: cite a dated source for the whole statement, or give validFrom or attestedFrom',
        },
        {
          file: 'claims.yaml',
          path: 'practices[1].sources',
          message:
            'none of its sources shows it as a whole (tst-src-2019 back only a right, a legal basis or an end), so none can date its start: cite one that does, or give validFrom or attestedFrom',
        },
      ]),
    );
    expect(await graphSnapshot(db)).toEqual(before);
    // With its start given, the first practice needs no source to date it.
    bundle.practices![0]!.attestedFrom = '2024-06';
    bundle.practices![1]!.validFrom = '2025-02-13';
    bundle.practices![1]!.replaces = 'tst-free-2024';
    const report = await ingest(db, [doc(bundle, 'claims.yaml')]);
    expect(report.counts.Practice).toEqual({ created: 0, updated: 2, unchanged: 0 });
  });
});
