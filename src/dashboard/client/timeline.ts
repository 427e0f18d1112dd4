/// <reference lib="dom" />
/**
 * Each company's timeline of practice changes and incidents. Loaded once; the as-of date only
 * moves the marker, and what happened after it is shown as later history.
 */
import { allPages, request } from './api.js';
import { h, longDate } from './dom.js';
import type { DashboardTimelineQuery } from './gql/graphql.js';
import { INCIDENT_KIND, TIMELINE_KIND } from './labels.js';
import { TimelineQuery } from './queries.js';

type Entry = DashboardTimelineQuery['timeline']['nodes'][number];
export interface CompanyTimeline {
  company: { id: string; name: string };
  entries: Entry[];
}

export async function loadTimelines(
  companies: { id: string; name: string }[],
  signal?: AbortSignal,
): Promise<CompanyTimeline[]> {
  return Promise.all(
    companies.map(async (company) => {
      const pages = await allPages((after) =>
        request(TimelineQuery, { company: company.id, after }, signal).then((d) => d.timeline),
      );
      return { company, entries: pages.flatMap((p) => p.nodes) };
    }),
  );
}

function renderEntry(e: Entry, asOf: string): HTMLElement {
  const later = e.date > asOf;
  const kind = e.incident ? INCIDENT_KIND[e.incident.kind] : TIMELINE_KIND[e.kind];
  return h(
    'li',
    {
      class: `entry entry-${e.kind.toLowerCase()}${later ? ' later' : ''}`,
      'data-entry': e.id,
      'data-date': e.date,
    },
    h('time', { datetime: e.date }, longDate(e.date)),
    h('span', { class: 'entry-kind' }, kind),
    later ? h('span', { class: 'visually-hidden' }, ' (after the date shown)') : null,
    h('p', { class: 'entry-title' }, e.title),
    e.incident?.before
      ? h('p', { class: 'entry-meta' }, `Before: ${e.incident.before.name}`)
      : null,
    e.changes.length > 0
      ? h(
          'ul',
          { class: 'changes' },
          e.changes.map((c) => h('li', {}, c)),
        )
      : null,
  );
}

export function renderTimelines(timelines: CompanyTimeline[], asOf: string): HTMLElement[] {
  const quiet = timelines.filter((t) => t.entries.length === 0).map((t) => t.company.name);
  const parts: (HTMLElement | null)[] = [
    h(
      'div',
      { class: 'timelines' },
      timelines
        .filter((t) => t.entries.length > 0)
        .map((t) => {
          const items: HTMLElement[] = [];
          let marked = false;
          for (const e of t.entries) {
            if (!marked && e.date > asOf) {
              items.push(asOfMarker(asOf));
              marked = true;
            }
            items.push(renderEntry(e, asOf));
          }
          if (!marked) items.push(asOfMarker(asOf));
          return h(
            'section',
            {
              class: 'company-timeline',
              'data-company': t.company.id,
              'aria-label': `${t.company.name}: timeline`,
            },
            h('h3', {}, t.company.name),
            h('ol', {}, items),
          );
        }),
    ),
    quiet.length > 0
      ? h(
          'p',
          { class: 'hint' },
          `No dated practice change or incident recorded for ${quiet.join(', ')}.`,
        )
      : null,
  ];
  return parts.filter((part): part is HTMLElement => part !== null);
}

const asOfMarker = (asOf: string): HTMLElement =>
  h('li', { class: 'as-of-marker', 'aria-hidden': 'true' }, `as of ${longDate(asOf)}`);
