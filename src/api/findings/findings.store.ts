/** Finding ids per company, for telling subscribers which findings a write changed. */
import type { Database } from '../../db';
import { FINDING_KINDS, findingsUnion } from './rules';

export async function findingIdsByCompany(
  db: Database,
  companies: string[],
  asOf: string,
): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>(companies.map((c) => [c, new Set<string>()]));
  if (companies.length === 0) return result;
  const rows = await db.read(
    'findingIdsByCompany',
    `// findingIdsByCompany
CALL () {
${findingsUnion(FINDING_KINDS, '$asOf', '$companies')}
}
RETURN finding.company.id AS company, collect(finding.id) AS ids`,
    { asOf, companies },
  );
  for (const row of rows) result.set(row.company as string, new Set(row.ids as string[]));
  return result;
}
