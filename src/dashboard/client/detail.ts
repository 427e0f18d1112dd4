/// <reference lib="dom" />
/**
 * What a matrix cell rests on: the status the practice states and, side by side, what each
 * disputing party claims instead, each with its sources; then the practice itself (dates kept
 * as precise as the sources give them) and any other disputed point of it.
 */
import { allPages, request } from './api.js';
import { externalLink, h, longDate, partialDateStart, partialTime, publishedTime } from './dom.js';
import type {
  CellEvidenceFragment,
  DashboardCellQuery,
  GdprRight,
  RightStatus,
  Scope,
} from './gql/graphql.js';
import { disputeIcon, statusIcon } from './icons.js';
import {
  CLAIM,
  DEFAULT,
  isRightStatus,
  rightPhrase,
  SCOPE,
  STATUS,
  VERIFICATION,
} from './labels.js';
import type { CellRef } from './matrix.js';
import { CellQuery } from './queries.js';

type Cell = DashboardCellQuery['rightsMatrix']['rows'][number]['cells'][number];
type Practice = NonNullable<Cell['practice']>;
type Evidence = CellEvidenceFragment;

export interface CellContext {
  asOf: string;
  scope: Scope;
  purpose: string | null;
}

/** The cell of one plan: pages through the company's plans until the plan's row comes. */
export async function loadCell(
  ref: CellRef,
  context: CellContext,
  signal?: AbortSignal,
): Promise<Cell | null> {
  const pages = await allPages(
    (after) =>
      request(
        CellQuery,
        {
          asOf: context.asOf,
          scope: context.scope,
          purpose: context.purpose,
          company: ref.companyId,
          right: ref.right,
          after,
        },
        signal,
      ).then((d) => d.rightsMatrix),
    { until: (page) => page.rows.some((r) => r.plan.id === ref.planId) },
  );
  const row = pages.flatMap((p) => p.rows).find((r) => r.plan.id === ref.planId);
  return row?.cells.find((c) => c.right === ref.right) ?? null;
}

function statusPill(status: RightStatus, extra: string | null = null): HTMLElement {
  return h(
    'p',
    { class: `status-pill status-${status.toLowerCase()}`, 'data-status': status },
    statusIcon(status),
    h('span', { class: 'status-text' }, STATUS[status].text),
    extra ? h('span', { class: 'as-of' }, extra) : null,
  );
}

/**
 * A source, compactly (it may sit in one of two columns): publisher and date as precise as
 * known, linked to the source (its title on hover), then its quote and note.
 */
function sourceParts(item: Evidence, asOf: string): HTMLElement[] {
  const s = item.source;
  const later = s.publishedAt !== null && partialDateStart(s.publishedAt) > asOf;
  const link = externalLink(s.url, h('span', { class: 'publisher' }, s.publisher));
  link.title = s.title;
  const parts: (HTMLElement | null)[] = [
    h(
      'span',
      { class: 'source-line' },
      link,
      ', ',
      publishedTime(s.publishedAt),
      later ? h('span', { class: 'later-source' }, ' (published after the date shown)') : null,
    ),
    item.quote ? h('blockquote', {}, item.quote) : null,
    item.note ? h('p', { class: 'note' }, item.note) : null,
  ];
  return parts.filter((part): part is HTMLElement => part !== null);
}

function sourceItem(item: Evidence, className: string, asOf: string): HTMLElement {
  return h('li', { class: className, 'data-source': item.source.id }, sourceParts(item, asOf));
}

/** What a disputing source claims instead, in words: a status, a default, a date. */
function alternativeText(e: Evidence): string | null {
  const alt = e.alternative;
  if (!alt) return null;
  if (isRightStatus(alt)) return STATUS[alt].text;
  if (e.claim === 'DEFAULT' && (alt === 'ON' || alt === 'OFF' || alt === 'NEVER'))
    return DEFAULT[alt];
  return alt;
}

interface DisputeGroup {
  claimedBy: string | null;
  alternative: string | null;
  items: Evidence[];
}

/** One column per party and claim: four reports of one statement make one "Mistral AI says". */
function groupDisputes(disputes: Evidence[]): DisputeGroup[] {
  const groups = new Map<string, DisputeGroup>();
  for (const e of disputes) {
    const key = `${e.claimedBy?.id ?? ''}|${e.alternative ?? ''}`;
    const group = groups.get(key) ?? {
      claimedBy: e.claimedBy?.name ?? null,
      alternative: e.alternative ?? null,
      items: [],
    };
    group.items.push(e);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function inForce(practice: Practice): (Node | string)[] {
  const parts: (Node | string)[] = [];
  if (practice.validFrom) parts.push('from ', partialTime(practice.validFrom));
  else if (practice.attestedFrom)
    parts.push('start not known; attested from ', partialTime(practice.attestedFrom));
  else parts.push('start not known');
  if (practice.validTo) {
    const precise = practice.validTo.length === 10;
    parts.push(`; no longer in force ${precise ? 'from' : 'in'} `, partialTime(practice.validTo));
  } else parts.push('; still in force');
  return parts;
}

function practiceFacts(practice: Practice): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    h('dt', {}, 'In force'),
    h('dd', { class: 'in-force' }, inForce(practice)),
    h('dt', {}, 'Purpose'),
    h('dd', {}, practice.purpose.name, ` (${DEFAULT[practice.default]})`),
    h('dt', {}, 'Legal basis'),
    practice.legalBasis
      ? h('dd', {}, practice.legalBasis.name, ` (${practice.legalBasis.definedBy.ref})`)
      : h('dd', { class: 'not-established' }, 'not established by the sources'),
    practice.dataCategories.length > 0
      ? [h('dt', {}, 'Data'), h('dd', {}, practice.dataCategories.map((d) => d.name).join(', '))]
      : null,
    h('dt', {}, 'Scope'),
    h('dd', {}, practice.scope.map((s) => SCOPE[s].name).join(', ')),
    h('dt', {}, 'Checked'),
    h('dd', {}, VERIFICATION[practice.verification]),
    // How recent the newest dated source is: an old one may no longer describe today.
    h('dt', {}, 'Newest source'),
    h(
      'dd',
      { class: 'last-attested' },
      practice.lastAttested ? partialTime(practice.lastAttested) : 'no dated source',
    ),
  );
}

const sameEvidence = (a: Evidence, b: Evidence): boolean =>
  a.source.id === b.source.id && a.claim === b.claim && a.right === b.right;

export function renderCellDetail(
  ref: CellRef,
  context: CellContext,
  cell: Cell | null,
): HTMLElement[] {
  const status = cell?.status ?? 'UNKNOWN';
  const heading = h('h3', {}, `${ref.planName}: ${rightPhrase(ref.right)}`);
  const badge = h(
    'p',
    { class: `detail-status status-${status.toLowerCase()}`, 'data-status': status },
    statusIcon(status),
    ` ${STATUS[status].text}`,
    h('span', { class: 'as-of' }, ` on ${longDate(context.asOf)}, ${SCOPE[context.scope].phrase}`),
    cell?.disputed ? h('span', { class: 'disputed-badge' }, disputeIcon(), ' disputed') : null,
  );
  const practice = cell?.practice;
  if (!cell || !practice) {
    return [
      heading,
      badge,
      h(
        'p',
        { class: 'hint' },
        `No practice in force on this date ${SCOPE[context.scope].phrase} says how this plan handles the right.`,
      ),
    ];
  }

  const supporting = cell.sources.filter((e) => e.stance === 'SUPPORTS');
  const claimants = [
    ...new Set(supporting.flatMap((e) => (e.claimedBy ? [e.claimedBy.name] : []))),
  ];
  const groups = groupDisputes(cell.disputes);
  const stated = h(
    'section',
    { class: 'claim claim-stated', 'aria-label': 'What the practice states' },
    // Undisputed, the badge above already says the status: only what it rests on is left.
    h('h4', {}, groups.length > 0 ? 'The practice states' : 'What the status rests on'),
    groups.length > 0 ? statusPill(status) : null,
    claimants.length > 0
      ? h('p', { class: 'claimed-by' }, `Claimed by ${claimants.join(', ')}`)
      : null,
    h(
      'div',
      { class: 'sources' },
      h('h5', {}, `Sources (${supporting.length})`),
      h(
        'ul',
        {},
        supporting.map((e) => sourceItem(e, 'source', context.asOf)),
      ),
    ),
  );
  const disputing = groups.map((g) => {
    const alternative = g.alternative && isRightStatus(g.alternative) ? g.alternative : null;
    const who = g.claimedBy ?? [...new Set(g.items.map((e) => e.source.publisher))].join(', ');
    return h(
      'section',
      {
        class: 'claim claim-disputed disputes',
        'data-claimed-by': g.claimedBy ?? '',
        'data-alternative': g.alternative ?? '',
        'aria-label': `What ${who} claims instead`,
      },
      h('h4', {}, disputeIcon(), ` ${who} says`),
      alternative
        ? statusPill(alternative)
        : h(
            'p',
            { class: 'alternative' },
            g.items[0] ? (alternativeText(g.items[0]) ?? 'the statement is wrong') : '',
          ),
      h(
        'div',
        {},
        h('h5', {}, `Sources (${g.items.length})`),
        h(
          'ul',
          {},
          g.items.map((e) => sourceItem(e, 'dispute', context.asOf)),
        ),
      ),
    );
  });
  // The practice's side on the left; every other side, one under the other, on the right.
  const claims = h(
    'div',
    { class: `claims${disputing.length > 0 ? ' side-by-side' : ''}` },
    stated,
    disputing.length > 0 ? h('div', { class: 'claims-disputed' }, disputing) : null,
  );

  // Disputes of other claims of the practice (its default, its legal basis...): not this status.
  const others = cell.sources.filter(
    (e) => e.stance === 'DISPUTES' && !cell.disputes.some((d) => sameEvidence(d, e)),
  );
  const otherDisputes =
    others.length > 0
      ? h(
          'section',
          { class: 'other-disputes', 'aria-label': 'Other disputed points of this practice' },
          h('h4', {}, disputeIcon(), ' Other disputed points of the practice'),
          h(
            'ul',
            {},
            others.map((e) =>
              h(
                'li',
                { class: 'dispute-other', 'data-source': e.source.id },
                h(
                  'p',
                  { class: 'other-claim' },
                  h('strong', {}, `The ${CLAIM[e.claim]}: `),
                  `${e.claimedBy?.name ?? 'a source'} says `,
                  alternativeText(e) ?? 'otherwise',
                ),
                sourceParts(e, context.asOf),
              ),
            ),
          ),
        )
      : null;

  const parts: (HTMLElement | null)[] = [
    heading,
    badge,
    cell.mechanism
      ? h('p', { class: 'mechanism' }, h('strong', {}, 'How: '), cell.mechanism)
      : null,
    claims,
    cell.note ? h('p', { class: 'cell-note' }, h('strong', {}, 'Note: '), cell.note) : null,
    h(
      'section',
      { class: 'practice', 'aria-label': 'The practice' },
      h('h4', {}, 'The practice'),
      h('p', { class: 'summary' }, practice.summary),
      practiceFacts(practice),
    ),
    otherDisputes,
    otherPracticesSection(cell, ref.right),
  ];
  return parts.filter((part): part is HTMLElement => part !== null);
}

/**
 * The other practices in force on the plan that give the right another status (other
 * purposes', when no purpose is chosen): each with its purpose and its status for the right.
 */
function otherPracticesSection(cell: Cell, right: GdprRight): HTMLElement | null {
  if (cell.otherPractices.length === 0) return null;
  return h(
    'section',
    { class: 'other-practices', 'aria-label': 'Other practices in force on this plan' },
    h('h4', {}, 'Other practices in force on this plan say otherwise'),
    h(
      'ul',
      {},
      cell.otherPractices.map((p) => {
        const status: RightStatus = p.rights.find((r) => r.code === right)?.status ?? 'UNKNOWN';
        return h(
          'li',
          { class: 'other-practice', 'data-practice': p.id, 'data-status': status },
          h('strong', {}, `${p.purpose.name}: `),
          statusPill(status),
          h('p', { class: 'summary' }, p.summary),
        );
      }),
    ),
  );
}
