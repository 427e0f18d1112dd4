/**
 * The rules that derive findings, as fixed, parameterised Cypher: whatever the selection, the
 * page, the cursor or the companies asked, the text is the same, so Neo4j plans it once (one
 * text for every company, one for some: see fromCompanies). Each rule is two branches. The
 * light one finds the findings holding on the date, in the scope, with their legal conditions
 * (the legal basis the right depends on, the rights a provision covers, the plans and practices
 * holding), and returns for each only what ordering, counting and deduplication need (its kind,
 * its company's name, its id) and the nodes it rests on. The heavy one reads the facts of one
 * finding from those nodes (evidence with whose claim it carries, incidents, the plans compared,
 * the legal basis, the provisions): the page query runs it only for the page's rows, so that its
 * cost follows the page, not the graph. The findings and their words are composed in TypeScript
 * (findings.words.ts). Branches run only for the kinds asked ($lists.kinds).
 */
import Cypher from '@neo4j/cypher-builder';
import neo4j from 'neo4j-driver';
import { GRANTING_STATUSES, type RightStatus, WITHHOLDING_STATUSES } from '../../graph/model';
import {
  inForce,
  inScope,
  offered,
  partialDate,
  practicePlans,
  standing,
} from '../entities/conditions';
import type { CursorKey } from '../translate/cursor';
import { heldOf } from '../translate/named-ids';
import { foundFirst, keepWhere, matchUsingIndex } from '../translate/planner-hints';
import type { OrderKey } from '../translate/projection';
import { named, type NamedQuery } from '../translate/root-query';

export const FINDING_KINDS = [
  'RIGHT_CONDITIONED_ON_PAYMENT',
  'RIGHT_ONLY_ON_REQUEST',
  'NO_WAY_TO_OBJECT',
  'TRAINING_ON_BY_DEFAULT',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The list's order: by rule, then company name, then id (the keys of its cursors). */
export const FINDING_ORDER: readonly OrderKey[] = [
  { expr: (t) => t.property('kind'), direction: 'ASC', kind: 'string' },
  { expr: (t) => t.property('companyName'), direction: 'ASC', kind: 'string' },
  { expr: (t) => t.property('id'), direction: 'ASC', kind: 'string' },
];

/**
 * A finding's id starts with its rule in kebab case (`right-only-on-request:...`), as
 * composeFinding spells it; findingsPage checks that both spell every id alike.
 */
export const findingIdPrefix = (kind: FindingKind): string => kind.toLowerCase().replace(/_/g, '-');

/**
 * No parameter is ever null: the builder writes a null parameter as the literal NULL, which
 * would make the text depend on the input (all companies or some).
 */
interface RuleParams {
  asOf: Cypher.Param;
  scope: Cypher.Param;
  /**
   * The companies asked, or null for every company. Not a parameter that may be null: a rule
   * for some companies starts from them (see fromCompanies), a rule for every company from the
   * index that finds its few candidates, so each is a text of its own.
   */
  companies: Cypher.Expr | null;
  kinds: Cypher.Expr;
}

const lit = (v: string | number | boolean | string[]) => new Cypher.Literal(v);
const props = (node: Cypher.Variable, ...keys: string[]) =>
  new Cypher.Map(Object.fromEntries(keys.map((k) => [k, node.property(k)])));

/** `subquery` as a list: COLLECT { clauses... RETURN value }. */
const collect = (...clauses: Cypher.Clause[]) =>
  new Cypher.Collect(Cypher.utils.concat(...clauses));

/**
 * What the words and the standing of a finding need of a practice: its verification, default,
 * how it handles the right (when there is one), every piece of evidence with whose claim it
 * carries, and the incidents (complaints, statements) that concern it. Of the evidence, only what
 * the words use: its source's id, kind and note made up half of a company's facts (openai's 19
 * findings in the seeds: 174 KB as JSON with them, 89 KB without), read and decoded on every
 * first ask.
 */
function practiceFacts(p: Cypher.Node, h: Cypher.Relationship | null): Cypher.Map {
  const e = new Cypher.Relationship();
  const s = new Cypher.Node();
  const actor = new Cypher.Node();
  const i = new Cypher.Node();
  const x = new Cypher.Node();
  const claimant = Cypher.head(
    collect(
      new Cypher.Match(
        new Cypher.Pattern(actor, { labels: Cypher.labelExpr.or('Company', 'Party', 'Authority') }),
      ).where(Cypher.eq(actor.property('id'), e.property('claimedBy'))),
      new Cypher.Return(actor.property('name')),
    ),
  );
  return new Cypher.Map({
    id: p.property('id'),
    verification: p.property('verification'),
    default: p.property('default'),
    validFrom: partialDate(p, 'validFrom'),
    inForceFrom: Cypher.toString(p.property('inForceFrom')),
    status: h ? h.property('status') : Cypher.Null,
    mechanism: h ? h.property('mechanism') : Cypher.Null,
    evidence: collect(
      new Cypher.Match(
        new Cypher.Pattern(p)
          .related(e, { type: 'EVIDENCED_BY', direction: 'right' })
          .to(s, { labels: ['Source'] }),
      ),
      new Cypher.With(e, s).orderBy([s.property('publishedAt'), 'ASC'], [s.property('id'), 'ASC']),
      new Cypher.Return(
        new Cypher.Map({
          stance: e.property('stance'),
          claim: e.property('claim'),
          right: e.property('right'),
          alternative: e.property('alternative'),
          claimant: new Cypher.Case()
            .when(Cypher.isNull(e.property('claimedBy')))
            .then(Cypher.Null)
            .else(claimant),
          publisher: s.property('publisher'),
        }),
      ),
    ),
    incidents: collect(
      new Cypher.Match(
        new Cypher.Pattern(i, { labels: ['Incident'] })
          .related({ type: 'CONCERNS', direction: 'right' })
          .to(p),
      ).where(standing(i)),
      new Cypher.With(i).orderBy([i.property('date'), 'ASC'], [i.property('id'), 'ASC']),
      new Cypher.Return(
        new Cypher.Map({
          id: i.property('id'),
          kind: i.property('kind'),
          date: partialDate(i, 'date'),
          authority: Cypher.head(
            collect(
              new Cypher.Match(
                new Cypher.Pattern(i)
                  .related({ type: 'BEFORE', direction: 'right' })
                  .to(x, { labels: ['Authority'] }),
              ),
              new Cypher.Return(x.property('name')),
            ),
          ),
        }),
      ),
    ),
  });
}

/** The legal basis a practice claims, if any, as a map. */
function basisOf(p: Cypher.Node): Cypher.Expr {
  const lb = new Cypher.Node();
  const d = new Cypher.Node();
  return Cypher.head(
    collect(
      new Cypher.Match(
        new Cypher.Pattern(p)
          .related({ type: 'ON_BASIS', direction: 'right' })
          .to(lb, { labels: ['LegalBasis'] }),
      ),
      new Cypher.Return(
        new Cypher.Map({
          id: lb.property('id'),
          name: lb.property('name'),
          definedBy: Cypher.head(
            collect(
              new Cypher.Match(
                new Cypher.Pattern(lb).related({ type: 'DEFINED_BY', direction: 'right' }).to(d),
              ),
              new Cypher.Return(d.property('id')),
            ),
          ),
        }),
      ),
    ),
  );
}

/** Whether the right applies only under some legal bases (objection, portability, withdrawing consent). */
const dependsOnBasis = (rt: Cypher.Node) =>
  new Cypher.Exists(
    new Cypher.Pattern(new Cypher.Node(), { labels: ['LegalBasis'] })
      .related({ type: 'TRIGGERS', direction: 'right' })
      .to(rt),
  );

/** Whether the practice's legal basis (when known) opens the right. */
function basisOpens(p: Cypher.Node, rt: Cypher.Node): Cypher.Predicate {
  return new Cypher.Exists(
    new Cypher.Pattern(p)
      .related({ type: 'ON_BASIS', direction: 'right' })
      .to(new Cypher.Node(), { labels: ['LegalBasis'] })
      .related({ type: 'TRIGGERS', direction: 'right' })
      .to(rt),
  );
}

const hasBasis = (p: Cypher.Node) =>
  new Cypher.Exists(
    new Cypher.Pattern(p)
      .related({ type: 'ON_BASIS', direction: 'right' })
      .to(new Cypher.Node(), { labels: ['LegalBasis'] }),
  );

/** A plan holds a practice on the date, in the scope: both in force/offered, the practice in scope. */
function holds(r: RuleParams, practice: Cypher.Node, plan: Cypher.Node): Cypher.Predicate {
  return Cypher.and(inForce(practice, r.asOf), offered(plan, r.asOf), inScope(practice, r.scope));
}

/**
 * The start of a rule asked for some companies: their plans offered on the date and the
 * practices that apply to them, from the companies' ids. Started from its index, the rule cost as
 * much for one company as for all (RIGHT_ONLY_ON_REQUEST on the large bench graph: 19.8 million
 * db hits for one company, 19.9 million for its 10,000), the company checked last. The hint:
 * with the ids in the map parameter, whose list's length Neo4j does not know, it started from
 * the Plan(availableFrom) index on a small graph, even with the ids unwound and a WITH between.
 */
function fromCompanies(
  r: RuleParams,
  companies: Cypher.Expr,
  practice: Cypher.Node,
  plan: Cypher.Node,
  product: Cypher.Node,
  company: Cypher.Node,
): Cypher.Clause {
  return matchUsingIndex(
    practicePlans(practice, plan, product, company),
    { variable: company, name: 'Company', properties: ['id'] },
    Cypher.and(Cypher.in(company.property('id'), companies), offered(plan, r.asOf)),
  );
}

const planFacts = (pl: Cypher.Variable) => props(pl, 'id', 'name', 'paid');

const rightFacts = (rt: Cypher.Node) => {
  const g = new Cypher.Node();
  const lb = new Cypher.Node();
  return new Cypher.Map({
    code: rt.property('code'),
    name: rt.property('name'),
    openedBy: collect(
      new Cypher.Match(
        new Cypher.Pattern(lb, { labels: ['LegalBasis'] })
          .related({ type: 'TRIGGERS', direction: 'right' })
          .to(rt),
      ),
      new Cypher.With(lb).orderBy([lb.property('id'), 'ASC']),
      new Cypher.Return(lb.property('name')),
    ),
    // By id: without an order, the list (and the finding's provisions) followed the plan.
    grantedBy: collect(
      new Cypher.Match(
        new Cypher.Pattern(rt)
          .related({ type: 'GRANTED_BY', direction: 'right' })
          .to(g, { labels: ['Provision'] }),
      ),
      new Cypher.With(g).orderBy([g.property('id'), 'ASC']),
      new Cypher.Return(g.property('id')),
    ),
  });
};

/**
 * The practices in force (not NEVER) whose HANDLES relationship has a status. For every company,
 * sought by the HANDLES(status) index (migration 013): without the hint Neo4j starts from every
 * plan offered or every practice started by the date; NO_WAY_TO_OBJECT on the large bench
 * graph: 338k db hits instead of 5.7 million. For some companies, the practices are bound
 * (fromCompanies) and their HANDLES read in a subquery of each: in a MATCH beside them, Neo4j
 * started NO_WAY_TO_OBJECT from the right to object and its 200,000 HANDLES, and joined.
 */
function withholding(
  r: RuleParams,
  pattern: Cypher.Pattern,
  found: { handles: Cypher.Relationship; right: Cypher.Node; practice: Cypher.Node },
  status: Cypher.Predicate,
): Cypher.Clause {
  const { handles, right, practice } = found;
  const inForceNow = [
    Cypher.neq(practice.property('default'), lit('NEVER')),
    inForce(practice, r.asOf),
    inScope(practice, r.scope),
  ];
  if (!r.companies)
    return matchUsingIndex(
      pattern,
      { variable: handles, name: 'HANDLES', properties: ['status'] },
      Cypher.and(status, ...inForceNow),
    );
  return Cypher.utils.concat(
    new Cypher.With('*').where(Cypher.and(...inForceNow)),
    new Cypher.Call(
      Cypher.utils.concat(new Cypher.Match(pattern), new Cypher.Return(handles, right)),
      [practice],
    ),
    new Cypher.With('*').where(status),
  );
}

/** Only when the kind is asked: every light branch starts so. */
const gate = (r: RuleParams, kind: FindingKind) =>
  new Cypher.With([lit(kind), new Cypher.Variable()]).where(Cypher.in(lit(kind), r.kinds));

/**
 * What a light branch binds for one finding, and its heavy branch reads again: the plan compared
 * (comparisons only), the practice and how it handles the right (when there is one).
 */
interface Found {
  company: Cypher.Node;
  product: Cypher.Node;
  plan: Cypher.Node | null;
  practice: Cypher.Node;
  handles: Cypher.Relationship | null;
  right: Cypher.Node | null;
  purpose: Cypher.Node;
}

/** Fresh variables for a rule's nodes (`plan`, `handles` and `right` only where it has them). */
function foundVariables(has: { plan: boolean; handles: boolean; right: boolean }): Found {
  return {
    company: new Cypher.Node(),
    product: new Cypher.Node(),
    plan: has.plan ? new Cypher.Node() : null,
    practice: new Cypher.Node(),
    handles: has.handles ? new Cypher.Relationship() : null,
    right: has.right ? new Cypher.Node() : null,
    purpose: new Cypher.Node(),
  };
}

/**
 * A light row: the finding's order keys (kind, company name, id: composeFinding's id, rule by
 * rule), the plan that decides between rows of one id (`planId`, see foundFindings), its
 * company's id (for subscribers) and its nodes' element ids.
 */
function foundRow(
  kind: FindingKind,
  f: Found,
  idParts: Cypher.Expr[],
  planId: Cypher.Expr,
): Cypher.Map {
  const id = Cypher.plus(
    lit(`${findingIdPrefix(kind)}:`),
    ...idParts.flatMap((part, i) => (i === 0 ? [part] : [lit(':'), part])),
  );
  return new Cypher.Map({
    kind: lit(kind),
    companyName: f.company.property('name'),
    id,
    planId,
    companyId: f.company.property('id'),
    // Ids, not the entities: every finding's row is kept until the page is cut, and Neo4j
    // counts a node in a row with its properties (a practice's entry text among them).
    company: f.company.property('id'),
    product: f.product.property('id'),
    plan: f.plan ? f.plan.property('id') : Cypher.Null,
    practice: f.practice.property('id'),
    handles: f.handles ? Cypher.elementId(f.handles) : Cypher.Null,
    right: f.right ? f.right.property('id') : Cypher.Null,
    purpose: f.purpose.property('id'),
  });
}

/**
 * The heavy branch's start: only the rows of its rule, their nodes found again by id (an index
 * seek each, for the page's rows only) and the right's handling by element id.
 */
function unpack(kind: FindingKind, row: Cypher.Variable, f: Found): Cypher.Clause {
  const byId = (node: Cypher.Node, key: string): Cypher.Match =>
    new Cypher.Match(
      new Cypher.Pattern(node, { labels: ['Entity'], properties: { id: row.property(key) } }),
    );
  const nodes: [Cypher.Node, string][] = [
    [f.company, 'company'],
    [f.product, 'product'],
    [f.practice, 'practice'],
    [f.purpose, 'purpose'],
  ];
  if (f.plan) nodes.push([f.plan, 'plan']);
  if (f.right) nodes.push([f.right, 'right']);
  // A WITH after each seek: one planning step each, instead of one join order to search over
  // every node of every rule (that search took Neo4j seconds on a cold server).
  const clauses: Cypher.Clause[] = [
    new Cypher.With(row).where(Cypher.eq(row.property('kind'), lit(kind))),
  ];
  const bound: Cypher.Variable[] = [row];
  for (const [node, key] of nodes) {
    clauses.push(byId(node, key));
    bound.push(node);
    clauses.push(new Cypher.With(...bound));
  }
  if (f.handles && f.right) {
    // Sought by its element id, then checked against its ends: with the ends in the pattern,
    // Neo4j expanded every HANDLES of the right (3 million rows for a page of RIGHT_ONLY_ON_REQUEST
    // on the large bench graph).
    const from = new Cypher.Node();
    const to = new Cypher.Node();
    clauses.push(
      new Cypher.Match(
        new Cypher.Pattern(from).related(f.handles, { type: 'HANDLES' }).to(to),
      ).where(
        Cypher.and(
          Cypher.eq(Cypher.elementId(f.handles), row.property('handles')),
          Cypher.eq(from, f.practice),
          Cypher.eq(to, f.right),
        ),
      ),
    );
  }
  return Cypher.utils.concat(...clauses);
}

/**
 * A rule: `find` is its light branch (RETURN one row per finding AS `row`), `facts` its heavy
 * branch for one light row (RETURN its facts AS `facts`), both with the same text for every input.
 */
interface Rule {
  kind: FindingKind;
  find(r: RuleParams, row: Cypher.Variable): Cypher.Clause;
  facts(r: RuleParams, row: Cypher.Variable, facts: Cypher.Variable): Cypher.Clause;
}

/**
 * Comparing two plans of one product for one purpose and right: `subject` withholds it in one
 * way (`subjectStatuses`), `other` grants it (`otherStatuses`), both holding on the date. The
 * right must be one `provision` covers; when the right depends on the legal basis, the subject's
 * basis must open it (an unknown basis is let through and said to be unknown). A finding lists
 * every other plan that grants the right, by plan id.
 */
function comparison(
  kind: FindingKind,
  provision: string,
  subjectStatuses: readonly RightStatus[],
  otherStatuses: readonly RightStatus[],
  otherMustBePaid: boolean,
): Rule {
  /** The other plans' practices granting the right, for the purpose, on the date. */
  const others = (
    r: RuleParams,
    f: Found,
    b: Cypher.Node,
    fb: Cypher.Node,
    hb: Cypher.Relationship,
  ): Cypher.Clause => {
    const conditions = [
      Cypher.neq(b, f.plan!),
      holds(r, fb, b),
      new Cypher.Exists(
        new Cypher.Pattern(fb).related({ type: 'FOR_PURPOSE', direction: 'right' }).to(f.purpose),
      ),
    ];
    if (otherMustBePaid) conditions.push(Cypher.eq(b.property('paid'), Cypher.true));
    // From the product: the plans and practices carry no labels here, so that no index on them
    // (Plan.availableFrom, Practice.inForceFrom) can be the start, and the right is read from
    // each practice in a subquery, its status checked after it, so that neither can the
    // HANDLES(status) index. On a small graph's statistics Neo4j took each of those starts,
    // once per candidate (17 million rows on the 278 practices of the curated seeds); with the
    // right in the pattern it started at the right (a small bench page: 453,849 db hits of
    // 649,407). OF and APPLIES_TO only come from plans and practices.
    return Cypher.utils.concat(
      new Cypher.Match(
        new Cypher.Pattern(f.product, { labels: ['Product'] })
          .related({ type: 'OF', direction: 'left' })
          .to(b)
          .related({ type: 'APPLIES_TO', direction: 'left' })
          .to(fb),
      ).where(Cypher.and(...conditions)),
      new Cypher.Call(
        Cypher.utils.concat(
          new Cypher.Match(
            new Cypher.Pattern(fb)
              .related(hb, { type: 'HANDLES', direction: 'right' })
              .to(f.right!),
          ),
          new Cypher.Return(hb),
        ),
        [fb, f.right!],
      ),
      new Cypher.With('*').where(Cypher.in(hb.property('status'), lit([...otherStatuses]))),
    );
  };
  return {
    kind,
    find(r, row) {
      const f = foundVariables({ plan: true, handles: true, right: true });
      const [c, pr, a, fa, ha, rt, pu] = [
        f.company,
        f.product,
        f.plan!,
        f.practice,
        f.handles!,
        f.right!,
        f.purpose,
      ];
      return Cypher.utils.concat(
        gate(r, kind),
        r.companies ? fromCompanies(r, r.companies, fa, a, pr, c) : undefined,
        // For every company, the withholding relationships by the HANDLES(status) index (see
        // withholding()), the right's conditions on each, then the plans:
        // RIGHT_CONDITIONED_ON_PAYMENT on the large bench graph, 612k db hits instead of 12.5
        // million from every plan offered.
        withholding(
          r,
          new Cypher.Pattern(fa, { labels: ['Practice'] })
            .related(ha, { type: 'HANDLES', direction: 'right' })
            .to(rt, { labels: ['Right'] }),
          { handles: ha, right: rt, practice: fa },
          Cypher.in(ha.property('status'), lit([...subjectStatuses])),
        ),
        keepWhere(
          [fa, rt],
          Cypher.and(
            new Cypher.Exists(
              new Cypher.Pattern(new Cypher.Node(), {
                labels: ['Provision'],
                properties: { id: lit(provision) },
              })
                .related({ type: 'COVERS', direction: 'right' })
                .to(rt),
            ),
            Cypher.or(Cypher.not(dependsOnBasis(rt)), Cypher.not(hasBasis(fa)), basisOpens(fa, rt)),
          ),
        ),
        r.companies
          ? undefined
          : new Cypher.Match(
              new Cypher.Pattern(c, { labels: ['Company'] })
                .related({ type: 'OFFERED_BY', direction: 'left' })
                .to(pr, { labels: ['Product'] })
                .related({ type: 'OF', direction: 'left' })
                .to(a, { labels: ['Plan'] })
                .related({ type: 'APPLIES_TO', direction: 'left' })
                .to(fa),
            ).where(offered(a, r.asOf)),
        new Cypher.Match(
          new Cypher.Pattern(fa)
            .related({ type: 'FOR_PURPOSE', direction: 'right' })
            .to(pu, { labels: ['Purpose'] }),
        ).where(
          // Another plan must grant the right: one is enough here, the facts list them all.
          new Cypher.Exists(
            others(r, f, new Cypher.Node(), new Cypher.Node(), new Cypher.Relationship()),
          ),
        ),
        new Cypher.Return([
          foundRow(
            kind,
            f,
            [fa.property('id'), a.property('id'), rt.property('code')],
            a.property('id'),
          ),
          row,
        ]),
      );
    },
    facts(r, row, facts) {
      const f = foundVariables({ plan: true, handles: true, right: true });
      const b = new Cypher.Node();
      const fb = new Cypher.Node();
      const hb = new Cypher.Relationship();
      return Cypher.utils.concat(
        unpack(kind, row, f),
        new Cypher.Return([
          new Cypher.Map({
            kind: lit(kind),
            company: props(f.company, 'id', 'name'),
            product: props(f.product, 'id', 'name'),
            purpose: props(f.purpose, 'id', 'name'),
            right: rightFacts(f.right!),
            rightDependsOnBasis: dependsOnBasis(f.right!),
            plans: new Cypher.List([planFacts(f.plan!)]),
            practice: practiceFacts(f.practice, f.handles),
            others: collect(
              others(r, f, b, fb, hb),
              new Cypher.With(b, fb, hb).orderBy(
                [b.property('id'), 'ASC'],
                [fb.property('id'), 'ASC'],
              ),
              new Cypher.Return(
                new Cypher.Map({ plan: planFacts(b), practice: practiceFacts(fb, hb) }),
              ),
            ),
            basis: basisOf(f.practice),
          }),
          facts,
        ]),
      );
    },
  };
}

/**
 * The plans of a found practice offered on the date, by id, whichever of the company's products
 * they belong to: a practice covering Facebook's and Instagram's plans named only Facebook's,
 * the product of its first plan (the finding's `product`).
 */
function plansOf(r: RuleParams, f: Found): Cypher.Expr {
  const pl = new Cypher.Node();
  return collect(
    new Cypher.Match(
      new Cypher.Pattern(f.practice)
        .related({ type: 'APPLIES_TO', direction: 'right' })
        .to(pl, { labels: ['Plan'] })
        .related({ type: 'OF', direction: 'right' })
        .to(new Cypher.Node(), { labels: ['Product'] })
        .related({ type: 'OFFERED_BY', direction: 'right' })
        .to(f.company),
    ).where(offered(pl, r.asOf)),
    new Cypher.With(pl).orderBy([pl.property('id'), 'ASC']),
    new Cypher.Return(planFacts(pl)),
  );
}

/** Processing on a basis that opens the right to object (or an unknown basis), with no way to object. */
const noWayToObject: Rule = {
  kind: 'NO_WAY_TO_OBJECT',
  find(r, row) {
    const f = foundVariables({ plan: false, handles: true, right: true });
    const [c, pr, p, h, rt, pu] = [
      f.company,
      f.product,
      f.practice,
      f.handles!,
      f.right!,
      f.purpose,
    ];
    const pl = new Cypher.Node();
    // The right to object, recognised by its element id among the rights of the seek below.
    const toObject = foundFirst('Right', { code: lit('OBJECT') });
    return Cypher.utils.concat(
      gate(r, 'NO_WAY_TO_OBJECT'),
      toObject.clause,
      r.companies ? fromCompanies(r, r.companies, p, pl, pr, c) : undefined,
      withholding(
        r,
        new Cypher.Pattern(rt).related(h, { type: 'HANDLES', direction: 'left' }).to(p, {
          labels: ['Practice'],
        }),
        { handles: h, right: rt, practice: p },
        Cypher.and(Cypher.eq(h.property('status'), lit('UNAVAILABLE')), toObject.is(rt)),
      ),
      keepWhere([p, rt], Cypher.or(Cypher.not(hasBasis(p)), basisOpens(p, rt))),
      r.companies
        ? undefined
        : new Cypher.Match(practicePlans(p, pl, pr, c)).where(offered(pl, r.asOf)),
      new Cypher.Match(
        new Cypher.Pattern(p)
          .related({ type: 'FOR_PURPOSE', direction: 'right' })
          .to(pu, { labels: ['Purpose'] }),
      ),
      // One row per plan: the deduplication by id keeps one (foundFindings).
      new Cypher.Return([
        foundRow('NO_WAY_TO_OBJECT', f, [p.property('id')], pl.property('id')),
        row,
      ]),
    );
  },
  facts(r, row, facts) {
    const f = foundVariables({ plan: false, handles: true, right: true });
    return Cypher.utils.concat(
      unpack('NO_WAY_TO_OBJECT', row, f),
      new Cypher.Return([
        new Cypher.Map({
          kind: lit('NO_WAY_TO_OBJECT'),
          company: props(f.company, 'id', 'name'),
          product: props(f.product, 'id', 'name'),
          purpose: props(f.purpose, 'id', 'name'),
          right: rightFacts(f.right!),
          rightDependsOnBasis: Cypher.true,
          plans: plansOf(r, f),
          practice: practiceFacts(f.practice, f.handles),
          others: new Cypher.List([]),
          basis: basisOf(f.practice),
        }),
        facts,
      ]),
    );
  },
};

/** User content trains AI models unless the user acts. */
const trainingOnByDefault: Rule = {
  kind: 'TRAINING_ON_BY_DEFAULT',
  find(r, row) {
    const f = foundVariables({ plan: false, handles: false, right: false });
    const [c, pr, p, pu] = [f.company, f.product, f.practice, f.purpose];
    const pl = new Cypher.Node();
    return Cypher.utils.concat(
      gate(r, 'TRAINING_ON_BY_DEFAULT'),
      r.companies ? fromCompanies(r, r.companies, p, pl, pr, c) : undefined,
      new Cypher.Match(
        new Cypher.Pattern(pu, {
          labels: ['Purpose'],
          properties: { id: lit('ai-model-training') },
        })
          .related({ type: 'FOR_PURPOSE', direction: 'left' })
          .to(p, { labels: ['Practice'] }),
      ).where(
        Cypher.and(
          Cypher.eq(p.property('default'), lit('ON')),
          inForce(p, r.asOf),
          inScope(p, r.scope),
        ),
      ),
      r.companies
        ? undefined
        : new Cypher.Match(practicePlans(p, pl, pr, c)).where(offered(pl, r.asOf)),
      // One row per plan: the deduplication by id keeps one (foundFindings).
      new Cypher.Return([
        foundRow('TRAINING_ON_BY_DEFAULT', f, [p.property('id')], pl.property('id')),
        row,
      ]),
    );
  },
  facts(r, row, facts) {
    const f = foundVariables({ plan: false, handles: false, right: false });
    const dc = new Cypher.Node();
    const oh = new Cypher.Relationship();
    const or = new Cypher.Node();
    return Cypher.utils.concat(
      unpack('TRAINING_ON_BY_DEFAULT', row, f),
      new Cypher.Return([
        new Cypher.Map({
          kind: lit('TRAINING_ON_BY_DEFAULT'),
          company: props(f.company, 'id', 'name'),
          product: props(f.product, 'id', 'name'),
          purpose: props(f.purpose, 'id', 'name'),
          right: Cypher.Null,
          rightDependsOnBasis: Cypher.false,
          plans: plansOf(r, f),
          practice: practiceFacts(f.practice, null),
          others: new Cypher.List([]),
          basis: basisOf(f.practice),
          dataCategories: collect(
            new Cypher.Match(
              new Cypher.Pattern(f.practice)
                .related({ type: 'PROCESSES', direction: 'right' })
                .to(dc, { labels: ['DataCategory'] }),
            ),
            new Cypher.With(dc).orderBy([dc.property('id'), 'ASC']),
            new Cypher.Return(dc.property('name')),
          ),
          // How the sources say a user stops the training: the words say it, or that they do not.
          objection: Cypher.head(
            collect(
              new Cypher.Match(
                new Cypher.Pattern(f.practice)
                  .related(oh, { type: 'HANDLES', direction: 'right' })
                  .to(or, { labels: ['Right'], properties: { code: lit('OBJECT') } }),
              ),
              new Cypher.Return(
                new Cypher.Map({
                  status: oh.property('status'),
                  mechanism: oh.property('mechanism'),
                }),
              ),
            ),
          ),
        }),
        facts,
      ]),
    );
  },
};

const RULES: readonly Rule[] = [
  comparison(
    'RIGHT_CONDITIONED_ON_PAYMENT',
    'gdpr-12-5',
    WITHHOLDING_STATUSES,
    GRANTING_STATUSES,
    true,
  ),
  comparison('RIGHT_ONLY_ON_REQUEST', 'gdpr-12-2', ['ON_REQUEST'], ['IN_PRODUCT'], false),
  noWayToObject,
  trainingOnByDefault,
];

export interface RuleQueryInput {
  asOf: string;
  scope: string;
  companies: string[] | null;
  kinds: readonly FindingKind[];
}

/**
 * The rules' lists (the companies, the kinds and a page's cursor) travel in one map parameter,
 * `$lists`. Neo4j keys its plan cache on the length of each list parameter (0, 1, 2 to 10, 11
 * to 100...), so lists passed on their own made one plan per combination of lengths: one company
 * or three, one kind or all, page one or a cursor, each planned afresh, and the rules take about
 * 4 s to plan on a warm Neo4j (15 s on one just started). The contents of a map are not part of
 * the key, so one plan serves every question of a text (the companies' list is sought in the
 * Company id index however long it is).
 */
const LISTS = new Cypher.NamedParam('lists');

/**
 * The rules' inputs as named parameters: the rules' text is the same whatever their values, so
 * it is built once per process (building it with cypher-builder cost the API about 3.5 ms a
 * request on a kept findings page, more than the rest of the request). Two texts: for every
 * company, and for the companies asked (from them: fromCompanies), whichever and however many.
 */
const DATED = {
  asOf: new Cypher.NamedParam('asOf'),
  scope: new Cypher.NamedParam('scope'),
  kinds: LISTS.property('kinds'),
};
const RULE_PARAMS = {
  every: { ...DATED, companies: null },
  some: { ...DATED, companies: LISTS.property('companies') },
} satisfies Record<string, RuleParams>;

type Companies = keyof typeof RULE_PARAMS;

/** Which text of the rules answers the question. */
const companiesOf = (input: RuleQueryInput): Companies =>
  input.companies === null ? 'every' : 'some';

// A type, not an interface: NamedQuery's params are a Record, which an interface is not.
type RuleValues = {
  asOf: string;
  scope: string;
  lists: { companies: string[]; kinds: FindingKind[]; after?: CursorKey | [] };
};

/** The values of RULE_PARAMS for one question. */
function ruleValues(input: RuleQueryInput): RuleValues {
  return {
    asOf: input.asOf,
    scope: input.scope,
    lists: { companies: input.companies ?? [], kinds: [...input.kinds] },
  };
}

/**
 * A query whose text does not depend on its parameters' values, only on whether it is asked for
 * every company or some, built the first time for each.
 */
function builtOnce(build: (companies: Companies) => NamedQuery): (c: Companies) => NamedQuery {
  const built = new Map<Companies, NamedQuery>();
  return (companies) => {
    let query = built.get(companies);
    if (!query) built.set(companies, (query = build(companies)));
    return query;
  };
}

/**
 * Every finding of the kinds asked, light, once: `row` is bound to one light row per finding id.
 * Rows of one id come from a practice whose plans belong to several products (one finding per
 * practice for NO_WAY_TO_OBJECT and TRAINING_ON_BY_DEFAULT): the row of the smallest plan id
 * wins, so the finding names that plan's product, whatever the page (its plans are the
 * practice's plans of every product: plansOf). (Before
 * pages were cut in Cypher, the first row the rule query returned won; the branches returned
 * their rows ordered by plan id, so it was the same row.)
 */
function foundFindings(r: RuleParams, row: Cypher.Variable): Cypher.Clause {
  const found = new Cypher.Variable();
  const same = new Cypher.Variable();
  const best = new Cypher.Variable();
  const next = new Cypher.Variable();
  return Cypher.utils.concat(
    new Cypher.Call(new Cypher.Union(...RULES.map((rule) => rule.find(r, found))).all(), []),
    new Cypher.With([found.property('id'), new Cypher.Variable()], [Cypher.collect(found), same]),
    new Cypher.With([
      Cypher.reduce(
        best,
        Cypher.head(same),
        next,
        Cypher.tail(same),
        new Cypher.Case()
          .when(Cypher.lt(next.property('planId'), best.property('planId')))
          .then(next)
          .else(best),
      ),
      row,
    ]),
  );
}

/** Strictly after the cursor in the list's order; `after` is [] for the first page. */
function afterCursor(row: Cypher.Variable, after: Cypher.Expr): Cypher.Predicate {
  const keys = FINDING_ORDER.map((k) => k.expr(row));
  const value = (i: number) => Cypher.listIndex(after, i);
  const terms = keys.map((key, i) =>
    Cypher.and(...keys.slice(0, i).map((k, j) => Cypher.eq(k, value(j))), Cypher.gt(key, value(i))),
  );
  return Cypher.or(Cypher.eq(Cypher.size(after), lit(0)), ...terms);
}

export interface FindingsPageInput extends RuleQueryInput {
  /** The page size: the query returns first + 1 rows, to tell whether more follow. */
  first: number;
  /** The cursor's keys (FINDING_ORDER), checked; null for the first page. */
  after: CursorKey | null;
}

/**
 * One page of findings with their facts, and how many findings there are: the light branches
 * find every finding, once; the page is cut in the list's order (FINDING_ORDER) after the
 * cursor; only then do the heavy branches read the facts of its first + 1 rows. Returns a row
 * per finding of the page, in its order: `total`, and `finding`, {id, companyName, facts}; an
 * empty page is one row whose `finding` is null.
 */
export function findingsPageQuery(input: FindingsPageInput): NamedQuery {
  const { name, cypher } = pageQuery(companiesOf(input));
  const values = ruleValues(input);
  return {
    name,
    cypher,
    params: {
      ...values,
      lists: { ...values.lists, after: input.after ?? [] },
      limit: neo4j.int(input.first + 1),
    },
  };
}

const pageQuery = builtOnce((companies) => {
  const r = RULE_PARAMS[companies];
  const after = LISTS.property('after');
  const limit = new Cypher.NamedParam('limit');
  const found = new Cypher.Variable();
  const sorted = new Cypher.Variable();
  const rest = new Cypher.Variable();
  const pageRows = new Cypher.Variable();
  const total = new Cypher.Variable();
  const row = new Cypher.Variable();
  const candidate = new Cypher.Variable();
  const facts = new Cypher.Variable();
  const finding = new Cypher.Variable();
  // Neo4j counts a list in scope against every row an eager operator holds (each sort of the
  // facts below), so the list of every finding leaves scope before the page's facts are read:
  // only the page's light rows go on.
  return named(
    companies === 'every' ? 'findingRules' : 'companyFindingRules',
    Cypher.utils.concat(
      foundFindings(r, found),
      new Cypher.With(found).orderBy(
        ...FINDING_ORDER.map((k): [Cypher.Expr, 'ASC' | 'DESC'] => [k.expr(found), k.direction]),
      ),
      new Cypher.With([Cypher.collect(found), sorted]),
      new Cypher.With(
        [Cypher.size(sorted), total],
        [
          new Cypher.ListComprehension(candidate).in(sorted).where(afterCursor(candidate, after)),
          rest,
        ],
      ),
      new Cypher.Call(
        Cypher.utils.concat(
          new Cypher.Unwind([rest, row]),
          new Cypher.With(row).limit(limit),
          new Cypher.Return([Cypher.collect(row), pageRows]),
        ),
        [rest],
      ),
      new Cypher.With(total, pageRows),
      // One record per finding, not one holding the page: the driver decodes a record in one
      // go, and a page of facts in one record held the API's event loop for 70 ms.
      new Cypher.OptionalCall(
        Cypher.utils.concat(
          new Cypher.Unwind([pageRows, row]),
          new Cypher.Call(
            new Cypher.Union(...RULES.map((rule) => rule.facts(r, row, facts))).all(),
            [row],
          ),
          new Cypher.Return([
            new Cypher.Map({
              id: row.property('id'),
              companyName: row.property('companyName'),
              facts,
            }),
            finding,
          ]),
        ),
        [pageRows],
      ),
      r.companies
        ? // With the companies asked that the graph holds (findings.store.ts).
          new Cypher.Return(
            [total, 'total'],
            [finding, 'finding'],
            [new Cypher.List([heldOf('Company', r.companies)]), 'held'],
          )
        : new Cypher.Return([total, 'total'], [finding, 'finding']),
    ),
  );
});

/** Every finding's id and company, light only (no facts): for telling subscribers what changed. */
export function findingIdsQuery(input: RuleQueryInput): NamedQuery {
  const { name, cypher } = idsQuery(companiesOf(input));
  return { name, cypher, params: ruleValues(input) };
}

const idsQuery = builtOnce((companies) => {
  const r = RULE_PARAMS[companies];
  const row = new Cypher.Variable();
  return named(
    companies === 'every' ? 'findingIds' : 'companyFindingIds',
    Cypher.utils.concat(
      foundFindings(r, row),
      new Cypher.Return([row.property('id'), 'id'], [row.property('companyId'), 'company']),
    ),
  );
});
