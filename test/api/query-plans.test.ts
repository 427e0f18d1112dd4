/**
 * The plans Neo4j makes of the questions that carry an index hint (src/api/translate/
 * planner-hints.ts). A hint Neo4j cannot follow is ignored without an error, so a renamed or
 * dropped index would make these questions slow on a large graph (ten times, bench/README.md)
 * and nothing else would say so: here the real Neo4j's EXPLAIN of the Cypher each question
 * sends must seek the HANDLES(status) index (migration 013).
 */
import Cypher from '@neo4j/cypher-builder';
import type { Driver, ProfiledPlan } from 'neo4j-driver';
import { deniedRows } from '../../src/api/rights/rights.query';
import type { RecordedQuery } from '../helpers/recording-database';
import { rulesApiForSuite } from '../helpers/rules-api';

type Plan = Pick<ProfiledPlan, 'operatorType' | 'arguments'> & { children: Plan[] };

function operators(plan: Plan): { type: string; details: string }[] {
  const details = plan.arguments['Details'];
  return [
    { type: plan.operatorType, details: typeof details === 'string' ? details : '' },
    ...plan.children.flatMap(operators),
  ];
}

async function explain(
  driver: Driver,
  q: RecordedQuery,
): Promise<{ type: string; details: string }[]> {
  const session = driver.session();
  try {
    const result = await session.run(`EXPLAIN ${q.cypher}`, q.params);
    const plan = result.summary.plan;
    if (!plan) throw new Error(`no plan for ${q.name}`);
    return operators(plan);
  } finally {
    await session.close();
  }
}

const seeksHandlesStatus = (ops: { type: string; details: string }[]): string[] =>
  ops
    .filter((o) => /RelationshipIndexSeek/.test(o.type) && /HANDLES\(status\)/.test(o.details))
    .map((o) => o.details);

describe('the plans of the questions with an index hint', () => {
  const rules = rulesApiForSuite();

  it('plansDenyingRight seeks the withholding HANDLES by status', async () => {
    // The question's match is a subquery of its answer, whose plan EXPLAIN shows as one
    // operator: the match the API builds (deniedRows) is explained on its own.
    const row = new Cypher.Variable();
    const bindings = {
      asOf: new Cypher.Param('2025-03-01'),
      scope: new Cypher.Param('EEA'),
      purpose: new Cypher.Param(null),
    };
    const { cypher, params } = Cypher.utils
      .concat(
        deniedRows(bindings, new Cypher.Param('OBJECT'), row),
        new Cypher.Return(Cypher.count(row)),
      )
      .build();
    const seeks = seeksHandlesStatus(
      await explain(rules.db.driver, { name: 'deniedRows', cypher, params }),
    );
    expect(seeks).toHaveLength(1);
    expect(seeks[0]).toMatch(/status IN/);
  });

  it('findings: the three rules that read withholding HANDLES seek them by status', async () => {
    const queries = await rules.queriesOf(
      `{ findings(kind: RIGHT_CONDITIONED_ON_PAYMENT, asOf: "2025-03-01") { totalCount nodes { id } } }`,
    );
    const findingRules = queries.find((q) => q.name === 'findingRules');
    expect(findingRules).toBeDefined();
    // One query holds every rule as a branch, planned whatever kinds are asked: payment,
    // on request and no way to object each begin with the seek.
    const seeks = seeksHandlesStatus(await explain(rules.db.driver, findingRules!));
    expect(seeks).toHaveLength(3);
  });
});
