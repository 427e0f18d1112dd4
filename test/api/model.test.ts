/**
 * What curators could not express with the first model, each ingested through ingestBundle
 * and asked back through the headline questions: an opinion aimed at no company, a practice
 * known to the month, a DMA provision, a practice's territorial scope, a plan announced and
 * never launched, a right exercisable only by e-mail, a paid plan with no known price.
 */
import { createApiKey } from '../../src/api/auth/api-keys.store';
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, testDatabase } from '../helpers/graph';

const SRC = {
  id: 'mdl-src',
  url: 'https://example.org/model',
  publisher: 'Example Regulator',
  title: 'Model test source',
  publishedAt: '2025-05',
  kind: 'REGULATOR',
};

const BUNDLE = {
  sources: [SRC],
  regulations: [
    {
      id: 'dma',
      name: 'Digital Markets Act',
      shortName: 'DMA',
      kind: 'EU_REGULATION',
      sources: ['mdl-src'],
    },
  ],
  provisions: [
    {
      id: 'dma-5',
      regulation: 'dma',
      article: 5,
      title: 'Obligations',
      summary: 'Gatekeepers.',
      sources: ['mdl-src'],
    },
    {
      id: 'dma-5-2',
      regulation: 'dma',
      article: 5,
      paragraph: 2,
      partOf: 'dma-5',
      title: 'Combining personal data',
      summary: 'No combining of data across services without consent.',
      sources: ['mdl-src'],
    },
  ],
  authorities: [
    {
      id: 'mdl-edpb',
      name: 'European Data Protection Board',
      kind: 'EU_BODY',
      country: 'EU',
      sources: ['mdl-src'],
    },
  ],
  plans: [
    // Announced, never launched: no row of any matrix, no finding.
    {
      id: 'fx-ultra',
      name: 'FX Ultra',
      product: 'fx-chat',
      tier: 'PRO',
      announced: '2025-03',
      neverLaunched: true,
      sources: ['mdl-src'],
    },
    // A paid tier with no known price: paid, because of its tier.
    {
      id: 'fx-team',
      name: 'FX Team',
      product: 'fx-chat',
      tier: 'TEAM',
      launched: '2025-01-10',
      sources: ['mdl-src'],
    },
  ],
  practices: [
    {
      id: 'mdl-team-review-2025-06',
      plans: ['fx-team', 'fx-ultra'],
      purpose: 'ai-model-training',
      scope: ['EEA'],
      dataCategories: ['user-prompts'],
      default: 'OFF',
      // Known to the month only.
      validFrom: '2025-06',
      rights: [
        { right: 'OBJECT', status: 'NOT_APPLICABLE', note: 'Opt-in: consent, not objection.' },
        {
          right: 'ACCESS',
          status: 'ON_REQUEST',
          mechanism: 'Only by e-mail to privacy@fx.example',
        },
      ],
      verification: 'VERIFIED',
      summary: 'From June 2025, Team prompts train models only if the admin opts in.',
      sources: ['mdl-src'],
    },
  ],
  incidents: [
    {
      id: 'mdl-edpb-opinion-2025',
      kind: 'OPINION',
      title: 'An opinion on AI models, aimed at no company',
      date: '2025-05',
      status: 'ANNOUNCED',
      before: 'mdl-edpb',
      cites: ['Art. 6(1)(f)', 'DMA Art. 5(2)'],
      verification: 'VERIFIED',
      summary: 'The board sets criteria for legitimate interest in AI training.',
      sources: ['mdl-src'],
    },
  ],
};

describe('what the second model lets curators say, asked back', () => {
  let db: Database;
  let api: TestApi;
  let curator: string;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
    curator = `Bearer ${(await createApiKey(db, 'curator', 'model test')).token}`;
    api = await startTestApi(db);
    const res = await api.gql(
      `mutation ($b: BundleInput!) { ingestBundle(bundle: $b, source: "model test") { changes { label created } } }`,
      { b: BUNDLE },
      curator,
    );
    expect(res.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
  });

  /** Records a bundle as a curator would, through the API; it must be accepted. */
  async function curate(bundle: Record<string, unknown>): Promise<void> {
    const res = await api.gql(
      `mutation ($b: BundleInput!) { ingestBundle(bundle: $b, source: "model test") { changes { label } } }`,
      { b: bundle },
      curator,
    );
    expect(res.errors).toBeUndefined();
  }

  /** FX Corp's finding `id` of rule `kind` as of `asOf`, as the API answers it. */
  async function findingOf(kind: string, id: string, asOf = '2025-07-01') {
    const res = await api.gql(
      `query ($kind: FindingKind, $asOf: Date!) {
        findings(company: "fx-corp", kind: $kind, asOf: $asOf) {
          nodes { id standing disputed explanation }
        }
      }`,
      { kind, asOf },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.findings.nodes.find((f: any) => f.id === id);
  }

  it('lists an opinion aimed at no company, with its month and the DMA provision it cites', async () => {
    const res = await api.gql(`{
      incidents(filter: { kind: OPINION }) { nodes { id date against { id } before { kind } cites { citation regulation { shortName } } } }
      dma: incidents(filter: { provision: "DMA Art. 5" }) { nodes { id } }
      gdpr: incidents(filter: { regulation: "gdpr" }) { nodes { id } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.incidents.nodes).toEqual([
      {
        id: 'mdl-edpb-opinion-2025',
        date: '2025-05',
        against: [],
        before: { kind: 'EU_BODY' },
        cites: [
          { citation: 'DMA Art. 5(2)', regulation: { shortName: 'DMA' } },
          { citation: 'GDPR Art. 6(1)(f)', regulation: { shortName: 'GDPR' } },
        ],
      },
    ]);
    expect(res.data!.dma.nodes).toEqual([{ id: 'mdl-edpb-opinion-2025' }]);
    expect(res.data!.gdpr.nodes.map((n: any) => n.id)).toContain('mdl-edpb-opinion-2025');
  });

  it('keeps DMA Art. 5(2) apart from GDPR Art. 5(2), by citation or id', async () => {
    const res = await api.gql(`{
      a: provision(ref: "DMA Art. 5(2)") { id citation }
      b: provision(ref: "dma-5-2") { id }
      c: provision(ref: "Art. 5(2) DMA") { id }
      gdpr: provision(ref: "Art. 5(2)") { id }
      list: provisions(regulation: "dma") { nodes { id } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      a: { id: 'dma-5-2', citation: 'DMA Art. 5(2)' },
      b: { id: 'dma-5-2' },
      c: { id: 'dma-5-2' },
      gdpr: null,
      list: { nodes: [{ id: 'dma-5' }, { id: 'dma-5-2' }] },
    });
  });

  it('reads a regulation by the names people use, and refuses what is not one', async () => {
    const res = await api.gql(`{
      byName: incidents(filter: { regulation: "DMA" }) { nodes { id } }
      byId: incidents(filter: { regulation: "dma" }) { nodes { id } }
      french: incidents(filter: { regulation: "RGPD" }) { totalCount }
      gdpr: incidents(filter: { regulation: "gdpr" }) { totalCount }
      list: provisions(regulation: "Digital Markets Act") { nodes { id } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.byName.nodes).toEqual([{ id: 'mdl-edpb-opinion-2025' }]);
    expect(res.data!.byId).toEqual(res.data!.byName);
    expect(res.data!.french.totalCount).toBeGreaterThan(0);
    expect(res.data!.french).toEqual(res.data!.gdpr);
    expect(res.data!.list.nodes).toEqual([{ id: 'dma-5' }, { id: 'dma-5-2' }]);
    for (const q of [
      '{ incidents(filter: { regulation: "Art. 5!" }) { totalCount } }',
      '{ provisions(regulation: " ") { totalCount } }',
    ]) {
      const bad = await api.gql(q);
      expect(bad.data).toBeNull();
      expect(bad.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/is not a regulation; try an id such as "gdpr"/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('counts a practice known to the month only from the end of that month, and says the start so', async () => {
    const MATRIX = `query ($asOf: Date, $scope: Scope!) {
      rightsMatrix(companies: ["fx-corp"], rights: [ACCESS], purpose: "ai-model-training", asOf: $asOf, scope: $scope) {
        rows { plan { id } cells { status mechanism practice { validFrom startKnown inForceFrom } } }
      }
    }`;
    const team = async (asOf: string, scope = 'EEA') =>
      (await api.gql(MATRIX, { asOf, scope })).data!.rightsMatrix.rows.find(
        (r: any) => r.plan.id === 'fx-team',
      )?.cells[0];
    expect((await team('2025-06-15')).status).toBe('UNKNOWN');
    expect(await team('2025-07-01')).toEqual({
      status: 'ON_REQUEST',
      mechanism: 'Only by e-mail to privacy@fx.example',
      practice: { validFrom: '2025-06', startKnown: true, inForceFrom: '2025-06-30' },
    });
    // Stated for the EEA only: the US question does not see it.
    expect((await team('2025-07-01', 'US')).status).toBe('UNKNOWN');
  });

  it('never offers a plan that was announced and never launched', async () => {
    const res = await api.gql(`{
      rightsMatrix(companies: ["fx-corp"], asOf: "2025-07-01") { rows { plan { id } } }
      company(id: "fx-corp") { products { plans { id neverLaunched announced launched availableFrom } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.rightsMatrix.rows.map((r: any) => r.plan.id)).not.toContain('fx-ultra');
    const ultra = res.data!.company.products[0].plans.find((p: any) => p.id === 'fx-ultra');
    expect(ultra).toEqual({
      id: 'fx-ultra',
      neverLaunched: true,
      announced: '2025-03',
      launched: null,
      availableFrom: null,
    });
  });

  it('reads a paid tier with no known price as paid, and a stated price of zero as free', async () => {
    const res = await api.gql(
      `{ company(id: "fx-corp") { products { plans { id paid paidBasis prices { amount } } } } }`,
    );
    const plans = Object.fromEntries(
      res.data!.company.products[0].plans.map((p: any) => [p.id, p]),
    );
    expect(plans['fx-team']).toEqual({ id: 'fx-team', paid: true, paidBasis: 'TIER', prices: [] });
    expect(plans['fx-pro']).toMatchObject({ paid: true, paidBasis: 'PRICE' });
    expect(plans['fx-free']).toMatchObject({ paid: false, paidBasis: 'TIER', prices: [] });
  });

  it('tells "on request only" apart from "paid only": a finding of its own, never the payment one', async () => {
    const res = await api.gql(`{
      findings(company: "fx-corp", asOf: "2025-07-01") { nodes { id kind right { code } provisions { citation } } }
    }`);
    const findings = res.data!.findings.nodes;
    const access = findings.filter((f: any) => f.right?.code === 'ACCESS');
    expect(access.map((f: any) => f.kind)).toEqual([
      'RIGHT_ONLY_ON_REQUEST',
      'RIGHT_ONLY_ON_REQUEST',
    ]);
    // FX Free (fixture) and FX Team (above) give access only by e-mail; FX Pro in the product.
    expect(access.map((f: any) => f.id).sort()).toEqual([
      'right-only-on-request:fx-free-training:fx-free:ACCESS',
      'right-only-on-request:mdl-team-review-2025-06:fx-team:ACCESS',
    ]);
    expect(access[0].provisions.map((p: any) => p.citation)).toContain('GDPR Art. 12(2)');
    // Nothing about the plan that never launched.
    expect(findings.some((f: any) => f.id.includes('fx-ultra'))).toBe(false);
  });

  it('refuses what the model says cannot be: a start after the end, a claim without its right, a never-launched plan with a launch', async () => {
    const res = await api.gql(
      `mutation ($b: BundleInput!) { ingestBundle(bundle: $b, dryRun: true) { dryRun } }`,
      {
        b: {
          plans: [
            {
              id: 'mdl-bad-plan',
              name: 'Bad',
              product: 'fx-chat',
              tier: 'PRO',
              launched: '2025-02',
              neverLaunched: true,
              sources: ['mdl-src'],
            },
          ],
          practices: [
            {
              id: 'mdl-bad-practice',
              plans: ['fx-free'],
              purpose: 'ai-model-training',
              scope: ['EEA'],
              dataCategories: ['user-prompts'],
              default: 'ON',
              validFrom: '2025-06',
              validTo: '2025-05',
              rights: [],
              verification: 'VERIFIED',
              summary: 'Bad.',
              sources: [
                { source: 'mdl-src', stance: 'DISPUTES', claim: 'RIGHT', alternative: 'SOMETIMES' },
              ],
            },
          ],
        },
      },
      curator,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = (
      res.errors![0]!.extensions!.problems as { path: string; message: string }[]
    ).map((p) => `${p.path}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^plans\[0\]\.neverLaunched: a plan that never launched/),
        expect.stringMatching(
          /^practices\[0\]\.validTo: validTo 2025-05 must be after validFrom 2025-06/,
        ),
        expect.stringMatching(/^practices\[0\]\.sources\[0\]\.right: claim RIGHT needs `right`/),
        expect.stringMatching(
          /^practices\[0\]\.sources\[0\]\.alternative: for a right, the alternative is a status/,
        ),
      ]),
    );
  });

  /** The Team plan's access finding: on request, where Pro has it in the product. */
  const teamAccessOn = (asOf?: string) =>
    findingOf(
      'RIGHT_ONLY_ON_REQUEST',
      'right-only-on-request:mdl-team-review-2025-06:fx-team:ACCESS',
      asOf,
    );

  it('reads a disputed default as disputing a right compared on request, and says whose claim it is', async () => {
    expect(await teamAccessOn()).toMatchObject({ disputed: false, standing: 'ESTABLISHED' });

    // A newspaper reports that Team prompts never train models: the processing the right of
    // access is compared on is then itself in dispute.
    const practice = BUNDLE.practices[0]!;
    await curate({
      sources: [
        {
          id: 'mdl-src-news',
          url: 'https://example.org/news',
          publisher: 'Example Newspaper',
          title: 'Team prompts are never used',
          publishedAt: '2025-06-20',
          kind: 'NEWS',
        },
      ],
      practices: [
        {
          ...practice,
          sources: [
            'mdl-src',
            {
              source: 'mdl-src-news',
              stance: 'DISPUTES',
              claim: 'DEFAULT',
              alternative: 'NEVER',
            },
          ],
        },
      ],
    });
    const disputed = await teamAccessOn();
    expect(disputed).toMatchObject({ disputed: true, standing: 'ALLEGED' });
    expect(disputed.explanation).toContain('Example Newspaper');
    expect(disputed.explanation).toContain('the processing does not happen');
  });

  it('counts a disputed start or end only where it changes whether the practice holds on the date asked', async () => {
    // Another source dates the practice's start or end otherwise (the practice's own sources
    // replaced: the disputed default of the test above goes).
    const practice = BUNDLE.practices[0]!;
    const disputeDate = async (claim: 'VALID_FROM' | 'VALID_TO', alternative: string) => {
      await curate({
        sources: [
          {
            id: 'mdl-src-dates',
            url: 'https://example.org/dates',
            publisher: 'Example Gazette',
            title: 'When the Team change came',
            publishedAt: '2025-06-25',
            kind: 'NEWS',
          },
        ],
        practices: [
          {
            ...practice,
            sources: [
              'mdl-src',
              { source: 'mdl-src-dates', stance: 'DISPUTES', claim, alternative },
            ],
          },
        ],
      });
    };

    // May rather than June 2025: on 1 July 2025 the practice holds by either account.
    await disputeDate('VALID_FROM', '2025-05');
    expect(await teamAccessOn('2025-07-01')).toMatchObject({
      disputed: false,
      standing: 'ESTABLISHED',
    });

    // July 2025: on 1 July it may not have started yet; by 1 August it has on either account.
    await disputeDate('VALID_FROM', '2025-07');
    const july = await teamAccessOn('2025-07-01');
    expect(july).toMatchObject({ disputed: true, standing: 'ALLEGED' });
    expect(july.explanation).toContain('Example Gazette reports that it started in July 2025.');
    expect(await teamAccessOn('2025-08-01')).toMatchObject({
      disputed: false,
      standing: 'ESTABLISHED',
    });

    // An end in January 2026 that the practice's own sources do not give: it bears on the
    // first of January, not on the last day of December.
    await disputeDate('VALID_TO', '2026-01');
    expect(await teamAccessOn('2025-12-31')).toMatchObject({
      disputed: false,
      standing: 'ESTABLISHED',
    });
    const january = await teamAccessOn('2026-01-01');
    expect(january).toMatchObject({ disputed: true, standing: 'ALLEGED' });
    expect(january.explanation).toContain('it ended in January 2026');
  });

  /** Team prompts train models by default: the practice of the two tests below, as they vary it. */
  const teamTrainingOn = (practice: Record<string, unknown>) => ({
    ...BUNDLE.practices[0]!,
    id: 'mdl-team-training-on',
    plans: ['fx-team'],
    default: 'ON',
    ...practice,
  });
  const teamTrainingFinding = () =>
    findingOf('TRAINING_ON_BY_DEFAULT', 'training-on-by-default:mdl-team-training-on');

  it('says a user can object on request to training on by default, not that objecting stops it', async () => {
    await curate({
      practices: [
        teamTrainingOn({
          legalBasis: 'legitimate-interest',
          rights: [
            {
              right: 'OBJECT',
              status: 'ON_REQUEST',
              mechanism: 'E-mail to privacy@fx.example',
            },
          ],
          summary: 'From June 2025, Team prompts train models; users may object by e-mail.',
          sources: ['mdl-src'],
        }),
      ],
    });
    const training = await teamTrainingFinding();
    expect(training.explanation).toContain(
      'trains AI models by default; the user can object on request (E-mail to privacy@fx.example).',
    );
    expect(training.explanation).not.toMatch(/unless/);
  });

  it('says when a finding rests on a secondary source or a reading, in its words', async () => {
    expect((await teamTrainingFinding()).explanation).not.toMatch(/Not confirmed/);

    // The practice of the test above, now known only from the curators' reading.
    await curate({
      practices: [
        teamTrainingOn({
          rights: [{ right: 'OBJECT', status: 'UNKNOWN' }],
          verification: 'SECONDARY',
          summary: 'Read from the terms: Team prompts may train models.',
          sources: ['mdl-src'],
        }),
      ],
    });
    const training = await teamTrainingFinding();
    expect(training.standing).toBe('UNCONFIRMED');
    expect(training.explanation).toMatch(
      /Not confirmed: this rests on a single secondary source or on the curators' reading of the sources\.$/,
    );
  });

  it('attributes each publisher its own claim when several dispute a finding in their own name', async () => {
    const gazette = (id: string, publisher: string) => ({
      id,
      url: `https://example.org/${id}`,
      publisher,
      title: 'On the Team opt-out',
      publishedAt: '2025-06-25',
      kind: 'NEWS',
    });
    await curate({
      sources: [
        gazette('mdl-src-north', 'North Gazette'),
        gazette('mdl-src-south', 'South Gazette'),
      ],
      practices: [
        teamTrainingOn({
          rights: [{ right: 'OBJECT', status: 'IN_PRODUCT', mechanism: 'Settings toggle' }],
          sources: [
            'mdl-src',
            {
              source: 'mdl-src-north',
              stance: 'DISPUTES',
              claim: 'RIGHT',
              right: 'OBJECT',
              alternative: 'UNAVAILABLE',
            },
            {
              source: 'mdl-src-south',
              stance: 'DISPUTES',
              claim: 'RIGHT',
              right: 'OBJECT',
              alternative: 'ON_REQUEST',
            },
          ],
        }),
      ],
    });
    const training = await teamTrainingFinding();
    expect(training.standing).toBe('ALLEGED');
    expect(training.explanation).toContain(
      'North Gazette reports that the right to object cannot be exercised. South Gazette reports that the right to object can be exercised on request',
    );
  });
});
