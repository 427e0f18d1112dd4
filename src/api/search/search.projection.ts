import { defineProjection, type FieldSpec, type OrderKey } from '../query/spec';

export const SEARCH_ORDER: OrderKey[] = [
  { expr: (t) => `${t}.score`, direction: 'DESC', kind: 'number' },
  { expr: (t) => `${t}.node.id`, direction: 'ASC', kind: 'string' },
];

/** The hit's node under the field of its label; null under the others. */
const as = (label: string): FieldSpec => ({
  kind: 'nodeExpression',
  target: label,
  many: false,
  expr: (v) => `CASE WHEN '${label}' IN labels(${v}.node) THEN ${v}.node END`,
});

defineProjection({
  typeName: 'SearchHit',
  fields: {
    score: { kind: 'expression', expr: (v) => `${v}.score` },
    label: { kind: 'expression', expr: (v) => `labels(${v}.node)[0]` },
    id: { kind: 'expression', expr: (v) => `${v}.node.id` },
    title: {
      kind: 'expression',
      expr: (v) => `coalesce(${v}.node.name, ${v}.node.title, ${v}.node.ref, ${v}.node.id)`,
    },
    summary: { kind: 'expression', expr: (v) => `${v}.node.summary` },
    company: as('Company'),
    product: as('Product'),
    plan: as('Plan'),
    practice: as('Practice'),
    incident: as('Incident'),
    authority: as('Authority'),
    party: as('Party'),
    provision: as('Provision'),
    purpose: as('Purpose'),
  },
});
