/** Runs the rules and composes their findings; for the question and for subscribers. */
import type { Database } from '../../db';
import { FINDING_KINDS, type FindingKind, ruleQuery } from './findings.rules';
import { type ComposedFinding, composeFinding, type RuleFacts } from './findings.words';

export interface FindingsInput {
  asOf: string;
  scope: string;
  companies: string[] | null;
  kinds: readonly FindingKind[];
}

/** Every finding holding on the date, composed, in no particular order. */
export async function deriveFindings(
  db: Database,
  input: FindingsInput,
): Promise<ComposedFinding[]> {
  const query = ruleQuery(input);
  const rows = await db.read(query.name, query.cypher, query.params);
  const byId = new Map<string, ComposedFinding>();
  for (const row of rows) {
    const finding = composeFinding(row.facts as unknown as RuleFacts, input.asOf);
    // A plan compared with several paid plans yields one finding listing them all.
    if (!byId.has(finding.id)) byId.set(finding.id, finding);
  }
  // In the order pages are read, so that the page query's parameter is the same for the same facts.
  return [...byId.values()].sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) || a.companyName.localeCompare(b.companyName) || a.id.localeCompare(b.id),
  );
}

/** Finding ids per company, for telling subscribers which findings a write changed. */
export async function findingIdsByCompany(
  db: Database,
  companies: string[],
  asOf: string,
): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>(companies.map((c) => [c, new Set<string>()]));
  if (companies.length === 0) return result;
  const findings = await deriveFindings(db, {
    asOf,
    scope: 'EEA',
    companies,
    kinds: FINDING_KINDS,
  });
  for (const f of findings) result.get(f.company)?.add(f.id);
  return result;
}
