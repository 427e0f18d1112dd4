/**
 * A company's changes as an Atom feed: each incident against it and each practice on its plans
 * is one entry, identified by a tag: URI that never changes (an entry updated, e.g. retracted,
 * keeps its id and gets a newer `updated`). Titles are composed here; summaries are the
 * curators' own words, as stored.
 */
import { VERSION } from '../../config';
import type { DatePrecision } from '../../graph/model';
import { partialOf } from '../../graph/partial-date';
import type { AtomEntry, AtomFeed } from './atom';
import type { FeedCompany, FeedEntryFacts } from './feeds.store';

/** Entries per feed: the latest changes; older ones are in the API (timeline, incidents). */
export const FEED_ENTRIES = 50;

/** Links per entry: its first source, and a few more. */
const MAX_LINKS = 5;

/**
 * The tagging authority of our tag: URIs (RFC 4151): the project's domain, as in the graph's
 * IRIs (export/graph.jsonld.ts), and a date it held it. Fixed for good: changing it would
 * change every entry's id, and feed readers would show every entry again.
 */
const TAG = 'tag:gdpr-rights-graph.org,2025';

export const feedPath = (companyId: string): string =>
  `/feeds/companies/${encodeURIComponent(companyId)}.atom`;

const words = (code: string): string => {
  const text = code.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const partial = (day: string | null, precision: string | null): string | null =>
  day === null ? null : partialOf(day, (precision as DatePrecision | null) ?? 'DAY');

function entryTitle(facts: FeedEntryFacts): string {
  const retracted = facts.retractedAt ? 'Retracted: ' : '';
  if (facts.kind === 'incident') {
    const date = partial(facts.day, facts.dayPrecision);
    return `${retracted}${words(facts.incidentKind ?? 'INCIDENT')}${date ? ` (${date})` : ''}: ${facts.title ?? facts.id}`;
  }
  const from = partial(facts.validFrom, facts.validFromPrecision);
  const to = partial(facts.validTo, facts.validToPrecision);
  const when = from ? ` from ${from}${to ? ` until ${to}` : ''}` : to ? ` until ${to}` : '';
  const plans = facts.plans.length > 0 ? facts.plans.join(', ') : 'A practice';
  return `${retracted}${plans}: ${facts.purpose ?? 'practice'}${when}`;
}

function entrySummary(facts: FeedEntryFacts): string {
  if (!facts.retractedAt) return facts.summary;
  const day = facts.retractedAt.slice(0, 10);
  return `${facts.summary} Retracted on ${day}${facts.retractionReason ? `: ${facts.retractionReason}` : '.'}`;
}

export function companyAtomFeed(
  company: FeedCompany,
  entries: FeedEntryFacts[],
  selfUrl: string,
): AtomFeed {
  const atomEntries: AtomEntry[] = entries.map((facts) => {
    const sources = [...new Set(facts.sources)].slice(0, MAX_LINKS);
    return {
      id: `${TAG}:${facts.kind}/${encodeURIComponent(facts.id)}`,
      title: entryTitle(facts),
      updated: new Date(facts.updated),
      published: new Date(facts.recordedAt),
      // Every statement has a source; the feed's own URL stands in should one not.
      link: sources[0] ?? selfUrl,
      related: sources.slice(1),
      summary: entrySummary(facts),
      categories: [facts.kind, ...(facts.incidentKind ? [facts.incidentKind] : [])],
    };
  });
  // An empty feed is as new as its first entry will be: the epoch says "nothing yet".
  const updated = atomEntries.reduce(
    (latest, e) => (e.updated > latest ? e.updated : latest),
    new Date(0),
  );
  return {
    id: `${TAG}:feeds/companies/${encodeURIComponent(company.id)}`,
    title: `${company.name}: changes in the GDPR rights graph`,
    subtitle: `Incidents against ${company.name} and practices recorded or changed for its plans, newest first.`,
    updated,
    self: selfUrl,
    alternate: company.website,
    author: { name: 'GDPR rights graph' },
    generator: { name: 'gdpr-rights-graph', version: VERSION },
    entries: atomEntries,
  };
}
