/**
 * The rights questions' result types, read from variables their root queries bind:
 * `p` the practice, `h` its HANDLES relationship, `pl`, `pr`, `c`, `rt` the plan, product,
 * company and right. Matrix rows and cells are maps built by the matrix query.
 */
import { AppError } from '../../errors';
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
      // The plan's practices are read once for all rights; asOf, purpose and rights are the
      // root field's parameters, so Neo4j evaluates date($asOf) once per query.
      match: (v, t, r, _args, scope) => {
        const { asOf, purpose, rights } = scope.bindings;
        if (!asOf || !purpose || !rights)
          throw new AppError('INTERNAL_SERVER_ERROR', 'the rights matrix bindings are missing');
        const code = scope.variable('code');
        const pl = scope.variable('pl');
        const p = scope.variable('p');
        const h = scope.variable('h');
        const rt = scope.variable('rt');
        const handled = scope.variable('handled');
        // HANDLES only ends at rights; without the :Right label Neo4j expands from the
        // practices instead of seeking each right first and matching the practices once per
        // right (bench/: 83,606 -> 23,582 db hits for 200 plans and 9 rights).
        return `WITH ${v}.plan AS ${pl}
WITH COLLECT {
  MATCH (${pl})<-[:APPLIES_TO]-(${p}:Practice) WHERE ${inForce(p, asOf)}
  WITH ${p} WHERE ${purpose} IS NULL OR EXISTS { (${p})-[:FOR_PURPOSE]->(:Purpose {id: ${purpose}}) }
  MATCH (${p})-[${h}:HANDLES]->(${rt}) WHERE ${rt}.code IN ${rights}
  WITH ${rt}, ${p}, ${h} ORDER BY ${p}.validFrom DESC
  RETURN {code: ${rt}.code, practice: ${p}, handles: ${h}}
} AS ${handled}
UNWIND [${code} IN ${rights} | coalesce(head([x IN ${handled} WHERE x.code = ${code}]), {code: ${code}})] AS ${t}
WITH ${t}, null AS ${r}`;
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
