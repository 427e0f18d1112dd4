/// <reference lib="dom" />
/**
 * The rights matrix as a heat map: companies and their plans down, rights across, each cell
 * coloured by status and labelled in words. Cells are buttons; choosing one asks for its detail.
 */
import { allPages, request } from './api.js';
import { h, longDate } from './dom.js';
import type { DashboardMatrixQuery, GdprRight, RightStatus } from './gql/graphql.js';
import { RIGHT, rightPhrase, STATUS, STATUS_ORDER, TIER } from './labels.js';
import { MatrixQuery } from './queries.js';

type Matrix = DashboardMatrixQuery['rightsMatrix'];
export type MatrixRow = Matrix['rows'][number];

export interface MatrixView {
  asOf: string;
  purpose: string | null;
  rights: GdprRight[];
  rows: MatrixRow[];
}

/** The cell a reader chose: enough to ask the API for its detail again on another date. */
export interface CellRef {
  companyId: string;
  planId: string;
  planName: string;
  right: GdprRight;
}

export async function loadMatrix(
  asOf: string,
  purpose: string | null,
  signal?: AbortSignal,
): Promise<MatrixView> {
  const pages = await allPages((after) =>
    request(MatrixQuery, { asOf, purpose, after }, signal).then((d) => d.rightsMatrix),
  );
  const first = pages[0];
  return {
    asOf: first?.asOf ?? asOf,
    purpose: first?.purpose ?? purpose,
    rights: first?.rights ?? [],
    rows: pages.flatMap((p) => p.rows),
  };
}

/** "€14.99/month", "free" for a zero price, nothing when the sources state no price. */
function price(plan: MatrixRow['plan']): string | null {
  if (!plan.price) return null;
  if (plan.price.amount === 0) return plan.tier === 'FREE' ? null : 'free';
  const amount = new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: plan.price.currency,
  }).format(plan.price.amount);
  const per = { MONTH: '/month', YEAR: '/year', USAGE: ' by usage', ONE_OFF: '' }[
    plan.price.period
  ];
  return `${amount}${per}`;
}

export function renderLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'What the colours mean' },
    STATUS_ORDER.map((status) =>
      h(
        'li',
        { class: `status-${status.toLowerCase()}`, title: STATUS[status].description },
        h('span', { class: 'swatch', 'aria-hidden': 'true' }, STATUS[status].symbol),
        ' ',
        STATUS[status].text,
      ),
    ),
    h(
      'li',
      { class: 'legend-disputed', title: 'A source disputes the practice' },
      h('span', { class: 'flag', 'aria-hidden': 'true' }, '⚑'),
      ' disputed',
    ),
  );
}

export function renderMatrix(
  view: MatrixView,
  purposeName: string | null,
  onSelect: (cell: CellRef, button: HTMLButtonElement) => void,
  options: { knownOnly?: boolean } = {},
): HTMLElement {
  // Rights no plan states say nothing but "unknown": the reader may hide them.
  const rights = options.knownOnly
    ? view.rights.filter((code) =>
        view.rows.some((row) => row.cells.some((c) => c.right === code && c.status !== 'UNKNOWN')),
      )
    : view.rights;
  const hidden = view.rights.length - rights.length;
  const caption = h(
    'caption',
    {},
    `How each plan lets people exercise each right on ${longDate(view.asOf)}`,
    purposeName
      ? `, for ${purposeName.charAt(0).toLowerCase()}${purposeName.slice(1)}`
      : ', for any purpose',
    `: ${view.rows.length} plans.`,
    hidden > 0 ? ` ${hidden} rights that no plan states are hidden.` : '',
  );
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { scope: 'col', class: 'col-company' }, 'Company and product'),
      h('th', { scope: 'col', class: 'col-plan' }, 'Plan'),
      rights.map((code) =>
        h(
          'th',
          { scope: 'col', class: 'col-right', 'data-right': code, title: rightPhrase(code) },
          RIGHT[code].name,
          h('span', { class: 'article' }, RIGHT[code].article),
        ),
      ),
    ),
  );
  const body = h('tbody', {});
  view.rows.forEach((row, i) => {
    const previous = view.rows[i - 1];
    const startsGroup = previous?.product.id !== row.product.id;
    const groupSize = startsGroup
      ? view.rows.slice(i).findIndex((r) => r.product.id !== row.product.id)
      : 0;
    const tr = h(
      'tr',
      { 'data-plan': row.plan.id, class: startsGroup ? 'group-start' : null },
      startsGroup
        ? h(
            'th',
            {
              scope: 'rowgroup',
              rowspan: groupSize === -1 ? view.rows.length - i : groupSize,
              class: 'company',
            },
            h('span', { class: 'company-name' }, row.company.name),
            h('span', { class: 'product-name' }, row.product.name),
          )
        : null,
      h(
        'th',
        { scope: 'row', class: 'plan' },
        h('span', { class: 'plan-name' }, row.plan.name),
        h(
          'span',
          { class: 'plan-tier' },
          [TIER[row.plan.tier], price(row.plan)].filter(Boolean).join(' · '),
        ),
      ),
      rights.map((code) => {
        const cell = row.cells.find((c) => c.right === code);
        return h('td', {}, cell ? cellButton(row, cell, onSelect) : null);
      }),
    );
    body.append(tr);
  });
  return h(
    'table',
    { class: 'matrix', 'data-as-of': view.asOf, 'data-purpose': view.purpose ?? '' },
    caption,
    head,
    body,
  );
}

function cellButton(
  row: MatrixRow,
  cell: MatrixRow['cells'][number],
  onSelect: (cell: CellRef, button: HTMLButtonElement) => void,
): HTMLButtonElement {
  const status: RightStatus = cell.status;
  const label = STATUS[status];
  const button = h(
    'button',
    {
      type: 'button',
      class: `cell status-${status.toLowerCase()}`,
      'data-plan': row.plan.id,
      'data-right': cell.right,
      'data-status': status,
      'data-disputed': cell.disputed ? 'true' : null,
      'aria-label': `${row.plan.name}, ${rightPhrase(cell.right)}: ${label.text}${cell.disputed ? ', disputed' : ''}. Show the evidence.`,
      title: [label.description, cell.mechanism ? `How: ${cell.mechanism}` : null]
        .filter(Boolean)
        .join('\n'),
    },
    h('span', { class: 'symbol', 'aria-hidden': 'true' }, label.symbol),
    h('span', { class: 'status-text' }, label.text),
    cell.disputed
      ? h('span', { class: 'flag', 'aria-hidden': 'true', title: 'disputed' }, '⚑')
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
