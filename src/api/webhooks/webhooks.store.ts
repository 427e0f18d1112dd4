/**
 * The Cypher of webhooks and their delivery log. Webhooks are bookkeeping, not the model: they
 * carry no :Entity label, and exports and questions never read them. A webhook's secret is
 * stored as it is (an HMAC needs it) and never read back by a query that answers a client.
 */
import neo4j from 'neo4j-driver';
import { type Database, toPlain } from '../../db';
import { readerOf, type RunsOn, type StatementRunner, writerOf } from '../../graph';
import type { FindingKind } from '../findings/findings.rules';
import type { DeliveryStatus, WebhookEvent } from './webhooks.enums';
import { readHeld } from '../translate/named-ids';

/** A webhook as its owner sees it (no secret). */
export interface StoredWebhook {
  id: string;
  url: string;
  events: WebhookEvent[];
  companies: string[];
  findingKinds: FindingKind[];
  description: string | null;
  createdAt: string;
}

export interface StoredAttempt {
  number: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface StoredDelivery {
  id: string;
  event: WebhookEvent;
  test: boolean;
  status: DeliveryStatus;
  createdAt: string;
  nextAttemptAt: string | null;
  attempts: StoredAttempt[];
}

const WEBHOOK_FIELDS =
  'w {.id, .url, .events, .companies, .findingKinds, .description, .createdAt}';

/**
 * Creates a webhook unless its key already owns `max`. Returns how many the key owned before:
 * at `max` or more, nothing was written. (Two registrations racing may pass the count together
 * and end one over: the bound is against a runaway client, not an exact quota.)
 */
export async function createWebhook(
  db: Database,
  webhook: Omit<StoredWebhook, 'createdAt'> & { ownerKeyId: string; secret: string },
  max: number,
): Promise<{ owned: number; createdAt: string }> {
  const createdAt = new Date().toISOString();
  const rows = await db.write(
    'createWebhook',
    `// createWebhook
OPTIONAL MATCH (mine:Webhook {ownerKeyId: $webhook.ownerKeyId})
WITH count(mine) AS owned
FOREACH (_ IN CASE WHEN owned < $max THEN [1] ELSE [] END |
  CREATE (:Webhook {id: $webhook.id, ownerKeyId: $webhook.ownerKeyId, url: $webhook.url,
    events: $webhook.events, companies: $webhook.companies, findingKinds: $webhook.findingKinds,
    description: $webhook.description, secret: $webhook.secret, createdAt: datetime($createdAt)}))
RETURN owned`,
    { webhook, max, createdAt },
  );
  return { owned: Number(rows[0]?.owned ?? 0), createdAt };
}

export async function listWebhooks(db: Database, ownerKeyId: string): Promise<StoredWebhook[]> {
  const rows = await db.read(
    'listWebhooks',
    `// listWebhooks
MATCH (w:Webhook {ownerKeyId: $ownerKeyId})
RETURN ${WEBHOOK_FIELDS} AS webhook ORDER BY w.createdAt, w.id`,
    { ownerKeyId },
  );
  return rows.map((r) => r.webhook as unknown as StoredWebhook);
}

/** The owner's webhook with this id; null for an unknown id or another key's webhook. */
export async function findWebhook(
  db: Database,
  ownerKeyId: string,
  id: string,
): Promise<StoredWebhook | null> {
  const rows = await db.read(
    'findWebhook',
    `// findWebhook
MATCH (w:Webhook {id: $id, ownerKeyId: $ownerKeyId})
RETURN ${WEBHOOK_FIELDS} AS webhook`,
    { ownerKeyId, id },
  );
  return (rows[0]?.webhook as unknown as StoredWebhook | undefined) ?? null;
}

/** Deletes the owner's webhook with its delivery log; false when the owner has no such webhook. */
export async function deleteWebhook(
  db: Database,
  ownerKeyId: string,
  id: string,
): Promise<boolean> {
  const rows = await db.write(
    'deleteWebhook',
    `// deleteWebhook
MATCH (w:Webhook {id: $id, ownerKeyId: $ownerKeyId})
CALL (w) {
  MATCH (w)-[:DELIVERED]->(d:WebhookDelivery)
  OPTIONAL MATCH (d)-[:ATTEMPT]->(a:WebhookAttempt)
  DETACH DELETE a, d
}
DETACH DELETE w
RETURN count(*) AS deleted`,
    { ownerKeyId, id },
  );
  return Number(rows[0]?.deleted ?? 0) > 0;
}

/**
 * The newest deliveries of a webhook, each with its attempts in order.
 *
 * Neo4j reads committed data, not a snapshot: a read that runs while an attempt's transaction is
 * being applied can see the delivery's new status without the attempt written with it (CI saw
 * SUCCEEDED beside one attempt of two). The delivery also counts its attempts, written in the
 * same SET as its status, so a torn read shows as a count that differs from the attempts read;
 * the read is then run again.
 */
export async function listDeliveries(
  db: Database,
  webhookId: string,
  first: number,
): Promise<StoredDelivery[]> {
  for (let read = 1; ; read++) {
    const rows = await db.read(
      'listWebhookDeliveries',
      `// listWebhookDeliveries
MATCH (:Webhook {id: $webhookId})-[:DELIVERED]->(d:WebhookDelivery)
WITH d ORDER BY d.createdAt DESC, d.id DESC LIMIT $first
RETURN d {.id, .event, .test, .status, .createdAt, .nextAttemptAt,
  attempts: COLLECT {
    MATCH (d)-[:ATTEMPT]->(a:WebhookAttempt)
    WITH a ORDER BY a.number
    RETURN a {.number, .at, .statusCode, .error, .durationMs}
  }} AS delivery, coalesce(d.attempts, 0) AS counted`,
      { webhookId, first: neo4j.int(first) },
    );
    const deliveries = rows.map((r) => r.delivery as unknown as StoredDelivery);
    const torn = rows.some((r, i) => Number(r.counted) !== deliveries[i]!.attempts.length);
    if (!torn || read === TORN_READS) return deliveries;
  }
}

/** How many times listDeliveries reads before it answers what it saw. */
const TORN_READS = 5;

/** Webhooks that subscribe to an event, of keys not revoked (and of one key, when given). */
export async function webhookTargets(
  on: RunsOn,
  event: WebhookEvent,
  ownerKeyId: string | null = null,
): Promise<{ id: string; companies: string[]; findingKinds: FindingKind[] }[]> {
  const rows = await readerOf(on)(
    'webhookTargets',
    `// webhookTargets
MATCH (w:Webhook) WHERE $event IN w.events
  AND ($ownerKeyId IS NULL OR w.ownerKeyId = $ownerKeyId)
  AND EXISTS { MATCH (k:ApiKey {id: w.ownerKeyId}) WHERE k.revokedAt IS NULL }
RETURN w.id AS id, w.companies AS companies, w.findingKinds AS findingKinds`,
    { event, ownerKeyId },
  );
  return rows.map((r) => ({
    id: r.id as string,
    companies: (r.companies ?? []) as string[],
    findingKinds: (r.findingKinds ?? []) as FindingKind[],
  }));
}

export interface NewDelivery {
  id: string;
  webhookId: string;
  event: WebhookEvent;
  test: boolean;
  /** The exact body every attempt sends. */
  body: string;
  createdAt: string;
}

/**
 * Stores deliveries, waiting for their first attempt, and keeps each webhook's log to its
 * newest `keep` deliveries. With `ownerKeyId`, only into that key's webhooks. Returns the ids
 * stored (a webhook deleted meanwhile gets none).
 */
export async function createDeliveries(
  on: RunsOn,
  deliveries: NewDelivery[],
  keep: number,
  ownerKeyId: string | null = null,
): Promise<string[]> {
  if (deliveries.length === 0) return [];
  const rows = await writerOf(on)(
    'createWebhookDeliveries',
    `// createWebhookDeliveries
UNWIND $deliveries AS row
MATCH (w:Webhook {id: row.webhookId}) WHERE $ownerKeyId IS NULL OR w.ownerKeyId = $ownerKeyId
CREATE (w)-[:DELIVERED]->(d:WebhookDelivery {id: row.id, event: row.event, test: row.test,
  body: row.body, status: 'PENDING', attempts: 0, createdAt: datetime(row.createdAt),
  nextAttemptAt: datetime(row.createdAt)})
WITH w, d
CALL (w) {
  MATCH (w)-[:DELIVERED]->(old:WebhookDelivery)
  WITH old ORDER BY old.createdAt DESC, old.id DESC SKIP $keep
  OPTIONAL MATCH (old)-[:ATTEMPT]->(a:WebhookAttempt)
  DETACH DELETE a, old
}
RETURN d.id AS id`,
    { deliveries, keep: neo4j.int(keep), ownerKeyId },
  );
  return rows.map((r) => r.id as string);
}

export interface ClaimedDelivery {
  url: string;
  secret: string;
  event: WebhookEvent;
  body: string;
  attempts: number;
  /** Whether the key that registered the webhook is still valid. */
  active: boolean;
}

export type Claim =
  | { kind: 'claimed'; delivery: ClaimedDelivery }
  /** Not due yet, or another process is attempting it: ask again at `at`. */
  | { kind: 'later'; at: string }
  /** Delivered, given up, or deleted with its webhook. */
  | { kind: 'gone' };

/**
 * Takes a pending, due delivery for one attempt, for `leaseMs`: while the lease runs no other
 * process (another replica, or this one after a restart) attempts it. The first SET takes the
 * node's write lock, so that the condition after it reads what a concurrent claim committed.
 * Times are this process's clock (`now`), the clock that wrote `nextAttemptAt`.
 */
export async function claimDelivery(
  db: Database,
  id: string,
  now: Date,
  leaseMs: number,
): Promise<Claim> {
  const rows = await db.write(
    'claimWebhookDelivery',
    `// claimWebhookDelivery
MATCH (w:Webhook)-[:DELIVERED]->(d:WebhookDelivery {id: $id})
SET d.claimedAt = datetime($now)
WITH w, d, d.status = 'PENDING' AND d.nextAttemptAt <= datetime($now)
  AND (d.leaseUntil IS NULL OR d.leaseUntil <= datetime($now)) AS claimed
SET d.leaseUntil = CASE WHEN claimed THEN datetime($now) + duration({milliseconds: $leaseMs}) ELSE d.leaseUntil END
RETURN claimed, d.status AS status, d.nextAttemptAt AS due, d.leaseUntil AS leaseUntil,
  w.url AS url, w.secret AS secret, d.event AS event, d.body AS body, d.attempts AS attempts,
  EXISTS { MATCH (k:ApiKey {id: w.ownerKeyId}) WHERE k.revokedAt IS NULL } AS active`,
    { id, now: now.toISOString(), leaseMs: neo4j.int(leaseMs) },
  );
  const row = rows[0];
  if (!row || row.status !== 'PENDING') return { kind: 'gone' };
  if (row.claimed !== true) {
    // ISO strings of one length (db/values.ts), so they compare as text.
    const due = row.due as string;
    const lease = (row.leaseUntil as string | null) ?? due;
    return { kind: 'later', at: lease > due ? lease : due };
  }
  return {
    kind: 'claimed',
    delivery: {
      url: row.url as string,
      secret: row.secret as string,
      event: row.event as WebhookEvent,
      body: row.body as string,
      attempts: Number(row.attempts ?? 0),
      active: row.active === true,
    },
  };
}

/** Logs one attempt and where the delivery stands after it; releases the lease. */
export async function recordAttempt(
  db: Database,
  id: string,
  attempt: StoredAttempt,
  status: DeliveryStatus,
  nextAttemptAt: string | null,
): Promise<void> {
  await db.write(
    'recordWebhookAttempt',
    `// recordWebhookAttempt
MATCH (d:WebhookDelivery {id: $id})
CREATE (d)-[:ATTEMPT]->(:WebhookAttempt {number: $attempt.number, at: datetime($attempt.at),
  statusCode: $attempt.statusCode, error: $attempt.error, durationMs: $attempt.durationMs})
SET d.attempts = $attempt.number, d.status = $status,
  d.nextAttemptAt = CASE WHEN $nextAttemptAt IS NULL THEN null ELSE datetime($nextAttemptAt) END,
  d.leaseUntil = null`,
    {
      id,
      // Integers, not the driver's default floats.
      attempt: {
        ...attempt,
        number: neo4j.int(attempt.number),
        statusCode: attempt.statusCode === null ? null : neo4j.int(attempt.statusCode),
        durationMs: neo4j.int(attempt.durationMs),
      },
      status,
      nextAttemptAt,
    },
  );
}

/** Ends a delivery that can no longer be sent (its key was revoked), with no attempt. */
export async function abandonDelivery(db: Database, id: string): Promise<void> {
  await db.write(
    'abandonWebhookDelivery',
    `// abandonWebhookDelivery
MATCH (d:WebhookDelivery {id: $id})
SET d.status = 'FAILED', d.nextAttemptAt = null, d.leaseUntil = null`,
    { id },
  );
}

/** Pending deliveries and when each is due: what a restarted process takes up again. */
export async function pendingDeliveries(
  db: Database,
  limit: number,
): Promise<{ id: string; due: string }[]> {
  const rows = await db.read(
    'pendingWebhookDeliveries',
    `// pendingWebhookDeliveries
MATCH (d:WebhookDelivery {status: 'PENDING'})
RETURN d.id AS id, coalesce(d.nextAttemptAt, d.createdAt) AS due
ORDER BY due LIMIT $limit`,
    { limit: neo4j.int(limit) },
  );
  return rows.map((r) => ({ id: r.id as string, due: r.due as string }));
}

/**
 * What an incidentRecorded delivery says of each incident (those found, in no order), read in
 * the transaction that recorded them (outbox.ts).
 */
export async function incidentFacts(
  run: StatementRunner,
  ids: string[],
): Promise<Record<string, unknown>[]> {
  if (ids.length === 0) return [];
  const rows = await run(
    'webhookIncidentFacts',
    `// webhookIncidentFacts
UNWIND $ids AS id
MATCH (i:Incident {id: id})
RETURN i {.id, .kind, .title, .status, .summary, .recordedAt, day: i.date, precision: i.datePrecision,
  against: COLLECT { MATCH (i)-[:AGAINST]->(c:Company) RETURN c.id ORDER BY c.id }} AS incident`,
    { ids },
  );
  // A transaction's runner keeps the driver's values (dates, integers): as a read would give them.
  return rows.map((r) => toPlain(r.incident) as Record<string, unknown>);
}

/** Which of these ids name no company. */
export async function unknownCompanies(db: Database, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const [held] = await readHeld(db, 'webhookUnknownCompanies', [
    { argument: 'input.companies', label: 'Company', ids },
  ]);
  const found = new Set(held);
  return ids.filter((id) => !found.has(id));
}
