/**
 * Proposals: a contributor's bundle, validated exactly like a write and stored out of the
 * graph until a curator approves it (then written through the curators' one door, writeBundle)
 * or rejects it with a reason. Nobody reviews their own proposal, and a proposal the graph
 * changed under (stale) is approved only with an acknowledgement of the graph as reviewed.
 */
import { randomUUID } from 'node:crypto';
import { AppError, LISTED_PROBLEMS, type Problem, ValidationError } from '../../errors';
import { BundleSchema, type IngestReport, validateAgainstGraph } from '../../graph';
import { OWNED_RELATIONSHIP_TYPES } from '../../graph/bundle-to-graph';
import { type Principal, roleAllows } from '../auth/api-keys';
import type { ApiContext } from '../context';
import { incidentBundle, practiceBundle } from '../curation/curation.inputs';
import { predecessorOf, writeBundle } from '../curation/curation.service';
import type { IncidentInput } from '../curation/incident.input';
import type { PracticeInput } from '../curation/practice.input';
import { PROPOSAL_REVIEWED, type ProposalReviewedEvent } from '../events';
import { checkCursorValues, decodeCursor, encodeCursor, pageSize } from '../translate/cursor';
import { queueDeliveries, storeReviewDeliveries } from '../webhooks/outbox';
import { diffEntity, graphStateOf, proposedEntities } from './proposal-diff';
import type { ProposalDiff } from './proposal-diff.type';
import type { ProposalKind, ProposalStatus } from './proposals.enums';
import {
  type BaselineEntry,
  countProposals,
  createProposal,
  currentEntities,
  entityStates,
  findProposal,
  listProposals,
  lockProposal,
  markApproved,
  proposalContent,
  type ProposalContent,
  rejectProposal,
  type StoredProposal,
} from './proposals.store';

/** Pending proposals one key may have: a bound against a runaway client. */
export const MAX_PENDING_PER_KEY = 50;
export const MAX_NOTE_LENGTH = 2000;
export const MAX_REASON_LENGTH = 1000;

/** What a contributor proposes, as the bundle a write would take. */
export interface Submission {
  kind: ProposalKind;
  data: unknown;
  note: string;
  /** Practices that must be the only one in force where they apply (as recordPractice). */
  exclusive?: string[];
}

const OPERATION: Record<ProposalKind, string> = {
  BUNDLE: 'proposeBundle',
  PRACTICE: 'proposePractice',
  INCIDENT: 'proposeIncident',
};

function checkText(value: string, argument: string, max: number, what: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max)
    throw new AppError(
      'BAD_USER_INPUT',
      `"${argument}" must say ${what}, in 1 to ${max} characters`,
      {
        argument,
        max,
      },
    );
  return trimmed;
}

const notFound = (id: string) =>
  new AppError('NOT_FOUND', `no proposal with id "${id.slice(0, 128)}"`, { argument: 'id' });

/** A write rehearsed to validate a proposal, rolled back by throwing this from its transaction. */
class Rehearsed extends Error {
  constructor(readonly report: IngestReport) {
    super('rehearsed write, rolled back');
  }
}

/**
 * Validates a proposal exactly as a write: it is the write (the same validation, the same
 * checks of history and uniqueness, the same errors), run in a transaction that is then
 * rolled back. Nothing is kept and no event is published.
 */
async function rehearse(
  ctx: ApiContext,
  principal: Principal,
  submission: Submission,
): Promise<IngestReport> {
  try {
    await writeBundle(ctx, principal, {
      data: submission.data,
      operation: OPERATION[submission.kind],
      source: 'proposal, rehearsed',
      exclusive: submission.exclusive,
      inTransaction: {
        after: (_run, report) => Promise.reject(new Rehearsed(report)),
      },
    });
  } catch (error) {
    if (error instanceof Rehearsed) return error.report;
    throw error;
  }
  // writeBundle joins the hooks to its one transaction; reaching here would mean it did not.
  throw new AppError('INTERNAL_SERVER_ERROR', 'a proposal was written instead of rehearsed');
}

export async function propose(
  ctx: ApiContext,
  principal: Principal,
  submission: Submission,
): Promise<StoredProposal> {
  const note = checkText(submission.note, 'note', MAX_NOTE_LENGTH, 'what is proposed and why');
  await rehearse(ctx, principal, submission);
  const entities = proposedEntities(BundleSchema.parse(submission.data));
  const states = await entityStates(
    ctx.db,
    entities.map((e) => e.id),
  );
  const id = randomUUID();
  const { pending } = await createProposal(
    ctx.db,
    {
      id,
      kind: submission.kind,
      note,
      proposerKeyId: principal.keyId,
      createdAt: new Date().toISOString(),
      bundle: JSON.stringify(submission.data),
      exclusive: submission.exclusive ?? [],
      baseline: entities.map((e) => ({ label: e.label, id: e.id, state: states.get(e.id) ?? '' })),
    },
    MAX_PENDING_PER_KEY,
  );
  if (pending >= MAX_PENDING_PER_KEY)
    throw new AppError(
      'BAD_USER_INPUT',
      `this key already has ${pending} proposals waiting for review, the most one key may have (${MAX_PENDING_PER_KEY}): wait for reviews first`,
      { limit: MAX_PENDING_PER_KEY },
    );
  ctx.logger.info(
    { operation: OPERATION[submission.kind], keyId: principal.keyId, proposalId: id },
    'proposal',
  );
  return (await findProposal(ctx.db, id))!;
}

/** A practice proposed as recordPractice takes it: its predecessor found now, as that would. */
export async function practiceSubmission(
  ctx: ApiContext,
  input: PracticeInput,
  note: string,
): Promise<Submission> {
  const replaces = input.replaces ?? (await predecessorOf(ctx, input));
  return {
    kind: 'PRACTICE',
    data: practiceBundle(input, replaces),
    note,
    exclusive: input.replaces ? [] : [input.id],
  };
}

export function incidentSubmission(input: IncidentInput, note: string): Submission {
  return { kind: 'INCIDENT', data: incidentBundle(input).bundle, note };
}

const canReviewAll = (principal: Principal) => roleAllows(principal.role, 'curator');

/** A proposal the caller may see: curators see all, a contributor only its own (else NOT_FOUND). */
export async function visibleProposal(
  ctx: ApiContext,
  principal: Principal,
  id: string,
): Promise<StoredProposal> {
  const proposal = await findProposal(ctx.db, id);
  if (!proposal || (!canReviewAll(principal) && proposal.proposerKeyId !== principal.keyId))
    throw notFound(id);
  return proposal;
}

export interface ProposalPage {
  totalCount: number;
  edges: { cursor: string; node: StoredProposal }[];
  nodes: StoredProposal[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** The review queue, oldest first: every proposal for curators, its own for a contributor. */
export async function proposalPage(
  ctx: ApiContext,
  principal: Principal,
  args: { status?: ProposalStatus | null; first?: number | null; after?: string | null },
): Promise<ProposalPage> {
  const first = pageSize(args.first);
  let after: { createdAt: string; id: string } | null = null;
  if (args.after) {
    const key = decodeCursor(args.after, 2);
    checkCursorValues(key, ['datetime', 'string']);
    after = { createdAt: String(key[0]), id: String(key[1]) };
  }
  const filter = {
    status: args.status ?? null,
    proposerKeyId: canReviewAll(principal) ? null : principal.keyId,
  };
  const [rows, totalCount] = await Promise.all([
    listProposals(ctx.db, filter, after, first + 1),
    countProposals(ctx.db, filter),
  ]);
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor([node.createdAt, node.id]), node }));
  return {
    totalCount,
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

export async function storedBundle(ctx: ApiContext, id: string): Promise<unknown> {
  const content = await proposalContent(ctx.db, id);
  if (!content) throw notFound(id);
  return JSON.parse(content.bundle) as unknown;
}

/** The proposal against the graph now: entity by entity, field by field, and staleness. */
export async function proposalDiff(ctx: ApiContext, id: string): Promise<ProposalDiff> {
  const content = await proposalContent(ctx.db, id);
  if (!content) throw notFound(id);
  const data = JSON.parse(content.bundle) as unknown;
  let problems: Problem[] = [];
  try {
    await validateAgainstGraph(ctx.db, [{ file: 'input', data }]);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems = error.problems.slice(0, LISTED_PROBLEMS);
  }
  const parsed = BundleSchema.safeParse(data);
  const entities = parsed.success ? proposedEntities(parsed.data) : [];
  const current = await currentEntities(
    ctx.db,
    content.baseline.map((b) => b.id),
    OWNED_RELATIONSHIP_TYPES,
  );
  const baseline = new Map(content.baseline.map((b) => [b.id, b]));
  const states = content.baseline.map((b) => ({ id: b.id, state: current.get(b.id)?.state ?? '' }));
  const changed = changedSince(content.baseline, states);
  const pending = content.status === 'PENDING';
  return {
    stale: pending && changed.length > 0,
    changedSinceProposed: pending ? changed : [],
    graphState: graphStateOf(states),
    entities: entities.map((e) => diffEntity(e, current.get(e.id), baseline.get(e.id))),
    problems: problems.map((p) => ({ file: p.file ?? null, path: p.path, message: p.message })),
  };
}

function changedSince(
  baseline: readonly BaselineEntry[],
  states: readonly { id: string; state: string }[],
): { label: string; id: string }[] {
  const now = new Map(states.map((s) => [s.id, s.state]));
  return baseline
    .filter((b) => (now.get(b.id) ?? '') !== b.state)
    .map(({ label, id }) => ({ label, id }));
}

/** Refuses a review by the proposer (FORBIDDEN) and a second review (CONFLICT). */
function checkReviewable(
  principal: Principal,
  proposal: { proposerKeyId: string; status: ProposalStatus },
  id: string,
  action: 'approve' | 'reject',
): void {
  if (proposal.proposerKeyId === principal.keyId)
    throw new AppError(
      'FORBIDDEN',
      `proposal "${id}" was made with this key (${principal.keyId}): nobody may ${action} their own proposal; another curator reviews it`,
    );
  if (proposal.status !== 'PENDING')
    throw new AppError(
      'CONFLICT',
      `proposal "${id}" is already ${proposal.status}: only a PENDING proposal can be reviewed`,
      { status: proposal.status },
    );
}

/**
 * Lets an approval through only against the graph its curator reviewed: a stale proposal
 * needs `acknowledged` (the diff's graphState), and any acknowledgement must still match.
 */
function checkFresh(
  content: ProposalContent,
  states: readonly { id: string; state: string }[],
  acknowledged: string | null,
): string {
  const now = new Map(states.map((s) => [s.id, s.state]));
  const ordered = content.baseline.map((b) => ({ id: b.id, state: now.get(b.id) ?? '' }));
  const changed = changedSince(content.baseline, ordered);
  const graphState = graphStateOf(ordered);
  const details = { stale: changed.length > 0, changedSinceProposed: changed.map((c) => c.id) };
  const names = changed.map((c) => `${c.label} "${c.id}"`).join(', ');
  if (acknowledged !== null && acknowledged !== graphState)
    throw new AppError(
      'CONFLICT',
      `the graph changed since the diff acknowledged for proposal "${content.id}"${names ? ` (${names} changed since it was proposed)` : ''}: review its diff again`,
      details,
    );
  if (changed.length > 0 && acknowledged === null)
    throw new AppError(
      'CONFLICT',
      `proposal "${content.id}" is stale: the graph changed ${names} since it was proposed. Review its diff against the graph now, then approve with acknowledgeStale set to that diff's graphState`,
      details,
    );
  return graphState;
}

export async function approve(
  ctx: ApiContext,
  principal: Principal,
  id: string,
  acknowledged: string | null,
): Promise<StoredProposal> {
  const content = await proposalContent(ctx.db, id);
  if (!content) throw notFound(id);
  // Checked before the write's validation, for a clear answer; checked again under the
  // proposal's lock, in the write's transaction, for a correct one.
  checkReviewable(principal, content, id, 'approve');
  const states = await entityStates(
    ctx.db,
    content.baseline.map((b) => b.id),
  );
  checkFresh(
    content,
    content.baseline.map((b) => ({ id: b.id, state: states.get(b.id) ?? '' })),
    acknowledged,
  );
  const reviewedAt = new Date().toISOString();
  const review: ProposalReviewedEvent = {
    proposalId: id,
    outcome: 'APPROVED',
    proposerKeyId: content.proposerKeyId,
    reviewedAt,
    reason: null,
  };
  // The proposer's webhook deliveries commit with the approval (webhooks/outbox.ts).
  let deliveries: string[] = [];
  await writeBundle(ctx, principal, {
    data: JSON.parse(content.bundle) as unknown,
    operation: 'approveProposal',
    source: `proposal ${id} by key ${content.proposerKeyId}`,
    exclusive: content.exclusive,
    inTransaction: {
      before: async (run) => {
        const locked = await lockProposal(run, id);
        if (!locked) throw notFound(id);
        checkReviewable(principal, locked, id, 'approve');
        checkFresh(content, locked.states, acknowledged);
      },
      after: async (run, report) => {
        await markApproved(run, {
          id,
          reviewerKeyId: principal.keyId,
          reviewedAt,
          auditId: report.auditId ?? null,
          acknowledgedState: acknowledged,
        });
        deliveries = await storeReviewDeliveries(run, review);
      },
    },
  });
  ctx.logger.info(
    { operation: 'approveProposal', keyId: principal.keyId, proposalId: id },
    'review',
  );
  queueDeliveries(ctx.events, deliveries);
  ctx.events.publish(PROPOSAL_REVIEWED, review);
  return (await findProposal(ctx.db, id))!;
}

export async function reject(
  ctx: ApiContext,
  principal: Principal,
  id: string,
  reason: string,
): Promise<StoredProposal> {
  const why = checkText(reason, 'reason', MAX_REASON_LENGTH, 'why it is rejected');
  const reviewedAt = new Date().toISOString();
  const reviewOf = (proposerKeyId: string): ProposalReviewedEvent => ({
    proposalId: id,
    outcome: 'REJECTED',
    proposerKeyId,
    reviewedAt,
    reason: why,
  });
  let deliveries: string[] = [];
  const locked = await rejectProposal(
    ctx.db,
    { id, reviewerKeyId: principal.keyId, reviewedAt, reason: why },
    (proposal) => checkReviewable(principal, proposal, id, 'reject'),
    // The proposer's webhook deliveries commit with the rejection (webhooks/outbox.ts).
    async (run, proposal) => {
      deliveries = await storeReviewDeliveries(run, reviewOf(proposal.proposerKeyId));
    },
  );
  if (!locked) throw notFound(id);
  ctx.logger.info(
    { operation: 'rejectProposal', keyId: principal.keyId, proposalId: id },
    'review',
  );
  queueDeliveries(ctx.events, deliveries);
  ctx.events.publish(PROPOSAL_REVIEWED, reviewOf(locked.proposerKeyId));
  return (await findProposal(ctx.db, id))!;
}
