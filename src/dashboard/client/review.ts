/// <reference lib="dom" />
/**
 * The review page (/dashboard/review). A curator signs in with an API key, kept in this tab's
 * sessionStorage only (never in the URL or localStorage) and sent as `Authorization: Bearer`
 * to the public GraphQL endpoint; then reads the queue, a proposal's diff against the graph
 * as it is now, and approves or rejects it. A stale proposal (the graph changed under it) is
 * approved only once the curator says they reviewed the changes: the page then sends the
 * diff's graphState, and the API refuses it if the graph changed again since.
 */
import { allPages, ApiError, request } from './api.js';
import { byId, h } from './dom.js';
import type {
  ProposalStatus,
  ReviewProposalQuery,
  ReviewQueueQuery,
  TypedDocumentString,
} from './gql/graphql.js';
import { ENTITY_CHANGE, PROPOSAL_KIND, PROPOSAL_STATUS } from './labels.js';
import {
  ApproveProposalMutation,
  RejectProposalMutation,
  ReviewProposalQuery as ProposalQuery,
  ReviewQueueQuery as QueueQuery,
} from './review-queries.js';

type QueueItem = ReviewQueueQuery['proposals']['nodes'][number];
type Proposal = ReviewProposalQuery['proposal'];
type EntityDiff = Proposal['diff']['entities'][number];

/** Where the key is kept: this tab's session only. */
const KEY_STORAGE = 'gdpr-rights-graph.review-key';
const KEY_FORMAT = /^grg_([a-f0-9]{16})_[A-Za-z0-9_-]{43}$/;
const MAX_REASON = 1000;

const STATUSES: ProposalStatus[] = ['PENDING', 'APPROVED', 'REJECTED'];

let apiKey: string | null = null;
/** The key's id (the part of the key that is not secret), to recognise one's own proposals. */
let keyId: string | null = null;
let selected: string | null = null;

const statusLine = () => byId('status');

function say(message: string, kind: 'info' | 'error' = 'info'): void {
  const el = statusLine();
  el.textContent = message;
  el.dataset.kind = kind;
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const when = (iso: string): string => `${DATE_TIME.format(new Date(iso))} UTC`;

function words(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'UNAUTHENTICATED')
      return `This key is not valid (unknown, revoked or mistyped): ${error.message}`;
    if (error.code === 'FORBIDDEN') return `This key may not do that: ${error.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

const send = <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> => request(document, variables, undefined, apiKey ?? undefined);

// --- signing in and out -------------------------------------------------------------------

function showSignedIn(signedIn: boolean): void {
  byId('sign-in').hidden = signedIn;
  byId('signed-in').hidden = !signedIn;
  byId('review').hidden = !signedIn;
  byId('key-id').textContent = keyId ?? '';
  document.body.dataset.signedIn = String(signedIn);
}

function signOut(message = 'Signed out: the key is forgotten.'): void {
  sessionStorage.removeItem(KEY_STORAGE);
  apiKey = null;
  keyId = null;
  selected = null;
  byId('queue').replaceChildren();
  byId('proposal').replaceChildren(h('p', { class: 'hint' }, 'Choose a proposal.'));
  setSelectedInUrl(null);
  showSignedIn(false);
  say(message);
}

/** Tries a key: kept only once the API has answered the queue with it. */
async function signIn(key: string): Promise<void> {
  const match = KEY_FORMAT.exec(key.trim());
  if (!match) {
    say('That is not an API key: keys look like grg_<16 hex digits>_<43 characters>.', 'error');
    return;
  }
  apiKey = key.trim();
  keyId = match[1]!;
  try {
    await loadQueue();
  } catch (error) {
    apiKey = null;
    keyId = null;
    sessionStorage.removeItem(KEY_STORAGE);
    showSignedIn(false);
    say(`Could not sign in. ${words(error)}`, 'error');
    return;
  }
  sessionStorage.setItem(KEY_STORAGE, apiKey);
  showSignedIn(true);
  say('');
  if (selected) await openProposal(selected);
}

// --- the queue ----------------------------------------------------------------------------

function statusFilter(): ProposalStatus | null {
  const value = byId<HTMLSelectElement>('status-filter').value;
  return STATUSES.find((s) => s === value) ?? null;
}

function badge(text: string, kind: string): HTMLElement {
  return h('span', { class: `badge badge-${kind}` }, text);
}

function queueItem(p: QueueItem): HTMLElement {
  const own = p.proposerKeyId === keyId;
  const button = h(
    'button',
    {
      type: 'button',
      class: 'queue-item',
      'data-id': p.id,
      'data-status': p.status,
      'data-stale': String(p.stale),
      'aria-current': p.id === selected ? 'true' : 'false',
    },
    h(
      'span',
      { class: 'badges' },
      badge(PROPOSAL_KIND[p.kind], 'kind'),
      p.status === 'PENDING'
        ? null
        : badge(PROPOSAL_STATUS[p.status], `status-${p.status.toLowerCase()}`),
      p.stale ? badge('stale: the graph changed', 'stale') : null,
      own ? badge('yours', 'own') : null,
    ),
    h('span', { class: 'note' }, p.note.length > 140 ? `${p.note.slice(0, 140)}…` : p.note),
    h(
      'span',
      { class: 'meta' },
      `${p.entities.length} ${p.entities.length === 1 ? 'entity' : 'entities'} · key ${p.proposerKeyId} · ${when(p.createdAt)}`,
    ),
  );
  button.addEventListener('click', () => void openProposal(p.id));
  return h('li', {}, button);
}

async function loadQueue(): Promise<void> {
  const queue = byId('queue');
  queue.dataset.state = 'loading';
  queue.setAttribute('aria-busy', 'true');
  try {
    const status = statusFilter();
    const pages = await allPages((after) =>
      send(QueueQuery, { status, after }).then((r) => r.proposals),
    );
    const items = pages.flatMap((page) => page.nodes);
    const total = pages[0]?.totalCount ?? 0;
    queue.replaceChildren(
      h(
        'p',
        { class: 'queue-count' },
        `${total} ${total === 1 ? 'proposal' : 'proposals'}${status ? ` ${PROPOSAL_STATUS[status]}` : ''}, oldest first`,
      ),
      items.length === 0
        ? h('p', { class: 'hint' }, 'Nothing here.')
        : h('ul', { class: 'queue-list' }, items.map(queueItem)),
    );
    queue.dataset.state = 'ready';
  } finally {
    queue.removeAttribute('aria-busy');
  }
}

function markSelected(): void {
  document
    .querySelectorAll<HTMLButtonElement>('button.queue-item')
    .forEach((el) =>
      el.setAttribute('aria-current', el.dataset.id === selected ? 'true' : 'false'),
    );
}

function setSelectedInUrl(id: string | null): void {
  const params = new URLSearchParams(window.location.search);
  if (id) params.set('proposal', id);
  else params.delete('proposal');
  const query = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
}

// --- one proposal -------------------------------------------------------------------------

/** A field's JSON value as a reader sees it: text as text, anything else as compact JSON. */
function value(json: string | null): HTMLElement {
  if (json === null) return h('span', { class: 'absent' }, 'none');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return h('span', { class: 'value' }, json);
  }
  if (typeof parsed === 'string') return h('span', { class: 'value' }, parsed);
  if (Array.isArray(parsed) && parsed.length === 0) return h('span', { class: 'absent' }, 'none');
  return h('span', { class: 'value' }, JSON.stringify(parsed, null, 1).replace(/\n\s*/g, ' '));
}

function entityDiff(entity: EntityDiff): HTMLElement {
  const table =
    entity.fields.length === 0
      ? h('p', { class: 'hint' }, 'No stored field differs: only the way the entry is written.')
      : h(
          'table',
          { class: 'fields' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Field'),
              h('th', { scope: 'col' }, 'Now in the graph'),
              h('th', { scope: 'col' }, 'Proposed'),
            ),
          ),
          h(
            'tbody',
            {},
            entity.fields.map((f) =>
              h(
                'tr',
                { 'data-field': f.field },
                h('th', { scope: 'row' }, f.field),
                h('td', { class: 'current' }, value(f.current)),
                h('td', { class: 'proposed' }, value(f.proposed)),
              ),
            ),
          ),
        );
  return h(
    'article',
    {
      class: 'entity-diff',
      'data-entity': entity.id,
      'data-change': entity.change,
      'data-changed-since': String(entity.changedSinceProposed),
    },
    h(
      'h3',
      {},
      badge(ENTITY_CHANGE[entity.change], `change-${entity.change.toLowerCase()}`),
      entity.label,
      h('code', {}, entity.id),
      entity.changedSinceProposed
        ? badge('changed in the graph since proposed', 'changed-since')
        : null,
    ),
    table,
  );
}

function staleBanner(p: Proposal): HTMLElement | null {
  if (!p.diff.stale) return null;
  return h(
    'div',
    { class: 'stale-banner', role: 'alert', id: 'stale-banner' },
    h('h3', {}, 'Stale: the graph changed under this proposal'),
    h(
      'p',
      {},
      'Since it was proposed, the graph changed these entities. The diff below compares the proposal with the graph as it is now: read it again before approving.',
    ),
    h(
      'ul',
      {},
      p.diff.changedSinceProposed.map((e) => h('li', {}, `${e.label} `, h('code', {}, e.id))),
    ),
  );
}

function problems(p: Proposal): HTMLElement | null {
  if (p.diff.problems.length === 0) return null;
  return h(
    'div',
    { class: 'problems', role: 'alert' },
    h('p', {}, 'A write of this proposal would be refused now:'),
    h(
      'ul',
      {},
      p.diff.problems.map((x) => h('li', {}, h('code', {}, x.path), `: ${x.message}`)),
    ),
  );
}

function actions(p: Proposal): HTMLElement {
  if (p.status !== 'PENDING') {
    return h(
      'div',
      { class: 'actions' },
      h(
        'p',
        { class: 'review-outcome', 'data-outcome': p.status },
        `${PROPOSAL_STATUS[p.status][0]!.toUpperCase()}${PROPOSAL_STATUS[p.status].slice(1)}`,
        p.reviewerKeyId ? ` by key ${p.reviewerKeyId}` : '',
        p.reviewedAt ? ` on ${when(p.reviewedAt)}` : '',
        p.reason ? `. Reason: ${p.reason}` : '.',
      ),
    );
  }
  if (p.proposerKeyId === keyId) {
    return h(
      'div',
      { class: 'actions' },
      h('p', { class: 'hint' }, 'You proposed this: another curator reviews it.'),
    );
  }

  const approve = h(
    'button',
    { type: 'button', class: 'approve', id: 'approve' },
    'Approve and write',
  );
  const acknowledge = p.diff.stale
    ? h('input', { type: 'checkbox', id: 'acknowledge-stale', name: 'acknowledgeStale' })
    : null;
  if (acknowledge) {
    approve.disabled = true;
    acknowledge.addEventListener('change', () => {
      approve.disabled = !acknowledge.checked;
    });
  }
  approve.addEventListener(
    'click',
    () => void decide(p, 'approve', { acknowledged: acknowledge?.checked ?? false }),
  );

  const reason = h('textarea', {
    id: 'reject-reason',
    name: 'reason',
    required: true,
    maxlength: MAX_REASON,
    placeholder: 'Why, for the contributor: what the sources do not support, what is missing…',
  });
  const reject = h(
    'form',
    { class: 'reject', id: 'reject-form' },
    h('label', { for: 'reject-reason' }, 'Reason for rejecting (required)'),
    reason,
    h('button', { type: 'submit', class: 'reject' }, 'Reject'),
  );
  reject.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!reject.reportValidity()) return;
    void decide(p, 'reject', { reason: reason.value });
  });

  return h(
    'div',
    { class: 'actions' },
    h(
      'div',
      { class: 'approve-row' },
      acknowledge
        ? h(
            'label',
            { class: 'check', for: 'acknowledge-stale' },
            acknowledge,
            'I reviewed what changed in the graph since this was proposed',
          )
        : null,
      approve,
    ),
    reject,
  );
}

function renderProposal(p: Proposal): HTMLElement[] {
  const changing = p.diff.entities.filter((e) => e.change !== 'UNCHANGED');
  const unchanged = p.diff.entities.filter((e) => e.change === 'UNCHANGED');
  return [
    h(
      'div',
      {
        class: 'proposal-head',
        'data-id': p.id,
        'data-status': p.status,
        'data-stale': String(p.diff.stale),
      },
      h(
        'p',
        { class: 'badges' },
        badge(PROPOSAL_KIND[p.kind], 'kind'),
        badge(PROPOSAL_STATUS[p.status], `status-${p.status.toLowerCase()}`),
        p.diff.stale ? badge('stale', 'stale') : null,
      ),
      h('p', { class: 'note' }, p.note),
      h('p', { class: 'hint' }, `Proposed with key ${p.proposerKeyId} on ${when(p.createdAt)}.`),
    ),
    ...[staleBanner(p), problems(p)].filter((x): x is HTMLElement => x !== null),
    h(
      'div',
      { class: 'diff', id: 'diff' },
      changing.length === 0
        ? h('p', { class: 'hint' }, 'Approving would change nothing in the graph.')
        : null,
      changing.map(entityDiff),
      unchanged.length > 0
        ? h(
            'p',
            { class: 'unchanged-list' },
            `Unchanged (the graph already holds them as proposed): ${unchanged.map((e) => `${e.label} ${e.id}`).join(', ')}`,
          )
        : null,
    ),
    actions(p),
  ];
}

/** The proposal on screen, with the graphState its diff was read against. */
let shown: Proposal | null = null;

async function openProposal(id: string): Promise<void> {
  selected = id;
  setSelectedInUrl(id);
  markSelected();
  const panel = byId('proposal');
  panel.dataset.state = 'loading';
  panel.setAttribute('aria-busy', 'true');
  try {
    const { proposal } = await send(ProposalQuery, { id });
    if (selected !== id) return;
    shown = proposal;
    panel.replaceChildren(...renderProposal(proposal));
    panel.dataset.state = 'ready';
  } catch (error) {
    if (selected !== id) return;
    panel.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('p', {}, words(error))));
    panel.dataset.state = 'error';
  } finally {
    panel.removeAttribute('aria-busy');
  }
}

async function decide(
  p: Proposal,
  action: 'approve' | 'reject',
  options: { acknowledged?: boolean; reason?: string },
): Promise<void> {
  const panel = byId('proposal');
  panel.setAttribute('aria-busy', 'true');
  try {
    if (action === 'approve') {
      // The acknowledgement names the graph as this diff showed it: if the graph changed
      // again since, the API refuses and the page shows the new diff.
      const acknowledgeStale =
        options.acknowledged && shown?.id === p.id ? shown.diff.graphState : null;
      await send(ApproveProposalMutation, { id: p.id, acknowledgeStale });
      say(`Approved: the proposal is written to the graph.`);
    } else {
      await send(RejectProposalMutation, { id: p.id, reason: options.reason ?? '' });
      say('Rejected: nothing was written; the contributor can read the reason.');
    }
  } catch (error) {
    say(`Not ${action === 'approve' ? 'approved' : 'rejected'}: ${words(error)}`, 'error');
  } finally {
    panel.removeAttribute('aria-busy');
  }
  await Promise.all([
    loadQueue().catch((e: unknown) => say(words(e), 'error')),
    openProposal(p.id),
  ]);
}

// --- start --------------------------------------------------------------------------------

async function start(): Promise<void> {
  selected = new URLSearchParams(window.location.search).get('proposal');
  byId('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId<HTMLInputElement>('api-key');
    const key = input.value;
    input.value = '';
    void signIn(key);
  });
  byId('sign-out').addEventListener('click', () => signOut());
  byId('status-filter').addEventListener('change', () => {
    loadQueue().catch((error: unknown) => say(words(error), 'error'));
  });
  const kept = sessionStorage.getItem(KEY_STORAGE);
  if (kept) await signIn(kept);
  else showSignedIn(false);
  document.body.dataset.ready = 'true';
}

void start();
