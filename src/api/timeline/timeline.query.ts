/**
 * The Cypher of the timeline: a company's practices starting, changing and ending, and its
 * incidents, as entry maps. The entries carry facts; their words are composed in
 * timeline.words.ts.
 */
import Cypher from '@neo4j/cypher-builder';
import { partialDate, standing } from '../entities/conditions';
import type { OrderKey } from '../translate/projection';

export const TIMELINE_ORDER: OrderKey[] = [
  { expr: (t) => t.property('day'), direction: 'ASC', kind: 'date' },
  { expr: (t) => t.property('id'), direction: 'ASC', kind: 'string' },
];

/** A practice's facts a change is described by. */
function facts(p: Cypher.Node): Cypher.Map {
  const b = new Cypher.Node();
  const h = new Cypher.Relationship();
  const r = new Cypher.Node();
  return new Cypher.Map({
    default: p.property('default'),
    scope: p.property('scope'),
    basis: Cypher.head(
      new Cypher.Collect(
        Cypher.utils.concat(
          new Cypher.Match(
            new Cypher.Pattern(p).related({ type: 'ON_BASIS', direction: 'right' }).to(b),
          ),
          new Cypher.Return(b.property('name')),
        ),
      ),
    ),
    rights: new Cypher.Collect(
      Cypher.utils.concat(
        new Cypher.Match(
          new Cypher.Pattern(p)
            .related(h, { type: 'HANDLES', direction: 'right' })
            .to(r, { labels: ['Right'] }),
        ),
        new Cypher.Return(new Cypher.List([r.property('name'), h.property('status')])),
      ),
    ),
  });
}

/** The company's practices, once each with the plans of the company it applies to. */
function practicesOf(
  company: Cypher.Param,
  p: Cypher.Node,
  pu: Cypher.Node,
  plans: Cypher.Variable,
): Cypher.Clause {
  const pl = new Cypher.Node();
  return Cypher.utils.concat(
    new Cypher.Match(
      new Cypher.Pattern(new Cypher.Node(), { labels: ['Company'], properties: { id: company } })
        .related({ type: 'OFFERED_BY', direction: 'left' })
        .to(new Cypher.Node(), { labels: ['Product'] })
        .related({ type: 'OF', direction: 'left' })
        .to(pl, { labels: ['Plan'] })
        .related({ type: 'APPLIES_TO', direction: 'left' })
        .to(p, { labels: ['Practice'] })
        .related({ type: 'FOR_PURPOSE', direction: 'right' })
        .to(pu, { labels: ['Purpose'] }),
    ),
    new Cypher.With(p, pu, pl)
      .orderBy([pl.property('id'), 'ASC'])
      .with(p, pu, [Cypher.collect(pl), plans]),
  );
}

const names = (list: Cypher.Variable): Cypher.Expr => {
  const x = new Cypher.Variable();
  return new Cypher.ListComprehension(x).in(list).map(x.property('name'));
};

function started(company: Cypher.Param, entry: Cypher.Variable): Cypher.Clause {
  const p = new Cypher.Node();
  const pu = new Cypher.Node();
  const plans = new Cypher.Variable();
  const old = new Cypher.Node();
  const kind = new Cypher.Case()
    .when(Cypher.isNull(old))
    .then(new Cypher.Literal('PRACTICE_STARTED'))
    .else(new Cypher.Literal('PRACTICE_CHANGED'));
  return Cypher.utils.concat(
    practicesOf(company, p, pu, plans),
    new Cypher.With(p, pu, plans).where(Cypher.isNotNull(p.property('validFrom'))),
    new Cypher.OptionalMatch(
      new Cypher.Pattern(p)
        .related({ type: 'REPLACES', direction: 'right' })
        .to(old, { labels: ['Practice'] }),
    ),
    new Cypher.Return([
      new Cypher.Map({
        day: p.property('validFrom'),
        date: partialDate(p, 'validFrom'),
        id: Cypher.concat(new Cypher.Literal('practice-started:'), p.property('id')),
        kind,
        titleFacts: new Cypher.List([kind, names(plans), pu.property('name'), Cypher.Null]),
        changeFacts: new Cypher.Case()
          .when(Cypher.isNull(old))
          .then(Cypher.Null)
          .else(new Cypher.Map({ before: facts(old), after: facts(p) })),
        plans,
        plan: Cypher.head(plans),
        practice: p,
        previous: old,
        incident: Cypher.Null,
      }),
      entry,
    ]),
  );
}

function ended(company: Cypher.Param, entry: Cypher.Variable): Cypher.Clause {
  const p = new Cypher.Node();
  const pu = new Cypher.Node();
  const plans = new Cypher.Variable();
  const next = new Cypher.Node();
  const kind = new Cypher.Literal('PRACTICE_ENDED');
  return Cypher.utils.concat(
    practicesOf(company, p, pu, plans),
    new Cypher.With(p, pu, plans).where(
      Cypher.and(
        Cypher.isNotNull(p.property('validTo')),
        Cypher.not(
          new Cypher.Exists(
            new Cypher.Match(
              new Cypher.Pattern(p)
                .related({ type: 'REPLACES', direction: 'left' })
                .to(next, { labels: ['Practice'] }),
            ).where(Cypher.eq(next.property('validFrom'), p.property('validTo'))),
          ),
        ),
      ),
    ),
    new Cypher.Return([
      new Cypher.Map({
        day: p.property('validTo'),
        date: partialDate(p, 'validTo'),
        id: Cypher.concat(new Cypher.Literal('practice-ended:'), p.property('id')),
        kind,
        titleFacts: new Cypher.List([kind, names(plans), pu.property('name'), Cypher.Null]),
        changeFacts: Cypher.Null,
        plans,
        plan: Cypher.head(plans),
        practice: p,
        previous: Cypher.Null,
        incident: Cypher.Null,
      }),
      entry,
    ]),
  );
}

function incidents(company: Cypher.Param, entry: Cypher.Variable): Cypher.Clause {
  const i = new Cypher.Node();
  const kind = new Cypher.Literal('INCIDENT');
  return Cypher.utils.concat(
    new Cypher.Match(
      new Cypher.Pattern(new Cypher.Node(), { labels: ['Company'], properties: { id: company } })
        .related({ type: 'AGAINST', direction: 'left' })
        .to(i, { labels: ['Incident'] }),
    ).where(standing(i)),
    new Cypher.Return([
      new Cypher.Map({
        day: i.property('date'),
        date: partialDate(i, 'date'),
        id: Cypher.concat(new Cypher.Literal('incident:'), i.property('id')),
        kind,
        titleFacts: new Cypher.List([kind, Cypher.Null, Cypher.Null, i.property('title')]),
        changeFacts: Cypher.Null,
        plans: new Cypher.List([]),
        plan: Cypher.Null,
        practice: Cypher.Null,
        previous: Cypher.Null,
        incident: i,
      }),
      entry,
    ]),
  );
}

/** Every entry of the company's timeline between two dates (inclusive), bound to `row`. */
export function timelineEntries(
  company: string,
  from: string | null,
  to: string | null,
  row: Cypher.Variable,
): Cypher.Clause {
  const id = new Cypher.Param(company);
  const entry = new Cypher.Variable();
  const fromP = new Cypher.Param(from);
  const toP = new Cypher.Param(to);
  return Cypher.utils.concat(
    new Cypher.Call(
      new Cypher.Union(started(id, entry), ended(id, entry), incidents(id, entry)).all(),
      [],
    ),
    new Cypher.With([entry, row]).where(
      Cypher.and(
        Cypher.or(Cypher.isNull(fromP), Cypher.gte(row.property('day'), Cypher.date(fromP))),
        Cypher.or(Cypher.isNull(toP), Cypher.lte(row.property('day'), Cypher.date(toP))),
      ),
    ),
  );
}
