/**
 * What changed at a company, and when: practices starting, changing and ending, and
 * incidents, in date order. A change lists what differs from the practice it replaced.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import type { ApiContext } from '../context';
import { queryConnection } from '../query/run';
import { TIMELINE_ORDER } from './timeline.projection';
import { TimelineArgs, TimelineConnection } from './timeline.type';

const practicesOf = (company: string): string =>
  `MATCH (:Company {id: ${company}})<-[:OFFERED_BY]-(:Product)<-[:OF]-(pl:Plan)<-[:APPLIES_TO]-(p:Practice)-[:FOR_PURPOSE]->(pu:Purpose)`;

/** The differences between a practice and the one it replaced, as readable lines. */
const CHANGES = `CASE WHEN old IS NULL THEN [] ELSE
  CASE WHEN old.default <> p.default THEN ['Default: ' + old.default + ' -> ' + p.default] ELSE [] END +
  COLLECT {
    MATCH (p)-[h:HANDLES]->(r:Right)
    WITH r, h, COLLECT { MATCH (old)-[oh:HANDLES]->(r) RETURN oh.status }[0] AS before
    WHERE before IS NULL OR before <> h.status
    RETURN r.name + ': ' + coalesce(before, 'not stated') + ' -> ' + h.status
  } +
  CASE WHEN COLLECT { MATCH (old)-[:ON_BASIS]->(b) RETURN b.id } <> COLLECT { MATCH (p)-[:ON_BASIS]->(b) RETURN b.id }
    THEN ['Legal basis: ' + coalesce(COLLECT { MATCH (old)-[:ON_BASIS]->(b) RETURN b.name }[0], 'not stated') + ' -> ' +
      coalesce(COLLECT { MATCH (p)-[:ON_BASIS]->(b) RETURN b.name }[0], 'not stated')]
    ELSE [] END
END`;

@Resolver()
export class TimelineResolver {
  @Query(() => TimelineConnection, {
    description:
      'What changed at a company and when: practice changes and incidents, in date order.',
  })
  async timeline(
    @Args() args: TimelineArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    if (args.from && args.to && args.from > args.to) {
      throw new AppError('BAD_USER_INPUT', `"from" ${args.from} is after "to" ${args.to}`, {
        argument: 'from',
      });
    }
    return queryConnection(
      ctx,
      'timeline',
      'TimelineEntry',
      info,
      TIMELINE_ORDER,
      (scope, t) => {
        const company = scope.param(args.company);
        const from = scope.param(args.from ?? null);
        const to = scope.param(args.to ?? null);
        return `CALL () {
  ${practicesOf(company)}
  WHERE p.validFrom IS NOT NULL
  OPTIONAL MATCH (p)-[:REPLACES]->(old:Practice)
  RETURN {date: p.validFrom, id: 'practice-started:' + p.id, kind: CASE WHEN old IS NULL THEN 'PRACTICE_STARTED' ELSE 'PRACTICE_CHANGED' END,
    title: CASE WHEN old IS NULL THEN 'New practice' ELSE 'Practice changed' END + ' on ' + pl.name + ': ' + pu.name,
    changes: ${CHANGES}, plan: pl, practice: p, previous: old, incident: null} AS entry
  UNION ALL
  ${practicesOf(company)}
  WHERE p.validTo IS NOT NULL AND NOT EXISTS { (p)<-[:REPLACES]-(next:Practice) WHERE next.validFrom = p.validTo }
  RETURN {date: p.validTo, id: 'practice-ended:' + p.id, kind: 'PRACTICE_ENDED', title: 'Practice ended on ' + pl.name + ': ' + pu.name,
    changes: [], plan: pl, practice: p, previous: null, incident: null} AS entry
  UNION ALL
  MATCH (:Company {id: ${company}})<-[:AGAINST]-(i:Incident) WHERE i.retractedAt IS NULL
  RETURN {date: i.date, id: 'incident:' + i.id, kind: 'INCIDENT', title: i.title, changes: [], plan: null, practice: null, previous: null, incident: i} AS entry
}
WITH entry AS ${t} WHERE (${from} IS NULL OR ${t}.date >= date(${from})) AND (${to} IS NULL OR ${t}.date <= date(${to}))`;
      },
      {
        mustExist: {
          condition: (scope) => `EXISTS { MATCH (:Company {id: ${scope.param(args.company)}}) }`,
          message: `no company with id "${args.company.slice(0, 100)}"`,
        },
      },
    );
  }
}
