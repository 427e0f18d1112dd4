/// <reference lib="dom" />
/** The rules' findings on the date shown, each with its explanation, provisions and sources. */
import { allPages, request } from './api.js';
import { externalLink, h, longDate } from './dom.js';
import type { DashboardFindingsQuery } from './gql/graphql.js';
import { FINDING_KIND } from './labels.js';
import { FindingsQuery } from './queries.js';

type Finding = DashboardFindingsQuery['findings']['nodes'][number];

export async function loadFindings(asOf: string, signal?: AbortSignal): Promise<Finding[]> {
  const pages = await allPages((after) =>
    request(FindingsQuery, { asOf, after }, signal).then((d) => d.findings),
  );
  return pages.flatMap((p) => p.nodes);
}

function renderFinding(f: Finding): HTMLElement {
  const supporting = f.evidence.filter((e) => e.stance === 'SUPPORTS');
  const disputing = f.evidence.filter((e) => e.stance === 'DISPUTES');
  return h(
    'article',
    { class: 'finding', 'data-finding': f.id, 'data-kind': f.kind },
    h(
      'header',
      {},
      h('span', { class: `kind kind-${f.kind.toLowerCase()}` }, FINDING_KIND[f.kind]),
      f.disputed
        ? h(
            'span',
            { class: 'disputed-badge' },
            h('span', { 'aria-hidden': 'true' }, '⚑ '),
            'disputed',
          )
        : null,
      h('h3', {}, `${f.company.name}, ${f.plans[0]?.name ?? f.product.name}`),
    ),
    h('p', { class: 'explanation' }, f.explanation),
    h(
      'p',
      { class: 'provisions' },
      h('span', { class: 'label' }, 'Provisions: '),
      f.provisions.map((p) =>
        h('span', { class: 'provision', 'data-provision': p.id, title: p.title }, p.ref),
      ),
    ),
    h(
      'details',
      { class: 'finding-sources' },
      h(
        'summary',
        {},
        `${supporting.length} supporting source${supporting.length === 1 ? '' : 's'}`,
        disputing.length > 0 ? `, ${disputing.length} disputing` : '',
      ),
      h(
        'ul',
        {},
        f.evidence.map((e) =>
          h(
            'li',
            { class: e.stance === 'DISPUTES' ? 'dispute' : 'source' },
            e.stance === 'DISPUTES' ? h('strong', {}, 'Disputes: ') : null,
            externalLink(e.source.url, e.source.title),
            h('span', { class: 'source-meta' }, ` ${e.source.publisher}, ${e.source.publishedAt}`),
            e.note ? h('p', { class: 'note' }, e.note) : null,
          ),
        ),
      ),
    ),
  );
}

export function renderFindings(findings: Finding[], asOf: string): HTMLElement[] {
  const intro = h(
    'p',
    { class: 'count', 'data-count': findings.length },
    findings.length === 0
      ? `No rule finds anything in the facts in force on ${longDate(asOf)}.`
      : `${findings.length} finding${findings.length === 1 ? '' : 's'} from the facts in force on ${longDate(asOf)}.`,
  );
  return [intro, h('div', { class: 'findings-list' }, findings.map(renderFinding))];
}
