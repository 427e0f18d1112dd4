/** A finding is a map built by its rule (rules.ts); its fields read that map. */
import { defineProjection, entryNode, entryValue, type OrderKey } from '../query/spec';
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
    id: entryValue('id'),
    kind: entryValue('kind'),
    title: { kind: 'expression', expr: (v) => titles.replace('${v}', v) },
    explanation: entryValue('explanation'),
    company: entryNode('Company', 'company'),
    product: entryNode('Product', 'product'),
    plans: entryNode('Plan', 'plans', true),
    practices: entryNode('Practice', 'practices', true),
    right: entryNode('Right', 'right'),
    provisions: entryNode('Provision', 'provisions', true),
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
