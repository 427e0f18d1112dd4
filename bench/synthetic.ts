/**
 * A deterministic synthetic graph with the shape of the second model, as bundles in the
 * project's bundle format: practices cover `plans` in a territorial `scope`, rights have the
 * six statuses, dates are partial (day, month or year), plans are launched, priced, and a few
 * withdrawn. Scale 1 (large): 10,000 companies, each with 2 products of 2 plans (40,000
 * plans); 5 practices per plan (200,000: three successive versions of the training practice,
 * each replacing the one before, and two practices for other purposes); 5 incidents per
 * company (50,000) and 10 sources per company (100,000). One company (BUSY_COMPANY) has a
 * long history for the timeline: ten versions of each plan's training practice and 120 more
 * incidents, at every size.
 *
 * Every choice is a hash of the entity's index, so the same scale gives the same bundle.
 * The bundle refers to the curated seeds (GDPR provisions, rights, legal bases, data
 * categories, the purpose `ai-model-training`, authorities): load seeds/ first.
 */
import type { BundleInput } from '../src/graph';
import type {
  GdprRight,
  ProcessingDefault,
  RightStatus,
  Scope,
  VerificationLevel,
} from '../src/graph/model';

export const SYNTHETIC_PURPOSES = ['gen-purpose-analytics', 'gen-purpose-ads'] as const;
/** The date every dated question of the benchmark is asked on. */
export const AS_OF = '2025-06-01';

const ADJECTIVES = [
  'Acme',
  'Aurora',
  'Basalt',
  'Beacon',
  'Cedar',
  'Cobalt',
  'Comet',
  'Delta',
  'Ember',
  'Falcon',
  'Fjord',
  'Garnet',
  'Glacier',
  'Harbor',
  'Helix',
  'Indigo',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Magma',
  'Meridian',
  'Nimbus',
  'Nova',
  'Onyx',
  'Orchid',
  'Pacific',
  'Quartz',
  'Quasar',
  'Raven',
  'Sable',
  'Sierra',
  'Solstice',
  'Tundra',
  'Umber',
  'Vertex',
  'Willow',
  'Xenon',
  'Yarrow',
  'Zenith',
  'Zephyr',
];
const NOUNS = [
  'Labs',
  'Systems',
  'Intelligence',
  'Robotics',
  'Analytics',
  'Dynamics',
  'Networks',
  'Works',
  'Cognition',
  'Research',
  'Machines',
  'Studio',
];
const COUNTRIES = ['FR', 'DE', 'IE', 'IT', 'ES', 'NL', 'US', 'GB', 'SE', 'PL', 'BE', 'CA'];
const PUBLISHERS = ['Le Monde', 'Reuters', 'Heise', 'The Register', 'Politico', 'Wired', 'CNIL'];
const SOURCE_KINDS = ['NEWS', 'POLICY', 'HELP_PAGE', 'REGULATOR', 'ANALYSIS'] as const;
const INCIDENT_KINDS = ['COMPLAINT', 'INVESTIGATION', 'DECISION', 'FINE', 'POLICY_CHANGE'] as const;
const INCIDENT_STATUSES = ['FILED', 'OPEN', 'CLOSED', 'DECIDED'] as const;
const PROVISIONS = [
  'gdpr-6-1-f',
  'gdpr-12-5',
  'gdpr-21-1',
  'gdpr-5-1-a',
  'gdpr-13',
  'gdpr-15',
  'gdpr-17',
  'gdpr-7-3',
  'gdpr-22',
  'gdpr-83',
];
const SEED_AUTHORITIES = ['cnil', 'garante', 'dpc'];
const DATA_CATEGORIES = ['user-prompts', 'model-outputs', 'uploaded-files'];
const OTHER_RIGHTS = [
  'ACCESS',
  'ERASURE',
  'PORTABILITY',
  'RECTIFICATION',
  'WITHDRAW_CONSENT',
] as const;

/** Values with weights (percent): a hash picks one in proportion. */
type Weighted<T> = readonly (readonly [T, number])[];

/** The right to object to training, today, on a free plan: sometimes only by paying (Art. 12(5)). */
const OBJECT_FREE: Weighted<RightStatus> = [
  ['IN_PRODUCT', 50],
  ['ON_REQUEST', 25],
  ['PAID_ONLY', 8],
  ['UNAVAILABLE', 5],
  ['UNKNOWN', 12],
];
/** The same on a paid plan. */
const OBJECT_PAID: Weighted<RightStatus> = [
  ['IN_PRODUCT', 55],
  ['ON_REQUEST', 30],
  ['PAID_ONLY', 1],
  ['UNAVAILABLE', 4],
  ['UNKNOWN', 10],
];
/** Earlier versions withheld it more often. */
const OBJECT_PAST: Weighted<RightStatus> = [
  ['IN_PRODUCT', 25],
  ['ON_REQUEST', 30],
  ['PAID_ONLY', 5],
  ['UNAVAILABLE', 30],
  ['UNKNOWN', 10],
];
/** On consent the right to object does not apply (withdrawing consent does). */
const OBJECT_ON_CONSENT: Weighted<RightStatus> = [
  ['NOT_APPLICABLE', 80],
  ['IN_PRODUCT', 20],
];
/** Access, erasure, portability, rectification, withdrawing consent: mostly on request. */
const OTHER_STATUS: Weighted<RightStatus> = [
  ['IN_PRODUCT', 35],
  ['ON_REQUEST', 40],
  ['UNKNOWN', 12],
  ['NOT_APPLICABLE', 5],
  ['UNAVAILABLE', 5],
  ['PAID_ONLY', 3],
];
const MECHANISMS: Partial<Record<RightStatus, readonly string[]>> = {
  IN_PRODUCT: ['account settings toggle', 'privacy dashboard', 'in-app form'],
  ON_REQUEST: ['e-mail to the privacy team', 'web form reviewed by support', 'letter to the DPO'],
  PAID_ONLY: ['upgrade to a paid plan'],
};
/** Mostly the EEA; some statements worldwide, some for the US only (absent from EEA answers). */
const PRACTICE_SCOPES: Weighted<Scope[]> = [
  [['EEA'], 70],
  [['EEA', 'UK', 'CH'], 10],
  [['WORLDWIDE'], 12],
  [['US'], 8],
];
/** The legal basis claimed; null: the sources do not say (legalBasisEstablished: false). */
const LEGAL_BASES: Weighted<string | null> = [
  ['legitimate-interest', 35],
  ['consent', 25],
  ['contract', 25],
  [null, 15],
];
const VERIFICATIONS: Weighted<VerificationLevel> = [
  ['VERIFIED', 87],
  ['SECONDARY', 10],
  ['UNVERIFIED', 3],
];
const TRAINING_DEFAULTS: Weighted<ProcessingDefault> = [
  ['ON', 60],
  ['OFF', 37],
  ['NEVER', 3],
];

type Price = { amount: number; period: 'MONTH' | 'YEAR' | 'USAGE' };
/** Plans of a product, in the API's tier order (and in id order, and cheapest first). */
const PLAN_SHAPES: readonly (readonly {
  key: string;
  tier: 'FREE' | 'PRO' | 'TEAM' | 'API';
  name: string;
  prices: readonly Price[];
}[])[] = [
  [
    { key: '0-free', tier: 'FREE', name: 'Free', prices: [] },
    {
      key: '1-pro',
      tier: 'PRO',
      name: 'Pro',
      prices: [
        { amount: 20, period: 'MONTH' },
        { amount: 200, period: 'YEAR' },
      ],
    },
  ],
  [
    { key: '0-team', tier: 'TEAM', name: 'Team', prices: [{ amount: 30, period: 'MONTH' }] },
    { key: '1-api', tier: 'API', name: 'API', prices: [{ amount: 0.5, period: 'USAGE' }] },
  ],
];

/** A 32-bit integer hash of its arguments (deterministic, well spread). */
export function hash(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p & 0xffff), 0x01000193);
    h = Math.imul(h ^ (p >>> 16), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

const pick = <T>(list: readonly T[], ...parts: number[]): T => list[hash(...parts) % list.length]!;

function weighted<T>(table: Weighted<T>, ...parts: number[]): T {
  const total = table.reduce((n, [, w]) => n + w, 0);
  let r = hash(...parts) % total;
  for (const [value, weight] of table) {
    if (r < weight) return value;
    r -= weight;
  }
  return table[table.length - 1]![0];
}

/** The ISO date `days` after 2018-01-01 (before it when negative). */
function dayAfter2018(days: number): string {
  return new Date(Date.UTC(2018, 0, 1 + days)).toISOString().slice(0, 10);
}

/**
 * The same day as a partial date: to the day mostly, to the month about one time in four,
 * to the year one time in twenty (unless `noYear`: successive versions a few months apart
 * would share a year).
 */
function partialDay(days: number, noYear: boolean, ...parts: number[]): string {
  const day = dayAfter2018(days);
  const r = hash(...parts) % 20;
  return r === 0 && !noYear ? day.slice(0, 4) : r < 6 ? day.slice(0, 7) : day;
}

export const pad = (i: number): string => String(i).padStart(5, '0');
export const companyId = (i: number): string => `gen-c${pad(i)}`;

/** The company with the long history (the timeline workload asks for it). */
export const BUSY_COMPANY_INDEX = 0;
export const BUSY_COMPANY = companyId(BUSY_COMPANY_INDEX);
const BUSY_VERSIONS = 10;
const BUSY_EXTRA_INCIDENTS = 120;

/** How many versions of its training practice a company's plans have. */
const versionsOf = (company: number): number =>
  company === BUSY_COMPANY_INDEX ? BUSY_VERSIONS : 3;

export interface SyntheticCounts {
  companies: number;
  products: number;
  plans: number;
  practices: number;
  incidents: number;
  sources: number;
  other: number;
}

export function countsFor(scale: number): SyntheticCounts {
  const companies = Math.max(1, Math.round(10_000 * scale));
  return {
    companies,
    products: companies * 2,
    plans: companies * 4,
    practices: companies * 20 + 4 * (BUSY_VERSIONS - 3),
    incidents: companies * 5 + BUSY_EXTRA_INCIDENTS,
    sources: companies * 10,
    other: 30 + 100 + SYNTHETIC_PURPOSES.length + 1,
  };
}

/** The shared part: authorities, parties and purposes beyond the seeds, and their source. */
export function referenceBundle(): BundleInput {
  const src = 'gen-ref-src';
  return {
    sources: [
      {
        id: src,
        url: 'https://example.org/synthetic/reference',
        publisher: 'Synthetic registry',
        title: 'Synthetic reference data',
        publishedAt: '2024-01',
        kind: 'ANALYSIS',
      },
    ],
    purposes: SYNTHETIC_PURPOSES.map((id) => ({
      id,
      name: id === 'gen-purpose-ads' ? 'Advertising profiles' : 'Product analytics',
      sources: [src],
    })),
    authorities: Array.from({ length: 30 }, (_, k) => ({
      id: `gen-auth-${k}`,
      name: `Synthetic Authority ${k}`,
      country: COUNTRIES[k % COUNTRIES.length]!,
      sources: [src],
    })),
    parties: Array.from({ length: 100 }, (_, k) => ({
      id: `gen-party-${k}`,
      name: `Synthetic Party ${k}`,
      kind: k % 3 === 0 ? ('NGO' as const) : ('INDIVIDUAL' as const),
      sources: [src],
    })),
  };
}

type Section<K extends keyof BundleInput> = NonNullable<BundleInput[K]>;

/** A plan as the bundle gives it: launched (2016-2017, often to the month), with its prices. */
function planEntry(
  id: string,
  name: string,
  product: string,
  shape: (typeof PLAN_SHAPES)[number][number],
  n: number,
  source: string,
): Section<'plans'>[number] {
  const r = hash(n, 40) % 100;
  // Some paid plans have no known price (paid from the tier), some free plans a stated 0.
  const prices =
    shape.tier === 'FREE'
      ? r < 30
        ? [{ amount: 0, currency: 'EUR', period: 'MONTH' as const }]
        : []
      : r < 10
        ? []
        : shape.prices.map((p) => ({ amount: p.amount, currency: 'EUR', period: p.period }));
  // About 3% of paid plans were withdrawn in 2024: not offered on AS_OF.
  const withdrawn =
    shape.tier !== 'FREE' && hash(n, 41) % 100 < 3
      ? dayAfter2018(2200 + (hash(n, 42) % 300)).slice(0, 7)
      : undefined;
  return {
    id,
    name,
    product,
    tier: shape.tier,
    prices,
    launched: partialDay(-700 + (hash(n, 43) % 650), false, n, 44),
    ...(withdrawn ? { withdrawn } : {}),
    sources: [source],
  };
}

/** Companies [from, to) with everything that hangs off them. */
export function companiesBundle(from: number, to: number): BundleInput {
  const b = {
    sources: [] as Section<'sources'>,
    companies: [] as Section<'companies'>,
    products: [] as Section<'products'>,
    plans: [] as Section<'plans'>,
    practices: [] as Section<'practices'>,
    incidents: [] as Section<'incidents'>,
  };
  for (let i = from; i < to; i++) {
    const c = companyId(i);
    const word = ADJECTIVES[i % ADJECTIVES.length]!;
    const name = `${word} ${pick(NOUNS, i, 1)} ${pad(i)}`;
    const src = (k: number) => `${c}-s${k}`;
    for (let k = 0; k < 10; k++) {
      b.sources.push({
        id: src(k),
        url: `https://news${k}.example.org/${c}/${k}`,
        publisher: pick(PUBLISHERS, i, k, 2),
        title: `Report ${k} on ${name}`,
        publishedAt: partialDay(hash(i, k, 3) % 2700, false, i, k, 35),
        kind: pick(SOURCE_KINDS, i, k, 4),
        language: 'en',
      });
    }
    b.companies.push({
      id: c,
      name,
      country: pick(COUNTRIES, i, 5),
      website: `https://${c}.example.org`,
      summary: `A synthetic company in the ${pick(NOUNS, i, 6).toLowerCase()} business.`,
      sources: [src(0)],
    });
    PLAN_SHAPES.forEach((shapes, p) => {
      const product = `${c}-p${p}`;
      const productName = `${word} ${p === 0 ? 'Assistant' : 'Platform'}`;
      b.products.push({ id: product, name: productName, company: c, sources: [src(1)] });
      shapes.forEach((shape, s) => {
        const plan = `${product}-${shape.key}`;
        const planIndex = (i * 2 + p) * 2 + s;
        b.plans.push(
          planEntry(plan, `${productName} ${shape.name}`, product, shape, planIndex, src(2)),
        );
        addPractices(b.practices, {
          company: i,
          plan,
          free: shape.tier === 'FREE',
          n: planIndex,
          src,
        });
      });
    });
    const incidents = 5 + (i === BUSY_COMPANY_INDEX ? BUSY_EXTRA_INCIDENTS : 0);
    for (let j = 0; j < incidents; j++) {
      const kind = INCIDENT_KINDS[(i + j) % INCIDENT_KINDS.length]!;
      const cites = [pick(PROVISIONS, i, j, 7)];
      const second = pick(PROVISIONS, i, j, 8);
      if (hash(i, j, 9) % 2 === 0 && second !== cites[0]) cites.push(second);
      const day = dayAfter2018(hash(i, j, 10) % 2700);
      b.incidents.push({
        id: `${c}-i${j}`,
        kind,
        title: `${kind === 'FINE' ? 'Fine' : 'Case'} ${pad(i)}-${j} on ${word.toLowerCase()} data`,
        // About 19 incidents a day over 2018-2025: keyset pagination has many ties on the
        // date; about one in seven is dated to the month only.
        date: hash(i, j, 18) % 7 === 0 ? day.slice(0, 7) : day,
        status: pick(INCIDENT_STATUSES, i, j, 11),
        against: [c],
        before:
          hash(i, j, 12) % 4 === 0
            ? pick(SEED_AUTHORITIES, i, j, 13)
            : `gen-auth-${hash(i, j, 14) % 30}`,
        broughtBy: kind === 'COMPLAINT' ? [`gen-party-${hash(i, j, 15) % 100}`] : [],
        cites,
        concernsPlans: hash(i, j, 16) % 5 === 0 ? [`${c}-p0-0-free`] : [],
        // A complaint about the free plan's current training practice: findings name it.
        concernsPractices:
          kind === 'COMPLAINT' && hash(i, j, 19) % 3 === 0
            ? [`${c}-p0-0-free-t${versionsOf(i) - 1}`]
            : [],
        ...(kind === 'FINE'
          ? { amount: { value: 10_000 * (1 + (hash(i, j, 17) % 500)), currency: 'EUR' } }
          : {}),
        verification: 'VERIFIED',
        summary: `Synthetic incident ${j} of company ${pad(i)}.`,
        sources: [src(9), ...(j % 2 === 0 ? [src(8)] : [])],
      });
    }
  }
  return b;
}

interface PlanContext {
  company: number;
  plan: string;
  free: boolean;
  /** The plan's index over all companies. */
  n: number;
  src: (k: number) => string;
}

function rightHandling(right: GdprRight, status: RightStatus, ...parts: number[]) {
  const mechanisms = MECHANISMS[status];
  return {
    right,
    status,
    ...(mechanisms ? { mechanism: pick(mechanisms, ...parts) } : {}),
  };
}

function addPractices(out: Section<'practices'>, ctx: PlanContext): void {
  const { company, plan, free, n, src } = ctx;
  const versions = versionsOf(company);
  // The training practice in successive versions: 2018/2019 -> 2021/2022 -> 2023/2024 (open),
  // or, for the busy company, every eight months or so from 2018.
  const busy = versions !== 3;
  const starts = Array.from({ length: versions }, (_, v) =>
    partialDay(
      busy
        ? v * 240 + (hash(n, v, 20) % 200)
        : [0, 1100, 1900][v]! + (hash(n, v, 21) % [500, 300, 500][v]!),
      busy,
      n,
      v,
      22,
    ),
  );
  for (let v = 0; v < versions; v++) {
    const current = v === versions - 1;
    const basis = weighted(LEGAL_BASES, n, v, 26);
    const object =
      basis === 'consent'
        ? weighted(OBJECT_ON_CONSENT, n, v, 23)
        : weighted(current ? (free ? OBJECT_FREE : OBJECT_PAID) : OBJECT_PAST, n, v, 23);
    const others = OTHER_RIGHTS.filter((_, k) => hash(n, v, k, 24) % 3 !== 0);
    out.push({
      id: `${plan}-t${v}`,
      plans: [plan],
      purpose: 'ai-model-training',
      scope: weighted(PRACTICE_SCOPES, n, v, 36),
      dataCategories: DATA_CATEGORIES.filter((_, k) => k === 0 || hash(n, v, k, 25) % 2 === 0),
      ...(basis ? { legalBasis: basis } : {}),
      default: weighted(TRAINING_DEFAULTS, n, v, 27),
      validFrom: starts[v]!,
      ...(current ? {} : { validTo: starts[v + 1]! }),
      ...(v > 0 ? { replaces: `${plan}-t${v - 1}` } : {}),
      rights: [
        rightHandling('OBJECT', object, n, v, 37),
        ...others.map((right, k) =>
          rightHandling(right, weighted(OTHER_STATUS, n, v, k, 28), n, v, k, 38),
        ),
      ],
      verification: weighted(VERIFICATIONS, n, v, 39),
      summary: `Version ${v + 1} of the training statement for plan ${n}.`,
      sources: evidence(n, v, companyId(company), src),
    });
  }
  SYNTHETIC_PURPOSES.forEach((purpose, k) => {
    // Most statements give their start; some only the month a source first shows them, a
    // few nothing (then the earliest supporting source dates them).
    const r = hash(n, k, 45) % 20;
    const start = dayAfter2018(hash(n, k, 29) % 2000);
    out.push({
      id: `${plan}-o${k}`,
      plans: [plan],
      purpose,
      scope: k === 0 ? (r % 2 === 0 ? ['WORLDWIDE'] : ['EEA']) : r < 14 ? ['EEA'] : ['US'],
      dataCategories: ['user-prompts'],
      legalBasis: k === 0 ? 'legitimate-interest' : 'consent',
      default: k === 0 ? 'ON' : 'OFF',
      ...(r < 17 ? { validFrom: partialDay(hash(n, k, 29) % 2000, false, n, k, 46) } : {}),
      ...(r === 17 || r === 18 ? { attestedFrom: start.slice(0, 7) } : {}),
      rights: [
        rightHandling('ACCESS', 'ON_REQUEST', n, k, 47),
        rightHandling(
          'OBJECT',
          k === 0 ? weighted(OBJECT_PAID, n, k, 30) : 'NOT_APPLICABLE',
          n,
          k,
          48,
        ),
        ...(k === 1 ? [rightHandling('WITHDRAW_CONSENT', 'IN_PRODUCT', n, k, 49)] : []),
      ],
      verification: 'VERIFIED',
      summary: `Statement on ${purpose.slice(12)} for plan ${n}.`,
      sources: [src(3 + k)],
    });
  });
}

type PracticeEvidence = Section<'practices'>[number]['sources'];

/**
 * One to three of the company's sources 3..8. About 5% of practices have a disputing one:
 * of the whole statement, of the right to object's status (the company's own account: on
 * request), of the default, or of the start.
 */
function evidence(
  n: number,
  v: number,
  company: string,
  src: (k: number) => string,
): PracticeEvidence {
  const count = 1 + (hash(n, v, 31) % 3);
  const first = hash(n, v, 32) % 6;
  const out: PracticeEvidence = [];
  for (let k = 0; k < count; k++) {
    const source = src(3 + ((first + k) % 6));
    if (k === 0) out.push(source);
    else if (k === 1 && hash(n, v, 33) % 20 === 0) out.push(dispute(source, company, n, v));
    else
      out.push({
        source,
        stance: 'SUPPORTS',
        ...(k === 2 ? { claim: 'RIGHT' as const, right: 'OBJECT' as const } : {}),
        quote: `Quote ${k} on plan ${n}.`,
      });
  }
  return out;
}

function dispute(source: string, company: string, n: number, v: number): PracticeEvidence[number] {
  switch (hash(n, v, 34) % 4) {
    case 0:
      return { source, stance: 'DISPUTES', note: 'The company says otherwise.' };
    case 1:
      return {
        source,
        stance: 'DISPUTES',
        claim: 'RIGHT',
        right: 'OBJECT',
        alternative: 'ON_REQUEST',
        claimedBy: company,
        note: 'The company says users can always object by e-mail.',
      };
    case 2:
      return {
        source,
        stance: 'DISPUTES',
        claim: 'DEFAULT',
        alternative: 'OFF',
        claimedBy: company,
      };
    default:
      return { source, stance: 'DISPUTES', claim: 'VALID_FROM', alternative: '2019' };
  }
}
