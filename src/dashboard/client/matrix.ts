/// <reference lib="dom" />
/**
 * The rights matrix as a heat map: plans down (grouped by company and product), rights across,
 * each cell coloured by status, drawn with the status's shape and labelled in words. Cells are
 * buttons; choosing one asks for its detail. The API filters by date, scope, purpose, company
 * and right and pages the plans; tiers and "only rights some plan states" are applied here.
 */
import { allPages, request } from './api.js';
import { h, longDate } from './dom.js';
import type {
  DashboardMatrixQuery,
  GdprRight,
  PlanTier,
  RightStatus,
  Scope,
} from './gql/graphql.js';
import { disputeIcon, statusIcon } from './icons.js';
import { RIGHT, rightPhrase, SCOPE, STATUS, STATUS_ORDER, TIER } from './labels.js';
import { MatrixQuery } from './queries.js';

type Matrix = DashboardMatrixQuery['rightsMatrix'];
export type MatrixRow = Matrix['rows'][number];
type MatrixCell = MatrixRow['cells'][number];

/** What the API filters on: a change here means new pages. */
export interface MatrixFilter {
  asOf: string;
  scope: Scope;
  /** null: practices for any purpose. */
  purpose: string | null;
  /** Company ids; empty: every company. */
  companies: string[];
  /** The columns; empty: every right. */
  rights: GdprRight[];
}

export interface MatrixView {
  asOf: string;
  scope: Scope;
  purpose: string | null;
  /** The companies asked for; empty: every company. */
  companies: string[];
  rights: GdprRight[];
  rows: MatrixRow[];
  /** How many plans the API has for the filter; more than `rows` only if loading stopped early. */
  totalCount: number;
}

/** The cell a reader chose: enough to ask the API for its detail again on another date. */
export interface CellRef {
  companyId: string;
  planId: string;
  planName: string;
  right: GdprRight;
}

/** What the page applies to the loaded matrix without asking the API again. */
export interface MatrixDisplay {
  purposeName: string | null;
  /** The names of the companies asked for; empty: every company. */
  companyNames: string[];
  /** Only plans of these tiers; empty: every tier. */
  tiers: PlanTier[];
  /** Hide the rights no shown plan states (all "unknown"). */
  knownOnly: boolean;
  onSelect: (cell: CellRef, button: HTMLButtonElement) => void;
}

/** Every page of the filter (100 plans each), telling `onProgress` how far it got. */
export async function loadMatrix(
  filter: MatrixFilter,
  signal?: AbortSignal,
  onProgress?: (loaded: number, total: number) => void,
): Promise<MatrixView> {
  let loaded = 0;
  const pages = await allPages(
    (after) =>
      request(
        MatrixQuery,
        {
          asOf: filter.asOf,
          scope: filter.scope,
          purpose: filter.purpose,
          companies: filter.companies.length > 0 ? filter.companies : null,
          rights: filter.rights.length > 0 ? filter.rights : null,
          after,
        },
        signal,
      ).then((d) => d.rightsMatrix),
    {
      onPage: (page) => {
        loaded += page.rows.length;
        onProgress?.(loaded, page.totalCount);
      },
    },
  );
  const first = pages[0];
  return {
    asOf: first?.asOf ?? filter.asOf,
    scope: first?.scope ?? filter.scope,
    purpose: first?.purpose ?? filter.purpose,
    companies: filter.companies,
    rights: first?.rights ?? [],
    rows: pages.flatMap((p) => p.rows),
    totalCount: first?.totalCount ?? 0,
  };
}

/** "€14.99/month", "free" for a zero price on a paid tier, nothing when no price is known. */
function price(plan: MatrixRow['plan']): string | null {
  const first = plan.prices[0];
  if (!first) return null;
  if (first.amount === 0) return plan.tier === 'FREE' ? null : 'free';
  let amount: string;
  try {
    amount = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: first.currency,
    }).format(first.amount);
  } catch {
    amount = `${first.amount} ${first.currency}`;
  }
  const per = { MONTH: '/month', YEAR: '/year', USAGE: ' by usage', ONE_OFF: '' }[first.period];
  return `${amount}${per}${plan.prices.length > 1 ? ' …' : ''}`;
}

/** The legend: each status's shape, colour and words, with how many cells show it when known. */
export function renderLegend(counts?: Map<RightStatus, number>): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'What the colours and shapes mean' },
    STATUS_ORDER.map((status) =>
      h(
        'li',
        { 'data-status': status, title: STATUS[status].description },
        h('span', { class: `swatch status-${status.toLowerCase()}` }, statusIcon(status)),
        h('span', { class: 'legend-text' }, STATUS[status].text),
        counts ? h('span', { class: 'legend-count' }, `(${counts.get(status) ?? 0})`) : null,
      ),
    ),
    h(
      'li',
      { class: 'legend-disputed', title: 'A source disputes the status or the whole practice' },
      h('span', { class: 'flag' }, disputeIcon()),
      h('span', { class: 'legend-text' }, 'disputed'),
    ),
    h(
      'li',
      {
        class: 'legend-others',
        title:
          'Other practices in force on the plan give the right another status (other purposes, when no purpose is chosen)',
      },
      h('span', { class: 'others' }, '+1'),
      h('span', { class: 'legend-text' }, 'other practices differ'),
    ),
  );
}

function listPhrase(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Plans in the API's order (company, product, tier), in runs of one product. */
function productGroups(rows: MatrixRow[]): MatrixRow[][] {
  const groups: MatrixRow[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last?.[0]?.product.id === row.product.id) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

export interface RenderedMatrix {
  /** The summary line, then the table in its scroll area (sticky header row and plan column). */
  nodes: HTMLElement[];
  table: HTMLTableElement;
  /** Cells shown per status, for the legend. */
  counts: Map<RightStatus, number>;
}

export function renderMatrix(view: MatrixView, display: MatrixDisplay): RenderedMatrix {
  const rows =
    display.tiers.length > 0
      ? view.rows.filter((row) => display.tiers.includes(row.plan.tier))
      : view.rows;
  // Rights no shown plan states say nothing but "unknown": the reader may hide them.
  const rights = display.knownOnly
    ? view.rights.filter((code) =>
        rows.some((row) => row.cells.some((c) => c.right === code && c.status !== 'UNKNOWN')),
      )
    : view.rights;
  const hidden = view.rights.length - rights.length;

  const purpose = display.purposeName
    ? `for ${display.purposeName.charAt(0).toLowerCase()}${display.purposeName.slice(1)}`
    : 'for any purpose';
  const plans =
    rows.length === view.rows.length
      ? `${rows.length} plan${rows.length === 1 ? '' : 's'}`
      : `${rows.length} of ${view.rows.length} plans`;
  // Said twice: in a visible summary above the scroll area (a caption would scroll sideways
  // with the table), and in the table's caption for screen readers.
  const summary = (): (Node | string)[] => [
    `How each plan lets people exercise each right on ${longDate(view.asOf)}, ${SCOPE[view.scope].phrase}, ${purpose}: `,
    h(
      'strong',
      { class: 'plan-count' },
      plans,
      display.companyNames.length > 0 ? ` of ${listPhrase(display.companyNames)}` : '',
    ),
    display.tiers.length > 0 ? ` (tiers: ${display.tiers.map((t) => TIER[t]).join(', ')})` : '',
    // "Meta Platforms, Inc." ends the sentence already.
    display.tiers.length === 0 && display.companyNames.at(-1)?.endsWith('.') ? '' : '.',
    hidden > 0 ? ` ${hidden} right${hidden === 1 ? '' : 's'} that no plan states hidden.` : '',
    view.rows.length < view.totalCount
      ? ` Only the first ${view.rows.length} of ${view.totalCount} plans were loaded.`
      : '',
  ];
  const caption = h('caption', { class: 'visually-hidden' }, summary());

  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { scope: 'col', class: 'col-plan' }, 'Plan'),
      rights.map((code) =>
        h(
          'th',
          { scope: 'col', class: 'col-right', 'data-right': code, title: rightPhrase(code) },
          h('span', { class: 'right-name' }, RIGHT[code].short ?? RIGHT[code].name),
          h('span', { class: 'article' }, RIGHT[code].article),
        ),
      ),
    ),
  );

  const counts = new Map<RightStatus, number>();
  const bodies = productGroups(rows).map((group) => {
    const first = group[0]!;
    return h(
      'tbody',
      {
        class: 'product-group',
        'data-company': first.company.id,
        'data-product': first.product.id,
      },
      h(
        'tr',
        { class: 'group-row' },
        h(
          'th',
          { scope: 'rowgroup', colspan: rights.length + 1 },
          h(
            'span',
            { class: 'group-label' },
            h('span', { class: 'company-name' }, first.company.name),
            h('span', { class: 'product-name' }, first.product.name),
          ),
        ),
      ),
      group.map((row) =>
        h(
          'tr',
          {
            class: 'plan-row',
            'data-plan': row.plan.id,
            'data-company': row.company.id,
            'data-tier': row.plan.tier,
          },
          h(
            'th',
            { scope: 'row', class: 'plan' },
            h('span', { class: 'plan-name' }, row.plan.name),
            h(
              'span',
              { class: 'plan-meta' },
              [TIER[row.plan.tier], price(row.plan)].filter(Boolean).join(' · '),
            ),
          ),
          rights.map((code) => {
            const cell = row.cells.find((c) => c.right === code);
            if (cell) counts.set(cell.status, (counts.get(cell.status) ?? 0) + 1);
            return h('td', {}, cell ? cellButton(row, cell, display.onSelect) : null);
          }),
        ),
      ),
    );
  });
  const empty =
    rows.length === 0
      ? h(
          'tbody',
          {},
          h(
            'tr',
            { class: 'empty-row' },
            h(
              'td',
              { colspan: rights.length + 1, class: 'hint' },
              'No plan offered on this date matches these filters.',
            ),
          ),
        )
      : null;
  const table = h(
    'table',
    {
      class: 'matrix',
      'data-as-of': view.asOf,
      'data-scope': view.scope,
      'data-purpose': view.purpose ?? '',
      'data-companies': view.companies.join(','),
      'data-rows': rows.length,
    },
    caption,
    head,
    bodies,
    empty,
  );
  const scroller = h(
    'div',
    {
      class: 'matrix-scroll',
      tabindex: 0,
      role: 'region',
      'aria-label': 'Rights matrix, scrollable',
    },
    table,
  );
  return {
    nodes: [h('p', { class: 'matrix-summary', 'aria-hidden': 'true' }, summary()), scroller],
    table,
    counts,
  };
}

function cellButton(
  row: MatrixRow,
  cell: MatrixCell,
  onSelect: (cell: CellRef, button: HTMLButtonElement) => void,
): HTMLButtonElement {
  const status: RightStatus = cell.status;
  const label = STATUS[status];
  // Other practices in force on the plan (other purposes', when none is chosen) say otherwise.
  const others = cell.otherStatuses.map((s) => STATUS[s].text).join(', ');
  const button = h(
    'button',
    {
      type: 'button',
      class: `cell status-${status.toLowerCase()}`,
      'data-plan': row.plan.id,
      'data-company': row.company.id,
      'data-right': cell.right,
      'data-status': status,
      'data-disputed': cell.disputed ? 'true' : null,
      'data-other-statuses': others || null,
      'aria-pressed': 'false',
      'aria-label': `${row.plan.name}, ${rightPhrase(cell.right)}: ${label.text}${cell.disputed ? ', disputed' : ''}${others ? `; other practices: ${others}` : ''}. Show the evidence.`,
      title: [
        `${label.text}: ${label.description}`,
        cell.mechanism ? `How: ${cell.mechanism}` : null,
        cell.disputed ? 'A source disputes this.' : null,
        others
          ? `Other practices in force on this plan say: ${others}. Choose a purpose to see one.`
          : null,
      ]
        .filter(Boolean)
        .join('\n'),
    },
    statusIcon(status),
    h('span', { class: 'status-text' }, label.text),
    cell.disputed ? h('span', { class: 'flag' }, disputeIcon()) : null,
    others
      ? h('span', { class: 'others', 'aria-hidden': 'true' }, `+${cell.otherStatuses.length}`)
      : null,
  );
  button.addEventListener('click', () =>
    onSelect(
      {
        companyId: row.company.id,
        planId: row.plan.id,
        planName: row.plan.name,
        right: cell.right,
      },
      button,
    ),
  );
  return button;
}
