/**
 * Each list groups the incidents in the range the root field bound as `scope.bindings`
 * (parameters, not outer variables: see CypherScope.bindings).
 */
import { standing } from '../entities/entities.projection';
import type { CypherScope } from '../query/scope';
import { defineProjection, entryNode, entryValue, type FieldSpec } from '../query/spec';

const inRange = (i: string, scope: CypherScope): string => {
  const { from, to } = scope.bindings;
  return `${standing(i)} AND (${from} IS NULL OR ${i}.date >= date(${from})) AND (${to} IS NULL OR ${i}.date <= date(${to}))`;
};

function grouped(
  target: string,
  group: (t: string, r: string, i: string, range: string) => string,
  orderBy: (t: string) => string,
): FieldSpec {
  return {
    kind: 'related',
    target,
    many: true,
    match: (_v, t, r, _args, scope) => {
      const i = scope.variable('i');
      return group(t, r, i, inRange(i, scope));
    },
    orderBy,
  };
}

const count: FieldSpec = entryValue('count');

defineProjection({
  typeName: 'Stats',
  fields: {
    incidentCount: {
      kind: 'expression',
      expr: (_v, _a, scope) => {
        const i = scope.variable('i');
        return `COUNT { MATCH (${i}:Incident) WHERE ${inRange(i, scope)} }`;
      },
    },
    incidentsPerProvision: grouped(
      'ProvisionCount',
      (t, r, i, range) =>
        `MATCH (${i}:Incident)-[:CITES]->(pv:Provision) WHERE ${range} WITH pv, count(DISTINCT ${i}) AS cnt WITH {provision: pv, count: cnt} AS ${t}, null AS ${r}`,
      (t) => `${t}.count DESC, ${t}.provision.article, ${t}.provision.id`,
    ),
    incidentsPerAuthority: grouped(
      'AuthorityCount',
      (t, r, i, range) =>
        `MATCH (${i}:Incident)-[:BEFORE]->(a:Authority) WHERE ${range} WITH a, count(DISTINCT ${i}) AS cnt WITH {authority: a, count: cnt} AS ${t}, null AS ${r}`,
      (t) => `${t}.count DESC, ${t}.authority.id`,
    ),
    incidentsPerMonth: grouped(
      'MonthCount',
      (t, r, i, range) =>
        `MATCH (${i}:Incident) WHERE ${range} WITH left(toString(${i}.date), 7) AS m, count(*) AS cnt WITH {month: m, count: cnt} AS ${t}, null AS ${r}`,
      (t) => `${t}.month`,
    ),
    incidentsPerKind: grouped(
      'KindCount',
      (t, r, i, range) =>
        `MATCH (${i}:Incident) WHERE ${range} WITH ${i}.kind AS k, count(*) AS cnt WITH {kind: k, count: cnt} AS ${t}, null AS ${r}`,
      (t) => `${t}.count DESC, ${t}.kind`,
    ),
  },
});

defineProjection({
  typeName: 'ProvisionCount',
  fields: {
    provision: entryNode('Provision', 'provision'),
    count,
  },
});
defineProjection({
  typeName: 'AuthorityCount',
  fields: {
    authority: entryNode('Authority', 'authority'),
    count,
  },
});
defineProjection({ typeName: 'MonthCount', fields: { month: entryValue('month'), count } });
defineProjection({ typeName: 'KindCount', fields: { kind: entryValue('kind'), count } });
