/**
 * The dashboard's page shell and style sheet. They ship inside the server code (like the
 * explorer's page) so that `dist/` alone serves the dashboard; the browser modules that fill
 * the page are compiled from ./client by `npm run build:dashboard`.
 */

export function dashboardPage(assets: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>GDPR rights graph: dashboard</title>
<link rel="icon" href="data:," />
<link rel="stylesheet" href="${assets}/dashboard.css" />
<script type="module" src="${assets}/main.js"></script>
</head>
<body>
<header class="page-header">
  <div class="title">
    <h1>GDPR rights vs AI-company practices</h1>
    <p>What each plan lets people do about their data: dated, sourced, from the public API.</p>
  </div>
  <nav class="links" aria-label="Downloads and tools">
    <a id="export-csv" href="/export/rights-matrix.csv">Matrix as CSV</a>
    <a href="/export/graph.jsonld">Graph as JSON-LD</a>
    <a href="/explorer">GraphQL explorer</a>
    <a href="/dashboard/review">Review proposals</a>
  </nav>
</header>
<form class="filters" id="controls" role="search" aria-label="What to show">
  <div class="field">
    <label for="as-of">As of</label>
    <input type="date" id="as-of" name="asOf" required />
  </div>
  <div class="field">
    <label for="scope">Scope</label>
    <select id="scope" name="scope"><option value="EEA">EEA (GDPR)</option></select>
  </div>
  <div class="field">
    <label for="purpose">Purpose</label>
    <select id="purpose" name="purpose"><option value="ai-model-training">Training or improving AI models</option></select>
  </div>
  <div class="field picker company-picker" id="company-picker">
    <label for="company-search">Companies</label>
    <div class="combo">
      <span class="chips"></span>
      <input type="search" id="company-search" name="company" autocomplete="off" spellcheck="false" aria-controls="company-options" placeholder="All: type to filter" />
      <div class="picker-panel" hidden>
        <p class="picker-head"><span class="match-count" aria-live="polite"></span><button type="button" class="clear">All companies</button></p>
        <ul class="options" id="company-options" aria-label="Companies: tick to show only them"></ul>
      </div>
    </div>
  </div>
</form>
<p id="status" role="status" aria-live="polite"></p>
<main>
  <section id="matrix-section" aria-labelledby="matrix-heading">
    <div class="section-head">
      <h2 id="matrix-heading">Rights matrix</h2>
      <div class="matrix-tools filters" role="group" aria-label="Which plans and rights the matrix shows">
        <details class="field picker" id="tier-picker">
          <summary><span class="picker-label">Tiers</span> <span class="picker-value">all</span></summary>
          <div class="picker-panel">
            <ul class="options" aria-label="Tiers: tick to show only them"></ul>
            <p class="picker-head"><button type="button" class="clear">All tiers</button></p>
          </div>
        </details>
        <details class="field picker" id="right-picker">
          <summary><span class="picker-label">Rights</span> <span class="picker-value">all</span></summary>
          <div class="picker-panel">
            <ul class="options" aria-label="Rights (columns): tick to show only them"></ul>
            <p class="picker-head"><button type="button" class="clear">All rights</button></p>
          </div>
        </details>
        <label class="check"><input type="checkbox" id="known-only" name="knownOnly" /> Only rights some plan states</label>
      </div>
      <p id="matrix-progress" role="status" aria-live="polite"></p>
      <div id="legend"></div>
    </div>
    <div class="matrix-layout">
      <div id="matrix" data-state="loading"><p class="hint">Loading the matrix…</p></div>
      <aside id="cell-detail" aria-live="polite" aria-label="The evidence for the chosen cell">
        <p class="hint">Choose a cell to see the practice behind it, its sources and, side by side, any dispute.</p>
      </aside>
    </div>
  </section>
  <section id="findings-section" aria-labelledby="findings-heading">
    <h2 id="findings-heading">Findings</h2>
    <div id="findings" data-state="loading"><p class="hint">Loading the findings…</p></div>
  </section>
  <section id="timeline-section" aria-labelledby="timeline-heading">
    <h2 id="timeline-heading">Timeline</h2>
    <div id="timeline" data-state="loading"><p class="hint">Loading the timelines…</p></div>
  </section>
  <section id="charts-section" aria-labelledby="charts-heading">
    <h2 id="charts-heading">Incidents</h2>
    <div id="charts" data-state="loading"><p class="hint">Loading the charts…</p></div>
  </section>
</main>
<noscript><p>The dashboard needs JavaScript. The same data is at <a href="/graphql">/graphql</a> and <a href="/export/rights-matrix.csv">/export/rights-matrix.csv</a>.</p></noscript>
</body>
</html>
`;
}

/**
 * Statuses are told apart three ways: colour (light to dark in greyscale: in product, on
 * request, paid only, unavailable; hatched for not applicable; white, dashed for unknown), a
 * shape (icons.ts) and words. The matrix scrolls in its own area under a sticky header row and
 * a sticky plan column, so the page itself never scrolls sideways (1366x768 included).
 */
export const DASHBOARD_CSS = `
:root {
  --ink: #1d2430;
  --muted: #5b6575;
  --line: #d9dee6;
  --paper: #ffffff;
  --canvas: #f4f6f9;
  --accent: #1f4e8c;
  --in-product-bg: #d3efda; --in-product-ink: #0f4a26;
  --on-request-bg: #a9c7ee; --on-request-ink: #0f2a5c;
  --paid-bg: #d98a1c; --paid-ink: #261700;
  --unavailable-bg: #8f1d1d; --unavailable-ink: #ffffff;
  --na-bg: #eceff3; --na-stripe: #d5dae2; --na-ink: #333d4a;
  --unknown-bg: #ffffff; --unknown-ink: #4b5563; --unknown-border: #8d96a3;
  --dispute: #a5165a;
  /* Set by the page to fill the window below the matrix's top (main.ts). */
  --panel-height: calc(100vh - 16px);
  --matrix-height: calc(100vh - 40px);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  color: var(--ink);
  background: var(--canvas);
  line-height: 1.4;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.icon { flex: none; vertical-align: -2px; }

.page-header { display: flex; flex-wrap: wrap; gap: 4px 24px; align-items: baseline; justify-content: space-between; padding: 8px 16px 4px; background: var(--paper); }
.page-header .title { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 14px; min-width: 0; }
.page-header h1 { font-size: 1.15rem; margin: 0; }
.page-header .title p { margin: 0; color: var(--muted); font-size: 0.8rem; }
.links { display: flex; gap: 14px; font-size: 0.85rem; white-space: nowrap; }

.filters { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; font-size: 0.88rem; }
#controls { padding: 4px 16px 8px; background: var(--paper); border-bottom: 1px solid var(--line); }
.matrix-tools { gap: 6px 10px; }
.filters .field { display: flex; align-items: center; gap: 6px; margin: 0; }
.filters label, .picker-label { font-weight: 600; }
.filters label.check { font-weight: 400; display: flex; align-items: center; gap: 4px; }
.filters .options label { font-weight: 400; }
.filters input, .filters select, .filters button { font: inherit; }
.filters input[type="date"], .filters select { padding: 3px 6px; border: 1px solid #aab3c0; border-radius: 4px; background: #fff; }
#purpose { max-width: 250px; }
#scope { max-width: 150px; }
.picker { position: relative; }
.combo { display: flex; flex-wrap: wrap; align-items: center; gap: 3px; min-width: 210px; max-width: 420px; padding: 1px 4px; border: 1px solid #aab3c0; border-radius: 4px; background: #fff; }
.combo:focus-within { outline: 2px solid var(--accent); outline-offset: 1px; }
.combo input[type="search"] { flex: 1 1 130px; min-width: 130px; border: 0; padding: 3px 2px; outline: none; background: transparent; }
button.chip { font-size: 0.8rem; padding: 0 7px; border-radius: 10px; border: 1px solid #b8c6dd; background: #e6ecf6; color: var(--accent); cursor: pointer; white-space: nowrap; }
button.chip:hover { background: #d6e0f0; }
details.picker > summary { list-style: none; cursor: pointer; padding: 3px 8px; border: 1px solid #aab3c0; border-radius: 4px; background: #fff; white-space: nowrap; }
details.picker > summary::-webkit-details-marker { display: none; }
details.picker > summary::after { content: " ▾"; color: var(--muted); }
details.picker[open] > summary { border-color: var(--accent); }
.picker-value { color: var(--muted); }
details.picker[data-selected]:not([data-selected="0"]) .picker-value { color: var(--accent); font-weight: 600; }
.picker-panel { position: absolute; top: calc(100% + 4px); left: 0; z-index: 30; min-width: 240px; max-height: min(360px, 60vh); overflow-y: auto; padding: 6px 10px; background: #fff; border: 1px solid #aab3c0; border-radius: 6px; box-shadow: 0 6px 20px rgba(15, 23, 42, 0.18); }
.company-picker .picker-panel { top: calc(100% + 4px); left: auto; right: 0; min-width: 300px; }
.picker-head { display: flex; justify-content: space-between; align-items: center; gap: 10px; margin: 2px 0 4px; font-size: 0.8rem; color: var(--muted); }
.picker-head button { font-size: 0.8rem; padding: 1px 8px; }
.options { list-style: none; margin: 0; padding: 0; }
.options li { padding: 1px 0; }
.options label { display: flex; gap: 6px; align-items: center; cursor: pointer; white-space: nowrap; }
.options li[hidden] { display: none; }

#status:empty, #matrix-progress:empty { display: none; }
#status { margin: 8px 16px 0; }
main { padding: 10px 12px 28px; display: grid; gap: 14px; }
main > section { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px 12px; min-width: 0; }
h2 { font-size: 1.05rem; margin: 0 0 8px; }
h3 { font-size: 0.98rem; margin: 0 0 6px; }
.hint { color: var(--muted); }
.error { color: #7f1010; background: #fdecec; padding: 8px 10px; border-radius: 4px; display: flex; gap: 12px; align-items: center; }
.error p { margin: 0; }
.error .retry { font: inherit; padding: 2px 10px; }
[aria-busy="true"] { opacity: 0.6; transition: opacity 0.2s; }

.section-head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 18px; margin-bottom: 6px; }
#legend { flex-basis: 100%; }
.section-head h2 { margin: 0; }
#matrix-progress { margin: 0; font-size: 0.85rem; color: var(--accent); font-weight: 600; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 0; margin: 0; font-size: 0.82rem; }
.legend li { display: flex; align-items: center; gap: 5px; cursor: help; }
.legend .swatch { display: inline-grid; place-items: center; width: 24px; height: 18px; border-radius: 3px; }
.legend-count { color: var(--muted); }
.flag { color: var(--dispute); display: inline-flex; }

/* The six statuses: one rule each, used by cells, the legend and the detail. */
.status-in_product { background: var(--in-product-bg); color: var(--in-product-ink); }
.status-on_request { background: var(--on-request-bg); color: var(--on-request-ink); }
.status-paid_only { background: var(--paid-bg); color: var(--paid-ink); }
.status-unavailable { background: var(--unavailable-bg); color: var(--unavailable-ink); }
.status-not_applicable { background: repeating-linear-gradient(135deg, var(--na-bg) 0 4px, var(--na-stripe) 4px 6px); color: var(--na-ink); }
.status-unknown { background: var(--unknown-bg); color: var(--unknown-ink); outline: 1px dashed var(--unknown-border); outline-offset: -1px; }

.matrix-layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(300px, 390px); gap: 10px; align-items: start; }
@media (max-width: 1180px) { .matrix-layout { grid-template-columns: minmax(0, 1fr); } }
#matrix { min-width: 0; }
.matrix-summary { margin: 0 0 6px; font-size: 0.85rem; color: var(--muted); }
.matrix-summary strong { color: var(--ink); }
.matrix-scroll { overflow: auto; max-height: var(--matrix-height); border: 1px solid var(--line); border-radius: 6px; overscroll-behavior: contain; background: var(--paper); }
.matrix-scroll:focus-visible { outline: 2px solid var(--accent); }
table.matrix { border-collapse: separate; border-spacing: 0; font-size: 0.8rem; }
table.matrix th { text-align: left; font-weight: 600; padding: 2px 6px; }
table.matrix thead th { position: sticky; top: 0; z-index: 3; background: #f7f9fc; vertical-align: bottom; border-bottom: 1px solid var(--line); padding: 5px 2px; }
table.matrix thead th.col-plan { left: 0; z-index: 4; border-right: 1px solid var(--line); padding-left: 8px; }
table.matrix thead th.col-right { text-align: center; min-width: 70px; font-size: 0.7rem; line-height: 1.15; }
table.matrix thead .right-name { display: block; }
table.matrix thead .article { display: block; font-weight: 400; color: var(--muted); font-size: 0.72rem; }
table.matrix tr.group-row th { background: #eef2f8; padding: 5px 8px 3px; border-top: 1px solid var(--line); }
table.matrix tbody:first-of-type tr.group-row th { border-top: 0; }
.group-label { position: sticky; left: 8px; display: inline-flex; gap: 8px; align-items: baseline; }
.company-name { font-weight: 700; }
.product-name { color: var(--muted); font-weight: 400; }
table.matrix th.plan { position: sticky; left: 0; z-index: 2; background: var(--paper); font-weight: 400; vertical-align: middle; width: 160px; min-width: 160px; max-width: 160px; border-right: 1px solid var(--line); padding-left: 8px; overflow-wrap: anywhere; }
.plan-name { display: block; }
.plan-meta { display: block; color: var(--muted); font-size: 0.72rem; }
table.matrix td { padding: 2px; }
tr.plan-row:hover th.plan { background: #f3f6fb; }
button.cell { position: relative; width: 100%; min-width: 72px; height: 38px; border: 0; border-radius: 4px; font: inherit; font-size: 0.7rem; line-height: 1.1; cursor: pointer; display: flex; align-items: center; justify-content: center; gap: 3px; padding: 0 3px; text-align: left; }
button.cell .status-icon { width: 12px; height: 12px; }
button.cell:hover { filter: brightness(0.94); }
button.cell:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
button.cell[aria-pressed="true"] { outline: 3px solid var(--ink); outline-offset: 1px; z-index: 1; }
button.cell[data-disputed] { padding-right: 12px; }
button.cell .flag { position: absolute; top: 1px; right: 1px; width: 14px; height: 14px; border-radius: 50%; background: #fff; box-shadow: 0 0 0 1px var(--dispute); place-items: center; display: grid; }
button.cell .flag .icon { width: 9px; height: 9px; }
.others { font-size: 0.6rem; font-weight: 700; color: var(--ink); background: #fff; border-radius: 6px; padding: 0 3px; box-shadow: 0 0 0 1px var(--muted); }
button.cell .others { position: absolute; bottom: 1px; right: 1px; }
button.cell[data-other-statuses] { padding-right: 16px; }
.empty-row td { padding: 12px; }

#cell-detail { font-size: 0.85rem; position: sticky; top: 8px; max-height: var(--panel-height); overflow-y: auto; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; background: #fbfcfe; }
#cell-detail h3 { font-size: 0.95rem; }
#cell-detail h4 { margin: 0 0 4px; font-size: 0.85rem; display: flex; align-items: center; gap: 5px; }
#cell-detail h5 { margin: 6px 0 2px; font-size: 0.78rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.detail-status { display: inline-flex; align-items: center; gap: 5px; flex-wrap: wrap; padding: 2px 10px; border-radius: 12px; font-weight: 600; margin: 0 0 8px; }
.detail-status .as-of { font-weight: 400; }
.detail-status .disputed-badge { background: #fff; border-radius: 8px; padding: 0 6px; }
.other-practices ul { list-style: none; padding: 0; margin: 4px 0; }
.other-practice { border-top: 1px solid var(--line); padding: 4px 0; }
.other-practice .summary { margin: 2px 0 0; color: var(--muted); }
.status-pill { display: inline-flex; align-items: center; gap: 5px; padding: 1px 8px; border-radius: 10px; font-weight: 600; margin: 0 0 4px; }
.claims { display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px; margin-bottom: 8px; }
.claims.side-by-side { grid-template-columns: repeat(2, minmax(0, 1fr)); }
.claim { border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; background: #fff; min-width: 0; }
.claims-disputed { display: grid; gap: 8px; align-content: start; min-width: 0; }
.claim-disputed { border-color: #f0bfd6; background: #fdf2f7; }
.claim-disputed h4 { color: var(--dispute); }
.claim p { margin: 2px 0; }
.claimed-by { color: var(--muted); }
.claim ul, .other-disputes ul { list-style: none; padding: 0; margin: 2px 0; }
.claim li, .other-disputes li { margin: 0 0 6px; padding-top: 4px; border-top: 1px dotted var(--line); overflow-wrap: anywhere; }
.source-line { display: block; }
.publisher { font-weight: 600; }
.mechanism, .cell-note { margin: 0 0 8px; }
.claim .note { font-size: 0.78rem; }
.later-source { color: var(--dispute); font-size: 0.78rem; }
blockquote { margin: 3px 0; padding-left: 8px; border-left: 2px solid var(--line); color: var(--muted); font-style: italic; }
.note { margin: 2px 0; font-size: 0.82rem; }
.practice { border-top: 1px solid var(--line); padding-top: 6px; }
.practice .summary { margin: 0 0 6px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
.not-established { color: #8a4b00; font-weight: 600; }
.other-disputes { border: 1px solid #f0bfd6; background: #fdf2f7; border-radius: 6px; padding: 6px 8px; margin-top: 8px; }
.other-disputes h4 { color: var(--dispute); }

.findings-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(400px, 1fr)); gap: 12px; }
.finding { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; font-size: 0.88rem; min-width: 0; }
.finding header { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.finding header h3 { flex-basis: 100%; margin: 4px 0 0; }
.finding-meta { flex-basis: 100%; margin: 0; color: var(--muted); font-size: 0.8rem; }
.kind { font-size: 0.75rem; font-weight: 600; padding: 1px 8px; border-radius: 10px; background: #e6ecf6; color: var(--accent); }
.kind-no_way_to_object, .kind-right_conditioned_on_payment { background: #f6d2d2; color: #7f1010; }
.kind-training_on_by_default { background: #fbe3bb; color: #6b3f00; }
.kind-right_only_on_request { background: var(--on-request-bg); color: var(--on-request-ink); }
.disputed-badge { display: inline-flex; align-items: center; gap: 3px; font-size: 0.75rem; font-weight: 600; color: var(--dispute); }
.finding-body { display: grid; grid-template-columns: 112px minmax(0, 1fr); gap: 10px; margin: 8px 0 6px; align-items: start; }
.standing-col p { margin: 0 0 6px; }
.standing { display: flex; flex-direction: column; padding: 3px 8px; border-radius: 4px; border-left: 4px solid; cursor: help; }
.standing-label { font-size: 0.68rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.standing-text { font-weight: 700; }
.standing-established { border-color: #15803d; background: #ecf7ef; color: #0f4a26; }
.standing-alleged { border-color: var(--dispute); background: #fdf2f7; color: var(--dispute); border-left-style: double; border-left-width: 6px; }
.standing-unconfirmed { border-color: #6b7280; background: #f3f4f6; color: #374151; border-left-style: dashed; }
.legal-basis-missing { font-size: 0.78rem; font-weight: 600; color: #8a4b00; border: 1px solid #e5b567; background: #fff8eb; border-radius: 4px; padding: 2px 6px; }
.legal-basis { font-size: 0.78rem; color: var(--muted); }
.explanation { margin: 0; }
.provisions { margin: 4px 0; }
.provisions .label { color: var(--muted); }
.provision { display: inline-block; margin: 0 4px 2px 0; padding: 0 6px; border: 1px solid var(--line); border-radius: 3px; font-size: 0.8rem; }
.finding-sources summary { cursor: pointer; color: var(--accent); font-size: 0.85rem; }
.finding-sources ul { padding-left: 18px; margin: 4px 0; }
.finding-sources li { overflow-wrap: anywhere; }
.finding-sources li.dispute strong { color: var(--dispute); }
.source-meta { color: var(--muted); }

.timelines { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 8px 16px; align-items: start; }
/* An open timeline takes the whole row, its entries in as many columns as fit. */
.company-timeline[open] { grid-column: 1 / -1; }
.company-timeline[open] ol { columns: 300px; column-gap: 40px; }
.company-timeline li { break-inside: avoid; }
.company-timeline { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; min-width: 0; }
.company-timeline > summary { cursor: pointer; font-weight: 600; }
.company-timeline[open] > summary { margin-bottom: 6px; }
.entry-count { color: var(--muted); font-weight: 400; }
.company-timeline ol { list-style: none; margin: 0 0 6px; padding: 0 0 0 6px; }
.entry { position: relative; margin: 0; padding: 0 0 10px 14px; border-left: 2px solid var(--line); font-size: 0.85rem; }
.entry::before { content: ""; position: absolute; left: -6px; top: 4px; width: 10px; height: 10px; border-radius: 50%; background: var(--accent); }
.entry-incident::before { background: var(--dispute); }
.entry time { font-weight: 600; margin-right: 6px; }
.entry-kind { font-size: 0.75rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.entry-title { margin: 2px 0; }
.entry-meta { margin: 0; color: var(--muted); }
.changes { margin: 2px 0; padding-left: 16px; }
.entry.later { opacity: 0.5; }
.as-of-marker { margin: 4px 0 10px -6px; padding: 1px 8px; font-size: 0.75rem; font-weight: 700; color: #fff; background: var(--ink); border-radius: 3px; display: inline-block; }

.charts { display: flex; flex-wrap: wrap; gap: 16px 32px; }
.chart { margin: 0; min-width: 0; max-width: 100%; }
.chart figcaption { font-weight: 600; margin-bottom: 6px; font-size: 0.9rem; }
.chart svg { max-width: 100%; height: auto; overflow: visible; }
.chart .axis-note { color: var(--muted); font-size: 0.8rem; margin: 2px 0 0; }
.chart rect { fill: var(--accent); }
.chart .bar:hover rect { fill: var(--dispute); }
.chart text { font-size: 11px; fill: var(--ink); font-family: inherit; }
.chart .bar-value { fill: var(--muted); }
.count { color: var(--muted); margin: 0 0 10px; }
`;
