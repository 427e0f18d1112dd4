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
    <p>What each plan lets people do about their data, dated and sourced. Every figure comes from the public GraphQL API.</p>
  </div>
  <form class="controls" id="controls" role="search" aria-label="What to show">
    <label for="as-of">As of</label>
    <input type="date" id="as-of" name="asOf" required />
    <label for="purpose">Purpose</label>
    <select id="purpose" name="purpose"><option value="ai-model-training">Training general-purpose AI models</option></select>
    <label class="check"><input type="checkbox" id="known-only" name="knownOnly" /> Only rights some plan states</label>
  </form>
  <nav class="links" aria-label="Downloads and tools">
    <a id="export-csv" href="/export/rights-matrix.csv">Matrix as CSV</a>
    <a href="/export/graph.jsonld">Graph as JSON-LD</a>
    <a href="/explorer">GraphQL explorer</a>
  </nav>
</header>
<p id="status" role="status" aria-live="polite"></p>
<main>
  <section id="matrix-section" aria-labelledby="matrix-heading">
    <h2 id="matrix-heading">Rights matrix</h2>
    <div id="legend"></div>
    <div class="matrix-layout">
      <div id="matrix" class="matrix-scroll" data-state="loading"><p class="hint">Loading the matrix…</p></div>
      <aside id="cell-detail" aria-live="polite" aria-label="The evidence for the chosen cell">
        <p class="hint">Choose a cell to see the practice behind it, its sources and any dispute.</p>
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

export const DASHBOARD_CSS = `
:root {
  --ink: #1d2430;
  --muted: #5b6575;
  --line: #d9dee6;
  --paper: #ffffff;
  --canvas: #f4f6f9;
  --accent: #1f4e8c;
  --available-bg: #cdebd3; --available-ink: #14532d;
  --paid-bg: #fde6b3; --paid-ink: #7a4b00;
  --unavailable-bg: #f6c1c1; --unavailable-ink: #7f1010;
  --na-bg: #dfe6f0; --na-ink: #334155;
  --unknown-bg: #f2f3f5; --unknown-ink: #6b7280;
  --dispute: #a5165a;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--ink);
  background: var(--canvas);
  line-height: 1.4;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.page-header { display: flex; flex-wrap: wrap; gap: 12px 32px; align-items: center; justify-content: space-between; padding: 16px 24px; background: var(--paper); border-bottom: 1px solid var(--line); }
.page-header h1 { font-size: 1.35rem; margin: 0; }
.page-header .title p { margin: 2px 0 0; color: var(--muted); font-size: 0.9rem; }
.controls { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.controls label { font-weight: 600; font-size: 0.9rem; }
.controls label.check { font-weight: 400; display: flex; align-items: center; gap: 4px; }
.controls input, .controls select { font: inherit; padding: 4px 6px; border: 1px solid #aab3c0; border-radius: 4px; background: #fff; }
.links { display: flex; gap: 16px; font-size: 0.9rem; }
#status:empty { display: none; }
#status { margin: 12px 24px 0; }
main { padding: 8px 24px 32px; display: grid; gap: 20px; }
main > section { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px 18px; min-width: 0; }
h2 { font-size: 1.1rem; margin: 0 0 10px; }
h3 { font-size: 1rem; margin: 0 0 6px; }
.hint { color: var(--muted); }
.error { color: var(--unavailable-ink); background: #fdecec; padding: 8px 10px; border-radius: 4px; display: flex; gap: 12px; align-items: center; }
.error p { margin: 0; }
.error .retry { font: inherit; padding: 2px 10px; }
[aria-busy="true"] { opacity: 0.6; transition: opacity 0.2s; }

.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 16px; padding: 0; margin: 0 0 10px; font-size: 0.85rem; }
.legend li { display: flex; align-items: center; gap: 6px; }
.legend .swatch { display: inline-grid; place-items: center; width: 22px; height: 18px; border-radius: 3px; font-size: 0.8rem; }
.legend .status-available .swatch { background: var(--available-bg); color: var(--available-ink); }
.legend .status-paid_only .swatch { background: var(--paid-bg); color: var(--paid-ink); }
.legend .status-unavailable .swatch { background: var(--unavailable-bg); color: var(--unavailable-ink); }
.legend .status-not_applicable .swatch { background: var(--na-bg); color: var(--na-ink); }
.legend .status-unknown .swatch { background: var(--unknown-bg); color: var(--unknown-ink); border: 1px dashed #c3c8d0; }
.flag { color: var(--dispute); }

.matrix-layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(240px, 310px); gap: 16px; align-items: start; }
@media (max-width: 1100px) { .matrix-layout { grid-template-columns: 1fr; } }
.matrix-scroll { overflow-x: auto; }
table.matrix { border-collapse: separate; border-spacing: 2px; font-size: 0.8rem; }
table.matrix caption { text-align: left; color: var(--muted); padding-bottom: 6px; caption-side: top; }
table.matrix th { text-align: left; font-weight: 600; vertical-align: bottom; padding: 2px 6px; }
table.matrix thead th.col-right { text-align: center; width: 62px; font-size: 0.72rem; line-height: 1.15; }
table.matrix thead .article { display: block; font-weight: 400; color: var(--muted); font-size: 0.75rem; }
table.matrix tbody th { vertical-align: middle; font-weight: 400; }
table.matrix tr.group-start > * { border-top: 0; }
table.matrix tr.group-start th, table.matrix tr.group-start td { padding-top: 6px; }
table.matrix th.company { vertical-align: top; border-left: 3px solid var(--accent); padding-left: 8px; min-width: 110px; }
table.matrix th.plan { min-width: 130px; max-width: 180px; }
.company-name { display: block; font-weight: 700; }
.product-name, .plan-tier { display: block; color: var(--muted); font-size: 0.75rem; }
.plan-name { display: block; }
table.matrix td { padding: 0; }
button.cell { width: 100%; min-width: 60px; height: 36px; border: 1px solid transparent; border-radius: 4px; font: inherit; font-size: 0.7rem; line-height: 1.1; cursor: pointer; display: flex; align-items: center; justify-content: center; gap: 3px; padding: 0 3px; }
button.cell .symbol { font-weight: 700; }
button.cell:hover { filter: brightness(0.95); border-color: rgba(0,0,0,0.25); }
button.cell:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
button.cell[aria-pressed="true"] { outline: 3px solid var(--ink); outline-offset: 1px; }
.status-available { background: var(--available-bg); color: var(--available-ink); }
.status-paid_only { background: var(--paid-bg); color: var(--paid-ink); }
.status-unavailable { background: var(--unavailable-bg); color: var(--unavailable-ink); }
.status-not_applicable { background: var(--na-bg); color: var(--na-ink); }
.status-unknown { background: var(--unknown-bg); color: var(--unknown-ink); }
button.cell.status-unknown { border: 1px dashed #d0d4da; }
.legend li.status-available, .legend li.status-paid_only, .legend li.status-unavailable, .legend li.status-not_applicable, .legend li.status-unknown { background: none; color: inherit; }

#cell-detail { border-left: 3px solid var(--line); padding: 4px 0 4px 14px; font-size: 0.9rem; position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow-y: auto; }
.detail-status { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; margin: 2px 0 8px; }
.detail-status .as-of { font-weight: 400; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 8px 0; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
#cell-detail h4 { margin: 12px 0 4px; font-size: 0.9rem; }
#cell-detail ul, .finding-sources ul { padding-left: 18px; margin: 4px 0; }
#cell-detail li { margin-bottom: 6px; }
.source-meta { color: var(--muted); }
blockquote { margin: 4px 0; padding-left: 8px; border-left: 2px solid var(--line); color: var(--muted); font-style: italic; }
.note { margin: 2px 0; font-size: 0.85rem; }
.disputes { border: 1px solid #f0bfd6; background: #fdf2f7; border-radius: 6px; padding: 4px 10px; margin-top: 10px; }
.disputes h4 { color: var(--dispute); }

.findings-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 12px; }
.finding { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; font-size: 0.9rem; }
.finding header { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.finding header h3 { flex-basis: 100%; margin: 4px 0 0; }
.kind { font-size: 0.75rem; font-weight: 600; padding: 1px 8px; border-radius: 10px; background: #e6ecf6; color: var(--accent); }
.kind-no_way_to_object, .kind-right_conditioned_on_payment { background: var(--unavailable-bg); color: var(--unavailable-ink); }
.kind-training_on_by_default { background: var(--paid-bg); color: var(--paid-ink); }
.disputed-badge { font-size: 0.75rem; font-weight: 600; color: var(--dispute); }
.explanation { margin: 6px 0; }
.provisions .label { color: var(--muted); }
.provision { display: inline-block; margin: 0 4px 2px 0; padding: 0 6px; border: 1px solid var(--line); border-radius: 3px; font-size: 0.8rem; }
.finding-sources summary { cursor: pointer; color: var(--accent); font-size: 0.85rem; }
.finding-sources li.dispute strong { color: var(--dispute); }

.timelines { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 16px; }
.company-timeline ol { list-style: none; margin: 0; padding: 0 0 0 14px; border-left: 2px solid var(--line); }
.entry { position: relative; margin: 0 0 10px; font-size: 0.85rem; }
.entry::before { content: ""; position: absolute; left: -20px; top: 4px; width: 10px; height: 10px; border-radius: 50%; background: var(--accent); }
.entry-incident::before { background: var(--dispute); }
.entry time { font-weight: 600; margin-right: 6px; }
.entry-kind { font-size: 0.75rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.entry-title { margin: 2px 0; }
.entry-meta { margin: 0; color: var(--muted); }
.changes { margin: 2px 0; padding-left: 16px; }
.entry.later { opacity: 0.5; }
.as-of-marker { margin: 4px 0 10px -22px; padding: 1px 8px; font-size: 0.75rem; font-weight: 700; color: #fff; background: var(--ink); border-radius: 3px; display: inline-block; }

.charts { display: flex; flex-wrap: wrap; gap: 16px 32px; }
.chart { margin: 0; }
.chart figcaption { font-weight: 600; margin-bottom: 6px; font-size: 0.9rem; }
.chart svg { max-width: 100%; height: auto; overflow: visible; }
.chart .axis-note { color: var(--muted); font-size: 0.8rem; margin: 2px 0 0; }
.chart rect { fill: var(--accent); }
.chart .bar:hover rect { fill: var(--dispute); }
.chart text { font-size: 11px; fill: var(--ink); font-family: inherit; }
.chart .bar-value { fill: var(--muted); }
.count { color: var(--muted); margin: 0 0 10px; }
`;
