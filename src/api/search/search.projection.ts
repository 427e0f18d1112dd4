import { defineProjection, type FieldSpec, type OrderKey } from '../query/spec';

/**
 * A hit is the matched node, with the index's score in this variable beside it (search is a
 * root field only, so the name cannot clash): sorting 3,000 candidates on a map built for each
 * cost Neo4j a third of a millisecond more than sorting on the variables themselves.
 */
export const SEARCH_SCORE = 'score';

export const SEARCH_ORDER: OrderKey[] = [
  { expr: () => SEARCH_SCORE, direction: 'DESC', kind: 'number' },
  { expr: (t) => `${t}.id`, direction: 'ASC', kind: 'string' },
];

/** The hit's node under the field of its label; null under the others. */
const as = (label: string): FieldSpec => ({
  kind: 'nodeExpression',
  target: label,
  many: false,
  expr: (v) => `CASE WHEN '${label}' IN labels(${v}) THEN ${v} END`,
});

defineProjection({
  typeName: 'SearchHit',
  fields: {
    score: { kind: 'expression', expr: () => SEARCH_SCORE },
    label: { kind: 'expression', expr: (v) => `labels(${v})[0]` },
    id: { kind: 'expression', expr: (v) => `${v}.id` },
    title: {
      kind: 'expression',
      expr: (v) => `coalesce(${v}.name, ${v}.title, ${v}.ref, ${v}.id)`,
    },
    summary: { kind: 'expression', expr: (v) => `${v}.summary` },
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
