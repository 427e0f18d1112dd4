/**
 * The timeline's words, composed here from the facts its query returns (not in Cypher):
 * entry titles, and what differs between a practice and the one it replaced.
 */

interface PracticeFacts {
  default: string | null;
  basis: string | null;
  scope: string[] | null;
  /** [right name, status] pairs. */
  rights: [string, string][] | null;
}

/** [what, before, after]. */
type Difference = [string, string | null, string | null];

function differences(before: PracticeFacts, after: PracticeFacts): Difference[] {
  const out: Difference[] = [];
  if (before.default !== after.default) out.push(['Default', before.default, after.default]);
  const was = new Map(before.rights ?? []);
  const is = new Map(after.rights ?? []);
  for (const [name, status] of is)
    if (was.get(name) !== status) out.push([name, was.get(name) ?? null, status]);
  for (const [name, status] of was) if (!is.has(name)) out.push([name, status, null]);
  if (before.basis !== after.basis) out.push(['Legal basis', before.basis, after.basis]);
  const scope = (s: string[] | null) => (s ? [...s].sort().join(', ') : null);
  if (scope(before.scope) !== scope(after.scope))
    out.push(['Scope', scope(before.scope), scope(after.scope)]);
  return out;
}

/** "Right to object: PAID_ONLY -> ON_REQUEST"; "not stated" where a side says nothing. */
export function changeLines(raw: unknown): string[] {
  const facts = raw as { before: PracticeFacts; after: PracticeFacts } | null;
  if (!facts?.before || !facts.after) return [];
  return differences(facts.before, facts.after).map(
    ([what, before, after]) => `${what}: ${before ?? 'not stated'} -> ${after ?? 'not stated'}`,
  );
}

/** [kind, plan names, purpose name, incident title]. */
type TitleFacts = [string, string[] | null, string | null, string | null];

export function entryTitle(raw: unknown): string {
  const [kind, plans, purpose, title] = raw as TitleFacts;
  const where = `${(plans ?? []).join(', ')}: ${purpose ?? ''}`;
  switch (kind) {
    case 'PRACTICE_STARTED':
      return `New practice on ${where}`;
    case 'PRACTICE_CHANGED':
      return `Practice changed on ${where}`;
    case 'PRACTICE_ENDED':
      return `Practice ended on ${where}`;
    default:
      return title ?? '';
  }
}
