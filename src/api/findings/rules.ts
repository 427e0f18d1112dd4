/**
 * The rules that derive findings: the one place where the graph's facts become conclusions.
 * Each rule is a Cypher branch that binds the facts that trigger it and returns a finding map:
 * {kind, id, company, product, plans, practices, right, provisions, explanation, companyName}.
 * Provision ids and statuses are constants of the rules; dates and filters are parameters.
 */
import { inForce } from '../entities/entities.projection';

export const FINDING_KINDS = [
  'RIGHT_CONDITIONED_ON_PAYMENT',
  'NO_WAY_TO_OBJECT',
  'TRAINING_ON_BY_DEFAULT',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface FindingRule {
  kind: FindingKind;
  title: string;
  /** What the rule checks, in words, for the schema docs and the README. */
  description: string;
  /** A Cypher branch; `asOf` and `companies` are parameter references ($p..). */
  cypher(asOf: string, companies: string): string;
}

/** Lower-cases the first letter only, so that "AI" stays "AI" mid-sentence. */
const lcfirst = (x: string): string => `toLower(left(${x}, 1)) + substring(${x}, 1)`;
/** `companies` is a parameter holding a list of company ids, or null for all. */
const companyFilter = (companies: string): string =>
  `(${companies} IS NULL OR c.id IN ${companies})`;
const names = (list: string): string =>
  `reduce(s = '', x IN ${list} | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x.name)`;
/** The provisions with these ids that the graph holds (a missing one is left out, not invented). */
const provisions = (ids: string[]): string =>
  `COLLECT { MATCH (x:Provision) WHERE x.id IN ${JSON.stringify(ids)} RETURN x }`;

export const FINDING_RULES: Record<FindingKind, FindingRule> = {
  RIGHT_CONDITIONED_ON_PAYMENT: {
    kind: 'RIGHT_CONDITIONED_ON_PAYMENT',
    title: 'A right is conditioned on payment',
    description:
      'A right that paid plans of a product can exercise at no extra cost cannot be exercised on a free plan of the same product for the same purpose (or only by paying). Art. 12(5) GDPR makes the exercise of rights free of charge.',
    cypher: (
      asOf,
      companies,
    ) => `MATCH (c:Company)<-[:OFFERED_BY]-(pr:Product)<-[:OF]-(free:Plan)<-[:APPLIES_TO]-(fp:Practice)-[fh:HANDLES]->(rt:Right)
WHERE ${companyFilter(companies)} AND NOT free.paid AND fh.status IN ['UNAVAILABLE', 'PAID_ONLY'] AND ${inForce('fp', asOf)}
MATCH (fp)-[:FOR_PURPOSE]->(pu:Purpose)<-[:FOR_PURPOSE]-(pp:Practice)-[ph:HANDLES]->(rt)
WHERE ph.status = 'AVAILABLE' AND ${inForce('pp', asOf)}
MATCH (pp)-[:APPLIES_TO]->(paid:Plan)-[:OF]->(pr)
WHERE paid.paid
WITH c, pr, free, fp, fh, rt, pu, collect(DISTINCT paid) AS paidPlans, collect(DISTINCT pp) AS paidPractices
RETURN {
  kind: 'RIGHT_CONDITIONED_ON_PAYMENT', id: 'right-conditioned-on-payment:' + fp.id + ':' + rt.code,
  company: c, companyName: c.name, product: pr, plans: [free] + paidPlans, practices: [fp] + paidPractices, right: rt,
  provisions: ${provisions(['gdpr-12-5'])} + COLLECT { MATCH (rt)-[:GRANTED_BY]->(x:Provision) RETURN x },
  explanation: 'On ' + free.name + ' the ' + toLower(rt.name) + ' is ' + toLower(replace(fh.status, '_', ' ')) + ' for ' + ${lcfirst('pu.name')} +
    ', while on ' + ${names('paidPlans')} + ' paying users can exercise it. Art. 12(5) GDPR requires the exercise of rights to be free of charge.'
} AS finding`,
  },
  NO_WAY_TO_OBJECT: {
    kind: 'NO_WAY_TO_OBJECT',
    title: 'No way to object to processing on legitimate interest',
    description:
      'Processing rests on a legal basis that opens the right to object (legitimate interest, Art. 6(1)(f)), yet the plan offers no way to object. Art. 21(1) GDPR gives the data subject that right.',
    cypher: (
      asOf,
      companies,
    ) => `MATCH (p:Practice)-[:ON_BASIS]->(lb:LegalBasis)-[:TRIGGERS]->(rt:Right {code: 'OBJECT'})
WHERE p.default <> 'NEVER' AND ${inForce('p', asOf)} AND EXISTS { (p)-[h:HANDLES]->(rt) WHERE h.status = 'UNAVAILABLE' }
MATCH (p)-[:APPLIES_TO]->(pl:Plan)-[:OF]->(pr:Product)-[:OFFERED_BY]->(c:Company)
WHERE ${companyFilter(companies)}
MATCH (p)-[:FOR_PURPOSE]->(pu:Purpose)
RETURN {
  kind: 'NO_WAY_TO_OBJECT', id: 'no-way-to-object:' + p.id,
  company: c, companyName: c.name, product: pr, plans: [pl], practices: [p], right: rt,
  provisions: COLLECT { MATCH (rt)-[:GRANTED_BY]->(x:Provision) RETURN x } + COLLECT { MATCH (lb)-[:DEFINED_BY]->(x:Provision) RETURN x },
  explanation: 'On ' + pl.name + ', ' + ${lcfirst('pu.name')} + ' rests on ' + ${lcfirst('lb.name')} + ', which opens the right to object, but the plan offers no way to object.'
} AS finding`,
  },
  TRAINING_ON_BY_DEFAULT: {
    kind: 'TRAINING_ON_BY_DEFAULT',
    title: 'User content trains AI models by default',
    description:
      'User content is used to train AI models unless the user acts (opt-out rather than opt-in). Where the basis is consent this is not valid consent; on legitimate interest the user must be able to object (Art. 21).',
    cypher: (
      asOf,
      companies,
    ) => `MATCH (pu:Purpose {id: 'ai-model-training'})<-[:FOR_PURPOSE]-(p:Practice)
WHERE p.default = 'ON' AND ${inForce('p', asOf)}
MATCH (p)-[:APPLIES_TO]->(pl:Plan)-[:OF]->(pr:Product)-[:OFFERED_BY]->(c:Company)
WHERE ${companyFilter(companies)}
OPTIONAL MATCH (p)-[:ON_BASIS]->(lb:LegalBasis)
RETURN {
  kind: 'TRAINING_ON_BY_DEFAULT', id: 'training-on-by-default:' + p.id,
  company: c, companyName: c.name, product: pr, plans: [pl], practices: [p], right: null,
  provisions: COLLECT { MATCH (lb)-[:DEFINED_BY]->(x:Provision) RETURN x } + ${provisions(['gdpr-21-1'])},
  explanation: 'On ' + pl.name + ', user content (' + ${names('COLLECT { MATCH (p)-[:PROCESSES]->(d:DataCategory) RETURN d }')} +
    ') trains AI models unless the user opts out.'
} AS finding`,
  },
};

/** One Cypher branch per requested kind, as a UNION binding `finding`. */
export function findingsUnion(
  kinds: readonly FindingKind[],
  asOf: string,
  companies: string,
): string {
  return kinds.map((k) => FINDING_RULES[k].cypher(asOf, companies)).join('\nUNION ALL\n');
}
