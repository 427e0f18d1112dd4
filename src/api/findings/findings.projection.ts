/** A finding is a map built by its rule (rules.ts); its fields read that map. */
import { defineProjection, type OrderKey } from '../query/spec';
import { FINDING_KINDS, FINDING_RULES } from './rules';

export const FINDING_ORDER: OrderKey[] = [
  { expr: (t) => `${t}.kind`, direction: 'ASC', kind: 'string' },
  { expr: (t) => `${t}.companyName`, direction: 'ASC', kind: 'string' },
  { expr: (t) => `${t}.id`, direction: 'ASC', kind: 'string' },
];

const titles = `CASE ${'${v}'}.kind ${FINDING_KINDS.map((k) => `WHEN '${k}' THEN '${FINDING_RULES[k].title}'`).join(' ')} END`;

defineProjection({
  typeName: 'Finding',
  fields: {
    id: { kind: 'expression', expr: (v) => `${v}.id` },
    kind: { kind: 'expression', expr: (v) => `${v}.kind` },
    title: { kind: 'expression', expr: (v) => titles.replace('${v}', v) },
    explanation: { kind: 'expression', expr: (v) => `${v}.explanation` },
    company: {
      kind: 'nodeExpression',
      target: 'Company',
      many: false,
      expr: (v) => `${v}.company`,
    },
    product: {
      kind: 'nodeExpression',
      target: 'Product',
      many: false,
      expr: (v) => `${v}.product`,
    },
    plans: { kind: 'nodeExpression', target: 'Plan', many: true, expr: (v) => `${v}.plans` },
    practices: {
      kind: 'nodeExpression',
      target: 'Practice',
      many: true,
      expr: (v) => `${v}.practices`,
    },
    right: { kind: 'nodeExpression', target: 'Right', many: false, expr: (v) => `${v}.right` },
    provisions: {
      kind: 'nodeExpression',
      target: 'Provision',
      many: true,
      expr: (v) => `${v}.provisions`,
    },
    evidence: {
      kind: 'related',
      target: 'Evidence',
      many: true,
      match: (v, t, r, _args, scope) => {
        const p = scope.variable('p');
        return `UNWIND ${v}.practices AS ${p} MATCH (${p})-[${r}:EVIDENCED_BY]->(${t}:Source)`;
      },
      orderBy: (t, r) => `${r}.stance DESC, ${t}.publishedAt, ${t}.id`,
    },
    disputed: {
      kind: 'expression',
      expr: (v, _args, scope) => {
        const p = scope.variable('p');
        return `any(${p} IN ${v}.practices WHERE EXISTS { (${p})-[:EVIDENCED_BY {stance: 'DISPUTES'}]->(:Source) })`;
      },
    },
  },
});
