/**
 * The curators' writes: one door to the seed pipeline's validation and ingestion, with the
 * audit entry and the webhook deliveries of the incidents it records and of the findings it
 * changes written in the same transaction, and events for subscribers afterwards.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors';
import {
  type BundleDocument,
  BundleSchema,
  ingest,
  type IngestReport,
  type TransactionHooks,
} from '../../graph';
import type { Principal } from '../auth/api-keys';
import { todayIso } from '../common/date.scalar';
import type { ApiContext } from '../context';
import { FINDINGS_CHANGED, type FindingsChangedEvent, INCIDENT_RECORDED } from '../events';
import { findingIdsByCompany } from '../findings/findings.store';
import {
  queueDeliveries,
  storeFindingsDeliveries,
  storeIncidentDeliveries,
} from '../webhooks/outbox';
import { webhookTargets } from '../webhooks/webhooks.store';
import { firstDay } from '../../graph/partial-date';
import {
  companiesConcerned,
  companiesOfStatement,
  predecessors,
  type RetractHooks,
  retractStatement,
  type RetractOutcome,
} from './curation.store';
import type { PracticeInput } from './practice.input';

/**
 * The most entities one write through the API may hold. A write is one transaction, all or
 * nothing even if Neo4j dies mid-way (test/graph/crash.test.ts), and a transaction's memory is
 * bounded (db.memory.transaction.max: a quarter of the heap in the project's launcher, where
 * about 20,000 generated entities exhaust it). Larger loads are an operator's job:
 * `npm run seed -- --batched` (README, "Loading large bundles").
 */
export const MAX_WRITE_ENTITIES = 5000;

export interface WriteRequest {
  data: unknown;
  operation: string;
  /** Where the content came from, for the audit trail. */
  source: string;
  dryRun?: boolean;
  /** Practices that must be the only one in force on their plans, purpose and scope. */
  exclusive?: string[];
  /** Statements run in the write's transaction, before and after it (a proposal's approval). */
  inTransaction?: TransactionHooks;
}

export async function writeBundle(
  ctx: ApiContext,
  principal: Principal,
  request: WriteRequest,
): Promise<IngestReport> {
  const docs: BundleDocument[] = [{ file: 'input', data: request.data }];
  const entities = countEntities(request.data);
  if (entities > MAX_WRITE_ENTITIES)
    throw new AppError(
      'BAD_USER_INPUT',
      `the bundle holds ${entities} entities, more than one write may hold (${MAX_WRITE_ENTITIES}): split it into bundles that stand on their own, or load it with the seed command's --batched option`,
      { argument: 'bundle', limit: MAX_WRITE_ENTITIES },
    );
  if (request.dryRun) return ingest(ctx.db, docs, { dryRun: true });

  // Findings before and after, for the companies the bundle concerns (when it parses; if not,
  // ingest reports every problem and nothing is written), when someone hears of their change.
  const parsed = BundleSchema.safeParse(request.data);
  const findings = findingsWatch(
    parsed.success && (await findingsWatched(ctx))
      ? await companiesConcerned(ctx.db, parsed.data)
      : [],
  );

  // The deliveries of the incidents it records are stored in the write's transaction
  // (webhooks/outbox.ts): kept with the write, or not at all. Set again if the transaction is
  // retried, so that only the committed attempt's are queued.
  let deliveries: string[] = [];
  const report = await ingest(ctx.db, docs, {
    exclusive: request.exclusive,
    inTransaction: {
      before: async (run) => {
        await request.inTransaction?.before?.(run);
        await findings.before(run);
      },
      after: async (run, written) => {
        await request.inTransaction?.after?.(run, written);
        // The rules first: a delivery locks its webhook, which other writes then wait for.
        await findings.after(run);
        deliveries = await storeIncidentDeliveries(run, written.created.Incident ?? []);
      },
    },
    audit: { keyId: principal.keyId, operation: request.operation, source: request.source },
  });
  queueDeliveries(ctx.events, deliveries);
  ctx.logger.info(
    {
      operation: request.operation,
      keyId: principal.keyId,
      auditId: report.auditId,
      changed: report.changedIds.length,
    },
    'write',
  );

  const incidents = report.created.Incident ?? [];
  if (incidents.length > 0) {
    // Where the write ended: a replica reading the incident for its subscribers waits for it.
    const bookmarks = await ctx.db.bookmarks();
    for (const id of incidents) ctx.events.publish(INCIDENT_RECORDED, { id, bookmarks });
  }
  findings.committed(ctx);
  return report;
}

/**
 * The practice a new one succeeds, when the input does not name it: the latest practice for
 * the same plans, purpose and scope, in force (the new one must start after it) or already
 * ended (the new one must not start before its end).
 */
export async function predecessorOf(
  ctx: ApiContext,
  input: PracticeInput,
): Promise<string | undefined> {
  const candidates = await predecessors(ctx.db, input.plans, input.purpose, input.scope, input.id);
  if (candidates.length > 1) {
    throw new AppError(
      'BAD_USER_INPUT',
      `practices ${candidates.map((c) => `"${c.id}"`).join(', ')} precede this one on these plans, purpose and scope: record a successor for each, or name the one this replaces in "replaces"`,
      { argument: 'input.replaces' },
    );
  }
  const current = candidates[0];
  if (!current) return undefined;
  if (current.validTo === null) {
    if (!input.validFrom)
      throw new AppError(
        'BAD_USER_INPUT',
        `practice "${current.id}" is in force for these plans, purpose and scope: give validFrom, when the new practice starts`,
        { argument: 'input.validFrom' },
      );
    if (current.validFrom && current.validFrom >= firstDay(input.validFrom))
      throw new AppError(
        'BAD_USER_INPUT',
        `validFrom ${input.validFrom} must be after ${current.validFrom}, when the practice in force ("${current.id}") started`,
        { argument: 'input.validFrom' },
      );
  } else if (input.validFrom && firstDay(input.validFrom) < current.validTo) {
    throw new AppError(
      'BAD_USER_INPUT',
      `validFrom ${input.validFrom} is before ${current.validTo}, when the practice it follows ("${current.id}") ended`,
      { argument: 'input.validFrom' },
    );
  }
  return current.id;
}

/** Entries in a bundle's sections, before validation (which reports whatever else is wrong). */
function countEntities(data: unknown): number {
  if (typeof data !== 'object' || data === null) return 0;
  return Object.values(data).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
}

export async function retract(
  ctx: ApiContext,
  principal: Principal,
  id: string,
  reason: string,
): Promise<RetractOutcome> {
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > 1000) {
    throw new AppError('BAD_USER_INPUT', '"reason" must say why, in 1 to 1000 characters', {
      argument: 'reason',
    });
  }
  const findings = findingsWatch(
    (await findingsWatched(ctx)) ? await companiesOfStatement(ctx.db, id) : [],
  );
  const outcome = await retractStatement(
    ctx.db,
    { id, reason: trimmed, keyId: principal.keyId, auditId: randomUUID() },
    findings,
  );
  if (outcome === null)
    throw new AppError('NOT_FOUND', `no practice or incident with id "${id.slice(0, 128)}"`);
  if ('already' in outcome)
    throw new AppError(
      'CONFLICT',
      `"${id.slice(0, 128)}" was already retracted at ${outcome.already}`,
    );
  ctx.logger.info({ operation: 'retract', keyId: principal.keyId, id }, 'write');
  findings.committed(ctx);
  return outcome;
}

/**
 * Whether a subscriber or a webhook hears of findings that change: the rules run twice per
 * write to tell, which a bulk write through the API pays for nothing when no one listens.
 */
async function findingsWatched(ctx: ApiContext): Promise<boolean> {
  return (
    (await ctx.events.subscribed(FINDINGS_CHANGED)) ||
    (await webhookTargets(ctx.db, 'FINDINGS_CHANGED')).length > 0
  );
}

/**
 * The findings of `companies` (today's, in the EEA), read in the write's transaction before
 * and after it: which appeared and which disappeared, with the webhook deliveries that tell it
 * stored in the same transaction (webhooks/outbox.ts), so that they are kept exactly when the
 * write is. Nothing to do for no companies (no one hears of the change).
 */
interface FindingsWatch extends RetractHooks {
  /** After the commit: tells subscribers and queues the deliveries. */
  committed(ctx: ApiContext): void;
}

function findingsWatch(companies: string[]): FindingsWatch {
  const asOf = todayIso();
  let was = new Map<string, Set<string>>();
  // Set on each attempt: a retried transaction's last attempt is the one that committed.
  let changes: FindingsChangedEvent[] = [];
  let deliveries: string[] = [];
  return {
    async before(run) {
      was = await findingIdsByCompany(run, companies, asOf);
    },
    async after(run) {
      const now = await findingIdsByCompany(run, companies, asOf);
      changes = companies.flatMap((companyId) => {
        const before = was.get(companyId) ?? new Set<string>();
        const after = now.get(companyId) ?? new Set<string>();
        const appeared = [...after].filter((f) => !before.has(f));
        const disappeared = [...before].filter((f) => !after.has(f));
        return appeared.length > 0 || disappeared.length > 0
          ? [{ companyId, asOf, appeared, disappeared }]
          : [];
      });
      deliveries = await storeFindingsDeliveries(run, changes);
    },
    committed(ctx) {
      queueDeliveries(ctx.events, deliveries);
      for (const change of changes) ctx.events.publish(FINDINGS_CHANGED, change);
    },
  };
}
