/// <reference lib="dom" />
/**
 * The dashboard's entry module. State lives in the URL (?asOf=YYYY-MM-DD&purpose=id), so a
 * view can be shared; every section reloads from the public GraphQL API when it changes.
 */
import { allPages, ApiError, request } from './api.js';
import { loadStats, renderCharts } from './charts.js';
import { loadCell, renderCellDetail } from './detail.js';
import { byId, h, isIsoDate, todayIso } from './dom.js';
import { loadFindings, renderFindings } from './findings.js';
import { type CellRef, loadMatrix, type MatrixView, renderLegend, renderMatrix } from './matrix.js';
import { CompaniesQuery, CompanyPurposesQuery } from './queries.js';
import { loadTimelines, renderTimelines, type CompanyTimeline } from './timeline.js';

const DEFAULT_PURPOSE = 'ai-model-training';

interface State {
  asOf: string;
  /** null: practices for any purpose. */
  purpose: string | null;
  /** Hide the rights no plan states (all "unknown"). */
  knownOnly: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One part of the page: a newer load cancels the one in flight, so answers never arrive out of order. */
class Section {
  private controller: AbortController | null = null;

  constructor(readonly el: HTMLElement) {}

  async show<T>(
    load: (signal: AbortSignal) => Promise<T>,
    render: (data: T) => Node | Node[],
    retried = false,
  ): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.el.setAttribute('aria-busy', 'true');
    this.el.dataset.state = 'loading';
    try {
      const data = await load(controller.signal);
      if (controller.signal.aborted) return;
      const nodes = render(data);
      this.el.replaceChildren(...(Array.isArray(nodes) ? nodes : [nodes]));
      this.el.dataset.state = 'ready';
    } catch (error) {
      if (controller.signal.aborted) return;
      // The API says the database was slow or away: worth one more try before saying so.
      if (!retried && error instanceof ApiError && error.code === 'DATABASE_UNAVAILABLE') {
        await sleep(1000);
        if (!controller.signal.aborted) await this.show(load, render, true);
        return;
      }
      this.el.replaceChildren(errorMessage(error, () => void this.show(load, render)));
      this.el.dataset.state = 'error';
    } finally {
      if (this.controller === controller) this.el.removeAttribute('aria-busy');
    }
  }
}

function errorMessage(error: unknown, retry?: () => void): HTMLElement {
  const text =
    error instanceof ApiError && error.code === 'UNAUTHENTICATED'
      ? 'This API needs an API key for reads, which the dashboard does not send.'
      : error instanceof Error
        ? error.message
        : String(error);
  const button = retry ? h('button', { type: 'button', class: 'retry' }, 'Try again') : null;
  button?.addEventListener('click', retry!);
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('p', {}, `Could not load this part: ${text}`),
    button,
  );
}

function readState(): State {
  const params = new URLSearchParams(window.location.search);
  const asOf = params.get('asOf');
  const purpose = params.get('purpose');
  return {
    asOf: isIsoDate(asOf) ? asOf : todayIso(),
    purpose: purpose === null ? DEFAULT_PURPOSE : purpose === '' ? null : purpose,
    knownOnly: params.get('known') === '1',
  };
}

function writeState(state: State): void {
  const params = new URLSearchParams({ asOf: state.asOf, purpose: state.purpose ?? '' });
  if (state.knownOnly) params.set('known', '1');
  window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
  const csv = byId<HTMLAnchorElement>('export-csv');
  const csvParams = new URLSearchParams({ asOf: state.asOf });
  if (state.purpose) csvParams.set('purpose', state.purpose);
  csv.href = `/export/rights-matrix.csv?${csvParams.toString()}`;
}

async function loadCompanies(): Promise<{
  companies: { id: string; name: string }[];
  purposes: Map<string, string>;
}> {
  const pages = await allPages((after) =>
    request(CompaniesQuery, { after }).then((d) => d.companies),
  );
  const companies = pages.flatMap((p) => p.nodes);
  const purposes = new Map<string, string>();
  const perCompany = await Promise.all(
    companies.map((c) => request(CompanyPurposesQuery, { company: c.id })),
  );
  for (const { company } of perCompany)
    for (const product of company?.products ?? [])
      for (const plan of product.plans)
        for (const practice of plan.practices.nodes)
          purposes.set(practice.purpose.id, practice.purpose.name);
  return { companies, purposes };
}

function fillPurposes(
  select: HTMLSelectElement,
  purposes: Map<string, string>,
  selected: string | null,
): void {
  const options = [...purposes].sort((a, b) => a[1].localeCompare(b[1]));
  if (selected && !purposes.has(selected)) options.unshift([selected, selected]);
  select.replaceChildren(
    h('option', { value: '', selected: selected === null }, 'Any purpose'),
    ...options.map(([id, name]) => h('option', { value: id, selected: id === selected }, name)),
  );
}

async function main(): Promise<void> {
  const state = readState();
  const dateInput = byId<HTMLInputElement>('as-of');
  const purposeSelect = byId<HTMLSelectElement>('purpose');
  const knownOnly = byId<HTMLInputElement>('known-only');
  const matrix = new Section(byId('matrix'));
  const detail = new Section(byId('cell-detail'));
  const findings = new Section(byId('findings'));
  const timeline = new Section(byId('timeline'));
  const charts = new Section(byId('charts'));
  byId('legend').replaceChildren(renderLegend());

  let purposeNames = new Map<string, string>();
  let timelines: CompanyTimeline[] = [];
  let selected: CellRef | null = null;
  let lastMatrix: MatrixView | null = null;

  const drawMatrix = (view: MatrixView): HTMLElement => {
    lastMatrix = view;
    const { purpose } = state;
    const table = renderMatrix(
      view,
      purpose ? (purposeNames.get(purpose) ?? purpose) : null,
      select,
      {
        knownOnly: state.knownOnly,
      },
    );
    // Keep the chosen cell chosen when the matrix is drawn again.
    if (selected) {
      table
        .querySelector(
          `button.cell[data-plan="${CSS.escape(selected.planId)}"][data-right="${CSS.escape(selected.right)}"]`,
        )
        ?.setAttribute('aria-pressed', 'true');
    }
    return table;
  };

  const showDetail = (): void => {
    const cell = selected;
    if (!cell) return;
    const { asOf, purpose } = state;
    detail.el.dataset.plan = cell.planId;
    detail.el.dataset.right = cell.right;
    void detail.show(
      (signal) => loadCell(cell, asOf, purpose, signal),
      (data) => renderCellDetail(cell, asOf, data),
    );
  };

  const select = (cell: CellRef, button: HTMLButtonElement): void => {
    selected = cell;
    matrix.el
      .querySelectorAll('button.cell[aria-pressed="true"]')
      .forEach((b) => b.setAttribute('aria-pressed', 'false'));
    button.setAttribute('aria-pressed', 'true');
    showDetail();
  };

  const refresh = async (): Promise<void> => {
    writeState(state);
    const { asOf, purpose } = state;
    await Promise.all([
      // On a new date the chosen cell shows what it rests on then.
      matrix.show((signal) => loadMatrix(asOf, purpose, signal), drawMatrix).then(showDetail),
      findings.show(
        (signal) => loadFindings(asOf, signal),
        (list) => renderFindings(list, asOf),
      ),
      charts.show(
        (signal) => loadStats(asOf, signal),
        (stats) => renderCharts(stats, asOf),
      ),
    ]);
    if (timelines.length > 0) timeline.el.replaceChildren(...renderTimelines(timelines, asOf));
  };

  dateInput.value = state.asOf;
  dateInput.addEventListener('change', () => {
    if (!isIsoDate(dateInput.value) || dateInput.value === state.asOf) return;
    state.asOf = dateInput.value;
    void refresh();
  });
  knownOnly.checked = state.knownOnly;
  knownOnly.addEventListener('change', () => {
    state.knownOnly = knownOnly.checked;
    writeState(state);
    if (lastMatrix) matrix.el.replaceChildren(drawMatrix(lastMatrix));
  });
  purposeSelect.addEventListener('change', () => {
    state.purpose = purposeSelect.value === '' ? null : purposeSelect.value;
    void refresh();
  });

  fillPurposes(purposeSelect, purposeNames, state.purpose);
  let companies: { id: string; name: string }[] = [];
  try {
    const loaded = await loadCompanies();
    companies = loaded.companies;
    purposeNames = loaded.purposes;
    fillPurposes(purposeSelect, purposeNames, state.purpose);
  } catch (error) {
    byId('status').replaceChildren(errorMessage(error));
  }
  await Promise.all([
    refresh(),
    timeline.show(
      async (signal) => (timelines = await loadTimelines(companies, signal)),
      (list) => renderTimelines(list, state.asOf),
    ),
  ]);
  document.body.dataset.ready = 'true';
}

void main();
