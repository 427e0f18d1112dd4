/** The Cypher of the incidents question: the MATCH of the incidents a filter keeps, and their number. */
import Cypher from '@neo4j/cypher-builder';
import { AppError } from '../../errors';
import { standing } from '../entities/conditions';
import { provisionIdOrFail, regulationIdOrFail } from '../provisions/provisions.resolver';
import type { Ways } from '../translate/compile-connection';
import type { NamedIds } from '../translate/named-ids';
import type { IncidentFilter } from './incidents.args';

/** Whether any condition is given (then the count store cannot give the total). */
export const isFiltered = (filter: IncidentFilter | null | undefined): boolean =>
  Object.values(filter ?? {}).some((v) => v !== null && v !== undefined);

/** An incident meeting a condition, as a pattern from the incident's. */
type Reach = (incident: Cypher.Pattern) => Cypher.Pattern;

interface Anchor {
  reach: Reach;
  /** About how many incidents reach the node, from Neo4j's degree counts (no incident read). */
  degree?: () => Cypher.Expr;
  /**
   * The node has few incidents (a company: a few hundred at most), so a page reads them all and
   * sorts them: walking the (date, id) index and testing each incident read 350,000 db hits to
   * fill a page of a company with 125 of the xlarge bench graph's 200,000 incidents; from the
   * company, 1,000.
   */
  few?: boolean;
}

/**
 * The anchor every page and count reads from whatever the others (conditions() puts a company
 * first), or undefined when the choice is left to the degrees (Ways).
 */
const readFromFirst = (anchors: Anchor[]): Anchor | undefined =>
  anchors[0]?.few ? anchors[0] : undefined;

const toward =
  (type: string, label: string, id: string): Reach =>
  (incident) =>
    incident
      .related({ type, direction: 'right' })
      .to(new Cypher.Node(), { labels: [label], properties: { id: new Cypher.Param(id) } });

/** A node of a pattern: a new one (with the labels and properties to match), or one bound. */
export type NodeRef = () => {
  node: Cypher.Node;
  labels?: string[];
  properties?: Record<string, Cypher.Param>;
};

const byId =
  (label: string, id: Cypher.Param): NodeRef =>
  () => ({
    node: new Cypher.Node(),
    labels: [label],
    properties: { id },
  });

/**
 * PART_OF hops from a cited provision up to a provision named (itself, or a paragraph or point
 * of it), and up to a regulation (as Provision.regulation reads it).
 */
const WITHIN_PROVISION = { min: 0, max: 3 };
const WITHIN_REGULATION = { min: 1, max: 4 };

/**
 * The incidents citing a provision or one of its parts, or a regulation's provisions: a path of
 * PART_OF up to the node (as Provision.regulation reads it).
 */
export function citing(
  within: NodeRef,
  length: { min: number; max: number } = WITHIN_PROVISION,
): Anchor {
  const parts = (n: Cypher.Node) => {
    const { node, ...options } = within();
    return new Cypher.Pattern(node, options)
      .related({ type: 'PART_OF', direction: 'left', length })
      .to(n, { labels: ['Provision'] });
  };
  return {
    reach: (i) => {
      const { node, ...options } = within();
      return i
        .related({ type: 'CITES', direction: 'right' })
        .to(new Cypher.Node(), { labels: ['Provision'] })
        .related({ type: 'PART_OF', direction: 'right', length })
        .to(node, options);
    },
    degree: () => degreeSum(parts, 'CITES'),
  };
}

/**
 * The filter's conditions on `incident`. `anchors` are the conditions naming a node or a few
 * (company, authority, provision, a regulation's provisions): an incident meets each through a
 * short pattern to them, which can be walked from them instead of testing every incident.
 */
function conditions(
  filter: IncidentFilter | null | undefined,
  incident: Cypher.Node,
): { anchors: Anchor[]; where: Cypher.Predicate[] } {
  const f = filter ?? {};
  if (f.from && f.to && f.from > f.to)
    throw new AppError('BAD_USER_INPUT', `filter.from ${f.from} is after filter.to ${f.to}`, {
      argument: 'filter',
    });
  // A company first: it has a few hundred incidents at most, all read from it. Else the one
  // with the least incidents is read from (isLeast), the first of equals.
  const anchors: Anchor[] = [];
  if (f.company) anchors.push({ reach: toward('AGAINST', 'Company', f.company), few: true });
  if (f.authority) {
    const id = new Cypher.Param(f.authority);
    anchors.push({
      reach: toward('BEFORE', 'Authority', f.authority),
      degree: () =>
        degreeSum(
          (n) => new Cypher.Pattern(n, { labels: ['Authority'], properties: { id } }),
          'BEFORE',
        ),
    });
  }
  if (f.provision) {
    const id = new Cypher.Param(provisionIdOrFail(f.provision, 'filter.provision'));
    anchors.push(citing(byId('Provision', id)));
  }
  if (f.regulation) {
    const id = new Cypher.Param(regulationIdOrFail(f.regulation, 'filter.regulation'));
    anchors.push(citing(byId('Regulation', id), WITHIN_REGULATION));
  }
  const where: Cypher.Predicate[] = [standing(incident)];
  if (f.kind) where.push(Cypher.eq(incident.property('kind'), new Cypher.Param(f.kind)));
  if (f.from)
    where.push(Cypher.gte(incident.property('date'), Cypher.date(new Cypher.Param(f.from))));
  if (f.to) where.push(Cypher.lte(incident.property('date'), Cypher.date(new Cypher.Param(f.to))));
  return { anchors, where };
}

/** The ids a filter names, which the graph must hold (named-ids.ts). */
export function filterNamedIds(filter: IncidentFilter | null | undefined): NamedIds[] {
  const f = filter ?? {};
  const named: NamedIds[] = [];
  if (f.company) named.push({ argument: 'filter.company', label: 'Company', ids: [f.company] });
  if (f.authority)
    named.push({ argument: 'filter.authority', label: 'Authority', ids: [f.authority] });
  if (f.provision) {
    const id = provisionIdOrFail(f.provision, 'filter.provision');
    named.push({ argument: 'filter.provision', label: 'Provision', ids: [id] });
  }
  if (f.regulation) {
    const id = regulationIdOrFail(f.regulation, 'filter.regulation');
    named.push({ argument: 'filter.regulation', label: 'Regulation', ids: [id] });
  }
  return named;
}

/** Incidents meeting a filter, bound to `incident`; every value is a parameter. */
export function incidentsMatch(
  filter: IncidentFilter | null | undefined,
  incident: Cypher.Node,
): Cypher.Match {
  const { anchors, where } = conditions(filter, incident);
  const from = new Cypher.Pattern(incident, { labels: ['Incident'] });
  // A company's incidents are read from it (readFromFirst). Else the page walks the (date, id)
  // index (its date and id not null: INCIDENT_ORDER) and tests each incident, so that it stops
  // after the page: an authority or a provision may have thousands.
  const walked = readFromFirst(anchors);
  return new Cypher.Match(walked ? walked.reach(from) : from).where(
    Cypher.and(
      ...where,
      ...tests(
        anchors.filter((a) => a !== walked),
        incident,
      ),
    ),
  );
}

const tests = (anchors: Anchor[], incident: Cypher.Node): Cypher.Predicate[] =>
  anchors.map((a) => new Cypher.Exists(a.reach(new Cypher.Pattern(incident))));

/** The sum of the `type` relationships coming into the nodes a pattern binds to its end node. */
function degreeSum(nodes: (n: Cypher.Node) => Cypher.Pattern, type: string): Cypher.Expr {
  const n = new Cypher.Node();
  const count = new Cypher.Variable();
  const sum = new Cypher.Variable();
  const degree = new Cypher.Count(
    new Cypher.Pattern(n).related({ type, direction: 'left' }).to(new Cypher.Node()),
  );
  return Cypher.reduce(
    sum,
    new Cypher.Literal(0),
    count,
    new Cypher.Collect(
      Cypher.utils.concat(new Cypher.Match(nodes(n)), new Cypher.Return([degree, count])),
    ),
    Cypher.plus(sum, count),
  );
}

/** The filter's conditions on an incident: the anchors, then the rest. */
type Conditions = (incident: Cypher.Node) => { anchors: Anchor[]; where: Cypher.Predicate[] };

/** Reaching anchor `i`, and the conditions left to test on each incident reached. */
function fromAnchor(
  conditionsOf: Conditions,
  i: number,
  incident: Cypher.Node,
): { anchor: Anchor; others: Cypher.Predicate[] } {
  const { anchors, where } = conditionsOf(incident);
  return {
    anchor: anchors[i]!,
    others: [
      ...where,
      ...tests(
        anchors.filter((_, j) => j !== i),
        incident,
      ),
    ],
  };
}

/**
 * Whether anchor `i` is the one to read from: its degree is the least (the first of equals).
 * A filter naming the CNIL (17,000 incidents on the xlarge bench graph) and Art. 4 (three)
 * read the CNIL's, testing each for a path to the article: 0.9 s a page.
 */
function isLeast(anchors: Anchor[], i: number): Cypher.Predicate {
  const degree = (a: Anchor) => a.degree!();
  return Cypher.and(
    ...anchors.flatMap((other, j) =>
      j === i ? [] : [(j < i ? Cypher.lt : Cypher.lte)(degree(anchors[i]!), degree(other))],
    ),
  )!;
}

/**
 * Reading from the named node costs less than walking when d² < FEW × page rows × N (waysOf:
 * a test of one incident on the walk costs about ten reads of a row from the node).
 */
const FEW = 10;

/**
 * Under this many incidents (a filter's kept total), reading from the node is the way whatever
 * the graph: the graph has at least as many incidents as the filter (N ≥ d), so d < FEW × page
 * rows gives d² < FEW × page rows × N. For queryConnection's `fewBelow`.
 */
export const fewBelow = (first: number): number => FEW * (first + 1);

/**
 * The ways to a page of incidents whose filter names an authority, a provision or a regulation
 * (a company's are few: incidentsMatch reads them from it): from the named node with the least
 * incidents when it has few, else by walking the (date, id) index. Walking tests about
 * pageRows × N / d incidents to fill a page (N incidents, d of them reaching the node), each
 * test a path of a few hops (about ten times the cost of reading a row from the node): reading
 * from the node costs less when d² < 10 × pageRows × N. On the xlarge bench graph: Art. 4
 * (three incidents) 9.6 million db hits and 1.6 s walked, 101 read from it; Art. 12 (29,000)
 * 21,859 walked. With the ways, the number of incidents meeting the filter, read the same way.
 */
export function filteredIncidents(filter: IncidentFilter | null | undefined): {
  total: Cypher.Expr;
  ways?: Ways;
} {
  // The same filter each time: the same anchors, in the same order.
  const base: Conditions = (incident) => conditions(filter, incident);
  const { anchors } = base(new Cypher.Node());
  if (anchors.length === 0 || readFromFirst(anchors)) return { total: countFrom(base) };
  const { conditionsOf, shared } = sharedDegrees(base);
  return {
    total: countFrom(
      conditionsOf,
      shared.map(([, v]) => v),
    ),
    ways: waysOf(conditionsOf, [], shared),
  };
}

/**
 * The conditions with each anchor's degree read from a variable, and the values that bind them
 * (Ways.shared), when there are several: each way and the count compare every pair of degrees
 * (isLeast), so that Neo4j planned each degree's subquery in every branch. A filter naming the
 * CNIL and Art. 4 took 1.2 to 1.5 s to plan on the xlarge bench graph (its first ask timed out
 * at the API's 1.5 s); with the degrees computed once, 0.5 to 0.65 s, as for one named node.
 */
function sharedDegrees(conditionsOf: Conditions): {
  conditionsOf: Conditions;
  shared: [Cypher.Expr, Cypher.Variable][];
} {
  const { anchors } = conditionsOf(new Cypher.Node());
  if (anchors.length < 2) return { conditionsOf, shared: [] };
  const shared = anchors.map((a): [Cypher.Expr, Cypher.Variable] => [
    a.degree!(),
    new Cypher.Variable(),
  ]);
  return {
    conditionsOf: (incident) => {
      const { anchors: named, where } = conditionsOf(incident);
      return { anchors: named.map((a, i) => ({ ...a, degree: () => shared[i]![1] })), where };
    },
    shared,
  };
}

/** The ways to a page of the incidents meeting the conditions (see above). */
function waysOf(
  conditionsOf: Conditions,
  imports: Cypher.Variable[] = [],
  shared: [Cypher.Expr, Cypher.Variable][] = [],
): Ways {
  const { anchors } = conditionsOf(new Cypher.Node());
  const read = [...imports, ...shared.map(([, v]) => v)];
  return {
    few: (pageRows) => {
      const incidents = new Cypher.Count(
        new Cypher.Pattern(new Cypher.Node(), { labels: ['Incident'] }),
      );
      const bound = Cypher.multiply(Cypher.multiply(new Cypher.Literal(FEW), pageRows), incidents);
      // The least degree is under the bound when any is.
      return Cypher.or(
        ...anchors.map((a) => Cypher.lt(Cypher.pow(a.degree!(), new Cypher.Literal(2)), bound)),
      )!;
    },
    fromNodes: anchors.map((_, i) => (incident, few) => {
      const { anchor, others } = fromAnchor(conditionsOf, i, incident);
      const chosen = anchors.length > 1 ? [isLeast(conditionsOf(incident).anchors, i)] : [];
      return Cypher.utils.concat(
        new Cypher.With(few, ...read).where(Cypher.and(Cypher.eq(few, Cypher.true), ...chosen)),
        new Cypher.Match(
          anchor.reach(new Cypher.Pattern(incident, { labels: ['Incident'] })),
        ).where(Cypher.and(...others)),
        new Cypher.With(incident).distinct(),
      );
    }),
    walk: (incident, few) => {
      const { anchors: all, where } = conditionsOf(incident);
      return new Cypher.Match(new Cypher.Pattern(incident, { labels: ['Incident'] })).where(
        Cypher.and(
          ...where,
          ...tests(all, incident),
          // Every date is on or after Neo4j's first date: none is when `few`.
          Cypher.gte(
            incident.property('date'),
            new Cypher.Case()
              .when(Cypher.eq(few, Cypher.true))
              .then(Cypher.Null)
              .else(Cypher.date(new Cypher.Literal(FIRST_DATE))),
          ),
        ),
      );
    },
    imports: read,
    shared,
  };
}

/**
 * A provision's own incidents (the incidents citing it or one of its parts), for its
 * `incidents` field: the match, the count and the two ways as for a filter naming it.
 */
export function provisionIncidents(provision: Cypher.Node): {
  match: (incident: Cypher.Node) => Cypher.Match;
  total: () => Cypher.Expr;
  ways: () => Ways;
} {
  const conditionsOf: Conditions = (incident) => ({
    anchors: [citing(() => ({ node: provision }))],
    where: [standing(incident)],
  });
  return {
    match: (incident) => {
      const { anchors, where } = conditionsOf(incident);
      return new Cypher.Match(new Cypher.Pattern(incident, { labels: ['Incident'] })).where(
        Cypher.and(...where, ...tests(anchors, incident)),
      );
    },
    total: () => countFrom(conditionsOf),
    ways: () => waysOf(conditionsOf, [provision]),
  };
}

/** Neo4j's first date. */
const FIRST_DATE = '-999999999-01-01';

/**
 * The number of incidents meeting a filter. Walked from its anchor with the least incidents
 * (a company's, else the least degree's) when it names one: Neo4j otherwise tests every
 * incident (on the xlarge bench graph, 200,000 incidents, the incidents citing Art. 12 were
 * counted in 20 million db hits and 2 s; from the article, 87,000 and 0.09 s). `also` is a
 * further condition on each.
 */
export function filteredTotal(
  filter: IncidentFilter | null | undefined,
  also?: (incident: Cypher.Node) => Cypher.Predicate,
): Cypher.Expr {
  return countFrom((incident) => {
    const { anchors, where } = conditions(filter, incident);
    return { anchors, where: also ? [...where, also(incident)] : where };
  });
}

/**
 * The incidents meeting the conditions, each counted once: read from the anchor to read from
 * (one branch per anchor, only the chosen one reads), or all tested without one. `imports`: the
 * variables the branches read (shared degrees).
 */
function countFrom(conditionsOf: Conditions, imports: Cypher.Variable[] = []): Cypher.Expr {
  const { anchors } = conditionsOf(new Cypher.Node());
  const incident = new Cypher.Node();
  const from = new Cypher.Pattern(incident, { labels: ['Incident'] });
  const reading = (i: number) => {
    const { anchor, others } = fromAnchor(conditionsOf, i, incident);
    return new Cypher.Match(anchor.reach(from)).where(Cypher.and(...others));
  };
  if (anchors.length === 0) {
    const { where } = conditionsOf(incident);
    return new Cypher.Count(
      Cypher.utils.concat(
        new Cypher.Match(from).where(Cypher.and(...where)),
        new Cypher.Return(incident),
      ),
    );
  }
  if (anchors.length === 1 || readFromFirst(anchors))
    return new Cypher.Count(
      Cypher.utils.concat(reading(0), new Cypher.Return(incident).distinct()),
    );
  const gate = new Cypher.Variable();
  const branches = anchors.map((_, i) =>
    Cypher.utils.concat(
      new Cypher.With([Cypher.true, gate]).where(isLeast(conditionsOf(incident).anchors, i)),
      reading(i),
      new Cypher.Return(incident),
    ),
  );
  return new Cypher.Count(
    Cypher.utils.concat(
      new Cypher.Call(new Cypher.Union(...branches).all(), imports.length ? imports : undefined),
      new Cypher.Return(incident).distinct(),
    ),
  );
}

/** Unfiltered, the total is the count store minus the retracted (indexed): no scan. */
export function unfilteredTotal(): Cypher.Expr {
  const all = new Cypher.Node();
  const retracted = new Cypher.Node();
  return Cypher.minus(
    new Cypher.Count(new Cypher.Pattern(all, { labels: ['Incident'] })),
    new Cypher.Count(
      Cypher.utils.concat(
        new Cypher.Match(new Cypher.Pattern(retracted, { labels: ['Incident'] })).where(
          Cypher.isNotNull(retracted.property('retractedAt')),
        ),
        new Cypher.Return(retracted),
      ),
    ),
  );
}
