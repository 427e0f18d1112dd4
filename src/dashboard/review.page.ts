/**
 * The review page's shell and style sheet (/dashboard/review): where a curator signs in with
 * an API key, reads the queue of proposals, a proposal's diff against the graph, and approves
 * or rejects it. Like the dashboard, it is filled by browser modules (client/review.ts) that
 * talk only to the public GraphQL endpoint; it adds the key, kept in sessionStorage.
 */

export function reviewPage(assets: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>GDPR rights graph: review proposals</title>
<link rel="icon" href="data:," />
<link rel="stylesheet" href="${assets}/dashboard.css" />
<link rel="stylesheet" href="${assets}/review.css" />
<script type="module" src="${assets}/review.js"></script>
</head>
<body class="review-page">
<header class="page-header">
  <div class="title">
    <h1>Review proposals</h1>
    <p>Facts contributors propose, checked against the graph before any of it is written.</p>
  </div>
  <nav class="links" aria-label="Elsewhere">
    <a href="/dashboard">Dashboard</a>
    <a href="/explorer">GraphQL explorer</a>
  </nav>
</header>
<section id="account" class="account" aria-label="Your API key">
  <form id="sign-in" class="sign-in" autocomplete="off">
    <label for="api-key">Curator API key</label>
    <input type="password" id="api-key" name="apiKey" required spellcheck="false" placeholder="grg_…" aria-describedby="key-note" />
    <button type="submit">Sign in</button>
    <p id="key-note" class="hint">The key stays in this browser tab (session storage) and goes only to this API, as <code>Authorization: Bearer</code>. Closing the tab forgets it.</p>
  </form>
  <div id="signed-in" class="signed-in" hidden>
    <span>Signed in with key <code id="key-id"></code></span>
    <button type="button" id="sign-out">Sign out</button>
  </div>
</section>
<p id="status" role="status" aria-live="polite"></p>
<main id="review" class="review-layout" hidden>
  <section id="queue-section" aria-labelledby="queue-heading">
    <div class="section-head">
      <h2 id="queue-heading">Queue</h2>
      <div class="filters">
        <label for="status-filter">Show</label>
        <select id="status-filter" name="status">
          <option value="PENDING">waiting for review</option>
          <option value="APPROVED">approved</option>
          <option value="REJECTED">rejected</option>
          <option value="">all</option>
        </select>
      </div>
    </div>
    <div id="queue" data-state="loading"><p class="hint">Loading the queue…</p></div>
  </section>
  <section id="proposal-section" aria-labelledby="proposal-heading">
    <h2 id="proposal-heading">Proposal</h2>
    <div id="proposal" data-state="empty" aria-live="polite"><p class="hint">Choose a proposal to see what it would change.</p></div>
  </section>
</main>
<noscript><p>The review page needs JavaScript. The same operations are at <a href="/graphql">/graphql</a>: proposals, proposal(id) { diff }, approveProposal, rejectProposal.</p></noscript>
</body>
</html>
`;
}

/** On top of the dashboard's sheet: the queue, the diff table, the stale warning, the actions. */
export const REVIEW_CSS = `
/* The page shows or hides parts with the hidden attribute; a display rule must not undo it. */
.review-page [hidden] { display: none !important; }
.account { padding: 6px 16px 8px; background: var(--paper); border-bottom: 1px solid var(--line); font-size: 0.9rem; }
.sign-in { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
.sign-in label { font-weight: 600; }
.sign-in input { font: inherit; width: min(480px, 100%); padding: 3px 6px; border: 1px solid #aab3c0; border-radius: 4px; }
.sign-in .hint { flex-basis: 100%; margin: 0; font-size: 0.8rem; }
.signed-in { display: flex; gap: 10px; align-items: center; }
button { font: inherit; }
.review-layout { grid-template-columns: minmax(280px, 380px) minmax(0, 1fr); align-items: start; }
@media (max-width: 900px) { .review-layout { grid-template-columns: minmax(0, 1fr); } }
.queue-count { margin: 0 0 6px; color: var(--muted); font-size: 0.85rem; }
.queue-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
button.queue-item { width: 100%; text-align: left; border: 1px solid var(--line); border-radius: 6px; background: #fff; padding: 6px 8px; cursor: pointer; display: grid; gap: 2px; font-size: 0.85rem; }
button.queue-item:hover { background: #f3f6fb; }
button.queue-item[aria-current="true"] { outline: 3px solid var(--accent); outline-offset: 0; }
.queue-item .note { font-weight: 600; overflow-wrap: anywhere; }
.queue-item .meta { color: var(--muted); font-size: 0.78rem; }
.badges { display: flex; flex-wrap: wrap; gap: 4px; }
.badge { font-size: 0.72rem; font-weight: 700; padding: 0 7px; border-radius: 9px; background: #e6ecf6; color: var(--accent); text-transform: uppercase; letter-spacing: 0.02em; }
.badge-stale { background: #fbe3bb; color: #6b3f00; border: 1px dashed #a86a00; }
.badge-own { background: #eceff3; color: #333d4a; }
.badge-status-approved { background: #d3efda; color: #0f4a26; }
.badge-status-rejected { background: #f6d2d2; color: #7f1010; }
.badge-change-created { background: #d3efda; color: #0f4a26; }
.badge-change-updated { background: #a9c7ee; color: #0f2a5c; }
.badge-change-unchanged { background: #eceff3; color: #333d4a; }
.badge-changed-since { background: #fbe3bb; color: #6b3f00; }
.proposal-head p { margin: 2px 0; }
.proposal-head .note { font-size: 1rem; font-weight: 600; }
.stale-banner { border: 2px solid #a86a00; background: #fff8eb; color: #5a3400; border-radius: 6px; padding: 8px 10px; margin: 8px 0; }
.stale-banner h3 { margin: 0 0 4px; }
.stale-banner ul { margin: 4px 0; padding-left: 18px; }
.problems { border: 1px solid #e5a3a3; background: #fdecec; color: #7f1010; border-radius: 6px; padding: 8px 10px; margin: 8px 0; }
.problems ul { margin: 4px 0; padding-left: 18px; }
.entity-diff { border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; margin: 8px 0; }
.entity-diff[data-changed-since="true"] { border-color: #a86a00; box-shadow: inset 4px 0 0 #d98a1c; }
.entity-diff h3 { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 0.95rem; }
.entity-diff h3 code { font-weight: 600; }
table.fields { border-collapse: collapse; width: 100%; font-size: 0.82rem; table-layout: fixed; }
table.fields th, table.fields td { border-top: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table.fields th[scope="col"] { background: #f7f9fc; }
table.fields th[scope="row"] { width: 140px; font-weight: 600; }
table.fields td.current { background: #fdf2f2; }
table.fields td.proposed { background: #eefaf1; }
td .value { white-space: pre-wrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.78rem; }
td .absent { color: var(--muted); font-style: italic; }
.unchanged-list { color: var(--muted); font-size: 0.85rem; }
.actions { border-top: 1px solid var(--line); margin-top: 10px; padding-top: 8px; display: grid; gap: 10px; }
.actions .approve-row { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; }
.actions label.check { display: flex; gap: 6px; align-items: center; font-weight: 600; color: #5a3400; }
.actions button.approve { background: #15803d; color: #fff; border: 0; border-radius: 4px; padding: 4px 14px; font-weight: 600; cursor: pointer; }
.actions button.approve:disabled { background: #9ca3af; cursor: not-allowed; }
.actions form.reject { display: grid; gap: 4px; max-width: 640px; }
.actions form.reject textarea { font: inherit; min-height: 60px; padding: 4px 6px; border: 1px solid #aab3c0; border-radius: 4px; }
.actions form.reject button { justify-self: start; background: #8f1d1d; color: #fff; border: 0; border-radius: 4px; padding: 4px 14px; font-weight: 600; cursor: pointer; }
.review-outcome { border-left: 4px solid var(--accent); padding: 4px 8px; background: #f3f6fb; }
`;
