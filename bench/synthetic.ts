/**
 * A deterministic synthetic graph with the real model's shape, as bundles in the project's
 * bundle format. Scale 1 (large): 10,000 companies, each with 2 products of 2 plans
 * (40,000 plans); 5 practices per plan (200,000: three successive versions of the training
 * practice, each replacing the one before, and two practices for other purposes); 5 incidents
 * per company (50,000) and 10 sources per company (100,000).
 *
 * Every choice is a hash of the entity's index, so the same scale gives the same bundle.
 * The bundle refers to the curated seeds (GDPR provisions, rights, legal bases, data
 * categories, the purpose `ai-model-training`, authorities): load seeds/ first.
 */
import type { BundleInput } from '../src/graph';

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
const LEGAL_BASES = ['legitimate-interest', 'consent', 'contract'];
const OTHER_RIGHTS = [
  'ACCESS',
  'ERASURE',
  'PORTABILITY',
  'RECTIFICATION',
  'WITHDRAW_CONSENT',
] as const;
const STATUSES = [
  'AVAILABLE',
  'AVAILABLE',
  'AVAILABLE',
  'PAID_ONLY',
  'UNAVAILABLE',
  'UNKNOWN',
] as const;

/** Plans of a product, in the API's tier order (and in id order, and cheapest first). */
const PLAN_SHAPES = [
  [
    { key: '0-free', tier: 'FREE', name: 'Free' },
    { key: '1-pro', tier: 'PRO', name: 'Pro', price: 20 },
  ],
  [
    { key: '0-team', tier: 'TEAM', name: 'Team', price: 30 },
    { key: '1-api', tier: 'API', name: 'API', price: 0.5, period: 'USAGE' },
  ],
] as const;

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

/** The ISO date `days` after 2018-01-01. */
function dayAfter2018(days: number): string {
  return new Date(Date.UTC(2018, 0, 1 + days)).toISOString().slice(0, 10);
}

export const pad = (i: number): string => String(i).padStart(5, '0');
export const companyId = (i: number): string => `gen-c${pad(i)}`;

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
    practices: companies * 20,
    incidents: companies * 5,
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

/** Companies [from, to) with everything that hangs off them. */
export function companiesBundle(from: number, to: number): BundleInput {
  const b = {
    sources: [] as NonNullable<BundleInput['sources']>,
    companies: [] as NonNullable<BundleInput['companies']>,
    products: [] as NonNullable<BundleInput['products']>,
    plans: [] as NonNullable<BundleInput['plans']>,
    practices: [] as NonNullable<BundleInput['practices']>,
    incidents: [] as NonNullable<BundleInput['incidents']>,
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
        publishedAt: dayAfter2018(hash(i, k, 3) % 2700),
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
      b.products.push({
        id: product,
        name: `${word} ${p === 0 ? 'Assistant' : 'Platform'}`,
        company: c,
        sources: [src(1)],
      });
      shapes.forEach((shape, s) => {
        const plan = `${product}-${shape.key}`;
        const planIndex = (i * 2 + p) * 2 + s;
        b.plans.push({
          id: plan,
          name: `${word} ${p === 0 ? 'Assistant' : 'Platform'} ${shape.name}`,
          product,
          tier: shape.tier,
          ...('price' in shape
            ? {
                price: {
                  amount: shape.price,
                  currency: 'EUR',
                  period: 'period' in shape ? shape.period : 'MONTH',
                },
              }
            : {}),
          sources: [src(2)],
        });
        addPractices(b.practices, plan, planIndex, src);
      });
    });
    for (let j = 0; j < 5; j++) {
      const kind = INCIDENT_KINDS[(i + j) % INCIDENT_KINDS.length]!;
      const cites = [pick(PROVISIONS, i, j, 7)];
      const second = pick(PROVISIONS, i, j, 8);
      if (hash(i, j, 9) % 2 === 0 && second !== cites[0]) cites.push(second);
      b.incidents.push({
        id: `${c}-i${j}`,
        kind,
        title: `${kind === 'FINE' ? 'Fine' : 'Case'} ${pad(i)}-${j} on ${word.toLowerCase()} data`,
        // About 19 incidents a day over 2018-2025: keyset pagination has many ties on the date.
        date: dayAfter2018(hash(i, j, 10) % 2700),
        status: pick(INCIDENT_STATUSES, i, j, 11),
        against: [c],
        before:
          hash(i, j, 12) % 4 === 0
            ? pick(SEED_AUTHORITIES, i, j, 13)
            : `gen-auth-${hash(i, j, 14) % 30}`,
        broughtBy: kind === 'COMPLAINT' ? [`gen-party-${hash(i, j, 15) % 100}`] : [],
        cites,
        concernsPlans: hash(i, j, 16) % 5 === 0 ? [`${c}-p0-0-free`] : [],
        ...(kind === 'FINE'
          ? { amount: { value: 10_000 * (1 + (hash(i, j, 17) % 500)), currency: 'EUR' } }
          : {}),
        summary: `Synthetic incident ${j} of company ${pad(i)}.`,
        sources: [src(9), ...(j % 2 === 0 ? [src(8)] : [])],
      });
    }
  }
  return b;
}

function addPractices(
  out: NonNullable<BundleInput['practices']>,
  plan: string,
  n: number,
  src: (k: number) => string,
): void {
  // The training practice in three successive versions: 2018/2019 -> 2021/2022 -> open.
  const starts = [
    dayAfter2018(hash(n, 20) % 500),
    dayAfter2018(1100 + (hash(n, 21) % 300)),
    dayAfter2018(1900 + (hash(n, 22) % 500)),
  ];
  for (let v = 0; v < 3; v++) {
    const current = v === 2;
    // In force on AS_OF: about 2% of plans deny the right to object, 1% ask payment for it.
    const r = hash(n, v, 23) % 100;
    const object = current
      ? r < 2
        ? 'UNAVAILABLE'
        : r < 3
          ? 'PAID_ONLY'
          : 'AVAILABLE'
      : r < 40
        ? 'UNAVAILABLE'
        : 'AVAILABLE';
    const others = OTHER_RIGHTS.filter((_, k) => hash(n, v, k, 24) % 3 !== 0);
    out.push({
      id: `${plan}-t${v}`,
      plan,
      purpose: 'ai-model-training',
      dataCategories: DATA_CATEGORIES.filter((_, k) => k === 0 || hash(n, v, k, 25) % 2 === 0),
      legalBasis: pick(LEGAL_BASES, n, v, 26),
      default: pick(['ON', 'ON', 'OFF'] as const, n, v, 27),
      validFrom: starts[v]!,
      ...(current ? {} : { validTo: starts[v + 1]! }),
      ...(v > 0 ? { replaces: `${plan}-t${v - 1}` } : {}),
      rights: [
        {
          right: 'OBJECT',
          status: object,
          ...(object === 'AVAILABLE' ? { mechanism: 'account settings' } : {}),
        },
        ...others.map((right, k) => ({ right, status: pick(STATUSES, n, v, k, 28) })),
      ],
      summary: `Version ${v + 1} of the training statement for plan ${n}.`,
      sources: evidence(n, v, src),
    });
  }
  SYNTHETIC_PURPOSES.forEach((purpose, k) => {
    out.push({
      id: `${plan}-o${k}`,
      plan,
      purpose,
      dataCategories: ['user-prompts'],
      legalBasis: k === 0 ? 'legitimate-interest' : 'consent',
      default: k === 0 ? 'ON' : 'OFF',
      validFrom: dayAfter2018(hash(n, k, 29) % 2000),
      rights: [
        { right: 'ACCESS', status: 'AVAILABLE' },
        { right: 'OBJECT', status: pick(STATUSES, n, k, 30) },
      ],
      summary: `Statement on ${purpose.slice(12)} for plan ${n}.`,
      sources: [src(3 + k)],
    });
  });
}

/** One to three of the company's sources 3..8; about 5% of practices have a disputing one. */
function evidence(
  n: number,
  v: number,
  src: (k: number) => string,
): NonNullable<BundleInput['practices']>[number]['sources'] {
  const count = 1 + (hash(n, v, 31) % 3);
  const first = hash(n, v, 32) % 6;
  const out: NonNullable<BundleInput['practices']>[number]['sources'] = [];
  for (let k = 0; k < count; k++) {
    const source = src(3 + ((first + k) % 6));
    out.push(
      k === 1 && hash(n, v, 33) % 20 === 0
        ? { source, stance: 'DISPUTES', note: 'The company says otherwise.' }
        : k === 0
          ? source
          : { source, stance: 'SUPPORTS', quote: `Quote ${k} on plan ${n}.` },
    );
  }
  return out;
}
