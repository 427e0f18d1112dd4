/** The Cypher of curation: who a write concerns, retractions, the practice a new one replaces. */
import type { Database } from '../../db';
import { type Bundle, plansOf, type StatementRunner, transactionRunner } from '../../graph';
import { RULES_TIMEOUT_MS } from '../findings/findings.store';

/** The companies whose findings a bundle can change: those it names, directly or through products, plans, practices. */
export async function companiesConcerned(db: Database, bundle: Bundle): Promise<string[]> {
  const rows = await db.read(
    'companiesConcerned',
    `// companiesConcerned
CALL () {
  MATCH (c:Company) WHERE c.id IN $companies RETURN c
  UNION
  MATCH (pr:Product)-[:OFFERED_BY]->(c:Company) WHERE pr.id IN $products RETURN c
  UNION
  MATCH (pl:Plan)-[:OF]->(:Product)-[:OFFERED_BY]->(c:Company) WHERE pl.id IN $plans RETURN c
  UNION
  MATCH (p:Practice)-[:APPLIES_TO]->(:Plan)-[:OF]->(:Product)-[:OFFERED_BY]->(c:Company) WHERE p.id IN $practices RETURN c
}
RETURN collect(DISTINCT c.id) AS ids`,
    {
      companies: [
        ...bundle.companies.map((c) => c.id),
        ...bundle.products.map((p) => p.company),
        ...bundle.incidents.flatMap((i) => i.against),
      ],
      products: bundle.plans.map((p) => p.product),
      plans: bundle.practices.flatMap((p) => plansOf(p)),
      practices: bundle.practices.flatMap((p) => (p.replaces ? [p.id, p.replaces] : [p.id])),
    },
  );
  return (rows[0]?.ids as string[] | undefined) ?? [];
}

export interface Predecessor {
  id: string;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * The latest practices (not retracted) for any of the plans, the purpose and an overlapping
 * scope, one per distinct predecessor chain end: those a new practice would succeed, whether
 * still in force or already ended (then linked without being changed).
 */
export async function predecessors(
  db: Database,
  plans: string[],
  purpose: string,
  scope: string[],
  except: string,
): Promise<Predecessor[]> {
  const rows = await db.read(
    'predecessors',
    `// predecessors
MATCH (pl:Plan)<-[:APPLIES_TO]-(p:Practice)-[:FOR_PURPOSE]->(:Purpose {id: $purpose})
WHERE pl.id IN $plans AND p.retractedAt IS NULL AND p.id <> $except
  AND (any(s IN p.scope WHERE s IN $scope OR s = 'WORLDWIDE') OR 'WORLDWIDE' IN $scope)
  AND NOT EXISTS { MATCH (p)<-[:REPLACES]-(next:Practice) WHERE next.retractedAt IS NULL AND next.id <> $except }
RETURN DISTINCT p.id AS id, toString(p.validFrom) AS validFrom, toString(p.validTo) AS validTo
ORDER BY p.id`,
    { plans, purpose, scope, except },
  );
  return rows.map((r) => ({
    id: r.id as string,
    validFrom: (r.validFrom as string | null) ?? null,
    validTo: (r.validTo as string | null) ?? null,
  }));
}

/** The companies a practice or incident is about. */
export async function companiesOfStatement(db: Database, id: string): Promise<string[]> {
  const rows = await db.read(
    'companiesOfStatement',
    `// companiesOfStatement
CALL () {
  MATCH (:Practice {id: $id})-[:APPLIES_TO]->(:Plan)-[:OF]->(:Product)-[:OFFERED_BY]->(c:Company) RETURN c
  UNION
  MATCH (:Incident {id: $id})-[:AGAINST]->(c:Company) RETURN c
}
RETURN collect(c.id) AS ids`,
    { id },
  );
  return (rows[0]?.ids as string[] | undefined) ?? [];
}

export interface RetractOutcome {
  label: 'Practice' | 'Incident';
  retractedAt: string;
  auditId: string;
}

/** Statements run in a retraction's transaction: before it, and after it when it retracts. */
export interface RetractHooks {
  before(run: StatementRunner): Promise<void>;
  after(run: StatementRunner): Promise<void>;
}

/**
 * Marks a practice or incident as retracted and records the audit entry, in one transaction
 * with `hooks` (they may run the rules, so it may take as long as the rules may).
 * Returns null when no such statement exists, or `already` when it was retracted before.
 */
export async function retractStatement(
  db: Database,
  input: { id: string; reason: string; keyId: string | null; auditId: string },
  hooks: RetractHooks,
): Promise<RetractOutcome | { already: string } | null> {
  return db.writeTransaction(
    'retract',
    async (tx) => {
      await hooks.before(transactionRunner(tx));
      const found = await tx.run(
        `// retract
CALL () {
  MATCH (n:Practice {id: $id}) RETURN n, 'Practice' AS label
  UNION
  MATCH (n:Incident {id: $id}) RETURN n, 'Incident' AS label
}
RETURN label, n.retractedAt IS NOT NULL AS already, toString(n.retractedAt) AS at`,
        { id: input.id },
      );
      const record = found.records[0];
      if (!record) return null;
      if (record.get('already') === true) return { already: record.get('at') as string };
      const label = record.get('label') as 'Practice' | 'Incident';
      // The label comes from the lookup above (one of two constants), never from input.
      const written = await tx.run(
        `MATCH (n:${label} {id: $id}) WHERE n.retractedAt IS NULL
// A retraction is a version like any change: the state before it is kept.
CREATE (v:Version {entry: n.entry, hash: n.contentHash, recordedFrom: coalesce(n.updatedAt, n.recordedAt),
  recordedUntil: datetime(), auditId: n.auditId, replacedBy: $auditId})-[:VERSION_OF]->(n)
SET n.retractedAt = datetime(), n.retractionReason = $reason, n.retractedBy = $keyId,
  n.auditId = $auditId, n.updatedAt = datetime()
CREATE (a:AuditEntry {id: $auditId, at: n.retractedAt, keyId: $keyId, operation: 'retract', source: $reason,
  counts: '{}', changedIds: [n.id]})
RETURN toString(n.retractedAt) AS at`,
        { id: input.id, reason: input.reason, keyId: input.keyId, auditId: input.auditId },
      );
      const row = written.records[0]!;
      await hooks.after(transactionRunner(tx));
      return { label, retractedAt: row.get('at') as string, auditId: input.auditId };
    },
    RULES_TIMEOUT_MS,
  );
}
