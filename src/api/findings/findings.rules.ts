/**
 * The rules that derive findings, as one fixed, parameterised Cypher query: whatever the
 * selection, its text is the same, so Neo4j plans it once. Each rule is a branch that finds the
 * facts it rests on, with their legal conditions (the legal basis the right depends on, the
 * rights a provision covers, the plans and practices holding on the date, in the scope), and
 * returns them as facts; the findings and their words are composed in TypeScript
 * (findings.words.ts). Branches run only for the kinds asked ($kinds).
 */
import Cypher from '@neo4j/cypher-builder';
import { GRANTING_STATUSES, type RightStatus, WITHHOLDING_STATUSES } from '../../graph/model';
import { inForce, inScope, offered, partialDate, standing } from '../entities/conditions';
import { named, type NamedQuery } from '../translate/root-query';

export const FINDING_KINDS = [
  'RIGHT_CONDITIONED_ON_PAYMENT',
  'RIGHT_ONLY_ON_REQUEST',
  'NO_WAY_TO_OBJECT',
  'TRAINING_ON_BY_DEFAULT',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

interface RuleParams {
  asOf: Cypher.Param;
  scope: Cypher.Param;
  companies: Cypher.Param;
  kinds: Cypher.Param;
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
 * carries, and the incidents (complaints, statements) that concern it.
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
          source: s.property('id'),
          publisher: s.property('publisher'),
          sourceKind: s.property('kind'),
          note: e.property('note'),
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

const companyFilter = (r: RuleParams, c: Cypher.Node) =>
  Cypher.or(Cypher.isNull(r.companies), Cypher.in(c.property('id'), r.companies));

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
    grantedBy: collect(
      new Cypher.Match(
        new Cypher.Pattern(rt)
          .related({ type: 'GRANTED_BY', direction: 'right' })
          .to(g, { labels: ['Provision'] }),
      ),
      new Cypher.Return(g.property('id')),
    ),
  });
};

/** Only when the kind is asked: every branch starts so. */
const gate = (r: RuleParams, kind: FindingKind) =>
  new Cypher.With([lit(kind), new Cypher.Variable()]).where(Cypher.in(lit(kind), r.kinds));

/**
 * Comparing two plans of one product for one purpose and right: `subject` withholds it in one
 * way (`subjectStatuses`), `other` grants it (`otherStatuses`), both holding on the date. The
 * right must be one `provision` covers; when the right depends on the legal basis, the subject's
 * basis must open it (an unknown basis is let through and said to be unknown).
 */
function comparison(
  r: RuleParams,
  kind: FindingKind,
  provision: string,
  subjectStatuses: readonly RightStatus[],
  otherStatuses: readonly RightStatus[],
  otherMustBePaid: boolean,
  row: Cypher.Variable,
): Cypher.Clause {
  const c = new Cypher.Node();
  const pr = new Cypher.Node();
  const a = new Cypher.Node();
  const fa = new Cypher.Node();
  const ha = new Cypher.Relationship();
  const rt = new Cypher.Node();
  const pu = new Cypher.Node();
  const b = new Cypher.Node();
  const fb = new Cypher.Node();
  const hb = new Cypher.Relationship();
  const other = new Cypher.Variable();
  const others = new Cypher.Variable();
  const otherConditions = [
    Cypher.neq(b, a),
    Cypher.in(hb.property('status'), lit([...otherStatuses])),
    holds(r, fb, b),
    new Cypher.Exists(
      new Cypher.Pattern(fb).related({ type: 'FOR_PURPOSE', direction: 'right' }).to(pu),
    ),
  ];
  if (otherMustBePaid) otherConditions.push(Cypher.eq(b.property('paid'), Cypher.true));
  return Cypher.utils.concat(
    gate(r, kind),
    new Cypher.Match(
      new Cypher.Pattern(c, { labels: ['Company'] })
        .related({ type: 'OFFERED_BY', direction: 'left' })
        .to(pr, { labels: ['Product'] })
        .related({ type: 'OF', direction: 'left' })
        .to(a, { labels: ['Plan'] })
        .related({ type: 'APPLIES_TO', direction: 'left' })
        .to(fa, { labels: ['Practice'] })
        .related(ha, { type: 'HANDLES', direction: 'right' })
        .to(rt, { labels: ['Right'] }),
    ).where(
      Cypher.and(
        companyFilter(r, c),
        Cypher.in(ha.property('status'), lit([...subjectStatuses])),
        Cypher.neq(fa.property('default'), lit('NEVER')),
        holds(r, fa, a),
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
    new Cypher.Match(
      new Cypher.Pattern(fa)
        .related({ type: 'FOR_PURPOSE', direction: 'right' })
        .to(pu, { labels: ['Purpose'] }),
    ),
    new Cypher.Match(
      new Cypher.Pattern(pr)
        .related({ type: 'OF', direction: 'left' })
        .to(b, { labels: ['Plan'] })
        .related({ type: 'APPLIES_TO', direction: 'left' })
        .to(fb, { labels: ['Practice'] })
        .related(hb, { type: 'HANDLES', direction: 'right' })
        .to(rt),
    ).where(Cypher.and(...otherConditions)),
    new Cypher.With(c, pr, a, fa, ha, rt, pu, [
      new Cypher.Map({ plan: planFacts(b), practice: practiceFacts(fb, hb) }),
      other,
    ]),
    new Cypher.With(c, pr, a, fa, ha, rt, pu, [Cypher.collect(other), others]),
    new Cypher.Return([
      new Cypher.Map({
        kind: lit(kind),
        company: props(c, 'id', 'name'),
        product: props(pr, 'id', 'name'),
        purpose: props(pu, 'id', 'name'),
        right: rightFacts(rt),
        rightDependsOnBasis: dependsOnBasis(rt),
        plans: new Cypher.List([planFacts(a)]),
        practice: practiceFacts(fa, ha),
        others,
        basis: basisOf(fa),
      }),
      row,
    ]),
  );
}

/** Processing on a basis that opens the right to object (or an unknown basis), with no way to object. */
function noWayToObject(r: RuleParams, row: Cypher.Variable): Cypher.Clause {
  const rt = new Cypher.Node();
  const h = new Cypher.Relationship();
  const p = new Cypher.Node();
  const pl = new Cypher.Node();
  const pr = new Cypher.Node();
  const c = new Cypher.Node();
  const pu = new Cypher.Node();
  const plans = new Cypher.Variable();
  return Cypher.utils.concat(
    gate(r, 'NO_WAY_TO_OBJECT'),
    new Cypher.Match(
      new Cypher.Pattern(rt, { labels: ['Right'], properties: { code: lit('OBJECT') } })
        .related(h, { type: 'HANDLES', direction: 'left' })
        .to(p, { labels: ['Practice'] }),
    ).where(
      Cypher.and(
        Cypher.eq(h.property('status'), lit('UNAVAILABLE')),
        Cypher.neq(p.property('default'), lit('NEVER')),
        inForce(p, r.asOf),
        inScope(p, r.scope),
        Cypher.or(Cypher.not(hasBasis(p)), basisOpens(p, rt)),
      ),
    ),
    new Cypher.Match(
      new Cypher.Pattern(p)
        .related({ type: 'APPLIES_TO', direction: 'right' })
        .to(pl, { labels: ['Plan'] })
        .related({ type: 'OF', direction: 'right' })
        .to(pr, { labels: ['Product'] })
        .related({ type: 'OFFERED_BY', direction: 'right' })
        .to(c, { labels: ['Company'] }),
    ).where(Cypher.and(companyFilter(r, c), offered(pl, r.asOf))),
    new Cypher.Match(
      new Cypher.Pattern(p)
        .related({ type: 'FOR_PURPOSE', direction: 'right' })
        .to(pu, { labels: ['Purpose'] }),
    ),
    new Cypher.With(c, pr, p, h, rt, pu, pl).orderBy([pl.property('id'), 'ASC']),
    new Cypher.With(c, pr, p, h, rt, pu, [Cypher.collect(planFacts(pl)), plans]),
    new Cypher.Return([
      new Cypher.Map({
        kind: lit('NO_WAY_TO_OBJECT'),
        company: props(c, 'id', 'name'),
        product: props(pr, 'id', 'name'),
        purpose: props(pu, 'id', 'name'),
        right: rightFacts(rt),
        rightDependsOnBasis: Cypher.true,
        plans,
        practice: practiceFacts(p, h),
        others: new Cypher.List([]),
        basis: basisOf(p),
      }),
      row,
    ]),
  );
}

/** User content trains AI models unless the user acts. */
function trainingOnByDefault(r: RuleParams, row: Cypher.Variable): Cypher.Clause {
  const pu = new Cypher.Node();
  const p = new Cypher.Node();
  const pl = new Cypher.Node();
  const pr = new Cypher.Node();
  const c = new Cypher.Node();
  const dc = new Cypher.Node();
  const plans = new Cypher.Variable();
  return Cypher.utils.concat(
    gate(r, 'TRAINING_ON_BY_DEFAULT'),
    new Cypher.Match(
      new Cypher.Pattern(pu, { labels: ['Purpose'], properties: { id: lit('ai-model-training') } })
        .related({ type: 'FOR_PURPOSE', direction: 'left' })
        .to(p, { labels: ['Practice'] }),
    ).where(
      Cypher.and(
        Cypher.eq(p.property('default'), lit('ON')),
        inForce(p, r.asOf),
        inScope(p, r.scope),
      ),
    ),
    new Cypher.Match(
      new Cypher.Pattern(p)
        .related({ type: 'APPLIES_TO', direction: 'right' })
        .to(pl, { labels: ['Plan'] })
        .related({ type: 'OF', direction: 'right' })
        .to(pr, { labels: ['Product'] })
        .related({ type: 'OFFERED_BY', direction: 'right' })
        .to(c, { labels: ['Company'] }),
    ).where(Cypher.and(companyFilter(r, c), offered(pl, r.asOf))),
    new Cypher.With(c, pr, p, pu, pl).orderBy([pl.property('id'), 'ASC']),
    new Cypher.With(c, pr, p, pu, [Cypher.collect(planFacts(pl)), plans]),
    new Cypher.Return([
      new Cypher.Map({
        kind: lit('TRAINING_ON_BY_DEFAULT'),
        company: props(c, 'id', 'name'),
        product: props(pr, 'id', 'name'),
        purpose: props(pu, 'id', 'name'),
        right: Cypher.Null,
        rightDependsOnBasis: Cypher.false,
        plans,
        practice: practiceFacts(p, null),
        others: new Cypher.List([]),
        basis: basisOf(p),
        dataCategories: collect(
          new Cypher.Match(
            new Cypher.Pattern(p)
              .related({ type: 'PROCESSES', direction: 'right' })
              .to(dc, { labels: ['DataCategory'] }),
          ),
          new Cypher.With(dc).orderBy([dc.property('id'), 'ASC']),
          new Cypher.Return(dc.property('name')),
        ),
      }),
      row,
    ]),
  );
}

export interface RuleQueryInput {
  asOf: string;
  scope: string;
  companies: string[] | null;
  kinds: readonly FindingKind[];
}

/** The one query of every rule; the same text for every input. */
export function ruleQuery(input: RuleQueryInput): NamedQuery {
  const r: RuleParams = {
    asOf: new Cypher.Param(input.asOf),
    scope: new Cypher.Param(input.scope),
    companies: new Cypher.Param(input.companies),
    kinds: new Cypher.Param([...input.kinds]),
  };
  const facts = new Cypher.Variable();
  const union = new Cypher.Union(
    comparison(
      r,
      'RIGHT_CONDITIONED_ON_PAYMENT',
      'gdpr-12-5',
      WITHHOLDING_STATUSES,
      GRANTING_STATUSES,
      true,
      facts,
    ),
    comparison(
      r,
      'RIGHT_ONLY_ON_REQUEST',
      'gdpr-12-2',
      ['ON_REQUEST'],
      ['IN_PRODUCT'],
      false,
      facts,
    ),
    noWayToObject(r, facts),
    trainingOnByDefault(r, facts),
  ).all();
  return named(
    'findingRules',
    Cypher.utils.concat(new Cypher.Call(union, []), new Cypher.Return([facts, 'facts'])),
  );
}
