/**
 * The conditions every dated question shares, as Cypher predicates: whether a practice is in
 * force, a plan offered, a statement in a scope, on a date. Each reads the values derived at
 * ingestion (src/graph/ingest.store.ts, `derive`): what is certain, given the dates' precision.
 */
import Cypher from '@neo4j/cypher-builder';

/**
 * In force on the date: certainly started (inForceFrom: the last day of a partial start; with
 * no known start, the earliest date a source shows it) and certainly not yet ended (inForceUntil:
 * the first day of a partial end). A retracted statement still answers for the dates before
 * its retraction: it stood then.
 */
export function inForce(p: Cypher.Variable, day: Cypher.Expr): Cypher.Predicate {
  const date = Cypher.date(day);
  return Cypher.and(
    Cypher.lte(p.property('inForceFrom'), date),
    Cypher.or(
      Cypher.isNull(p.property('inForceUntil')),
      Cypher.gt(p.property('inForceUntil'), date),
    ),
    Cypher.or(
      Cypher.isNull(p.property('retractedAt')),
      Cypher.gt(Cypher.date(p.property('retractedAt')), date),
    ),
  );
}

/**
 * A practice's plans with their product and company:
 * (practice)-[:APPLIES_TO]->(plan:Plan)-[:OF]->(product:Product)-[:OFFERED_BY]->(company:Company).
 */
export function practicePlans(
  practice: Cypher.Node,
  plan: Cypher.Node,
  product: Cypher.Node,
  company: Cypher.Node,
): Cypher.Pattern {
  return new Cypher.Pattern(practice)
    .related({ type: 'APPLIES_TO', direction: 'right' })
    .to(plan, { labels: ['Plan'] })
    .related({ type: 'OF', direction: 'right' })
    .to(product, { labels: ['Product'] })
    .related({ type: 'OFFERED_BY', direction: 'right' })
    .to(company, { labels: ['Company'] });
}

/** Offered on the date: launched (or shown offered) by then, and not yet withdrawn. */
export function offered(plan: Cypher.Variable, day: Cypher.Expr): Cypher.Predicate {
  const date = Cypher.date(day);
  return Cypher.and(
    Cypher.lte(plan.property('availableFrom'), date),
    Cypher.or(
      Cypher.isNull(plan.property('availableUntil')),
      Cypher.gt(plan.property('availableUntil'), date),
    ),
  );
}

/** Applies in the scope: stated for it, or worldwide. */
export function inScope(p: Cypher.Variable, scope: Cypher.Expr): Cypher.Predicate {
  return Cypher.or(
    Cypher.in(scope, p.property('scope')),
    Cypher.in(new Cypher.Literal('WORLDWIDE'), p.property('scope')),
  );
}

/** Incidents a curator retracted leave lists and counts (the audit log keeps them). */
export function standing(i: Cypher.Variable): Cypher.Predicate {
  return Cypher.isNull(i.property('retractedAt'));
}

/** A partial date as its text shows it: "2025", "2025-02" or "2025-02-13". */
export function partialDate(node: Cypher.Variable, name: string): Cypher.Expr {
  const day = Cypher.toString(node.property(name));
  return new Cypher.Case(node.property(`${name}Precision`))
    .when(new Cypher.Literal('YEAR'))
    .then(Cypher.left(day, new Cypher.Literal(4)))
    .when(new Cypher.Literal('MONTH'))
    .then(Cypher.left(day, new Cypher.Literal(7)))
    .else(day);
}
