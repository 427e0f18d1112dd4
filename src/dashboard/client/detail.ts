/// <reference lib="dom" />
/**
 * What a matrix cell rests on: the practice in force, how the right is exercised, the sources
 * that support it and the ones that dispute it, each with its note.
 */
import { request } from './api.js';
import { externalLink, h, longDate } from './dom.js';
import type { DashboardCellQuery, SourceLinkFragment } from './gql/graphql.js';
import { DEFAULT, rightPhrase, STATUS } from './labels.js';
import type { CellRef } from './matrix.js';
import { CellQuery } from './queries.js';

type Cell = DashboardCellQuery['rightsMatrix']['rows'][number]['cells'][number];
type Practice = NonNullable<Cell['practice']>;
type EvidenceItem = Practice['supportingSources'][number];

export async function loadCell(
  ref: CellRef,
  asOf: string,
  purpose: string | null,
  signal?: AbortSignal,
): Promise<Cell | null> {
  const data = await request(
    CellQuery,
    { asOf, purpose, company: ref.companyId, right: ref.right },
    signal,
  );
  const row = data.rightsMatrix.rows.find((r) => r.plan.id === ref.planId);
  return row?.cells.find((c) => c.right === ref.right) ?? null;
}

function sourceItem(item: EvidenceItem, className: string): HTMLElement {
  const s: SourceLinkFragment = item.source;
  const date =
    s.publishedAtPrecision === 'DAY'
      ? longDate(s.publishedAt)
      : s.publishedAt.slice(0, s.publishedAtPrecision === 'MONTH' ? 7 : 4);
  return h(
    'li',
    { class: className, 'data-source': s.id },
    externalLink(s.url, s.title),
    h('span', { class: 'source-meta' }, ` ${s.publisher}, ${date}`),
    item.quote ? h('blockquote', {}, item.quote) : null,
    item.note ? h('p', { class: 'note' }, item.note) : null,
  );
}

export function renderCellDetail(ref: CellRef, asOf: string, cell: Cell | null): HTMLElement[] {
  const status = cell?.status ?? 'UNKNOWN';
  const heading = h('h3', {}, `${ref.planName}: ${rightPhrase(ref.right)}`);
  const badge = h(
    'p',
    { class: `detail-status status-${status.toLowerCase()}`, 'data-status': status },
    h('span', { class: 'symbol', 'aria-hidden': 'true' }, STATUS[status].symbol),
    ` ${STATUS[status].text}`,
    h('span', { class: 'as-of' }, ` on ${longDate(asOf)}`),
  );
  const practice = cell?.practice;
  if (!cell || !practice) {
    return [
      heading,
      badge,
      h(
        'p',
        { class: 'hint' },
        'No practice in force on this date says how this plan handles the right.',
      ),
    ];
  }
  const facts = h(
    'dl',
    { class: 'facts' },
    cell.mechanism ? [h('dt', {}, 'How'), h('dd', {}, cell.mechanism)] : null,
    cell.note ? [h('dt', {}, 'Note'), h('dd', {}, cell.note)] : null,
    h('dt', {}, 'In force'),
    h(
      'dd',
      {},
      practice.validFrom ? `from ${longDate(practice.validFrom)}` : 'since before the sources say',
      practice.validTo ? ` until ${longDate(practice.validTo)}` : ', still in force',
    ),
    h('dt', {}, 'Purpose'),
    h('dd', {}, practice.purpose.name, ` (${DEFAULT[practice.default]})`),
    practice.legalBasis
      ? [
          h('dt', {}, 'Legal basis'),
          h('dd', {}, practice.legalBasis.name, ` (${practice.legalBasis.definedBy.ref})`),
        ]
      : null,
    practice.dataCategories.length > 0
      ? [h('dt', {}, 'Data'), h('dd', {}, practice.dataCategories.map((d) => d.name).join(', '))]
      : null,
  );
  const disputes =
    practice.disputingSources.length > 0
      ? h(
          'section',
          { class: 'disputes', 'aria-label': 'Sources that dispute this practice' },
          h(
            'h4',
            {},
            h('span', { class: 'flag', 'aria-hidden': 'true' }, '⚑ '),
            `Disputed by (${practice.disputingSources.length})`,
          ),
          h(
            'ul',
            {},
            practice.disputingSources.map((e) => sourceItem(e, 'dispute')),
          ),
        )
      : null;
  const parts: (HTMLElement | null)[] = [
    heading,
    badge,
    h('p', { class: 'summary' }, practice.summary),
    facts,
    // The dispute before the supporting sources: a reader should not miss the other side.
    disputes,
    h(
      'section',
      { class: 'sources', 'aria-label': 'Sources that support this practice' },
      h('h4', {}, `Sources (${practice.supportingSources.length})`),
      h(
        'ul',
        {},
        practice.supportingSources.map((e) => sourceItem(e, 'source')),
      ),
    ),
  ];
  return parts.filter((part): part is HTMLElement => part !== null);
}
