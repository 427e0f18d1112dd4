/**
 * How each entity field is read from Neo4j, for the selection compiler.
 * Labels and relationship types are constants here; argument values become parameters.
 */
import { PLAN_TIERS } from '../../graph/model';
import { defineProjection, type FieldSpec, type OrderKey } from '../query/spec';

const prop = (property?: string): FieldSpec =>
  property ? { kind: 'property', property } : { kind: 'property' };
const props = (...names: string[]): Record<string, FieldSpec> =>
  Object.fromEntries(names.map((n) => [n, prop()]));

/**
 * Newest first; within a day by id, also descending, so that the (date, id) index gives the
 * order and a page is a short index seek instead of a sort of every incident.
 */
export const INCIDENT_ORDER: OrderKey[] = [
  { expr: (t) => `${t}.date`, direction: 'DESC', kind: 'date' },
  { expr: (t) => `${t}.id`, direction: 'DESC', kind: 'string' },
];

/** For polling: incidents in the order they were recorded. */
export const RECORDED_ORDER: OrderKey[] = [
  { expr: (t) => `${t}.recordedAt`, direction: 'ASC', kind: 'datetime' },
  { expr: (t) => `${t}.id`, direction: 'ASC', kind: 'string' },
];

export const PRACTICE_ORDER: OrderKey[] = [
  { expr: (t) => `coalesce(${t}.validFrom, date('0001-01-01'))`, direction: 'DESC', kind: 'date' },
  { expr: (t) => `${t}.id`, direction: 'ASC', kind: 'string' },
];

export const COMPANY_ORDER: OrderKey[] = [
  { expr: (t) => `${t}.name`, direction: 'ASC', kind: 'string' },
  { expr: (t) => `${t}.id`, direction: 'ASC', kind: 'string' },
];

/** Plans in the order of PLAN_TIERS (free first, enterprise and API last). */
export const tierRank = (t: string): string =>
  `CASE ${t}.tier ${PLAN_TIERS.map((tier, i) => `WHEN '${tier}' THEN ${i}`).join(' ')} ELSE ${PLAN_TIERS.length} END`;

/**
 * In force on the date held by `p` (validFrom inclusive, validTo exclusive, null open).
 * A retracted statement still answers for the dates before its retraction: it stood then.
 */
export const inForce = (v: string, p: string): string =>
  `(${v}.validFrom IS NULL OR ${v}.validFrom <= date(${p})) AND (${v}.validTo IS NULL OR ${v}.validTo > date(${p}))` +
  ` AND (${v}.retractedAt IS NULL OR date(${v}.retractedAt) > date(${p}))`;

/** Incidents a curator retracted leave lists and counts (the audit log keeps them). */
export const standing = (i: string): string => `${i}.retractedAt IS NULL`;

/** Evidence of a statement, optionally of one stance only. */
export function evidence(stance?: 'SUPPORTS' | 'DISPUTES'): FieldSpec {
  return {
    kind: 'related',
    target: 'Evidence',
    many: true,
    match: (v, t, r) =>
      `MATCH (${v})-[${r}:EVIDENCED_BY]->(${t}:Source)${stance ? ` WHERE ${r}.stance = '${stance}'` : ''}`,
    orderBy: (t, r) => `${r}.stance DESC, ${t}.publishedAt, ${t}.id`,
  };
}

export const disputed: FieldSpec = {
  kind: 'expression',
  expr: (v) => `EXISTS { (${v})-[:EVIDENCED_BY {stance: 'DISPUTES'}]->(:Source) }`,
};

defineProjection({
  typeName: 'Source',
  fields: props(
    'id',
    'url',
    'publisher',
    'title',
    'publishedAt',
    'publishedAtPrecision',
    'kind',
    'language',
    'note',
  ),
});

defineProjection({
  typeName: 'Evidence',
  fields: {
    stance: { kind: 'relationshipProperty' },
    quote: { kind: 'relationshipProperty' },
    note: { kind: 'relationshipProperty' },
    source: { kind: 'endNode', target: 'Source' },
  },
});

defineProjection({
  typeName: 'Regulation',
  fields: props('id', 'name', 'shortName', 'celex', 'url'),
});

defineProjection({
  typeName: 'Provision',
  fields: {
    ...props('id', 'ref', 'article', 'paragraph', 'point', 'title', 'summary'),
    regulation: {
      kind: 'related',
      target: 'Regulation',
      many: false,
      match: (v, t) => `MATCH (${v})-[:PART_OF*1..4]->(${t}:Regulation)`,
    },
    partOf: {
      kind: 'related',
      target: 'Provision',
      many: false,
      match: (v, t, r) => `MATCH (${v})-[${r}:PART_OF]->(${t}:Provision)`,
    },
    parts: {
      kind: 'related',
      target: 'Provision',
      many: true,
      match: (v, t, r) => `MATCH (${v})<-[${r}:PART_OF]-(${t}:Provision)`,
      orderBy: (t) => `${t}.paragraph, ${t}.point`,
    },
    rights: {
      kind: 'related',
      target: 'Right',
      many: true,
      match: (v, t) =>
        `MATCH (${t}:Right) WHERE EXISTS { (${t})-[:GRANTED_BY]->(:Provision)-[:PART_OF*0..3]->(${v}) }`,
      orderBy: (t) => `${t}.code`,
    },
    incidents: {
      kind: 'connection',
      target: 'Incident',
      order: INCIDENT_ORDER,
      match: (v, t) =>
        `MATCH (${t}:Incident) WHERE ${standing(t)} AND EXISTS { (${t})-[:CITES]->(:Provision)-[:PART_OF*0..3]->(${v}) }`,
    },
  },
});

defineProjection({
  typeName: 'Right',
  fields: {
    ...props('id', 'code', 'name', 'summary'),
    dpvIri: prop('dpv'),
    grantedBy: {
      kind: 'related',
      target: 'Provision',
      many: true,
      match: (v, t, r) => `MATCH (${v})-[${r}:GRANTED_BY]->(${t}:Provision)`,
      orderBy: (t) => `${t}.article, ${t}.paragraph`,
    },
  },
});

defineProjection({
  typeName: 'LegalBasis',
  fields: {
    ...props('id', 'name', 'summary'),
    dpvIri: prop('dpv'),
    definedBy: {
      kind: 'related',
      target: 'Provision',
      many: false,
      match: (v, t, r) => `MATCH (${v})-[${r}:DEFINED_BY]->(${t}:Provision)`,
    },
    triggers: {
      kind: 'related',
      target: 'Right',
      many: true,
      match: (v, t, r) => `MATCH (${v})-[${r}:TRIGGERS]->(${t}:Right)`,
      orderBy: (t) => `${t}.code`,
    },
  },
});

defineProjection({
  typeName: 'Company',
  fields: {
    ...props('id', 'name', 'country', 'website', 'summary'),
    products: {
      kind: 'related',
      target: 'Product',
      many: true,
      match: (v, t, r) => `MATCH (${v})<-[${r}:OFFERED_BY]-(${t}:Product)`,
      orderBy: (t) => `${t}.name, ${t}.id`,
    },
    incidents: {
      kind: 'connection',
      target: 'Incident',
      order: INCIDENT_ORDER,
      match: (v, t) => `MATCH (${v})<-[:AGAINST]-(${t}:Incident) WHERE ${standing(t)}`,
    },
    sources: evidence(),
  },
});

defineProjection({
  typeName: 'Product',
  fields: {
    ...props('id', 'name', 'summary'),
    company: {
      kind: 'related',
      target: 'Company',
      many: false,
      match: (v, t, r) => `MATCH (${v})-[${r}:OFFERED_BY]->(${t}:Company)`,
    },
    plans: {
      kind: 'related',
      target: 'Plan',
      many: true,
      match: (v, t, r) => `MATCH (${v})<-[${r}:OF]-(${t}:Plan)`,
      orderBy: (t) => `${tierRank(t)}, coalesce(${t}.priceAmount, 0), ${t}.id`,
    },
  },
});

defineProjection({
  typeName: 'Price',
  fields: {
    amount: prop('priceAmount'),
    currency: prop('priceCurrency'),
    period: prop('pricePeriod'),
    note: prop('priceNote'),
  },
});

defineProjection({
  typeName: 'Plan',
  fields: {
    ...props('id', 'name', 'tier', 'paid', 'summary'),
    price: { kind: 'embedded', target: 'Price', present: (v) => `${v}.priceAmount IS NOT NULL` },
    product: {
      kind: 'related',
      target: 'Product',
      many: false,
      match: (v, t, r) => `MATCH (${v})-[${r}:OF]->(${t}:Product)`,
    },
    practices: {
      kind: 'connection',
      target: 'Practice',
      order: PRACTICE_ORDER,
      match: (v, t, args, scope) => {
        const conditions: string[] = [];
        if (typeof args.asOf === 'string') conditions.push(inForce(t, scope.param(args.asOf)));
        if (typeof args.purpose === 'string')
          conditions.push(
            `EXISTS { (${t})-[:FOR_PURPOSE]->(:Purpose {id: ${scope.param(args.purpose)}}) }`,
          );
        return `MATCH (${v})<-[:APPLIES_TO]-(${t}:Practice)${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
      },
    },
  },
});

defineProjection({
  typeName: 'Purpose',
  fields: { ...props('id', 'name', 'summary'), dpvIri: prop('dpv') },
});
defineProjection({
  typeName: 'DataCategory',
  fields: { ...props('id', 'name', 'summary'), dpvIri: prop('dpv') },
});

defineProjection({
  typeName: 'RightHandling',
  fields: {
    code: prop('code'),
    status: { kind: 'relationshipProperty' },
    mechanism: { kind: 'relationshipProperty' },
    note: { kind: 'relationshipProperty' },
    right: { kind: 'endNode', target: 'Right' },
  },
});

defineProjection({
  typeName: 'Practice',
  fields: {
    ...props(
      'id',
      'summary',
      'default',
      'validFrom',
      'validTo',
      'verification',
      'recordedAt',
      'retractedAt',
      'retractionReason',
    ),
    disputed,
    plan: {
      kind: 'related',
      target: 'Plan',
      many: false,
      match: (v, t, r) => `MATCH (${v})-[${r}:APPLIES_TO]->(${t}:Plan)`,
    },
    purpose: {
      kind: 'related',
      target: 'Purpose',
      many: false,
      match: (v, t, r) => `MATCH (${v})-[${r}:FOR_PURPOSE]->(${t}:Purpose)`,
    },
    dataCategories: {
      kind: 'related',
      target: 'DataCategory',
      many: true,
      match: (v, t, r) => `MATCH (${v})-[${r}:PROCESSES]->(${t}:DataCategory)`,
      orderBy: (t) => `${t}.id`,
    },
    legalBasis: {
      kind: 'related',
      target: 'LegalBasis',
      many: false,
      match: (v, t, r) => `MATCH (${v})-[${r}:ON_BASIS]->(${t}:LegalBasis)`,
    },
    rights: {
      kind: 'related',
      target: 'RightHandling',
      many: true,
      match: (v, t, r) => `MATCH (${v})-[${r}:HANDLES]->(${t}:Right)`,
      orderBy: (t) => `${t}.code`,
    },
    evidence: evidence(),
    supportingSources: evidence('SUPPORTS'),
    disputingSources: evidence('DISPUTES'),
    replaces: {
      kind: 'related',
      target: 'Practice',
      many: false,
      match: (v, t, r) => `MATCH (${v})-[${r}:REPLACES]->(${t}:Practice)`,
    },
    replacedBy: {
      kind: 'related',
      target: 'Practice',
      many: false,
      match: (v, t, r) => `MATCH (${v})<-[${r}:REPLACES]-(${t}:Practice)`,
    },
  },
});

defineProjection({ typeName: 'Authority', fields: props('id', 'name', 'country', 'website') });
defineProjection({ typeName: 'Party', fields: props('id', 'name', 'kind', 'summary') });
defineProjection({
  typeName: 'Money',
  fields: { value: prop('amount'), currency: prop('currency') },
});

defineProjection({
  typeName: 'Incident',
  fields: {
    ...props(
      'id',
      'kind',
      'title',
      'date',
      'status',
      'summary',
      'verification',
      'recordedAt',
      'retractedAt',
      'retractionReason',
    ),
    amount: { kind: 'embedded', target: 'Money', present: (v) => `${v}.amount IS NOT NULL` },
    disputed,
    against: {
      kind: 'related',
      target: 'Company',
      many: true,
      match: (v, t, r) => `MATCH (${v})-[${r}:AGAINST]->(${t}:Company)`,
      orderBy: (t) => `${t}.name`,
    },
    before: {
      kind: 'related',
      target: 'Authority',
      many: false,
      match: (v, t, r) => `MATCH (${v})-[${r}:BEFORE]->(${t}:Authority)`,
    },
    broughtBy: {
      kind: 'related',
      target: 'Party',
      many: true,
      match: (v, t, r) => `MATCH (${v})-[${r}:BROUGHT_BY]->(${t}:Party)`,
      orderBy: (t) => `${t}.name`,
    },
    cites: {
      kind: 'related',
      target: 'Provision',
      many: true,
      match: (v, t, r) => `MATCH (${v})-[${r}:CITES]->(${t}:Provision)`,
      orderBy: (t) => `${t}.article, ${t}.paragraph, ${t}.point`,
    },
    concernsPlans: {
      kind: 'related',
      target: 'Plan',
      many: true,
      match: (v, t, r) => `MATCH (${v})-[${r}:CONCERNS]->(${t}:Plan)`,
      orderBy: (t) => `${t}.id`,
    },
    concernsPractices: {
      kind: 'related',
      target: 'Practice',
      many: true,
      match: (v, t, r) => `MATCH (${v})-[${r}:CONCERNS]->(${t}:Practice)`,
      orderBy: (t) => `${t}.id`,
    },
    evidence: evidence(),
    supportingSources: evidence('SUPPORTS'),
    disputingSources: evidence('DISPUTES'),
  },
});
