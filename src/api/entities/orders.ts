/** The orders of the entity lists, as keyset sort keys (each never null). */
import Cypher from '@neo4j/cypher-builder';
import { PLAN_TIERS } from '../../graph/model';
import type { OrderKey } from '../translate/projection';

/**
 * Newest first; within a day by id, also descending, so that the (date, id) index gives the
 * order and a page is a short index seek instead of a sort of every incident.
 */
export const INCIDENT_ORDER: OrderKey[] = [
  { expr: (t) => t.property('date'), direction: 'DESC', kind: 'date', indexed: true },
  { expr: (t) => t.property('id'), direction: 'DESC', kind: 'string', indexed: true },
];

/** For polling: incidents in the order they were recorded. */
export const RECORDED_ORDER: OrderKey[] = [
  { expr: (t) => t.property('recordedAt'), direction: 'ASC', kind: 'datetime' },
  { expr: (t) => t.property('id'), direction: 'ASC', kind: 'string' },
];

/** Newest first: by the first day of the start, or of the first attestation when the start is unknown. */
export const PRACTICE_ORDER: OrderKey[] = [
  {
    expr: (t) =>
      Cypher.coalesce(
        t.property('validFrom'),
        t.property('inForceFrom'),
        Cypher.date(new Cypher.Literal('0001-01-01')),
      ),
    direction: 'DESC',
    kind: 'date',
  },
  { expr: (t) => t.property('id'), direction: 'ASC', kind: 'string' },
];

/** By name, then id: the (name, id) index gives the order (migration 015). */
export const COMPANY_ORDER: OrderKey[] = [
  { expr: (t) => t.property('name'), direction: 'ASC', kind: 'string', indexed: true },
  { expr: (t) => t.property('id'), direction: 'ASC', kind: 'string', indexed: true },
];

/** Plans in the order of PLAN_TIERS (free first, enterprise and API last). */
export function tierRank(plan: Cypher.Variable): Cypher.Expr {
  const rank = new Cypher.Case(plan.property('tier'));
  PLAN_TIERS.forEach((tier, i) => rank.when(new Cypher.Literal(tier)).then(new Cypher.Literal(i)));
  return rank.else(new Cypher.Literal(PLAN_TIERS.length));
}
