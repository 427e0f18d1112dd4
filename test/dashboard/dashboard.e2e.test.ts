/**
 * The dashboard in a real headless Chromium against the seeded graph: the heat map, the date
 * that replays the past (Le Chat Free before, during and after the dispute of February 2025),
 * the evidence behind a cell, findings, timelines and charts, all read from the public GraphQL
 * API.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, seedCurated, testDatabase } from '../helpers/graph';
import { ARTIFACTS_DIR, BROWSER_SETUP_MS, buildDashboardAssets, launchChromium } from './browser';

const LE_CHAT_FREE_OBJECT = 'button.cell[data-plan="le-chat-free"][data-right="OBJECT"]';

/** The words each status is shown with, in the cell, its label and the legend. */
const WORDS: Record<string, string> = {
  IN_PRODUCT: 'in product',
  ON_REQUEST: 'on request',
  PAID_ONLY: 'paid only',
  UNAVAILABLE: 'unavailable',
  NOT_APPLICABLE: 'not applicable',
  UNKNOWN: 'unknown',
};

describe('the dashboard in a browser', () => {
  let db: Database;
  let api: TestApi;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const requests: { method: string; url: string }[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    buildDashboardAssets();
    api = await startTestApi(db);
    origin = new URL(api.url).origin;
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    page.on('request', (r) => requests.push({ method: r.method(), url: r.url() }));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    // The day between the complaint (10 February 2025) and Mistral's clarification (13 February).
    await page.goto(`${origin}/dashboard?asOf=2025-02-12`);
    await page.waitForSelector('body[data-ready="true"]');
  }, BROWSER_SETUP_MS);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.close();
  });

  /** Sets the as-of date as a reader would, and waits for the matrix of that date. */
  async function showDate(date: string): Promise<void> {
    await page.fill('#as-of', date);
    await page.waitForSelector(`table.matrix[data-as-of="${date}"]`);
    await page.waitForSelector('#matrix[data-state="ready"]');
  }

  it('draws every plan of the seeded graph, in the EEA, with ai-model-training as the default purpose', async () => {
    const expected = await api.gql(
      '{ rightsMatrix(asOf: "2025-02-12", purpose: "ai-model-training") { totalCount rights scope } }',
    );
    const { totalCount, rights, scope } = expected.data!.rightsMatrix;
    expect(scope).toBe('EEA');
    expect(await page.locator('table.matrix tbody tr.plan-row').count()).toBe(totalCount);
    expect(await page.locator('table.matrix thead th.col-right').count()).toBe(rights.length);
    expect(await page.inputValue('#purpose')).toBe('ai-model-training');
    expect(await page.inputValue('#scope')).toBe('EEA');
    expect(await page.getAttribute('table.matrix', 'data-purpose')).toBe('ai-model-training');
    expect(await page.getAttribute('table.matrix', 'data-scope')).toBe('EEA');
  });

  it('loads every page of a matrix longer than the API gives at once (100 plans)', async () => {
    const expected = await api.gql('{ rightsMatrix(asOf: "2026-06-01") { totalCount } }');
    const { totalCount } = expected.data!.rightsMatrix;
    expect(totalCount).toBeGreaterThan(100);
    await showDate('2026-06-01');
    expect(await page.locator('table.matrix tbody tr.plan-row').count()).toBe(totalCount);
    expect(await page.locator('.matrix-summary .plan-count').textContent()).toBe(
      `${totalCount} plans`,
    );
    await showDate('2025-02-12');
  });

  it('shows the Le Chat Free cell for the right to object as paid only on 12 February 2025, disputed', async () => {
    const cell = page.locator(LE_CHAT_FREE_OBJECT);
    expect(await cell.getAttribute('data-status')).toBe('PAID_ONLY');
    expect(await cell.locator('.status-text').textContent()).toBe('paid only');
    expect(await cell.getAttribute('aria-label')).toMatch(
      /Le Chat Free, right to object.*paid only, disputed/,
    );
    expect(await cell.getAttribute('data-disputed')).toBe('true');
  });

  it('replays the dispute: unknown before the sources show it, in the product after the clarification', async () => {
    await showDate('2025-03-01');
    const cell = page.locator(LE_CHAT_FREE_OBJECT);
    expect(await cell.getAttribute('data-status')).toBe('IN_PRODUCT');
    expect(await cell.locator('.status-text').textContent()).toBe('in product');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2025-03-01');

    // No source attests the free plan's practice before Mistral's privacy policy as recorded
    // on 16 November 2024.
    await showDate('2024-11-01');
    expect(await page.locator(LE_CHAT_FREE_OBJECT).getAttribute('data-status')).toBe('UNKNOWN');

    await showDate('2025-02-12');
    expect(await page.locator(LE_CHAT_FREE_OBJECT).getAttribute('data-status')).toBe('PAID_ONLY');
  });

  it('labels every cell with its status in words and its shape, not colour alone', async () => {
    const cells = await page.$$eval('button.cell', (buttons) =>
      buttons.map((b) => ({
        status: b.getAttribute('data-status'),
        text: b.querySelector('.status-text')?.textContent,
        label: b.getAttribute('aria-label'),
        icon: b.querySelector('svg.status-icon')?.getAttribute('data-icon'),
      })),
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.text).toBe(WORDS[cell.status!]);
      expect(cell.label).toContain(WORDS[cell.status!]);
      expect(cell.icon).toBe(cell.status);
    }
    const legend = await page.$$eval('#legend li[data-status]', (items) =>
      items.map((li) => [
        li.getAttribute('data-status'),
        li.querySelector('.legend-text')?.textContent,
      ]),
    );
    expect(Object.fromEntries(legend)).toEqual(WORDS);
  });

  it('shows, on a click, the practice behind the cell, its sources and the dispute side by side', async () => {
    await page.click(LE_CHAT_FREE_OBJECT);
    const detail = page.locator('#cell-detail[data-state="ready"][data-plan="le-chat-free"]');
    await detail.waitFor();
    expect(await detail.locator('h3').textContent()).toContain('Le Chat Free: right to object');
    expect(await detail.locator('.detail-status').getAttribute('data-status')).toBe('PAID_ONLY');

    const sources = await detail
      .locator('.claim-stated .sources li a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(sources.length).toBeGreaterThan(0);
    for (const href of sources) expect(href).toMatch(/^https?:\/\//);

    // Mistral AI's side: it says the right could be exercised on request, with its sources.
    const mistral = detail.locator('.claim-disputed[data-claimed-by="Mistral AI"]');
    expect(await mistral.getAttribute('data-alternative')).toBe('ON_REQUEST');
    expect(await mistral.locator('h4').textContent()).toContain('Mistral AI says');
    expect(await mistral.locator('.status-pill .status-text').textContent()).toBe('on request');
    expect(await mistral.locator('li.dispute').count()).toBeGreaterThan(0);
    expect(await page.getAttribute(LE_CHAT_FREE_OBJECT, 'aria-pressed')).toBe('true');

    // Dates as precise as the sources give them: a month stays a month.
    const dates = await detail
      .locator('time')
      .evaluateAll((times) => times.map((t) => [t.getAttribute('datetime'), t.textContent]));
    expect(dates).toEqual(
      expect.arrayContaining([
        ['2025-02', 'February 2025'],
        ['2025-02-13', '13 February 2025'],
      ]),
    );
    // The practice has no known start: the earliest attestation says so.
    expect(await detail.locator('.in-force').textContent()).toContain(
      'start not known; attested from 16 November 2024',
    );
    // How recent its newest dated source is, as the API gives it.
    const attested = await api.gql(`{ company(id: "mistral-ai") { products { plans {
      id practices(first: 100) { nodes { id lastAttested } } } } } }`);
    const practice = (attested.data!.company.products as any[])
      .flatMap((p) => p.plans)
      .flatMap((p: any) => p.practices.nodes)
      .find((p: any) => p.id === 'mistral-le-chat-free-training-2024');
    expect(practice.lastAttested).toMatch(/^\d{4}/);
    expect(await detail.locator('.last-attested time').getAttribute('datetime')).toBe(
      practice.lastAttested,
    );

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'dashboard.png') });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'dashboard-full.png'), fullPage: true });
  });

  it('keeps the chosen cell on a new date and shows what it rests on then', async () => {
    await showDate('2025-03-01');
    await page.waitForSelector(
      '#cell-detail[data-state="ready"] .detail-status[data-status="IN_PRODUCT"]',
    );
    expect(await page.locator('#cell-detail .detail-status').textContent()).toContain(
      '1 March 2025',
    );
    expect(await page.locator('#cell-detail .in-force').textContent()).toContain(
      'from 13 February 2025',
    );
    // One column per party and status it claims instead, as the API lists the disputes.
    const expected = await api.gql(`{ rightsMatrix(asOf: "2025-03-01", companies: ["mistral-ai"],
      rights: [OBJECT], purpose: "ai-model-training") {
        rows { plan { id } cells { disputes { alternative claimedBy { name } } } } } }`);
    const row = expected.data!.rightsMatrix.rows.find((r: any) => r.plan.id === 'le-chat-free');
    const sides = new Set(
      row.cells[0].disputes.map((d: any) => `${d.claimedBy?.name ?? ''}|${d.alternative ?? ''}`),
    );
    const shown = await page
      .locator('#cell-detail .claim-disputed')
      .evaluateAll((sections) =>
        sections.map(
          (s) => `${s.getAttribute('data-claimed-by')}|${s.getAttribute('data-alternative')}`,
        ),
      );
    expect(new Set(shown)).toEqual(sides);
    await showDate('2025-02-12');
  });

  it('hides, on request, the rights that no plan states, and shows them again', async () => {
    const columns = () => page.locator('table.matrix thead th.col-right').count();
    const all = await columns();
    await page.check('#known-only');
    const known = await page
      .locator('table.matrix thead th.col-right')
      .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-right')));
    expect(known).toContain('OBJECT');
    expect(known.length).toBeLessThanOrEqual(all);
    expect(new URL(page.url()).searchParams.get('known')).toBe('1');
    await page.uncheck('#known-only');
    expect(await columns()).toBe(all);
  });

  it('shows any purpose when asked, and ai-model-training again', async () => {
    await page.selectOption('#purpose', '');
    await page.waitForSelector('table.matrix[data-purpose=""]');
    expect(await page.locator('.matrix-summary').textContent()).toContain('for any purpose');
    expect(await page.locator('table.matrix caption').textContent()).toContain('for any purpose');
    // Cells whose other practices (other purposes') give another status are marked, as the
    // API says: the same plans and rights, among those drawn.
    await page.waitForSelector('#matrix[data-state="ready"]');
    const asOf = await page.locator('table.matrix').getAttribute('data-as-of');
    const keys = (selector: string) =>
      page
        .locator(selector)
        .evaluateAll((els) =>
          els.map((el) => `${el.getAttribute('data-plan')} ${el.getAttribute('data-right')}`),
        );
    const drawn = new Set(await keys('button.cell'));
    const res = await api.gql(
      `query ($asOf: Date) { rightsMatrix(asOf: $asOf, first: 100) { rows { plan { id } cells { right otherStatuses } } } }`,
      { asOf },
    );
    const rows = res.data!.rightsMatrix.rows as {
      plan: { id: string };
      cells: { right: string; otherStatuses: string[] }[];
    }[];
    // The first page of the API's rows (the dashboard reads every page).
    const plans = new Set(rows.map((r) => r.plan.id));
    const expected = rows.flatMap((r) =>
      r.cells.filter((c) => c.otherStatuses.length > 0).map((c) => `${r.plan.id} ${c.right}`),
    );
    const marked = (await keys('button.cell[data-other-statuses]')).filter((k) =>
      plans.has(k.split(' ')[0]!),
    );
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.sort()).toEqual(expected.filter((k) => drawn.has(k)).sort());
    // A click on a marked cell lists the practices behind the other statuses, each with its own.
    const cell = page.locator('button.cell[data-other-statuses]').first();
    const plan = await cell.getAttribute('data-plan');
    const shown = await cell.getAttribute('data-status');
    await cell.click();
    const detail = page.locator(`#cell-detail[data-state="ready"][data-plan="${plan}"]`);
    await detail.waitFor();
    const others = await detail
      .locator('.other-practices li.other-practice')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-status')));
    expect(others.length).toBeGreaterThan(0);
    expect(others).not.toContain(shown);
    await page.selectOption('#purpose', 'ai-model-training');
    await page.waitForSelector('table.matrix[data-purpose="ai-model-training"]');
  });

  it('lists the findings on the date, each with its standing, provisions and links to its sources', async () => {
    await page.waitForSelector('#findings[data-state="ready"]');
    const shown = await page.locator('#findings article.finding').count();
    expect(await page.getAttribute('#findings .count', 'data-count')).toBe(String(shown));
    const expected = await api.gql(
      '{ findings(asOf: "2025-02-12", first: 100) { nodes { id legalBasisEstablished purpose { id } } } }',
    );
    const training = expected.data!.findings.nodes.filter(
      (f: { purpose: { id: string } }) => f.purpose.id === 'ai-model-training',
    );
    expect(shown).toBe(training.length);

    // The Le Chat story of February 2025 (seeds/companies/mistral-ai.yaml).
    const paid = page.locator(
      'article.finding[data-finding="right-conditioned-on-payment:mistral-le-chat-free-training-2024:le-chat-free:OBJECT"]',
    );
    expect(await paid.count()).toBe(1);
    expect(await paid.getAttribute('data-standing')).toBe('ALLEGED');
    expect(await paid.locator('.standing-text').textContent()).toBe('Alleged');
    // Mistral's policy then in force names legitimate interests.
    expect(await paid.getAttribute('data-legal-basis-established')).toBe('true');
    expect(await paid.locator('.legal-basis').textContent()).toBe(
      'Legal basis: Legitimate interests',
    );
    expect(await paid.locator('.legal-basis-missing').count()).toBe(0);
    // Every finding whose basis the sources do not establish says so beside its standing.
    const unestablished = training.filter(
      (f: { legalBasisEstablished: boolean }) => !f.legalBasisEstablished,
    );
    expect(unestablished.length).toBeGreaterThan(0);
    expect(await page.locator('#findings article.finding .legal-basis-missing').count()).toBe(
      unestablished.length,
    );
    expect(await paid.locator('.provision').allTextContents()).toEqual(
      expect.arrayContaining(['Art. 12(5)']),
    );
    const links = await paid
      .locator('.finding-sources a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^https?:\/\//);
    expect(await paid.locator('.finding-sources li.dispute').count()).toBeGreaterThan(0);
  });

  it("draws a company's timeline when opened, with what came after the date set apart", async () => {
    const mistral = page.locator('#timeline .company-timeline[data-company="mistral-ai"]');
    await mistral.locator('summary').click();
    await page.waitForSelector(
      '#timeline .company-timeline[data-company="mistral-ai"][data-state="ready"]',
    );
    const complaint = mistral.locator(
      'li.entry[data-entry="incident:cnil-complaint-mistral-le-chat-2025"]',
    );
    expect(await complaint.count()).toBe(1);
    // The complaint of 10 February 2025 came before 12 February; the clarification after.
    expect(await complaint.getAttribute('class')).not.toContain('later');
    const change = mistral.locator(
      'li.entry[data-entry="practice-started:mistral-le-chat-free-training-2025"]',
    );
    expect(await change.getAttribute('class')).toContain('later');
    expect(await change.textContent()).toContain('Right to object: PAID_ONLY -> IN_PRODUCT');
  });

  it('charts incidents per provision, per authority and per month up to the date', async () => {
    const expected = await api.gql(`{ stats(to: "2025-02-12") {
      incidentsPerProvision { count } incidentsPerAuthority { count } incidentsPerMonth { count } } }`);
    const stats = expected.data!.stats;
    await page.waitForSelector('#charts[data-state="ready"]');
    expect(await page.locator('#chart-provisions .bar').count()).toBe(
      stats.incidentsPerProvision.length,
    );
    expect(await page.locator('#chart-authorities .bar').count()).toBe(
      stats.incidentsPerAuthority.length,
    );
    expect(await page.locator('#chart-months .bar').count()).toBe(stats.incidentsPerMonth.length);
  });

  it('reads its data only from the public GraphQL endpoint, with nothing from another origin', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) expect(new URL(r.url).origin).toBe(origin);
    const data = requests.filter((r) => !new URL(r.url).pathname.startsWith('/dashboard'));
    expect(data.length).toBeGreaterThan(0);
    for (const r of data) expect(r).toEqual({ method: 'POST', url: `${origin}/graphql` });
    expect(pageErrors).toEqual([]);
  });
});
