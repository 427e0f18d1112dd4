/**
 * Proposals and their review, through the API against a real Neo4j: a contributor's proposal
 * stays out of every question until a curator approves it; nobody reviews their own; a
 * proposal the graph changed under is flagged and applied only with an acknowledgement; a
 * rejection keeps its reason; the audit log names both keys; a bad proposal is refused with
 * the problems a write gets; readers see nothing of it. The suite owns its data: the FX Corp
 * world of test/fixtures/rules.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiKey } from '../../src/api/auth/api-keys.store';
import type { Role } from '../../src/api/auth/api-keys';
import { approve, reject } from '../../src/api/proposals/proposals.service';
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import {
  type GraphQLResponse,
  replicaDyingAfterCommit,
  startTestApi,
  type TestApi,
} from '../helpers/api';
import { graphSnapshot, resetGraph, testDatabase } from '../helpers/graph';

const PROPOSAL_FIELDS = `id kind status note proposerKeyId createdAt stale
  entities { label id } changedSinceProposed { label id }
  reviewerKeyId reviewedAt reason auditId`;
const PROPOSE_BUNDLE = `mutation ($bundle: BundleInput!, $note: String!) {
  proposeBundle(bundle: $bundle, note: $note) { ${PROPOSAL_FIELDS} } }`;
const PROPOSE_PRACTICE = `mutation ($input: PracticeInput!, $note: String!) {
  proposePractice(input: $input, note: $note) { ${PROPOSAL_FIELDS} bundle } }`;
const PROPOSE_INCIDENT = `mutation ($input: IncidentInput!, $note: String!) {
  proposeIncident(input: $input, note: $note) { ${PROPOSAL_FIELDS} } }`;
const APPROVE = `mutation ($id: ID!, $ack: String) {
  approveProposal(id: $id, acknowledgeStale: $ack) { ${PROPOSAL_FIELDS} } }`;
const REJECT = `mutation ($id: ID!, $reason: String!) {
  rejectProposal(id: $id, reason: $reason) { ${PROPOSAL_FIELDS} } }`;
const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
const DIFF = `query ($id: ID!) { proposal(id: $id) { id status stale diff {
  stale graphState changedSinceProposed { label id }
  entities { label id change changedSinceProposed fields { field current proposed } }
  problems { file path message } } } }`;
const LIST = `query ($status: ProposalStatus, $first: Int, $after: String) {
  proposals(status: $status, first: $first, after: $after) {
    totalCount nodes { id status proposerKeyId stale changedSinceProposed { id } }
    edges { cursor } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
const INGEST = `mutation ($bundle: BundleInput!) {
  ingestBundle(bundle: $bundle, source: "proposals test") { auditId changedIds } }`;
const RECORD_PRACTICE = `mutation ($input: PracticeInput!) { recordPractice(input: $input) { id } }`;

/** The questions a proposal must not change until it is approved, over the FX Corp world. */
const QUESTIONS: Record<string, string> = {
  plansDenyingRight: `{ plansDenyingRight(right: OBJECT, purpose: "ai-model-training", asOf: "2026-06-01") {
    totalCount nodes { plan { id } status practice { id summary } } } }`,
  rightsMatrix: `{ rightsMatrix(companies: ["fx-corp"], asOf: "2026-06-01") {
    totalCount rows { plan { id } cells { right status mechanism disputed } } } }`,
  search: `{ search(text: "zebracorn") { totalCount } }`,
  company: `{ company(id: "fx-corp") { name incidents(first: 50) { totalCount nodes { id title } } } }`,
  incidents: `{ incidents(filter: { company: "fx-corp" }) { totalCount nodes { id title date } } }`,
  timeline: `{ timeline(company: "fx-corp", from: "2025-01-01") { nodes { date kind title } } }`,
  findings: `{ findings(company: "fx-corp", asOf: "2026-06-01") { totalCount nodes { id kind } } }`,
  stats: `{ stats { incidentsPerMonth { month count } } }`,
  about: `{ about { nodeCounts { label count } } }`,
};

const NEWS = {
  id: 'prop-src-2026',
  url: 'https://example.org/fx/2026',
  publisher: 'FX News',
  title: 'FX lets free users object',
  publishedAt: '2026-01-15',
  kind: 'NEWS',
};

/** Free users may now object in the product, and FX Corp says so (a zebracorn of a statement). */
const FREE_OBJECTS_BUNDLE = {
  sources: [NEWS],
  practices: [
    {
      id: 'fx-free-training-2026',
      plans: ['fx-free'],
      purpose: 'ai-model-training',
      scope: ['EEA'],
      dataCategories: ['user-prompts'],
      legalBasis: 'legitimate-interest',
      default: 'ON',
      validFrom: '2026-01',
      replaces: 'fx-free-training',
      rights: [
        { right: 'OBJECT', status: 'IN_PRODUCT', mechanism: 'Settings toggle' },
        { right: 'ACCESS', status: 'ON_REQUEST', mechanism: 'E-mail to privacy@fx.example' },
      ],
      verification: 'VERIFIED',
      summary: 'Free prompts train models; free users can now object in the settings.',
      sources: ['prop-src-2026'],
    },
  ],
  incidents: [
    {
      id: 'fx-zebracorn-statement',
      kind: 'COMPANY_STATEMENT',
      title: 'FX Corp announces the zebracorn opt-out',
      date: '2026-01-15',
      against: ['fx-corp'],
      concernsPlans: ['fx-free'],
      verification: 'VERIFIED',
      summary: 'FX Corp says free users can object in the settings.',
      sources: ['prop-src-2026'],
    },
  ],
};

/** The Pro practice of the fixture with another summary: an update of an existing entity. */
function proPractice(summary: string) {
  const practice = rulesBundle().practices!.find((p) => p.id === 'fx-pro-training')!;
  return { practices: [{ ...practice, summary }] };
}

/** Receives webhook deliveries on loopback. */
class Receiver {
  readonly bodies: Record<string, unknown>[] = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.bodies.push(
        JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      );
      res.writeHead(200).end('ok');
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function eventually<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Who = 'reader' | 'contributor' | 'contributor2' | 'curator' | 'curator2' | 'admin';
const ROLE_OF: Record<Who, Role> = {
  reader: 'reader',
  contributor: 'contributor',
  contributor2: 'contributor',
  curator: 'curator',
  curator2: 'curator',
  admin: 'admin',
};

describe('proposals and their review', () => {
  let db: Database;
  let api: TestApi;
  let receiver: Receiver;
  const tokens = {} as Record<Who, string>;
  const keyIds = {} as Record<Who, string>;
  const as = (who: Who | 'anonymous') =>
    who === 'anonymous' ? undefined : `Bearer ${tokens[who]}`;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
    for (const who of Object.keys(ROLE_OF) as Who[]) {
      const { key, token } = await createApiKey(db, ROLE_OF[who], `proposals ${who}`);
      tokens[who] = token;
      keyIds[who] = key.id;
    }
    receiver = new Receiver();
    await receiver.start();
    api = await startTestApi(db, {
      webhooks: { allowPrivateAddresses: true, baseDelayMs: 50, maxAttempts: 2, timeoutMs: 3000 },
    });
    // Neo4j plans every question once, here rather than in the first test: alone on a fresh
    // Neo4j the findings rules take about 10 s to plan, and CI ran that test past Jest's 60 s
    // beside another suite's Neo4j on two cores.
    await answers();
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await receiver?.stop();
    await db?.close();
  });

  /** Every question's answer as sent, and the JSON-LD export: equal texts, equal answers. */
  async function answers(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const [name, query] of Object.entries(QUESTIONS)) {
      const res = await api.gql(query);
      expect({ name, errors: res.errors }).toEqual({ name, errors: undefined });
      out[name] = res.text;
    }
    out.export = await (await fetch(`${new URL(api.url).origin}/export/graph.jsonld`)).text();
    return out;
  }

  async function proposeBundle(who: Who, bundle: unknown, note = 'test proposal') {
    const res = await api.gql(PROPOSE_BUNDLE, { bundle, note }, as(who));
    expect(res.errors).toBeUndefined();
    return res.data!.proposeBundle as { id: string; status: string; stale: boolean };
  }

  async function diffOf(id: string) {
    const res = await api.gql(DIFF, { id }, as('curator'));
    expect(res.errors).toBeUndefined();
    return res.data!.proposal.diff;
  }

  const proposalCount = async () =>
    Number((await db.read('test', 'MATCH (p:Proposal) RETURN count(p) AS n'))[0]!.n);

  it('keeps a contributor proposal out of every question until a curator approves it, then answers with it', async () => {
    const before = await answers();
    const snapshot = await graphSnapshot(db);

    const proposal = await proposeBundle(
      'contributor',
      FREE_OBJECTS_BUNDLE,
      'FX changed its settings',
    );
    expect(proposal).toMatchObject({
      kind: 'BUNDLE',
      status: 'PENDING',
      note: 'FX changed its settings',
      proposerKeyId: keyIds.contributor,
      stale: false,
      reviewerKeyId: null,
      auditId: null,
    });
    expect((proposal as unknown as { entities: unknown[] }).entities).toEqual(
      expect.arrayContaining([
        { label: 'Source', id: 'prop-src-2026' },
        { label: 'Practice', id: 'fx-free-training-2026' },
        { label: 'Incident', id: 'fx-zebracorn-statement' },
      ]),
    );
    // Stored, and nothing else: no entity, no relationship, no audit entry, same answers.
    expect(await graphSnapshot(db)).toEqual(snapshot);
    expect(await answers()).toEqual(before);

    // The diff: everything created, field by field, against the graph as it is.
    const diff = await diffOf(proposal.id);
    expect(diff.stale).toBe(false);
    expect(diff.problems).toEqual([]);
    const practice = diff.entities.find((e: { id: string }) => e.id === 'fx-free-training-2026');
    expect(practice.change).toBe('CREATED');
    const fields = Object.fromEntries(
      practice.fields.map((f: { field: string; current: string | null; proposed: string }) => [
        f.field,
        f,
      ]),
    );
    expect(fields.validFrom).toEqual({ field: 'validFrom', current: null, proposed: '"2026-01"' });
    expect(fields.replaces.proposed).toBe('"fx-free-training"');
    expect(JSON.parse(fields.rights.proposed)).toContainEqual({
      to: 'OBJECT',
      status: 'IN_PRODUCT',
      mechanism: 'Settings toggle',
      grounds: [],
      exceptions: [],
    });

    // Approved by a curator: written through the curators' door, then every question sees it.
    const approved = await api.gql(APPROVE, { id: proposal.id }, as('curator'));
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveProposal).toMatchObject({
      status: 'APPROVED',
      reviewerKeyId: keyIds.curator,
      stale: false,
    });
    expect(approved.data!.approveProposal.auditId).toEqual(expect.any(String));
    const after = await answers();
    for (const name of [
      'plansDenyingRight',
      'rightsMatrix',
      'search',
      'company',
      'incidents',
      'timeline',
      'about',
      'export',
    ])
      expect({ name, changed: after[name] !== before[name] }).toEqual({ name, changed: true });

    const denying = JSON.parse(after.plansDenyingRight!).data.plansDenyingRight.nodes;
    expect(denying.map((n: { plan: { id: string } }) => n.plan.id)).not.toContain('fx-free');
    expect(
      JSON.parse(before.plansDenyingRight!).data.plansDenyingRight.nodes.map(
        (n: { plan: { id: string } }) => n.plan.id,
      ),
    ).toContain('fx-free');
    expect(JSON.parse(after.search!).data.search.totalCount).toBe(1);
    const rows = JSON.parse(after.rightsMatrix!).data.rightsMatrix.rows;
    const free = rows.find((r: { plan: { id: string } }) => r.plan.id === 'fx-free');
    expect(free.cells.find((c: { right: string }) => c.right === 'OBJECT').status).toBe(
      'IN_PRODUCT',
    );

    // Now in the graph: the diff against it shows nothing left to change.
    const settled = await diffOf(proposal.id);
    expect(settled.entities.map((e: { change: string }) => e.change)).toEqual(
      settled.entities.map(() => 'UNCHANGED'),
    );

    // Approving or rejecting again is a CONFLICT that names the status.
    const again = await api.gql(APPROVE, { id: proposal.id }, as('curator2'));
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toContain('APPROVED');
    const rejectAfter = await api.gql(
      REJECT,
      { id: proposal.id, reason: 'too late' },
      as('curator2'),
    );
    expect(rejectAfter.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(rejectAfter.errors?.[0]?.extensions?.status).toBe('APPROVED');
  });

  it('credits both the proposer and the reviewer in the audit log', async () => {
    const proposal = await proposeBundle('contributor', {
      sources: [{ ...NEWS, id: 'prop-src-audit', title: 'Audit' }],
      incidents: [
        {
          ...FREE_OBJECTS_BUNDLE.incidents[0],
          id: 'fx-audit-statement',
          title: 'FX audit statement',
          sources: ['prop-src-audit'],
        },
      ],
    });
    const approved = await api.gql(APPROVE, { id: proposal.id }, as('curator2'));
    expect(approved.errors).toBeUndefined();
    const log = await api.gql(
      `{ auditLog(first: 20) { nodes { id keyId operation source proposalId proposerKeyId changedIds } } }`,
      {},
      as('admin'),
    );
    expect(log.errors).toBeUndefined();
    const entry = log.data!.auditLog.nodes.find(
      (e: { id: string }) => e.id === approved.data!.approveProposal.auditId,
    );
    expect(entry).toMatchObject({
      operation: 'approveProposal',
      keyId: keyIds.curator2,
      proposalId: proposal.id,
      proposerKeyId: keyIds.contributor,
    });
    expect(entry.source).toContain(proposal.id);
    expect(entry.source).toContain(keyIds.contributor);
    expect(entry.changedIds).toEqual(
      expect.arrayContaining(['prop-src-audit', 'fx-audit-statement']),
    );
  });

  it('never lets the proposer approve or reject it, even a curator, and another curator may', async () => {
    const proposal = await proposeBundle(
      'curator',
      proPractice('Pro prompts train models; the curator proposes this.'),
    );
    const snapshot = await graphSnapshot(db);
    for (const [mutation, variables] of [
      [APPROVE, { id: proposal.id }],
      [REJECT, { id: proposal.id, reason: 'my own' }],
    ] as const) {
      const res = await api.gql(mutation, variables, as('curator'));
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toMatch(/own proposal/);
    }
    expect(await graphSnapshot(db)).toEqual(snapshot);
    const still = await api.gql(PROPOSAL, { id: proposal.id }, as('curator'));
    expect(still.data!.proposal.status).toBe('PENDING');

    // A contributor reviews nothing, its own or another's.
    const byContributor = await api.gql(APPROVE, { id: proposal.id }, as('contributor'));
    expect(byContributor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const res = await api.gql(APPROVE, { id: proposal.id }, as('curator2'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.approveProposal).toMatchObject({
      status: 'APPROVED',
      reviewerKeyId: keyIds.curator2,
    });
  });

  it('flags a proposal the graph changed under, and applies it only with an acknowledgement of the diff reviewed', async () => {
    const proposed =
      'Pro prompts train models; the contributor says opting out is in the settings.';
    const proposal = await proposeBundle('contributor', proPractice(proposed));
    expect(proposal.stale).toBe(false);

    // A curator writes another summary meanwhile.
    const meanwhile =
      'Pro prompts train models unless the subscriber opts out (curator, meanwhile).';
    expect(
      (await api.gql(INGEST, { bundle: proPractice(meanwhile) }, as('curator'))).errors,
    ).toBeUndefined();

    const list = await api.gql(LIST, { status: 'PENDING', first: 100 }, as('curator'));
    const listed = list.data!.proposals.nodes.find((p: { id: string }) => p.id === proposal.id);
    expect(listed).toMatchObject({
      stale: true,
      changedSinceProposed: [{ id: 'fx-pro-training' }],
    });

    const diff = await diffOf(proposal.id);
    expect(diff.stale).toBe(true);
    expect(diff.changedSinceProposed).toEqual([{ label: 'Practice', id: 'fx-pro-training' }]);
    const entity = diff.entities.find((e: { id: string }) => e.id === 'fx-pro-training');
    expect(entity).toMatchObject({ change: 'UPDATED', changedSinceProposed: true });
    expect(entity.fields).toEqual([
      { field: 'summary', current: JSON.stringify(meanwhile), proposed: JSON.stringify(proposed) },
    ]);

    const summaryNow = async () =>
      (
        await db.read('test', `MATCH (p:Practice {id: 'fx-pro-training'}) RETURN p.summary AS s`)
      )[0]!.s;

    // Not without an acknowledgement, nor with one that names another state of the graph.
    const snapshot = await graphSnapshot(db);
    for (const ack of [null, 'not-the-graph-state']) {
      const res = await api.gql(APPROVE, { id: proposal.id, ack }, as('curator2'));
      expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0]?.extensions?.changedSinceProposed).toEqual(['fx-pro-training']);
      expect(res.errors?.[0]?.message).toMatch(
        ack === null ? /is stale/ : /changed since the diff/,
      );
    }
    expect(await graphSnapshot(db)).toEqual(snapshot);
    expect(await summaryNow()).toBe(meanwhile);

    // The graph changes again after the review: the acknowledged state no longer holds.
    const reviewed = diff.graphState as string;
    const later = 'Pro prompts train models; a later correction.';
    expect(
      (await api.gql(INGEST, { bundle: proPractice(later) }, as('curator'))).errors,
    ).toBeUndefined();
    const outdated = await api.gql(APPROVE, { id: proposal.id, ack: reviewed }, as('curator2'));
    expect(outdated.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await summaryNow()).toBe(later);

    // Reviewed again, acknowledged: applied.
    const current = (await diffOf(proposal.id)).graphState as string;
    expect(current).not.toBe(reviewed);
    const res = await api.gql(APPROVE, { id: proposal.id, ack: current }, as('curator2'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.approveProposal).toMatchObject({
      status: 'APPROVED',
      stale: false,
      changedSinceProposed: [],
    });
    expect(await summaryNow()).toBe(proposed);
  });

  it('flags a proposal whose entity was retracted since', async () => {
    const proposal = await proposeBundle('contributor', {
      sources: [{ ...NEWS, id: 'prop-src-retract', title: 'Retract' }],
      incidents: [
        {
          ...FREE_OBJECTS_BUNDLE.incidents[0],
          title: 'FX Corp announces the zebracorn opt-out, again',
          sources: ['prop-src-2026', 'prop-src-retract'],
        },
      ],
    });
    const retracted = await api.gql(
      `mutation { retract(id: "fx-zebracorn-statement", reason: "test") { id } }`,
      {},
      as('curator'),
    );
    expect(retracted.errors).toBeUndefined();
    const res = await api.gql(PROPOSAL, { id: proposal.id }, as('curator'));
    expect(res.data!.proposal).toMatchObject({
      stale: true,
      changedSinceProposed: [{ label: 'Incident', id: 'fx-zebracorn-statement' }],
    });
  });

  it('keeps a rejected proposal rejected, with its reason, and writes nothing', async () => {
    const snapshot = await graphSnapshot(db);
    const proposal = await proposeBundle('contributor', proPractice('A summary nobody will read.'));
    for (const reason of ['', '   ', 'x'.repeat(1001)]) {
      const res = await api.gql(REJECT, { id: proposal.id, reason }, as('curator'));
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const reason = 'The source does not say this.';
    const res = await api.gql(REJECT, { id: proposal.id, reason: `  ${reason} ` }, as('curator'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.rejectProposal).toMatchObject({
      status: 'REJECTED',
      reason,
      reviewerKeyId: keyIds.curator,
      auditId: null,
    });
    for (const [mutation, variables] of [
      [APPROVE, { id: proposal.id }],
      [REJECT, { id: proposal.id, reason: 'again' }],
    ] as const) {
      const again = await api.gql(mutation, variables, as('curator2'));
      expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(again.errors?.[0]?.message).toContain('REJECTED');
    }
    const mine = await api.gql(PROPOSAL, { id: proposal.id }, as('contributor'));
    expect(mine.data!.proposal).toMatchObject({ status: 'REJECTED', reason });
    expect(await graphSnapshot(db)).toEqual(snapshot);
  });

  /** Registers a webhook of `who` for reviews, to the receiver; its id. */
  async function registerReviewWebhook(who: Who): Promise<string> {
    const registered = await api.gql(
      `mutation ($input: WebhookInput!) { registerWebhook(input: $input) { webhook { id } } }`,
      { input: { url: receiver.url, events: ['PROPOSAL_REVIEWED'] } },
      as(who),
    );
    expect(registered.errors).toBeUndefined();
    return registered.data!.registerWebhook.webhook.id as string;
  }

  /** The delivery the receiver got about a proposal, once it has one. */
  const deliveryAbout = (proposalId: string) =>
    eventually(() =>
      receiver.bodies.find(
        (b) => (b.data as { proposalId?: string } | undefined)?.proposalId === proposalId,
      ),
    );

  it("tells the proposer's webhook of the review", async () => {
    await registerReviewWebhook('contributor2');
    const proposal = await proposeBundle('contributor2', proPractice('Webhook check.'));
    const reason = 'Not what the policy says.';
    expect(
      (await api.gql(REJECT, { id: proposal.id, reason }, as('curator'))).errors,
    ).toBeUndefined();
    const delivery = await deliveryAbout(proposal.id);
    expect(delivery).toMatchObject({
      event: 'proposalReviewed',
      test: false,
      data: { proposalId: proposal.id, outcome: 'REJECTED', reason },
    });
  });

  it("stores a review's webhook deliveries with the review, for the next start if the reviewer's replica dies", async () => {
    const hook = await registerReviewWebhook('contributor');
    const toReject = await proposeBundle('contributor', proPractice('Outbox check.'));
    const toApprove = await proposeBundle('contributor', {
      sources: [{ ...NEWS, id: 'prop-src-outbox', title: 'FX outbox check' }],
    });
    // Reviewed on a replica that dies once each review is committed: its dispatcher never
    // hears of them.
    const curator = { keyId: keyIds.curator, role: 'curator' as const };
    const dying = replicaDyingAfterCommit(db, curator);
    await reject(dying, curator, toReject.id, 'Outbox check: rejected.');
    await approve(dying, curator, toApprove.id, null);
    const log = await api.gql(
      `query ($id: ID!) { webhook(id: $id) { deliveries { id status attempts { number } } } }`,
      { id: hook },
      as('contributor'),
    );
    expect(log.errors).toBeUndefined();
    const stored = log.data!.webhook.deliveries as { id: string; status: string }[];
    expect(stored.map((d) => d.status)).toEqual(['PENDING', 'PENDING']);

    const next = await startTestApi(db, {
      webhooks: { allowPrivateAddresses: true, baseDelayMs: 50, maxAttempts: 2, timeoutMs: 3000 },
    });
    try {
      expect(await deliveryAbout(toReject.id)).toMatchObject({
        event: 'proposalReviewed',
        webhook: hook,
        data: { outcome: 'REJECTED', reason: 'Outbox check: rejected.' },
      });
      expect(await deliveryAbout(toApprove.id)).toMatchObject({
        event: 'proposalReviewed',
        webhook: hook,
        data: { outcome: 'APPROVED', reason: null },
      });
      expect(new Set(stored.map((d) => d.id))).toEqual(
        new Set(receiver.bodies.filter((b) => b.webhook === hook).map((b) => b.id as string)),
      );
    } finally {
      await next.close();
    }
  });

  it('refuses a bad proposal with the problems the write gets, and stores nothing', async () => {
    const bad = {
      sources: [{ ...NEWS, id: 'prop-src-bad' }],
      practices: [
        {
          ...FREE_OBJECTS_BUNDLE.practices[0],
          id: 'fx-bad-practice',
          plans: ['fx-fre'],
          replaces: undefined,
          validTo: '2025-12',
          sources: ['prop-src-bad'],
        },
      ],
    };
    const count = await proposalCount();
    const snapshot = await graphSnapshot(db);
    const written = await api.gql(INGEST, { bundle: bad }, as('curator'));
    const proposed = await api.gql(PROPOSE_BUNDLE, { bundle: bad, note: 'bad' }, as('contributor'));
    expect(written.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((written.errors?.[0]?.extensions?.problems as unknown[]).length).toBeGreaterThan(1);
    expect(proposed.errors?.[0]?.message).toBe(written.errors?.[0]?.message);
    expect(proposed.errors?.[0]?.extensions).toEqual(written.errors?.[0]?.extensions);

    // The single-record form: proposePractice is refused as recordPractice is.
    const input = {
      id: 'fx-bad-single',
      plans: ['fx-pro', 'fx-pro'],
      purpose: 'ai-model-training',
      scope: ['EEA'],
      dataCategories: ['user-prompts'],
      default: 'ON',
      validFrom: '2026-05-01',
      verification: 'VERIFIED',
      summary: 'Twice the same plan.',
      sources: [{ source: 'no-such-source' }],
    };
    const recorded = await api.gql(RECORD_PRACTICE, { input }, as('curator'));
    const single = await api.gql(PROPOSE_PRACTICE, { input, note: 'bad' }, as('contributor'));
    expect(recorded.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(single.errors?.[0]?.message).toBe(recorded.errors?.[0]?.message);
    expect(single.errors?.[0]?.extensions).toEqual(recorded.errors?.[0]?.extensions);

    // A note is required and bounded.
    for (const note of ['', 'x'.repeat(2001)]) {
      const res = await api.gql(
        PROPOSE_BUNDLE,
        { bundle: proPractice('Fine.'), note },
        as('contributor'),
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await proposalCount()).toBe(count);
    expect(await graphSnapshot(db)).toEqual(snapshot);
  });

  it('refuses a proposal the write would refuse for its history, as recordPractice would', async () => {
    // fx-plus-training started in 2025-02: a successor cannot start before it.
    const input = {
      id: 'fx-plus-training-early',
      plans: ['fx-plus'],
      purpose: 'ai-model-training',
      scope: ['WORLDWIDE'],
      dataCategories: ['user-prompts'],
      default: 'ON',
      validFrom: '2025-01-15',
      replaces: 'fx-plus-training',
      verification: 'VERIFIED',
      summary: 'Too early.',
      sources: [{ source: 'fx-src-policy' }],
    };
    const count = await proposalCount();
    const recorded = await api.gql(RECORD_PRACTICE, { input }, as('curator'));
    const proposed = await api.gql(PROPOSE_PRACTICE, { input, note: 'early' }, as('contributor'));
    expect(recorded.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(proposed.errors?.[0]?.message).toBe(recorded.errors?.[0]?.message);
    expect(await proposalCount()).toBe(count);
  });

  it('proposes a practice and an incident as recordPractice and recordIncident take them', async () => {
    const input = {
      id: 'fx-plus-training-2026',
      plans: ['fx-plus'],
      purpose: 'ai-model-training',
      scope: ['WORLDWIDE'],
      dataCategories: ['user-prompts'],
      legalBasis: 'legitimate-interest',
      default: 'ON',
      validFrom: '2026-03',
      rights: [{ right: 'OBJECT', status: 'ON_REQUEST', mechanism: 'E-mail' }],
      verification: 'VERIFIED',
      summary: 'Plus users can now object by e-mail.',
      sources: [{ source: 'prop-src-2026' }],
    };
    const proposed = await api.gql(PROPOSE_PRACTICE, { input, note: 'Plus' }, as('contributor'));
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data!.proposePractice.kind).toBe('PRACTICE');
    // Its predecessor, found now as recordPractice would find it.
    expect(proposed.data!.proposePractice.bundle.practices[0].replaces).toBe('fx-plus-training');

    const incident = await api.gql(
      PROPOSE_INCIDENT,
      {
        input: {
          kind: 'COMPLAINT',
          title: 'Complaint about the Plus plan',
          date: '2026-04-01',
          against: ['fx-corp'],
          before: 'fx-dpa',
          cites: ['Art. 21'],
          verification: 'VERIFIED',
          summary: 'A complaint.',
          sources: [{ source: 'prop-src-2026' }],
        },
        note: 'A complaint',
      },
      as('contributor'),
    );
    expect(incident.errors).toBeUndefined();
    expect(incident.data!.proposeIncident).toMatchObject({ kind: 'INCIDENT', status: 'PENDING' });

    const matrix = `{ rightsMatrix(companies: ["fx-corp"], rights: [OBJECT], asOf: "2026-06-01") {
      rows { plan { id } cells { status } } } }`;
    const plusObject = async () =>
      (await api.gql(matrix)).data!.rightsMatrix.rows.find(
        (r: { plan: { id: string } }) => r.plan.id === 'fx-plus',
      ).cells[0].status;
    expect(await plusObject()).toBe('UNAVAILABLE');
    for (const id of [proposed.data!.proposePractice.id, incident.data!.proposeIncident.id]) {
      const res = await api.gql(APPROVE, { id }, as('curator'));
      expect(res.errors).toBeUndefined();
    }
    expect(await plusObject()).toBe('ON_REQUEST');
    const complaints = await api.gql(
      `{ incidents(filter: { company: "fx-corp", from: "2026-04-01" }) { nodes { title } } }`,
    );
    expect(complaints.data!.incidents.nodes).toEqual([{ title: 'Complaint about the Plus plan' }]);
  });

  it('lets two curators approving at once write it once', async () => {
    const proposal = await proposeBundle('contributor', proPractice('Raced approval.'));
    const results = await Promise.all(
      (['curator', 'curator2', 'admin'] as const).map((who) =>
        api.gql(APPROVE, { id: proposal.id }, as(who)),
      ),
    );
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    const entries = await db.read(
      'test',
      `MATCH (a:AuditEntry {proposalId: $id}) RETURN count(a) AS n`,
      { id: proposal.id },
    );
    expect(Number(entries[0]!.n)).toBe(1);
  });

  it('lets a contributor list and read only its own proposals, and curators all of them', async () => {
    const mine = await proposeBundle('contributor2', proPractice('Contributor 2 proposes.'));
    const theirs = await proposeBundle('contributor', proPractice('Contributor 1 proposes.'));

    const own = await api.gql(LIST, { first: 100 }, as('contributor2'));
    expect(own.errors).toBeUndefined();
    const ownIds = own.data!.proposals.nodes.map((p: { id: string }) => p.id);
    expect(ownIds).toContain(mine.id);
    expect(ownIds).not.toContain(theirs.id);
    expect(
      own.data!.proposals.nodes.every(
        (p: { proposerKeyId: string }) => p.proposerKeyId === keyIds.contributor2,
      ),
    ).toBe(true);
    expect(own.data!.proposals.totalCount).toBe(ownIds.length);

    const other = await api.gql(PROPOSAL, { id: theirs.id }, as('contributor2'));
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Curators: every proposal, by status, a page at a time, oldest first.
    const all = await api.gql(LIST, { first: 100 }, as('curator'));
    const total = all.data!.proposals.totalCount as number;
    expect(total).toBe(await proposalCount());
    const pending = await api.gql(LIST, { status: 'PENDING', first: 100 }, as('curator'));
    expect(
      pending.data!.proposals.nodes.every((p: { status: string }) => p.status === 'PENDING'),
    ).toBe(true);
    expect(pending.data!.proposals.nodes.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([mine.id, theirs.id]),
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < total + 1; i++) {
      const page: GraphQLResponse<{
        proposals: {
          nodes: { id: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }> = await api.gql(LIST, { first: 2, after }, as('curator'));
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.proposals.nodes.map((p) => p.id));
      if (!page.data!.proposals.pageInfo.hasNextPage) break;
      after = page.data!.proposals.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data!.proposals.nodes.map((p: { id: string }) => p.id));
    const forged = await api.gql(LIST, { after: 'not-a-cursor' }, as('curator'));
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('refuses readers and anonymous callers everything about proposals', () => {
    const OPERATIONS: [string, string, Record<string, unknown>][] = [
      ['proposeBundle', PROPOSE_BUNDLE, { bundle: proPractice('Reader.'), note: 'n' }],
      ['proposals', LIST, {}],
      ['proposal', PROPOSAL, { id: 'any' }],
      ['approveProposal', APPROVE, { id: 'any' }],
      ['rejectProposal', REJECT, { id: 'any', reason: 'r' }],
    ];
    it.each(OPERATIONS)('%s', async (_name, query, variables) => {
      const count = await proposalCount();
      const reader = await api.gql(query, variables, as('reader'));
      expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(reader.data ?? null).toBeNull();
      const anonymous = await api.gql(query, variables, as('anonymous'));
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await proposalCount()).toBe(count);
    });
  });
});
