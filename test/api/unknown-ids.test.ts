/**
 * A question that names an id the graph does not hold (a mistyped company, a purpose, an
 * authority, an article the graph lacks) answers NOT_FOUND naming the argument, not an empty
 * page that reads as "none"; the same question with ids the graph holds answers data. Either way
 * in the question's usual number of Cypher queries.
 */
import { seedCurated, testDatabase } from '../helpers/graph';
import { apiForSuite } from '../helpers/suite-api';
import { openSession, wsUrl } from './ws-session';

interface Case {
  question: string;
  /** A query taking `$id`, and the ids it is asked with. */
  query: string;
  known: unknown;
  unknown: unknown;
  argument: string;
  message: string;
}

const CASES: Case[] = [
  {
    question: 'findings',
    query: 'query ($id: ID) { findings(company: $id) { totalCount } }',
    known: 'mistral-ai',
    unknown: 'mistral',
    argument: 'company',
    message: 'no company with id "mistral"',
  },
  {
    question: 'incidents by company',
    query: 'query ($id: ID) { incidents(first: 5, filter: { company: $id }) { totalCount } }',
    known: 'mistral-ai',
    unknown: 'mistral',
    argument: 'filter.company',
    message: 'no company with id "mistral"',
  },
  {
    question: 'incidents by authority',
    query: 'query ($id: ID) { incidents(first: 5, filter: { authority: $id }) { totalCount } }',
    known: 'cnil',
    unknown: 'cnill',
    argument: 'filter.authority',
    message: 'no authority with id "cnill"',
  },
  {
    question: 'incidents citing a provision',
    query: 'query ($id: String) { incidents(first: 5, filter: { provision: $id }) { totalCount } }',
    known: 'Art. 12',
    unknown: 'Art. 12(9)',
    argument: 'filter.provision',
    message: 'no provision with id "gdpr-12-9"',
  },
  {
    question: 'incidents citing a regulation',
    query: 'query ($id: ID) { incidents(first: 5, filter: { regulation: $id }) { totalCount } }',
    known: 'RGPD',
    unknown: 'gdpr2',
    argument: 'filter.regulation',
    message: 'no regulation with id "gdpr2"',
  },
  {
    question: 'incidents recorded after an instant, by authority',
    query:
      'query ($id: ID) { incidents(first: 5, recordedAfter: "2020-01-01T00:00:00Z", filter: { authority: $id }) { totalCount } }',
    known: 'cnil',
    unknown: 'cnill',
    argument: 'filter.authority',
    message: 'no authority with id "cnill"',
  },
  {
    question: 'plansDenyingRight',
    query:
      'query ($id: ID) { plansDenyingRight(right: OBJECT, purpose: $id, first: 5) { totalCount } }',
    known: 'ai-model-training',
    unknown: 'ai-training',
    argument: 'purpose',
    message: 'no purpose with id "ai-training"',
  },
  {
    question: 'rightsMatrix companies',
    query: 'query ($id: [ID!]) { rightsMatrix(companies: $id) { totalCount } }',
    known: ['mistral-ai', 'openai'],
    unknown: ['mistral-ai', 'open-ai', 'mistral'],
    argument: 'companies',
    message: 'no companies with ids "open-ai", "mistral"',
  },
  {
    question: 'rightsMatrix purpose',
    query:
      'query ($id: ID) { rightsMatrix(companies: ["mistral-ai"], purpose: $id) { totalCount } }',
    known: 'ai-model-training',
    unknown: 'ai-training',
    argument: 'purpose',
    message: 'no purpose with id "ai-training"',
  },
  {
    question: 'provisions',
    query: 'query ($id: ID) { provisions(regulation: $id) { totalCount } }',
    known: 'dma',
    unknown: 'dsa2',
    argument: 'regulation',
    message: 'no regulation with id "dsa2"',
  },
  {
    question: 'timeline',
    query: 'query ($id: ID!) { timeline(company: $id) { totalCount } }',
    known: 'mistral-ai',
    unknown: 'mistral',
    argument: 'company',
    message: 'no company with id "mistral"',
  },
];

describe('ids the graph does not hold', () => {
  const suite = apiForSuite(testDatabase, seedCurated);

  const rootOf = (data: Record<string, any> | undefined) => Object.values(data ?? {})[0];

  it.each(CASES.map((c) => [c.question, c] as const))(
    '%s: NOT_FOUND naming the argument, data for ids the graph holds',
    async (_question, c) => {
      const known = await suite.api.gql(c.query, { id: c.known });
      expect(known.errors).toBeUndefined();
      expect(rootOf(known.data).totalCount).toBeGreaterThan(0);

      // Twice: the second may be answered from a kept answer, which must say the same.
      for (let i = 0; i < 2; i++) {
        const unknown = await suite.api.gql(c.query, { id: c.unknown });
        expect(unknown.data ?? null).toBeNull();
        expect(unknown.errors).toEqual([
          expect.objectContaining({
            message: c.message,
            extensions: expect.objectContaining({ code: 'NOT_FOUND', argument: c.argument }),
          }),
        ]);
        // Checked in the question's own queries: no round trip more than its answer takes.
        expect(unknown.cypherQueries).toBeLessThanOrEqual(known.cypherQueries);
      }
    },
  );

  it('an id the graph did not hold yet at knownAt is unknown then, and known now', async () => {
    const query =
      'query ($at: DateTime) { findings(company: "mistral-ai", knownAt: $at) { totalCount } }';
    const then = await suite.api.gql(query, { at: '2020-01-01T00:00:00Z' });
    expect(then.errors).toEqual([
      expect.objectContaining({
        // Unknown then, perhaps known now: the error says when.
        message: 'no company with id "mistral-ai" as known at 2020-01-01T00:00:00.000Z',
        extensions: {
          code: 'NOT_FOUND',
          argument: 'company',
          knownAt: '2020-01-01T00:00:00.000Z',
        },
      }),
    ]);
    const now = await suite.api.gql(query, { at: null });
    expect(now.errors).toBeUndefined();
    expect(now.data!.findings.totalCount).toBeGreaterThan(0);
  });

  it('rightsMatrix checks its companies in the graph as known at knownAt', async () => {
    const query =
      'query ($at: DateTime) { rightsMatrix(companies: ["mistral-ai"], knownAt: $at) { totalCount } }';
    const then = await suite.api.gql(query, { at: '2020-01-01T00:00:00Z' });
    expect(then.errors?.[0]?.extensions).toEqual({
      code: 'NOT_FOUND',
      argument: 'companies',
      knownAt: '2020-01-01T00:00:00.000Z',
    });
    const now = await suite.api.gql(query, { at: new Date().toISOString() });
    expect(now.errors).toBeUndefined();
    expect(now.data!.rightsMatrix.totalCount).toBeGreaterThan(0);
  });

  it('findingsChanged refuses a company the graph does not hold when subscribing', async () => {
    const session = openSession(wsUrl(suite.api.url));
    try {
      expect(await session.acknowledged).toBe(true);
      // Before the check, the subscription waited for ever: no answer in 5 s fails here.
      const refused = await Promise.race([
        session.request('subscription { findingsChanged(company: "mistral") { companyId } }'),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no answer to the subscription in 5 s')), 5000).unref(),
        ),
      ]);
      expect(refused.errors).toEqual([
        expect.objectContaining({
          message: 'no company with id "mistral"',
          extensions: expect.objectContaining({ code: 'NOT_FOUND', argument: 'company' }),
        }),
      ]);
      // A company the graph holds is listened for: no answer until its findings change.
      const held = session.subscribe(
        'subscription { findingsChanged(company: "mistral-ai") { companyId } }',
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(held.received).toEqual([]);
    } finally {
      session.close();
    }
  });
});
