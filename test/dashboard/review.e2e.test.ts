/**
 * The review page (/dashboard/review) in a real headless Chromium against the API and Neo4j:
 * a curator signs in with a key (kept in the tab's sessionStorage, sent as a bearer token),
 * reads the queue, opens a proposal's diff, approves it, sees a stale proposal flagged and
 * approves it only after acknowledging the changes, and rejects one with a reason. Each step
 * is checked against the API and the graph, and screenshots go to test/dashboard/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { createApiKey } from '../../src/api/auth/api-keys.store';
import { createEvents } from '../../src/api/events';
import { buildApiSchema } from '../../src/api/schema';
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import { startTestApi, type TestApi } from '../helpers/api';
import { PROJECT_ROOT, resetGraph, testDatabase } from '../helpers/graph';
import { BROWSER_SETUP_MS, buildDashboardAssets, launchChromium, SCREENSHOTS_DIR } from './browser';

const PROPOSE = `mutation ($bundle: BundleInput!, $note: String!) { proposeBundle(bundle: $bundle, note: $note) { id } }`;
const INGEST = `mutation ($bundle: BundleInput!) { ingestBundle(bundle: $bundle) { auditId } }`;
const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { status reason reviewerKeyId stale } }`;

const SOURCE = {
  id: 'review-src',
  url: 'https://example.org/fx/review',
  publisher: 'FX News',
  title: 'FX lets free users object',
  publishedAt: '2026-01-15',
  kind: 'NEWS',
};

const FREE_PRACTICE = {
  sources: [SOURCE],
  practices: [
    {
      id: 'fx-free-training-review',
      plans: ['fx-free'],
      purpose: 'ai-model-training',
      scope: ['EEA'],
      dataCategories: ['user-prompts'],
      legalBasis: 'legitimate-interest',
      default: 'ON',
      validFrom: '2026-01',
      replaces: 'fx-free-training',
      rights: [{ right: 'OBJECT', status: 'IN_PRODUCT', mechanism: 'Settings toggle' }],
      verification: 'VERIFIED',
      summary: 'Free users can now object in the settings.',
      sources: ['review-src'],
    },
  ],
};

function proPractice(summary: string) {
  const practice = rulesBundle().practices!.find((p) => p.id === 'fx-pro-training')!;
  return { practices: [{ ...practice, summary }] };
}

const COMPLAINT = {
  sources: [{ ...SOURCE, id: 'review-src-complaint', title: 'A complaint' }],
  incidents: [
    {
      id: 'fx-review-complaint',
      kind: 'COMPLAINT',
      title: 'A complaint nobody filed',
      date: '2026-02-01',
      against: ['fx-corp'],
      verification: 'VERIFIED',
      summary: 'Said to be filed; no source shows it.',
      sources: ['review-src-complaint'],
    },
  ],
};

/** The operations the review page sends, as the code generator reads them. */
function reviewDocuments(): { name: string; source: string }[] {
  const text = readFileSync(
    path.join(PROJECT_ROOT, 'src/dashboard/client/review-queries.ts'),
    'utf8',
  );
  return [...text.matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => ({
    name: /(?:query|mutation)\s+(\w+)/.exec(m[1]!)![1]!,
    source: m[1]!,
  }));
}

describe('the review page in a browser', () => {
  let db: Database;
  let api: TestApi;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const tokens = { contributor: '', curator: '', curator2: '', reader: '' };
  const keyIds = { contributor: '', curator: '', curator2: '', reader: '' };
  const ids = { fresh: '', stale: '', rejected: '', own: '' };
  const graphqlRequests: { authorization: string | undefined; url: string }[] = [];
  const pageErrors: string[] = [];
  const bearer = (who: keyof typeof tokens) => `Bearer ${tokens[who]}`;

  async function propose(who: keyof typeof tokens, bundle: unknown, note: string): Promise<string> {
    const res = await api.gql(PROPOSE, { bundle, note }, bearer(who));
    expect(res.errors).toBeUndefined();
    return res.data!.proposeBundle.id as string;
  }

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
    for (const who of Object.keys(tokens) as (keyof typeof tokens)[]) {
      const role = who.startsWith('curator')
        ? 'curator'
        : who === 'reader'
          ? 'reader'
          : 'contributor';
      const { key, token } = await createApiKey(db, role, `review ${who}`);
      tokens[who] = token;
      keyIds[who] = key.id;
    }
    buildDashboardAssets();
    api = await startTestApi(db);
    origin = new URL(api.url).origin;

    ids.fresh = await propose(
      'contributor',
      FREE_PRACTICE,
      'FX now lets free users object in the settings',
    );
    ids.stale = await propose(
      'contributor',
      proPractice('Pro prompts train models; opting out is in the privacy settings.'),
      'Clearer summary of the Pro plan',
    );
    ids.rejected = await propose('contributor', COMPLAINT, 'I heard of a complaint');
    ids.own = await propose('curator', proPractice('A curator proposes, another reviews.'), 'Mine');
    // The graph changes under the second proposal.
    const write = await api.gql(
      INGEST,
      { bundle: proPractice('Pro prompts train models unless the subscriber opts out (updated).') },
      bearer('curator2'),
    );
    expect(write.errors).toBeUndefined();

    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1366, height: 900 },
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/graphql')
        graphqlRequests.push({ authorization: r.headers().authorization, url: r.url() });
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      // A refused key is a 401 the browser logs; the page says so in words, checked below.
      if (m.type() === 'error' && !m.text().includes('401')) pageErrors.push(m.text());
    });
    await page.goto(`${origin}/dashboard/review`);
    await page.waitForSelector('body[data-ready="true"]');
  }, BROWSER_SETUP_MS);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.close();
  });

  it('sends only operations the schema validates and the API answers within its limits', async () => {
    const schema = await buildApiSchema(createEvents());
    const documents = reviewDocuments();
    expect(documents.map((d) => d.name).sort()).toEqual([
      'ReviewApprove',
      'ReviewProposal',
      'ReviewQueue',
      'ReviewReject',
    ]);
    for (const doc of documents) {
      const errors = validate(schema, parse(doc.source)).map((e) => e.message);
      expect({ operation: doc.name, errors }).toEqual({ operation: doc.name, errors: [] });
    }
    for (const doc of documents.filter((d) => d.source.trim().startsWith('query'))) {
      const res = await api.gql(
        doc.source,
        { id: ids.fresh, status: 'PENDING' },
        bearer('curator'),
      );
      expect({ operation: doc.name, errors: res.errors ?? [] }).toEqual({
        operation: doc.name,
        errors: [],
      });
    }
  });

  it('asks for a key, and refuses a made-up one and a reader key in words', async () => {
    expect(await page.isVisible('#sign-in')).toBe(true);
    expect(await page.isVisible('#review')).toBe(false);

    await page.fill('#api-key', `grg_0000000000000000_${'x'.repeat(43)}`);
    await page.click('#sign-in button[type="submit"]');
    await page.waitForSelector('#status[data-kind="error"]');
    expect(await page.textContent('#status')).toMatch(/not valid/);

    await page.fill('#api-key', tokens.reader);
    await page.click('#sign-in button[type="submit"]');
    await page.waitForFunction(() =>
      /may not/.test(document.getElementById('status')?.textContent ?? ''),
    );
    expect(await page.isVisible('#review')).toBe(false);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it('signs a curator in: the key stays in sessionStorage and goes as a bearer token, never in the URL', async () => {
    graphqlRequests.length = 0;
    await page.fill('#api-key', tokens.curator);
    await page.click('#sign-in button[type="submit"]');
    await page.waitForSelector('#queue[data-state="ready"]');
    expect(await page.textContent('#key-id')).toBe(keyIds.curator);
    expect(await page.isVisible('#sign-in')).toBe(false);
    expect(await page.inputValue('#api-key')).toBe('');

    const stored = await page.evaluate(() => ({
      session: Object.values(sessionStorage),
      local: localStorage.length,
      cookie: document.cookie,
    }));
    expect(stored).toEqual({ session: [tokens.curator], local: 0, cookie: '' });
    expect(graphqlRequests.length).toBeGreaterThan(0);
    for (const r of graphqlRequests) {
      expect(r.authorization).toBe(bearer('curator'));
      expect(r.url).not.toContain(tokens.curator);
    }
    expect(page.url()).not.toContain(tokens.curator);
  });

  it('shows the queue of pending proposals, oldest first, with the stale one flagged and its own marked', async () => {
    const items = page.locator('button.queue-item');
    expect(await items.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual(
      [ids.fresh, ids.stale, ids.rejected, ids.own],
    );
    expect(await page.getAttribute(`button.queue-item[data-id="${ids.stale}"]`, 'data-stale')).toBe(
      'true',
    );
    expect(await page.getAttribute(`button.queue-item[data-id="${ids.fresh}"]`, 'data-stale')).toBe(
      'false',
    );
    expect(await page.textContent(`button.queue-item[data-id="${ids.stale}"]`)).toContain('stale');
    expect(await page.textContent(`button.queue-item[data-id="${ids.own}"]`)).toContain('yours');
    expect(await page.textContent('.queue-count')).toContain('4 proposals');
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'review-queue.png') });
  });

  it("opens a proposal's diff against the graph, field by field, and approves it", async () => {
    await page.click(`button.queue-item[data-id="${ids.fresh}"]`);
    await page.waitForSelector(
      `#proposal[data-state="ready"] .proposal-head[data-id="${ids.fresh}"]`,
    );
    expect(new URL(page.url()).searchParams.get('proposal')).toBe(ids.fresh);
    const practice = page.locator('article.entity-diff[data-entity="fx-free-training-review"]');
    expect(await practice.getAttribute('data-change')).toBe('CREATED');
    expect(await practice.locator('tr[data-field="validFrom"] td.proposed').textContent()).toBe(
      '2026-01',
    );
    expect(await practice.locator('tr[data-field="replaces"] td.proposed').textContent()).toBe(
      'fx-free-training',
    );
    expect(await practice.locator('tr[data-field="summary"] td.current').textContent()).toBe(
      'none',
    );
    expect(await page.isVisible('#stale-banner')).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'review-diff.png'), fullPage: true });

    const matrix = `{ rightsMatrix(companies: ["fx-corp"], rights: [OBJECT], asOf: "2026-06-01") { rows { plan { id } cells { status } } } }`;
    const freeObject = async () =>
      (await api.gql(matrix)).data!.rightsMatrix.rows.find(
        (r: { plan: { id: string } }) => r.plan.id === 'fx-free',
      ).cells[0].status;
    expect(await freeObject()).toBe('PAID_ONLY');

    await page.click('#approve');
    await page.waitForSelector('.review-outcome[data-outcome="APPROVED"]');
    expect(await page.textContent('#status')).toMatch(/Approved/);
    expect(await page.textContent('.review-outcome')).toContain(keyIds.curator);
    expect(await freeObject()).toBe('IN_PRODUCT');
    const res = await api.gql(PROPOSAL, { id: ids.fresh }, bearer('curator'));
    expect(res.data!.proposal).toMatchObject({ status: 'APPROVED', reviewerKeyId: keyIds.curator });
    await page.waitForFunction(
      (id) => !document.querySelector(`button.queue-item[data-id="${id}"]`),
      ids.fresh,
    );
  });

  it('flags the stale proposal and approves it only once the curator acknowledges the changes', async () => {
    await page.click(`button.queue-item[data-id="${ids.stale}"]`);
    await page.waitForSelector(
      `#proposal[data-state="ready"] .proposal-head[data-id="${ids.stale}"]`,
    );
    expect(await page.isVisible('#stale-banner')).toBe(true);
    expect(await page.textContent('#stale-banner')).toContain('fx-pro-training');
    const entity = page.locator('article.entity-diff[data-entity="fx-pro-training"]');
    expect(await entity.getAttribute('data-changed-since')).toBe('true');
    expect(await entity.getAttribute('data-change')).toBe('UPDATED');
    expect(await entity.locator('tr[data-field="summary"] td.current').textContent()).toBe(
      'Pro prompts train models unless the subscriber opts out (updated).',
    );
    expect(await entity.locator('tr[data-field="summary"] td.proposed').textContent()).toBe(
      'Pro prompts train models; opting out is in the privacy settings.',
    );
    expect(await page.isDisabled('#approve')).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'review-stale.png'), fullPage: true });

    await page.check('#acknowledge-stale');
    expect(await page.isDisabled('#approve')).toBe(false);
    await page.click('#approve');
    await page.waitForSelector('.review-outcome[data-outcome="APPROVED"]');
    const summary = await db.read(
      'test',
      `MATCH (p:Practice {id: 'fx-pro-training'}) RETURN p.summary AS s`,
    );
    expect(summary[0]!.s).toBe('Pro prompts train models; opting out is in the privacy settings.');
  });

  it('refuses an approval when the graph changed again after the diff was read, and shows the new diff', async () => {
    // The curator's own proposal is now stale too (the approval above changed fx-pro-training);
    // another curator opens it, acknowledges, but the graph changes once more before the click.
    const other = await browser.newPage({
      viewport: { width: 1366, height: 900 },
      timezoneId: 'UTC',
    });
    try {
      await other.goto(`${origin}/dashboard/review?proposal=${ids.own}`);
      await other.waitForSelector('body[data-ready="true"]');
      await other.fill('#api-key', tokens.curator2);
      await other.click('#sign-in button[type="submit"]');
      await other.waitForSelector(
        `#proposal[data-state="ready"] .proposal-head[data-id="${ids.own}"]`,
      );
      expect(await other.isVisible('#stale-banner')).toBe(true);
      await other.check('#acknowledge-stale');
      const write = await api.gql(
        INGEST,
        { bundle: proPractice('Pro prompts train models; changed once more.') },
        bearer('curator2'),
      );
      expect(write.errors).toBeUndefined();
      await other.click('#approve');
      await other.waitForFunction(() =>
        /Not approved/.test(document.getElementById('status')?.textContent ?? ''),
      );
      expect(await other.textContent('#status')).toMatch(/changed since/);
      const res = await api.gql(PROPOSAL, { id: ids.own }, bearer('curator2'));
      expect(res.data!.proposal).toMatchObject({ status: 'PENDING', stale: true });
      // The page shows the diff against the graph as it is now, to be read again.
      await other.waitForFunction(
        () =>
          document
            .querySelector('tr[data-field="summary"] td.current')
            ?.textContent?.includes('changed once more') ?? false,
      );
    } finally {
      await other.close();
    }
  });

  it('rejects a proposal only with a reason, and the reason stays with it', async () => {
    await page.click(`button.queue-item[data-id="${ids.rejected}"]`);
    await page.waitForSelector(
      `#proposal[data-state="ready"] .proposal-head[data-id="${ids.rejected}"]`,
    );
    graphqlRequests.length = 0;
    await page.click('#reject-form button[type="submit"]');
    // The browser's own check: an empty reason is not sent.
    expect(
      await page.evaluate(
        () =>
          (document.getElementById('reject-reason') as HTMLTextAreaElement).validity.valueMissing,
      ),
    ).toBe(true);
    await page.waitForTimeout(200);
    expect(graphqlRequests).toEqual([]);

    const reason = 'No source shows this complaint was filed.';
    await page.fill('#reject-reason', reason);
    await page.click('#reject-form button[type="submit"]');
    await page.waitForSelector('.review-outcome[data-outcome="REJECTED"]');
    expect(await page.textContent('.review-outcome')).toContain(reason);
    const res = await api.gql(PROPOSAL, { id: ids.rejected }, bearer('contributor'));
    expect(res.data!.proposal).toMatchObject({
      status: 'REJECTED',
      reason,
      reviewerKeyId: keyIds.curator,
    });
    const incident = await api.gql(
      `{ incidents(filter: { company: "fx-corp", from: "2026-02-01" }) { totalCount } }`,
    );
    expect(incident.data!.incidents.totalCount).toBe(0);

    await page.selectOption('#status-filter', 'REJECTED');
    await page.waitForSelector(
      `button.queue-item[data-id="${ids.rejected}"][data-status="REJECTED"]`,
    );
    await page.click(`button.queue-item[data-id="${ids.rejected}"]`);
    await page.waitForSelector(
      `#proposal[data-state="ready"] .proposal-head[data-id="${ids.rejected}"]`,
    );
    await page.screenshot({
      path: path.join(SCREENSHOTS_DIR, 'review-rejected.png'),
      fullPage: true,
    });
  });

  it("shows the curator's own proposal without the means to review it", async () => {
    await page.selectOption('#status-filter', 'PENDING');
    await page.click(`button.queue-item[data-id="${ids.own}"]`);
    await page.waitForSelector(
      `#proposal[data-state="ready"] .proposal-head[data-id="${ids.own}"]`,
    );
    expect(await page.textContent('#proposal .actions')).toContain('another curator reviews it');
    expect(await page.locator('#approve').count()).toBe(0);
  });

  it('keeps the key for the tab across a reload, and forgets it on signing out', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#queue[data-state="ready"]');
    expect(await page.textContent('#key-id')).toBe(keyIds.curator);
    await page.click('#sign-out');
    expect(await page.isVisible('#sign-in')).toBe(true);
    expect(await page.isVisible('#signed-in')).toBe(false);
    expect(await page.isVisible('#review')).toBe(false);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
