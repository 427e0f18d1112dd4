/**
 * The Cypher of proposals. A proposal is bookkeeping, not the model: a :Proposal node with no
 * :Entity label and no relationships, holding the bundle as JSON text and, for each entity it
 * writes, the entity's state when it was proposed (the baseline). Questions, search, stats and
 * exports read only the model's labels, so they never see it.
 *
 * An entity's state is its content hash (the hash ingestion compares to tell an update), with
 * "|retracted" when it is retracted; "" when the graph has no such entity.
 */
import neo4j from 'neo4j-driver';
import type { Database } from '../../db';
import { toPlain } from '../../db';
import { type StatementRunner, transactionRunner } from '../../graph';
import type { ProposalEntity } from './proposal-entity.type';
import type { ProposalKind, ProposalStatus } from './proposals.enums';

/** The state of entity `n` (possibly null), as the baseline records it. */
const STATE = (n: string) =>
  `CASE WHEN ${n} IS NULL THEN '' ELSE coalesce(${n}.contentHash, '') + CASE WHEN ${n}.retractedAt IS NULL THEN '' ELSE '|retracted' END END`;

/** A proposal as the API answers it (no bundle: that is read only when asked for). */
export interface StoredProposal {
  id: string;
  kind: ProposalKind;
  status: ProposalStatus;
  note: string;
  proposerKeyId: string;
  createdAt: string;
  entities: ProposalEntity[];
  stale: boolean;
  changedSinceProposed: ProposalEntity[];
  reviewerKeyId: string | null;
  reviewedAt: string | null;
  reason: string | null;
  auditId: string | null;
}

/** What reviewing a proposal reads: its bundle and its baseline. */
export interface ProposalContent {
  id: string;
  status: ProposalStatus;
  proposerKeyId: string;
  /** The bundle as JSON text, as it was proposed (a practice or incident already converted). */
  bundle: string;
  /** Practices that must be the only one in force where they apply (a proposed practice). */
  exclusive: string[];
  baseline: BaselineEntry[];
}

export interface BaselineEntry extends ProposalEntity {
  /** The entity's state when proposed. */
  state: string;
}

export interface NewProposal {
  id: string;
  kind: ProposalKind;
  note: string;
  proposerKeyId: string;
  createdAt: string;
  bundle: string;
  exclusive: string[];
  baseline: BaselineEntry[];
}

/**
 * Stores a proposal unless its key already has `maxPending` pending. Returns how many it had:
 * at `maxPending` or more, nothing was written (two racing may end one over: a bound against a
 * runaway client, not an exact quota).
 */
export async function createProposal(
  db: Database,
  proposal: NewProposal,
  maxPending: number,
): Promise<{ pending: number }> {
  const rows = await db.write(
    'createProposal',
    `// createProposal
OPTIONAL MATCH (mine:Proposal {proposerKeyId: $p.proposerKeyId, status: 'PENDING'})
WITH count(mine) AS pending
FOREACH (_ IN CASE WHEN pending < $maxPending THEN [1] ELSE [] END |
  CREATE (:Proposal {id: $p.id, kind: $p.kind, status: 'PENDING', note: $p.note,
    proposerKeyId: $p.proposerKeyId, createdAt: datetime($p.createdAt), bundle: $p.bundle,
    exclusive: $p.exclusive, entityIds: $entityIds, entityLabels: $entityLabels,
    baselineStates: $baselineStates}))
RETURN pending`,
    {
      p: {
        id: proposal.id,
        kind: proposal.kind,
        note: proposal.note,
        proposerKeyId: proposal.proposerKeyId,
        createdAt: proposal.createdAt,
        bundle: proposal.bundle,
        exclusive: proposal.exclusive,
      },
      entityIds: proposal.baseline.map((e) => e.id),
      entityLabels: proposal.baseline.map((e) => e.label),
      baselineStates: proposal.baseline.map((e) => e.state),
      maxPending,
    },
  );
  return { pending: Number(rows[0]?.pending ?? 0) };
}

/** The fields of a proposal `p`, with the indexes of its entities changed since (pending only). */
const PROPOSAL_RETURN = `CALL (p) {
  UNWIND range(0, size(p.entityIds) - 1) AS i
  OPTIONAL MATCH (n:Entity {id: p.entityIds[i]})
  WITH p, i, ${STATE('n')} AS state
  WHERE p.status = 'PENDING' AND state <> p.baselineStates[i]
  RETURN collect(i) AS changed
}
RETURN p {.id, .kind, .status, .note, .proposerKeyId, .createdAt, .entityIds, .entityLabels,
  .reviewerKeyId, .reviewedAt, .reason, .auditId} AS proposal, changed`;

function storedProposal(row: Record<string, unknown>): StoredProposal {
  const p = row.proposal as Record<string, unknown>;
  const ids = p.entityIds as string[];
  const labels = p.entityLabels as string[];
  const entities = ids.map((id, i) => ({ id, label: labels[i]! }));
  const changed = (row.changed as number[]).map((i) => entities[i]!);
  return {
    id: p.id as string,
    kind: p.kind as ProposalKind,
    status: p.status as ProposalStatus,
    note: p.note as string,
    proposerKeyId: p.proposerKeyId as string,
    createdAt: p.createdAt as string,
    entities,
    stale: changed.length > 0,
    changedSinceProposed: changed,
    reviewerKeyId: (p.reviewerKeyId as string | null) ?? null,
    reviewedAt: (p.reviewedAt as string | null) ?? null,
    reason: (p.reason as string | null) ?? null,
    auditId: (p.auditId as string | null) ?? null,
  };
}

export interface ProposalFilter {
  status: ProposalStatus | null;
  /** Only this key's proposals (a contributor's own); null: everyone's. */
  proposerKeyId: string | null;
}

const FILTER = `($status IS NULL OR p.status = $status)
  AND ($proposerKeyId IS NULL OR p.proposerKeyId = $proposerKeyId)`;

/** A page of proposals, oldest first (the review queue's order), after a (createdAt, id) key. */
export async function listProposals(
  db: Database,
  filter: ProposalFilter,
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<StoredProposal[]> {
  const rows = await db.read(
    'listProposals',
    `// listProposals
MATCH (p:Proposal)
WHERE ${FILTER}
  AND ($after IS NULL OR p.createdAt > datetime($after.createdAt)
    OR (p.createdAt = datetime($after.createdAt) AND p.id > $after.id))
WITH p ORDER BY p.createdAt, p.id LIMIT $limit
${PROPOSAL_RETURN}`,
    { ...filter, after, limit: neo4j.int(limit) },
  );
  // Rows come in the page's order; sorted again so that nothing rests on the planner's.
  return rows
    .map(storedProposal)
    .sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
    );
}

export async function countProposals(db: Database, filter: ProposalFilter): Promise<number> {
  const rows = await db.read(
    'countProposals',
    `// countProposals
MATCH (p:Proposal) WHERE ${FILTER}
RETURN count(p) AS total`,
    { ...filter },
  );
  return Number(rows[0]?.total ?? 0);
}

export async function findProposal(db: Database, id: string): Promise<StoredProposal | null> {
  const rows = await db.read(
    'findProposal',
    `// findProposal
MATCH (p:Proposal {id: $id})
${PROPOSAL_RETURN}`,
    { id },
  );
  return rows[0] ? storedProposal(rows[0]) : null;
}

export async function proposalContent(db: Database, id: string): Promise<ProposalContent | null> {
  const rows = await db.read(
    'proposalContent',
    `// proposalContent
MATCH (p:Proposal {id: $id})
RETURN p {.id, .status, .proposerKeyId, .bundle, .exclusive, .entityIds, .entityLabels,
  .baselineStates} AS p`,
    { id },
  );
  const p = rows[0]?.p as Record<string, unknown> | undefined;
  if (!p) return null;
  const ids = p.entityIds as string[];
  const labels = p.entityLabels as string[];
  const states = p.baselineStates as string[];
  return {
    id: p.id as string,
    status: p.status as ProposalStatus,
    proposerKeyId: p.proposerKeyId as string,
    bundle: p.bundle as string,
    exclusive: (p.exclusive as string[] | null) ?? [],
    baseline: ids.map((eid, i) => ({ id: eid, label: labels[i]!, state: states[i]! })),
  };
}

/** The graph's current state of each entity id ("" for none). */
export async function entityStates(db: Database, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.read(
    'proposalEntityStates',
    `// proposalEntityStates
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id, ${STATE('n')} AS state`,
    { ids },
  );
  return new Map(rows.map((r) => [r.id as string, r.state as string]));
}

/** An entity as the graph holds it now: its state, properties and owned relations. */
export interface CurrentEntity {
  state: string;
  hash: string | null;
  props: Record<string, unknown>;
  relations: {
    type: string;
    labels: string[];
    id: string | null;
    code: string | null;
    props: Record<string, unknown>;
  }[];
}

/** The entities with these ids as the graph holds them now (absent ids are left out). */
export async function currentEntities(
  db: Database,
  ids: string[],
  relationshipTypes: readonly string[],
): Promise<Map<string, CurrentEntity>> {
  const rows = await db.read(
    'proposalCurrentEntities',
    `// proposalCurrentEntities
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, ${STATE('n')} AS state, n.contentHash AS hash, properties(n) AS props,
  COLLECT { MATCH (n)-[r]->(b) WHERE type(r) IN $types
    RETURN {type: type(r), labels: labels(b), id: b.id, code: b.code, props: properties(r)} } AS relations`,
    { ids, types: [...relationshipTypes] },
  );
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        state: r.state as string,
        hash: (r.hash as string | null) ?? null,
        props: r.props as Record<string, unknown>,
        relations: r.relations as unknown as CurrentEntity['relations'],
      },
    ]),
  );
}

/** A proposal as read under its lock, in a review's transaction. */
export interface LockedProposal {
  status: ProposalStatus;
  proposerKeyId: string;
  /** The graph's current state of each entity, in baseline order. */
  states: { id: string; state: string }[];
}

/**
 * Takes the proposal's write lock, then reads it: of two reviews racing, the later waits for
 * the earlier to commit and then sees its status. Null when there is no such proposal.
 */
export async function lockProposal(
  run: StatementRunner,
  id: string,
): Promise<LockedProposal | null> {
  const rows = await run(
    'lockProposal',
    `// lockProposal
MATCH (p:Proposal {id: $id})
SET p.reviewLock = true
REMOVE p.reviewLock
WITH p
CALL (p) {
  UNWIND range(0, size(p.entityIds) - 1) AS i
  OPTIONAL MATCH (n:Entity {id: p.entityIds[i]})
  WITH i, p.entityIds[i] AS id, ${STATE('n')} AS state ORDER BY i
  RETURN collect({id: id, state: state}) AS states
}
RETURN p.status AS status, p.proposerKeyId AS proposerKeyId, states`,
    { id },
  );
  const row = rows[0] ? (toPlain(rows[0]) as Record<string, unknown>) : null;
  if (!row) return null;
  return {
    status: row.status as ProposalStatus,
    proposerKeyId: row.proposerKeyId as string,
    states: row.states as { id: string; state: string }[],
  };
}

/**
 * Marks a proposal approved, in the transaction of the write its approval made, and credits
 * its proposer on that write's audit entry (whose keyId is the reviewer's).
 */
export async function markApproved(
  run: StatementRunner,
  input: {
    id: string;
    reviewerKeyId: string;
    reviewedAt: string;
    auditId: string | null;
    acknowledgedState: string | null;
  },
): Promise<void> {
  await run(
    'markProposalApproved',
    `// markProposalApproved
MATCH (p:Proposal {id: $id})
SET p.status = 'APPROVED', p.reviewerKeyId = $reviewerKeyId, p.reviewedAt = datetime($reviewedAt),
  p.auditId = $auditId, p.acknowledgedState = $acknowledgedState
WITH p
OPTIONAL MATCH (a:AuditEntry {id: $auditId})
SET a.proposalId = p.id, a.proposerKeyId = p.proposerKeyId
RETURN p.id AS id`,
    input,
  );
}

/**
 * Rejects a proposal in one transaction: locks it, lets `check` refuse (it throws), then
 * records who, when and why. Null when there is no such proposal.
 */
export async function rejectProposal(
  db: Database,
  input: { id: string; reviewerKeyId: string; reviewedAt: string; reason: string },
  check: (locked: LockedProposal) => void,
  /** What must commit with the rejection (its webhook deliveries). */
  after: (run: StatementRunner, locked: LockedProposal) => Promise<void>,
): Promise<LockedProposal | null> {
  return db.writeTransaction('rejectProposal', async (tx) => {
    const run = transactionRunner(tx);
    const locked = await lockProposal(run, input.id);
    if (!locked) return null;
    check(locked);
    await run(
      'markProposalRejected',
      `// markProposalRejected
MATCH (p:Proposal {id: $id})
SET p.status = 'REJECTED', p.reviewerKeyId = $reviewerKeyId, p.reviewedAt = datetime($reviewedAt),
  p.reason = $reason`,
      input,
    );
    await after(run, locked);
    return locked;
  });
}
