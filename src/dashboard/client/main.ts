/// <reference lib="dom" />
/**
 * The dashboard's entry module. State lives in the URL
 * (?asOf=YYYY-MM-DD&scope=EEA&purpose=id&companies=a,b&tiers=FREE,PRO&rights=OBJECT&known=1), so
 * a view can be shared. A change reloads only what depends on it: the API filters the matrix by
 * date, scope, purpose, company and right; tiers and hidden rights are applied in the page.
 */
import { allPages, ApiError, request } from './api.js';
import { loadStats, renderCharts } from './charts.js';
import { type CellContext, loadCell, renderCellDetail } from './detail.js';
import { byId, h, isIsoDate, todayIso } from './dom.js';
import { CheckListPicker, CompanyPicker } from './filters.js';
import { loadFindings, renderFindings } from './findings.js';
import type { GdprRight, PlanTier, Scope } from './gql/graphql.js';
import { RIGHT, RIGHT_ORDER, rightPhrase, SCOPE, SCOPE_ORDER, TIER, TIER_ORDER } from './labels.js';
import {
  type CellRef,
  loadMatrix,
  type MatrixFilter,
  type MatrixView,
  renderLegend,
  renderMatrix,
} from './matrix.js';
import { CompaniesQuery, CompanyPurposesQuery } from './queries.js';
import { type CompanyRef, Timelines } from './timeline.js';

const DEFAULT_PURPOSE = 'ai-model-training';
const DEFAULT_SCOPE: Scope = 'EEA';

interface State extends MatrixFilter {
  /** Only plans of these tiers; empty: every tier. */
  tiers: PlanTier[];
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

  /** Drops what is in flight and shows `nodes` instead. */
  reset(...nodes: Node[]): void {
    this.controller?.abort();
    this.controller = null;
    this.el.removeAttribute('aria-busy');
    this.el.replaceChildren(...nodes);
    this.el.dataset.state = 'empty';
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

/** The values of a comma-separated parameter that belong to `allowed`, in its order. */
function listParam<T extends string>(params: URLSearchParams, name: string, allowed: T[]): T[] {
  const given = new Set((params.get(name) ?? '').split(','));
  return allowed.filter((value) => given.has(value));
}

function readState(): State {
  const params = new URLSearchParams(window.location.search);
  const asOf = params.get('asOf');
  const purpose = params.get('purpose');
  const scope = params.get('scope');
  return {
    asOf: isIsoDate(asOf) ? asOf : todayIso(),
    scope: SCOPE_ORDER.find((s) => s === scope) ?? DEFAULT_SCOPE,
    purpose: purpose === null ? DEFAULT_PURPOSE : purpose === '' ? null : purpose,
    companies: (params.get('companies') ?? '').split(',').filter((id) => id !== ''),
    tiers: listParam(params, 'tiers', TIER_ORDER),
    rights: listParam(params, 'rights', RIGHT_ORDER),
    knownOnly: params.get('known') === '1',
  };
}

function writeState(state: State): void {
  const params = new URLSearchParams({
    asOf: state.asOf,
    scope: state.scope,
    purpose: state.purpose ?? '',
  });
  if (state.companies.length > 0) params.set('companies', state.companies.join(','));
  if (state.tiers.length > 0) params.set('tiers', state.tiers.join(','));
  if (state.rights.length > 0) params.set('rights', state.rights.join(','));
  if (state.knownOnly) params.set('known', '1');
  window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);

  // The export takes the same filters but no scope: it is the EEA matrix.
  const csv = byId<HTMLAnchorElement>('export-csv');
  const csvParams = new URLSearchParams({ asOf: state.asOf });
  if (state.purpose) csvParams.set('purpose', state.purpose);
  if (state.companies.length > 0) csvParams.set('companies', state.companies.join(','));
  if (state.rights.length > 0) csvParams.set('rights', state.rights.join(','));
  csv.href = `/export/rights-matrix.csv?${csvParams.toString()}`;
  csv.textContent = state.scope === 'EEA' ? 'Matrix as CSV' : 'Matrix as CSV (EEA only)';
}

async function loadCompanies(): Promise<CompanyRef[]> {
  const pages = await allPages((after) =>
    request(CompaniesQuery, { after }).then((d) => d.companies),
  );
  return pages.flatMap((p) => p.nodes);
}

/**
 * The purposes the companies' practices name, for the purpose selector. Asked per company:
 * across every company at once the nesting would exceed the API's cost limit.
 */
async function loadPurposes(companies: CompanyRef[]): Promise<Map<string, string>> {
  const purposes = new Map<string, string>();
  const perCompany = await Promise.all(
    companies.map((c) => request(CompanyPurposesQuery, { company: c.id })),
  );
  for (const { company } of perCompany)
    for (const product of company?.products ?? [])
      for (const plan of product.plans)
        for (const practice of plan.practices.nodes)
          purposes.set(practice.purpose.id, practice.purpose.name);
  return purposes;
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

const DETAIL_HINT = (): HTMLElement =>
  h(
    'p',
    { class: 'hint' },
    'Choose a cell to see the practice behind it, its sources and, side by side, any dispute.',
  );

async function main(): Promise<void> {
  const state = readState();
  const dateInput = byId<HTMLInputElement>('as-of');
  const scopeSelect = byId<HTMLSelectElement>('scope');
  const purposeSelect = byId<HTMLSelectElement>('purpose');
  const knownOnly = byId<HTMLInputElement>('known-only');
  const progress = byId('matrix-progress');
  const matrix = new Section(byId('matrix'));
  const detail = new Section(byId('cell-detail'));
  const findings = new Section(byId('findings'));
  const charts = new Section(byId('charts'));
  const timelines = new Timelines(byId('timeline'));
  byId('legend').replaceChildren(renderLegend());
  // Enter in a field must not submit the form (a page load): every change applies at once.
  byId('controls').addEventListener('submit', (event) => event.preventDefault());

  let purposeNames = new Map<string, string>();
  let companies: CompanyRef[] = [];
  let selected: CellRef | null = null;
  /** The loaded matrix and the filter it answers, to redraw it without asking again. */
  let loadedMatrix: { key: string; view: MatrixView } | null = null;
  let loadedFindings: { key: string; list: Awaited<ReturnType<typeof loadFindings>> } | null = null;
  let matrixKey = '';
  let findingsKey = '';
  let chartsKey = '';
  let timelineKey = '';
  let detailKey = '';

  const companyPicker = new CompanyPicker(byId('company-picker'), (ids) => {
    state.companies = ids;
    void update();
  });
  new CheckListPicker<PlanTier>(
    byId<HTMLDetailsElement>('tier-picker'),
    TIER_ORDER.map((t) => ({ value: t, label: TIER[t] })),
    state.tiers,
    (tiers) => {
      state.tiers = tiers;
      void update();
    },
  );
  new CheckListPicker<GdprRight>(
    byId<HTMLDetailsElement>('right-picker'),
    RIGHT_ORDER.map((r) => ({ value: r, label: RIGHT[r].name, title: rightPhrase(r) })),
    state.rights,
    (rights) => {
      state.rights = rights;
      void update();
    },
  );

  /**
   * The matrix and the evidence panel fill the window below their top, so that the header
   * row, the first column and the panel stay in view while the matrix scrolls in its own area.
   */
  const fitMatrix = (): void => {
    const layout = document.querySelector('.matrix-layout');
    if (!layout) return;
    const top = layout.getBoundingClientRect().top + window.scrollY;
    const panel = Math.max(340, window.innerHeight - top - 16);
    const summary = matrix.el.querySelector('.matrix-summary');
    const summaryHeight = summary ? summary.getBoundingClientRect().height + 6 : 0;
    const root = document.documentElement.style;
    root.setProperty('--panel-height', `${Math.round(panel)}px`);
    root.setProperty('--matrix-height', `${Math.round(panel - summaryHeight)}px`);
  };
  window.addEventListener('resize', fitMatrix);

  const cellContext = (): CellContext => ({
    asOf: state.asOf,
    scope: state.scope,
    purpose: state.purpose,
  });

  const showDetail = (): void => {
    const cell = selected;
    if (!cell) return;
    const context = cellContext();
    const key = JSON.stringify([cell.planId, cell.right, context]);
    if (key === detailKey) return;
    detailKey = key;
    detail.el.dataset.plan = cell.planId;
    detail.el.dataset.right = cell.right;
    void detail.show(
      (signal) => loadCell(cell, context, signal),
      (data) => renderCellDetail(cell, context, data),
    );
  };

  const clearDetail = (): void => {
    selected = null;
    detailKey = '';
    delete detail.el.dataset.plan;
    delete detail.el.dataset.right;
    detail.reset(DETAIL_HINT());
  };

  const select = (cell: CellRef, button: HTMLButtonElement): void => {
    selected = cell;
    matrix.el
      .querySelectorAll('button.cell[aria-pressed="true"]')
      .forEach((b) => b.setAttribute('aria-pressed', 'false'));
    button.setAttribute('aria-pressed', 'true');
    showDetail();
  };

  const drawMatrix = (view: MatrixView): HTMLElement[] => {
    const { purpose } = state;
    const { nodes, table, counts } = renderMatrix(view, {
      purposeName: purpose ? (purposeNames.get(purpose) ?? purpose) : null,
      companyNames: companyPicker.selectedNames(),
      tiers: state.tiers,
      knownOnly: state.knownOnly,
      onSelect: select,
    });
    byId('legend').replaceChildren(renderLegend(counts));
    // Keep the chosen cell chosen when the matrix is drawn again; forget it when it is gone.
    if (selected) {
      const button = table.querySelector(
        `button.cell[data-plan="${CSS.escape(selected.planId)}"][data-right="${CSS.escape(selected.right)}"]`,
      );
      if (button) {
        button.setAttribute('aria-pressed', 'true');
        // On a new date, scope or purpose the chosen cell shows what it rests on then.
        showDetail();
      } else clearDetail();
    }
    // Keep the reader's place in the matrix when it is drawn again (another date, a tier).
    const previous = matrix.el.querySelector('.matrix-scroll');
    const scroller = nodes.find((n) => n.classList.contains('matrix-scroll'));
    const { scrollTop = 0, scrollLeft = 0 } = previous ?? {};
    queueMicrotask(() => {
      scroller?.scrollTo({ top: scrollTop, left: scrollLeft });
      fitMatrix();
    });
    return nodes;
  };

  const update = async (): Promise<void> => {
    writeState(state);
    const { asOf, scope, purpose, rights } = state;
    const filter: MatrixFilter = { asOf, scope, purpose, companies: state.companies, rights };
    const tasks: Promise<void>[] = [];

    const mKey = JSON.stringify(filter);
    if (mKey !== matrixKey) {
      matrixKey = mKey;
      tasks.push(
        matrix.show(
          async (signal) => {
            const view = await loadMatrix(filter, signal, (loaded, total) => {
              if (!signal.aborted) progress.textContent = `Loading plans: ${loaded} of ${total}…`;
            });
            loadedMatrix = { key: mKey, view };
            return view;
          },
          (view) => {
            progress.textContent = '';
            return drawMatrix(view);
          },
        ),
      );
    } else if (loadedMatrix?.key === mKey) {
      matrix.el.replaceChildren(...drawMatrix(loadedMatrix.view));
    }

    const fKey = JSON.stringify([asOf, scope]);
    const findingsView = () => ({
      asOf,
      scope,
      companies: state.companies,
      purpose: state.purpose,
    });
    if (fKey !== findingsKey) {
      findingsKey = fKey;
      tasks.push(
        findings.show(
          async (signal) => {
            const list = await loadFindings(asOf, scope, signal);
            loadedFindings = { key: fKey, list };
            return list;
          },
          (list) => renderFindings(list, findingsView()),
        ),
      );
    } else if (loadedFindings?.key === fKey) {
      findings.el.replaceChildren(...renderFindings(loadedFindings.list, findingsView()));
    }

    if (asOf !== chartsKey) {
      chartsKey = asOf;
      tasks.push(
        charts.show(
          (signal) => loadStats(asOf, signal),
          (stats) => renderCharts(stats, asOf),
        ),
      );
    }

    const tKey = JSON.stringify([asOf, state.companies, companies.length]);
    if (tKey !== timelineKey) {
      timelineKey = tKey;
      const chosen = companies.filter((c) => state.companies.includes(c.id));
      tasks.push(
        chosen.length > 0
          ? timelines.show(chosen, asOf, true)
          : timelines.show(companies, asOf, false),
      );
    }
    await Promise.all(tasks);
  };

  dateInput.value = state.asOf;
  dateInput.addEventListener('change', () => {
    if (!isIsoDate(dateInput.value) || dateInput.value === state.asOf) return;
    state.asOf = dateInput.value;
    void update();
  });
  scopeSelect.replaceChildren(
    ...SCOPE_ORDER.map((s) =>
      h('option', { value: s, selected: s === state.scope }, SCOPE[s].name),
    ),
  );
  scopeSelect.addEventListener('change', () => {
    state.scope = SCOPE_ORDER.find((s) => s === scopeSelect.value) ?? DEFAULT_SCOPE;
    void update();
  });
  knownOnly.checked = state.knownOnly;
  knownOnly.addEventListener('change', () => {
    state.knownOnly = knownOnly.checked;
    void update();
  });
  purposeSelect.addEventListener('change', () => {
    state.purpose = purposeSelect.value === '' ? null : purposeSelect.value;
    void update();
  });

  fillPurposes(purposeSelect, purposeNames, state.purpose);
  try {
    companies = await loadCompanies();
    companyPicker.setOptions(
      companies.map((c) => ({ value: c.id, label: c.name })),
      state.companies,
    );
  } catch (error) {
    byId('status').replaceChildren(errorMessage(error));
  }
  const purposesLoaded = loadPurposes(companies).then(
    (names) => {
      purposeNames = names;
      fillPurposes(purposeSelect, purposeNames, state.purpose);
      purposeSelect.dataset.state = 'ready';
      // The caption names the purpose: say it in words now that they are known.
      if (loadedMatrix?.key === matrixKey)
        matrix.el.replaceChildren(...drawMatrix(loadedMatrix.view));
    },
    (error: unknown) => byId('status').replaceChildren(errorMessage(error)),
  );
  await Promise.all([update(), purposesLoaded]);
  document.body.dataset.ready = 'true';
}

void main();
