/**
 * The history of practices stays one line per plan, region and data, whoever writes and however
 * many at once: no practice gets two successors covering the same plan, scope and data, a
 * successor never starts before its predecessor started or ended, and recordPractice leaves one
 * practice in force per plan, purpose and scope. Ids are unique across the whole graph. The
 * suite owns its data: the FX Corp world of test/fixtures/rules.ts.
 */
import { createApiKey } from '../../src/api/auth/api-keys.store';
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { startTestApi, type TestApi } from '../helpers/api';
import { rulesBundle } from '../fixtures/rules';
import { graphSnapshot, resetGraph, testDatabase } from '../helpers/graph';

const SRC = 'fx-src-policy';
const INGEST = `mutation ($bundle: BundleInput!) { ingestBundle(bundle: $bundle, source: "history test") { changedIds } }`;
const RECORD = `mutation ($input: PracticeInput!) { recordPractice(input: $input) { id replaces { id } } }`;

/** A practice of the fixture world's shape: human review of FX Pro's prompts in the EEA. */
const practice = (id: string, more: Record<string, unknown> = {}) => ({
  id,
  plans: ['fx-pro'],
  purpose: 'hist-review',
  scope: ['EEA'],
  dataCategories: ['user-prompts'],
  default: 'ON',
  verification: 'VERIFIED',
  summary: `History test practice ${id}.`,
  sources: [SRC],
  ...more,
});

/** The same as recordPractice's input, which cites its sources as evidence. */
const practiceInput = (id: string, validFrom: string) => ({
  ...practice(id, { validFrom, rights: [{ right: 'OBJECT', status: 'ON_REQUEST' }] }),
  sources: [{ source: SRC }],
});

describe('the history of practices', () => {
  let db: Database;
  let api: TestApi;
  let curator = '';

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [
      { file: 'rules', data: rulesBundle() },
      {
        file: 'history',
        data: {
          purposes: [{ id: 'hist-review', name: 'Human review', sources: [SRC] }],
          dataCategories: [{ id: 'hist-voice', name: 'Voice recordings', sources: [SRC] }],
        },
      },
    ]);
    curator = `Bearer ${(await createApiKey(db, 'curator', 'history test')).token}`;
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  /** The practices for one plan and purpose: who replaces whom, and which are in force. */
  async function line(plan: string, purpose: string) {
    const rows = await db.read(
      'line',
      `MATCH (:Plan {id: $plan})<-[:APPLIES_TO]-(p:Practice)-[:FOR_PURPOSE]->(:Purpose {id: $purpose})
       RETURN p.id AS id, toString(p.validFrom) AS from, toString(p.validTo) AS to,
         [(p)-[:REPLACES]->(old) | old.id] AS replaces, [(next)-[:REPLACES]->(p) | next.id] AS successors
       ORDER BY p.validFrom`,
      { plan, purpose },
    );
    return rows as {
      id: string;
      from: string;
      to: string | null;
      replaces: string[];
      successors: string[];
    }[];
  }

  it('leaves one practice in force and one line of history after 20 concurrent recordPractice calls', async () => {
    const first = await api.gql(
      RECORD,
      { input: practiceInput('hist-race-0', '2026-01-01') },
      curator,
    );
    expect(first.errors).toBeUndefined();
    const day = (i: number) => `2026-02-${String(i).padStart(2, '0')}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.gql(RECORD, { input: practiceInput(`hist-race-${i + 1}`, day(i + 1)) }, curator),
      ),
    );
    const recorded = results
      .filter((r) => !r.errors)
      .map((r) => r.data!.recordPractice.id as string);
    expect(recorded.length).toBeGreaterThan(0);
    // A call that lost every race, or whose date no longer follows the winner's, is told so.
    for (const r of results.filter((res) => res.errors)) {
      const error = r.errors![0]!;
      expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(error.extensions?.code);
      expect(error.message).toMatch(/another write|must be after|already has a successor/);
    }

    const practices = await line('fx-pro', 'hist-review');
    expect(practices.map((p) => p.id).sort()).toEqual(['hist-race-0', ...recorded].sort());
    expect(practices.filter((p) => p.to === null)).toHaveLength(1);
    // One line: each practice but the first replaces the one before it, which ended as it began.
    for (const [i, p] of practices.entries()) {
      expect(p.successors.length).toBeLessThanOrEqual(1);
      if (i === 0) continue;
      const previous = practices[i - 1]!;
      expect(p.replaces).toEqual([previous.id]);
      expect(previous.to).toBe(p.from);
      expect(p.from > previous.from).toBe(true);
    }
    // The matrix has one answer for the cell.
    const matrix = await api.gql(
      `{ rightsMatrix(companies: ["fx-corp"], purpose: "hist-review", rights: [OBJECT], asOf: "2026-06-01") { rows { plan { id } cells { practice { id } } } } }`,
    );
    expect(matrix.errors).toBeUndefined();
    const pro = matrix.data!.rightsMatrix.rows.find((r: any) => r.plan.id === 'fx-pro');
    expect(new Set(pro.cells.map((c: any) => c.practice?.id))).toEqual(
      new Set([practices.at(-1)!.id]),
    );
  });

  describe('refuses, naming the practices, and writes nothing:', () => {
    const refused = async (bundle: object) => {
      const before = await graphSnapshot(db);
      const res = await api.gql(INGEST, { bundle }, curator);
      expect(await graphSnapshot(db)).toEqual(before);
      return res.errors?.[0];
    };

    it('a successor that starts before its predecessor started', async () => {
      const error = await refused({
        practices: [
          practice('hist-early', {
            plans: ['fx-plus'],
            scope: ['WORLDWIDE'],
            purpose: 'ai-model-training',
            validFrom: '2025-01-15',
            replaces: 'fx-plus-training',
          }),
        ],
      });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.problems).toEqual([
        {
          path: 'practices.hist-early.validFrom',
          message: expect.stringMatching(
            /"hist-early" starts 2025-01-15, not after "fx-plus-training" started \(2025-02-01\)/,
          ),
        },
      ]);
    });

    it('a successor that starts before its predecessor ended', async () => {
      const ended = await api.gql(
        INGEST,
        {
          bundle: {
            practices: [
              practice('hist-ended', {
                plans: ['fx-free'],
                validFrom: '2025-03-01',
                validTo: '2025-09-01',
              }),
            ],
          },
        },
        curator,
      );
      expect(ended.errors).toBeUndefined();
      const error = await refused({
        practices: [
          practice('hist-overlapping', {
            plans: ['fx-free'],
            validFrom: '2025-06-01',
            replaces: 'hist-ended',
          }),
        ],
      });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.problems).toEqual([
        {
          path: 'practices.hist-overlapping.validFrom',
          message: '"hist-overlapping" starts 2025-06-01, before "hist-ended" ended (2025-09-01)',
        },
      ]);
    });

    it('two successors of one practice for the same plan, scope and data in one bundle', async () => {
      const error = await refused({
        practices: [
          practice('hist-fork-a', {
            plans: ['fx-pro'],
            purpose: 'ai-model-training',
            scope: ['EEA'],
            validFrom: '2026-05-01',
            replaces: 'fx-pro-training',
          }),
          practice('hist-fork-b', {
            plans: ['fx-pro'],
            purpose: 'ai-model-training',
            scope: ['EEA', 'UK'],
            validFrom: '2026-06-01',
            replaces: 'fx-pro-training',
          }),
        ],
      });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      // Found by validation, before any write (seed:check sees it too), at the bundle's path.
      expect(error?.extensions?.problems).toEqual([
        {
          file: 'input',
          path: 'practices[0].replaces',
          message: expect.stringContaining(
            '"hist-fork-a" and "hist-fork-b" both replace "fx-pro-training"',
          ),
        },
      ]);
    });

    it('a second successor, later, naming the one already recorded', async () => {
      const first = await api.gql(
        INGEST,
        {
          bundle: {
            practices: [
              practice('hist-next', {
                plans: ['fx-free'],
                purpose: 'ai-model-training',
                validFrom: '2026-05-01',
                replaces: 'fx-free-training',
              }),
            ],
          },
        },
        curator,
      );
      expect(first.errors).toBeUndefined();
      const error = await refused({
        practices: [
          practice('hist-next-too', {
            plans: ['fx-free'],
            purpose: 'ai-model-training',
            validFrom: '2026-07-01',
            replaces: 'fx-free-training',
          }),
        ],
      });
      expect(error?.extensions?.code).toBe('CONFLICT');
      expect(error?.message).toMatch(
        /"fx-free-training" already has a successor .*\("hist-next"\)/,
      );
    });

    it("an incident that takes a practice's id (retract would have hit the practice)", async () => {
      const error = await refused({
        incidents: [
          {
            id: 'fx-pro-training',
            kind: 'COMPLAINT',
            title: 'An incident under a practice id',
            date: '2026-01-05',
            against: ['fx-corp'],
            verification: 'VERIFIED',
            summary: 'Takes an existing id.',
            sources: [SRC],
          },
        ],
      });
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.problems).toEqual([
        {
          file: 'input',
          path: 'incidents[0].id',
          message:
            'id "fx-pro-training" is already used by a Practice in the graph; ids are unique across the graph',
        },
      ]);
    });
  });

  it('lets a practice change apart by region and by data category', async () => {
    const res = await api.gql(
      INGEST,
      {
        bundle: {
          practices: [
            practice('hist-split-eea', {
              plans: ['fx-pro'],
              purpose: 'ai-model-training',
              scope: ['EEA'],
              validFrom: '2026-09-01',
              replaces: 'fx-pro-training',
            }),
            practice('hist-split-uk', {
              plans: ['fx-pro'],
              purpose: 'ai-model-training',
              scope: ['UK'],
              validFrom: '2026-09-01',
              replaces: 'fx-pro-training',
            }),
          ],
        },
      },
      curator,
    );
    expect(res.errors).toBeUndefined();
    const voice = await api.gql(
      INGEST,
      {
        bundle: {
          practices: [
            practice('hist-split-voice', {
              plans: ['fx-pro'],
              purpose: 'ai-model-training',
              scope: ['EEA'],
              dataCategories: ['hist-voice'],
              validFrom: '2026-10-01',
              replaces: 'fx-pro-training',
            }),
          ],
        },
      },
      curator,
    );
    expect(voice.errors).toBeUndefined();
    const history = await line('fx-pro', 'ai-model-training');
    // It ended when the first part changed.
    expect(history.find((p) => p.id === 'fx-pro-training')!.to).toBe('2026-09-01');
    const successors = history.find((p) => p.id === 'fx-pro-training')!.successors;
    expect(successors.sort()).toEqual(['hist-split-eea', 'hist-split-uk', 'hist-split-voice']);
  });

  it('keeps ids unique in the database itself, whatever writes', async () => {
    await expect(
      db.write('duplicateId', `CREATE (:Incident:Entity {id: 'fx-free-training'})`),
    ).rejects.toThrow('the write "duplicateId" would break a uniqueness rule of the graph');
    const labels = await db.read(
      'labels',
      `MATCH (n {id: 'fx-free-training'}) RETURN labels(n) AS labels`,
    );
    expect(labels).toEqual([{ labels: expect.arrayContaining(['Practice', 'Entity']) }]);
  });
});
