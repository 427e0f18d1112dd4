/** The Cypher of the incidents question: the MATCH of the incidents a filter keeps. */
import Cypher from '@neo4j/cypher-builder';
import { AppError } from '../../errors';
import { standing } from '../entities/conditions';
import { provisionIdOrFail } from '../provisions/provisions.resolver';
import type { IncidentFilter } from './incidents.args';

/** Whether any condition is given (then the count store cannot give the total). */
export const isFiltered = (filter: IncidentFilter | null | undefined): boolean =>
  Object.values(filter ?? {}).some((v) => v !== null && v !== undefined);

const toward = (incident: Cypher.Node, type: string, label: string, id: string): Cypher.Predicate =>
  new Cypher.Exists(
    new Cypher.Pattern(incident)
      .related({ type, direction: 'right' })
      .to(new Cypher.Node(), { labels: [label], properties: { id: new Cypher.Param(id) } }),
  );

/** Incidents meeting a filter, bound to `incident`; every value is a parameter. */
export function incidentsMatch(
  filter: IncidentFilter | null | undefined,
  incident: Cypher.Node,
): Cypher.Match {
  const f = filter ?? {};
  if (f.from && f.to && f.from > f.to)
    throw new AppError('BAD_USER_INPUT', `filter.from ${f.from} is after filter.to ${f.to}`, {
      argument: 'filter',
    });
  // The page says that date and id are never null, for the (date, id) index (INCIDENT_ORDER).
  const where: Cypher.Predicate[] = [standing(incident)];
  if (f.provision) {
    const id = provisionIdOrFail(f.provision, 'filter.provision');
    where.push(
      new Cypher.Exists(
        new Cypher.Pattern(incident)
          .related({ type: 'CITES', direction: 'right' })
          .to(new Cypher.Node(), { labels: ['Provision'] })
          .related({ type: 'PART_OF', direction: 'right', length: { min: 0, max: 3 } })
          .to(new Cypher.Node(), {
            labels: ['Provision'],
            properties: { id: new Cypher.Param(id) },
          }),
      ),
    );
  }
  if (f.regulation) {
    const cited = new Cypher.Node();
    where.push(
      new Cypher.Exists(
        new Cypher.Match(
          new Cypher.Pattern(incident)
            .related({ type: 'CITES', direction: 'right' })
            .to(cited, { labels: ['Provision'] }),
        ).where(Cypher.eq(cited.property('regulation'), new Cypher.Param(f.regulation))),
      ),
    );
  }
  if (f.authority) where.push(toward(incident, 'BEFORE', 'Authority', f.authority));
  if (f.company) where.push(toward(incident, 'AGAINST', 'Company', f.company));
  if (f.kind) where.push(Cypher.eq(incident.property('kind'), new Cypher.Param(f.kind)));
  if (f.from)
    where.push(Cypher.gte(incident.property('date'), Cypher.date(new Cypher.Param(f.from))));
  if (f.to) where.push(Cypher.lte(incident.property('date'), Cypher.date(new Cypher.Param(f.to))));
  return new Cypher.Match(new Cypher.Pattern(incident, { labels: ['Incident'] })).where(
    Cypher.and(...where),
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
