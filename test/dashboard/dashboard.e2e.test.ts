/**
 * The dashboard in a real headless Chromium against the seeded graph: the heat map, the date
 * that replays the past (Le Chat Free before and after 13 February 2025), the evidence behind
 * a cell, findings, timelines and charts, all read from the public GraphQL API.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, seedCurated, testDatabase } from '../helpers/graph';
import { ARTIFACTS_DIR, buildDashboardAssets, launchChromium } from './browser';

const LE_CHAT_FREE_OBJECT = 'button.cell[data-plan="le-chat-free"][data-right="OBJECT"]';

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
    await page.goto(`${origin}/dashboard?asOf=2025-02-01`);
    await page.waitForSelector('body[data-ready="true"]');
  });

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

  it('draws every plan of the seeded graph, with ai-model-training as the default purpose', async () => {
    const expected = await api.gql(
      '{ rightsMatrix(asOf: "2025-02-01", purpose: "ai-model-training") { totalCount rights } }',
    );
    const { totalCount, rights } = expected.data!.rightsMatrix;
    expect(await page.locator('table.matrix tbody tr').count()).toBe(totalCount);
    expect(await page.locator('table.matrix thead th.col-right').count()).toBe(rights.length);
    expect(await page.inputValue('#purpose')).toBe('ai-model-training');
    expect(await page.getAttribute('table.matrix', 'data-purpose')).toBe('ai-model-training');
  });

  it('shows the Le Chat Free cell for the right to object as unavailable on 1 February 2025', async () => {
    const cell = page.locator(LE_CHAT_FREE_OBJECT);
    expect(await cell.getAttribute('data-status')).toBe('UNAVAILABLE');
    expect(await cell.locator('.status-text').textContent()).toBe('unavailable');
    expect(await cell.getAttribute('aria-label')).toMatch(
      /Le Chat Free, right to object.*unavailable/,
    );
    expect(await cell.getAttribute('data-disputed')).toBe('true');
  });

  it('replays the clarification of 13 February 2025: the same cell is available on 1 March 2025', async () => {
    await showDate('2025-03-01');
    const cell = page.locator(LE_CHAT_FREE_OBJECT);
    expect(await cell.getAttribute('data-status')).toBe('AVAILABLE');
    expect(await cell.locator('.status-text').textContent()).toBe('available');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2025-03-01');

    await showDate('2025-02-01');
    expect(await page.locator(LE_CHAT_FREE_OBJECT).getAttribute('data-status')).toBe('UNAVAILABLE');
  });

  it('labels every cell with its status in words, not colour alone', async () => {
    const cells = await page.$$eval('button.cell', (buttons) =>
      buttons.map((b) => ({
        status: b.getAttribute('data-status'),
        text: b.querySelector('.status-text')?.textContent,
        label: b.getAttribute('aria-label'),
      })),
    );
    const words: Record<string, string> = {
      AVAILABLE: 'available',
      PAID_ONLY: 'paid only',
      UNAVAILABLE: 'unavailable',
      NOT_APPLICABLE: 'not applicable',
      UNKNOWN: 'unknown',
    };
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.text).toBe(words[cell.status!]);
      expect(cell.label).toContain(words[cell.status!]);
    }
  });

  it('shows, on a click, the practice behind the cell, its sources and the dispute', async () => {
    await page.click(LE_CHAT_FREE_OBJECT);
    const detail = page.locator('#cell-detail[data-state="ready"][data-plan="le-chat-free"]');
    await detail.waitFor();
    expect(await detail.locator('h3').textContent()).toContain('Le Chat Free: right to object');
    expect(await detail.locator('.detail-status').getAttribute('data-status')).toBe('UNAVAILABLE');

    const sources = await detail
      .locator('.sources li a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(sources.length).toBeGreaterThan(0);
    for (const href of sources) expect(href).toMatch(/^https?:\/\//);

    const disputes = detail.locator('.disputes li.dispute');
    expect(await disputes.count()).toBeGreaterThan(0);
    expect(await disputes.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Mistral/)]),
    );
    expect(await page.getAttribute(LE_CHAT_FREE_OBJECT, 'aria-pressed')).toBe('true');

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    // The page at the top, the evidence panel scrolled to the dispute.
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      const panel = document.getElementById('cell-detail')!;
      const dispute = panel.querySelector('.disputes')!;
      panel.scrollTop +=
        dispute.getBoundingClientRect().top - panel.getBoundingClientRect().top - 8;
    });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'dashboard.png') });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'dashboard-full.png'), fullPage: true });
  });

  it('keeps the chosen cell on a new date and shows what it rests on then', async () => {
    await showDate('2025-03-01');
    const detail = page.locator('#cell-detail[data-state="ready"] .detail-status');
    await page.waitForSelector(
      '#cell-detail[data-state="ready"] .detail-status[data-status="AVAILABLE"]',
    );
    expect(await detail.textContent()).toContain('1 March 2025');
    expect(await page.locator('#cell-detail .disputes').count()).toBe(0);
    await showDate('2025-02-01');
  });

  it('hides, on request, the rights that no plan states, and shows them again', async () => {
    const columns = () => page.locator('table.matrix thead th.col-right').count();
    const all = await columns();
    await page.check('#known-only');
    const known = await page
      .locator('table.matrix thead th.col-right')
      .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-right')));
    expect(known).toContain('OBJECT');
    expect(known.length).toBeLessThan(all);
    expect(new URL(page.url()).searchParams.get('known')).toBe('1');
    await page.uncheck('#known-only');
    expect(await columns()).toBe(all);
  });

  it('shows any purpose when asked, and ai-model-training again', async () => {
    await page.selectOption('#purpose', '');
    await page.waitForSelector('table.matrix[data-purpose=""]');
    expect(await page.locator('table.matrix caption').textContent()).toContain('for any purpose');
    await page.selectOption('#purpose', 'ai-model-training');
    await page.waitForSelector('table.matrix[data-purpose="ai-model-training"]');
  });

  it('lists the findings on the date, each with its provisions and links to its sources', async () => {
    await page.waitForSelector('#findings[data-state="ready"]');
    const shown = await page.locator('#findings article.finding').count();
    expect(await page.getAttribute('#findings .count', 'data-count')).toBe(String(shown));
    // The Le Chat story of February 2025 (seeds/companies/mistral-ai.yaml).
    const ids = await page
      .locator('#findings article.finding')
      .evaluateAll((articles) => articles.map((a) => a.getAttribute('data-finding')));
    expect(ids).toEqual(
      expect.arrayContaining([
        'no-way-to-object:mistral-le-chat-free-training-2024',
        expect.stringMatching(/^right-conditioned-on-payment:.*le-chat-free/),
      ]),
    );
    const noWay = page.locator(
      'article.finding[data-finding="no-way-to-object:mistral-le-chat-free-training-2024"]',
    );
    expect(await noWay.locator('.provision').allTextContents()).toEqual(
      expect.arrayContaining(['Art. 21(1)', 'Art. 6(1)(f)']),
    );
    const links = await noWay
      .locator('.finding-sources a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^https?:\/\//);
    expect(await noWay.locator('.finding-sources li.dispute').count()).toBeGreaterThan(0);
  });

  it("draws each company's timeline, with what came after the date set apart", async () => {
    const mistral = page.locator('#timeline .company-timeline[data-company="mistral-ai"]');
    const complaint = mistral.locator(
      'li.entry[data-entry="incident:cnil-complaint-mistral-le-chat-2025"]',
    );
    expect(await complaint.count()).toBe(1);
    // The complaint of 10 February 2025 is later than 1 February 2025.
    expect(await complaint.getAttribute('class')).toContain('later');
    const change = mistral.locator('li.entry-practice_changed');
    expect(await change.first().textContent()).toContain(
      'Right to object: UNAVAILABLE -> AVAILABLE',
    );
  });

  it('charts incidents per provision, per authority and per month up to the date', async () => {
    const expected = await api.gql(`{ stats(to: "2025-02-01") {
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
