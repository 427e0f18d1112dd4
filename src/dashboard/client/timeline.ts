/// <reference lib="dom" />
/**
 * Each company's timeline of practice changes and incidents, one disclosure per company. A
 * timeline is loaded when it is first opened (the companies chosen above open theirs), then
 * kept: the as-of date only moves the marker, and what happened after it is shown as later.
 */
import { allPages, request } from './api.js';
import { h, longDate, partialDateStart, partialTime } from './dom.js';
import type { DashboardTimelineQuery } from './gql/graphql.js';
import { INCIDENT_KIND, TIMELINE_KIND } from './labels.js';
import { TimelineQuery } from './queries.js';

type Entry = DashboardTimelineQuery['timeline']['nodes'][number];

export interface CompanyRef {
  id: string;
  name: string;
}

async function loadTimeline(company: string): Promise<Entry[]> {
  const pages = await allPages((after) =>
    request(TimelineQuery, { company, after }).then((d) => d.timeline),
  );
  return pages.flatMap((p) => p.nodes);
}

function renderEntry(e: Entry, asOf: string): HTMLElement {
  const later = partialDateStart(e.date) > asOf;
  const kind = e.incident ? INCIDENT_KIND[e.incident.kind] : TIMELINE_KIND[e.kind];
  return h(
    'li',
    {
      class: `entry entry-${e.kind.toLowerCase()}${later ? ' later' : ''}`,
      'data-entry': e.id,
      'data-date': e.date,
    },
    partialTime(e.date),
    h('span', { class: 'entry-kind' }, kind),
    later ? h('span', { class: 'visually-hidden' }, ' (after the date shown)') : null,
    h('p', { class: 'entry-title' }, e.title),
    e.plans.length > 0
      ? h('p', { class: 'entry-meta' }, `Plans: ${e.plans.map((p) => p.name).join(', ')}`)
      : null,
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

const asOfMarker = (asOf: string): HTMLElement =>
  h('li', { class: 'as-of-marker', 'aria-hidden': 'true' }, `as of ${longDate(asOf)}`);

function renderEntries(entries: Entry[], asOf: string): HTMLElement {
  if (entries.length === 0)
    return h('p', { class: 'hint' }, 'No dated practice change or incident recorded.');
  const items: HTMLElement[] = [];
  let marked = false;
  for (const e of entries) {
    if (!marked && partialDateStart(e.date) > asOf) {
      items.push(asOfMarker(asOf));
      marked = true;
    }
    items.push(renderEntry(e, asOf));
  }
  if (!marked) items.push(asOfMarker(asOf));
  return h('ol', {}, items);
}

/** The timeline section: one disclosure per company, filled when open. */
export class Timelines {
  private readonly cache = new Map<string, Promise<Entry[]>>();

  constructor(private readonly el: HTMLElement) {}

  private entries(company: string): Promise<Entry[]> {
    let entries = this.cache.get(company);
    if (!entries) {
      entries = loadTimeline(company);
      // A failed load is asked again on the next opening.
      entries.catch(() => this.cache.delete(company));
      this.cache.set(company, entries);
    }
    return entries;
  }

  private async fill(
    details: HTMLDetailsElement,
    company: CompanyRef,
    asOf: string,
  ): Promise<void> {
    const body = details.querySelector('.timeline-body')!;
    details.dataset.state = 'loading';
    try {
      const entries = await this.entries(company.id);
      body.replaceChildren(renderEntries(entries, asOf));
      const count = details.querySelector('.entry-count');
      if (count) count.textContent = ` (${entries.length})`;
      details.dataset.state = 'ready';
    } catch (error) {
      body.replaceChildren(
        h(
          'p',
          { class: 'error', role: 'alert' },
          `Could not load this timeline: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      details.dataset.state = 'error';
    }
  }

  /**
   * Shows a disclosure per company, open for the companies chosen (`open`), and waits for the
   * open ones to load.
   */
  async show(companies: CompanyRef[], asOf: string, open: boolean): Promise<void> {
    this.el.dataset.state = 'loading';
    const sections = companies.map((company) => {
      const details = h(
        'details',
        {
          class: 'company-timeline',
          'data-company': company.id,
          open,
        },
        h(
          'summary',
          {},
          h('span', { class: 'timeline-company' }, company.name),
          h('span', { class: 'entry-count' }),
        ),
        h('div', { class: 'timeline-body' }, h('p', { class: 'hint' }, 'Loading…')),
      );
      details.addEventListener('toggle', () => {
        if (details.open && details.dataset.state !== 'ready')
          void this.fill(details, company, asOf);
      });
      return { details, company };
    });
    this.el.replaceChildren(
      h(
        'p',
        { class: 'count' },
        open
          ? `Practice changes and incidents of the companies chosen, with the date shown marked.`
          : `Open a company to see its practice changes and incidents, or choose companies above.`,
      ),
      h(
        'div',
        { class: 'timelines' },
        sections.map((s) => s.details),
      ),
    );
    await Promise.all(
      sections.filter((s) => s.details.open).map((s) => this.fill(s.details, s.company, asOf)),
    );
    this.el.dataset.state = 'ready';
  }
}
