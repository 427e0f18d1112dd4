/// <reference lib="dom" />
/**
 * The rules' findings on the date and in the scope shown, each with its standing (established,
 * alleged, unconfirmed) and whether its legal basis is established beside its explanation, then
 * its provisions and sources. The company and purpose filters of the matrix apply here too.
 */
import { allPages, request } from './api.js';
import { externalLink, h, longDate, publishedTime } from './dom.js';
import type { DashboardFindingsQuery, Scope } from './gql/graphql.js';
import { disputeIcon } from './icons.js';
import { FINDING_KIND, isRightStatus, SCOPE, STANDING, STATUS } from './labels.js';
import { FindingsQuery } from './queries.js';

type Finding = DashboardFindingsQuery['findings']['nodes'][number];

export async function loadFindings(
  asOf: string,
  scope: Scope,
  signal?: AbortSignal,
): Promise<Finding[]> {
  const pages = await allPages((after) =>
    request(FindingsQuery, { asOf, scope, after }, signal).then((d) => d.findings),
  );
  return pages.flatMap((p) => p.nodes);
}

export interface FindingsView {
  asOf: string;
  scope: Scope;
  /** Only findings about these companies; empty: all. */
  companies: string[];
  /** Only findings about this purpose; null: all. */
  purpose: string | null;
}

function standing(f: Finding): HTMLElement {
  const s = STANDING[f.standing];
  return h(
    'div',
    { class: 'standing-col' },
    h(
      'p',
      { class: `standing standing-${f.standing.toLowerCase()}`, title: s.description },
      h('span', { class: 'standing-label' }, 'Standing'),
      h('span', { class: 'standing-text' }, s.text),
    ),
    f.legalBasisEstablished
      ? f.legalBasis
        ? h('p', { class: 'legal-basis' }, `Legal basis: ${f.legalBasis.name}`)
        : null
      : h(
          'p',
          {
            class: 'legal-basis-missing',
            title: 'The sources do not establish the legal basis the rule depends on.',
          },
          'legal basis not established',
        ),
  );
}

function evidenceItem(e: Finding['evidence'][number]): HTMLElement {
  const alternative = e.alternative
    ? isRightStatus(e.alternative)
      ? STATUS[e.alternative].text
      : e.alternative
    : null;
  const who = [e.claimedBy?.name, alternative ? `claims ${alternative}` : null]
    .filter(Boolean)
    .join(', ');
  return h(
    'li',
    { class: e.stance === 'DISPUTES' ? 'dispute' : 'source' },
    e.stance === 'DISPUTES' ? h('strong', {}, `Disputes${who ? ` (${who})` : ''}: `) : null,
    externalLink(e.source.url, e.source.title),
    h(
      'span',
      { class: 'source-meta' },
      ` ${e.source.publisher}, `,
      publishedTime(e.source.publishedAt),
    ),
    e.note ? h('p', { class: 'note' }, e.note) : null,
  );
}

function renderFinding(f: Finding): HTMLElement {
  const supporting = f.evidence.filter((e) => e.stance === 'SUPPORTS');
  const disputing = f.evidence.filter((e) => e.stance === 'DISPUTES');
  const plan = f.plans[0]?.name ?? f.product.name;
  return h(
    'article',
    {
      class: 'finding',
      'data-finding': f.id,
      'data-kind': f.kind,
      'data-company': f.company.id,
      'data-standing': f.standing,
      'data-legal-basis-established': String(f.legalBasisEstablished),
    },
    h(
      'header',
      {},
      h('span', { class: `kind kind-${f.kind.toLowerCase()}` }, FINDING_KIND[f.kind]),
      f.disputed ? h('span', { class: 'disputed-badge' }, disputeIcon(), ' disputed') : null,
      h('h3', {}, `${f.company.name}, ${plan}`),
      h(
        'p',
        { class: 'finding-meta' },
        [f.purpose.name, f.right?.name].filter(Boolean).join(' · '),
      ),
    ),
    h(
      'div',
      { class: 'finding-body' },
      standing(f),
      h('p', { class: 'explanation' }, f.explanation),
    ),
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
      h('ul', {}, f.evidence.map(evidenceItem)),
    ),
  );
}

export function renderFindings(findings: Finding[], view: FindingsView): HTMLElement[] {
  const shown = findings.filter(
    (f) =>
      (view.companies.length === 0 || view.companies.includes(f.company.id)) &&
      (view.purpose === null || f.purpose.id === view.purpose),
  );
  const where = `on ${longDate(view.asOf)} ${SCOPE[view.scope].phrase}`;
  const filtered = shown.length !== findings.length;
  const intro = h(
    'p',
    { class: 'count', 'data-count': shown.length, 'data-total': findings.length },
    findings.length === 0
      ? `No rule finds anything in the facts in force ${where}.`
      : filtered
        ? `${shown.length} of the ${findings.length} findings ${where} are about ${[
            view.companies.length > 0 ? 'the companies chosen' : null,
            view.purpose ? 'the purpose chosen' : null,
          ]
            .filter(Boolean)
            .join(' and ')}.`
        : `${findings.length} finding${findings.length === 1 ? '' : 's'} from the facts in force ${where}.`,
  );
  return [intro, h('div', { class: 'findings-list' }, shown.map(renderFinding))];
}
