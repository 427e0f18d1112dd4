/**
 * The rights questions' result types, read from variables their root queries bind:
 * `p` the practice, `h` its HANDLES relationship, `pl`, `pr`, `c`, `rt` the plan, product,
 * company and right. Matrix rows and cells are maps built by the matrix query.
 */
import { disputed, evidence, inForce } from '../entities/entities.projection';
import {
  defineProjection,
  entryNode,
  entryValue,
  type FieldSpec,
  type OrderKey,
} from '../query/spec';

const bound = (target: string, variable: string): FieldSpec => ({
  kind: 'nodeExpression',
  target,
  many: false,
  expr: () => variable,
});

defineProjection({
  typeName: 'PlanRightStatus',
  fields: {
    company: bound('Company', 'c'),
    product: bound('Product', 'pr'),
    plan: bound('Plan', 'pl'),
    practice: bound('Practice', 'p'),
    right: bound('Right', 'rt'),
    purpose: {
      kind: 'related',
      target: 'Purpose',
      many: false,
      match: (v, t, r) => `MATCH (${v})-[${r}:FOR_PURPOSE]->(${t}:Purpose)`,
    },
    status: { kind: 'relationshipProperty' },
    mechanism: { kind: 'relationshipProperty' },
    note: { kind: 'relationshipProperty' },
    supportingSources: evidence('SUPPORTS'),
    disputingSources: evidence('DISPUTES'),
    disputed,
  },
});

/** Rows in company, product, tier order; the row map carries its sort keys. */
export const MATRIX_ORDER: OrderKey[] = [
  { expr: (t) => `${t}.companyName`, direction: 'ASC', kind: 'string' },
  { expr: (t) => `${t}.productName`, direction: 'ASC', kind: 'string' },
  { expr: (t) => `${t}.rank`, direction: 'ASC', kind: 'number' },
  { expr: (t) => `${t}.plan.id`, direction: 'ASC', kind: 'string' },
];

defineProjection({
  typeName: 'RightsMatrixRow',
  fields: {
    company: entryNode('Company', 'company'),
    product: entryNode('Product', 'product'),
    plan: entryNode('Plan', 'plan'),
    cells: {
      kind: 'related',
      target: 'RightsMatrixCell',
      many: true,
      // Per right: the practice in force that handles it (the newest, when several do).
      match: (v, t, r, _args, scope) => {
        const code = scope.variable('code');
        const p = scope.variable('p');
        const h = scope.variable('h');
        const pl = scope.variable('pl');
        return `UNWIND ${v}.rights AS ${code}
CALL (${v}, ${code}) {
  WITH ${v}.plan AS ${pl}
  OPTIONAL MATCH (${pl})<-[:APPLIES_TO]-(${p}:Practice)
  WHERE ${inForce(p, `${v}.asOf`)} AND (${v}.purpose IS NULL OR EXISTS { (${p})-[:FOR_PURPOSE]->(:Purpose {id: ${v}.purpose}) })
  OPTIONAL MATCH (${p})-[${h}:HANDLES]->(:Right {code: ${code}})
  RETURN ${p}, ${h} ORDER BY ${h} IS NULL, ${p}.validFrom DESC LIMIT 1
}
WITH {code: ${code}, practice: CASE WHEN ${h} IS NULL THEN null ELSE ${p} END, handles: ${h}} AS ${t}, null AS ${r}`;
      },
    },
  },
});

defineProjection({
  typeName: 'RightsMatrixCell',
  fields: {
    right: entryValue('code'),
    status: {
      kind: 'expression',
      expr: (v) => `coalesce(${v}.handles.status, 'UNKNOWN')`,
    },
    mechanism: { kind: 'expression', expr: (v) => `${v}.handles.mechanism` },
    note: { kind: 'expression', expr: (v) => `${v}.handles.note` },
    practice: entryNode('Practice', 'practice'),
    sources: {
      kind: 'related',
      target: 'Evidence',
      many: true,
      match: (v, t, r, _args, scope) => {
        const p = scope.variable('p');
        return `WITH ${v}.practice AS ${p} MATCH (${p})-[${r}:EVIDENCED_BY]->(${t}:Source)`;
      },
      orderBy: (t, r) => `${r}.stance DESC, ${t}.publishedAt, ${t}.id`,
    },
    disputed: {
      kind: 'expression',
      expr: (v, _args, scope) => {
        const p = scope.variable('p');
        return `${v}.practice IS NOT NULL AND EXISTS { WITH ${v}.practice AS ${p} MATCH (${p})-[:EVIDENCED_BY {stance: 'DISPUTES'}]->(:Source) }`;
      },
    },
  },
});
