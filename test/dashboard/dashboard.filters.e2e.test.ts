/**
 * The dashboard on a 1366x768 laptop screen, filtered as a reader would: a company found by
 * typing in the company search box, a purpose, tiers, rights and a scope. Checks that the six
 * statuses read in words, shapes and greyscale-distinct colours, that the matrix scrolls in its
 * own area under a sticky header row and plan column, and saves full-size screenshots to
 * test/dashboard/screenshots/ for a reader to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, seedCurated, testDatabase } from '../helpers/graph';
import { BROWSER_SETUP_MS, buildDashboardAssets, launchChromium, SCREENSHOTS_DIR } from './browser';

const LAPTOP = { width: 1366, height: 768 };
const LE_CHAT_FREE_OBJECT = 'button.cell[data-plan="le-chat-free"][data-right="OBJECT"]';

describe('the dashboard filtered on a laptop screen', () => {
  let db: Database;
  let api: TestApi;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    buildDashboardAssets();
    api = await startTestApi(db);
    origin = new URL(api.url).origin;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: LAPTOP, locale: 'en-GB', timezoneId: 'UTC' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    // Any purpose at first: the test picks one, as a reader would.
    await page.goto(`${origin}/dashboard?asOf=2025-02-12&purpose=`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#purpose[data-state="ready"]');
  }, BROWSER_SETUP_MS);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.close();
  });

  /** How far a box is from the top and left of the matrix's scroll area. */
  async function offsetInMatrix(selector: string): Promise<{ top: number; left: number }> {
    return page.evaluate((sel) => {
      const scroller = document.querySelector('.matrix-scroll')!.getBoundingClientRect();
      const box = document.querySelector(sel)!.getBoundingClientRect();
      return { top: box.top - scroller.top, left: box.left - scroller.left };
    }, selector);
  }

  it('fits the page to the screen: only the matrix scrolls, under a sticky header row', async () => {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const scroller = await page.locator('.matrix-scroll').boundingBox();
    expect(scroller!.y + scroller!.height).toBeLessThanOrEqual(LAPTOP.height);

    const header = 'table.matrix thead th.col-right[data-right="OBJECT"]';
    const before = await offsetInMatrix(header);
    await page.locator('.matrix-scroll').evaluate((el) => el.scrollTo({ top: 900 }));
    expect(await page.locator('.matrix-scroll').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect((await offsetInMatrix(header)).top).toBeCloseTo(before.top, 0);
    await page.locator('.matrix-scroll').evaluate((el) => el.scrollTo({ top: 0 }));
  });

  it('keeps the plan column in view when the matrix scrolls sideways on a narrower window', async () => {
    await page.setViewportSize({ width: 900, height: LAPTOP.height });
    const scrollable = await page
      .locator('.matrix-scroll')
      .evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(scrollable).toBeGreaterThan(0);
    const plan = 'table.matrix tbody tr.plan-row th.plan';
    const before = await offsetInMatrix(plan);
    await page.locator('.matrix-scroll').evaluate((el) => el.scrollTo({ left: 300 }));
    expect((await offsetInMatrix(plan)).left).toBeCloseTo(before.left, 0);
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await page.locator('.matrix-scroll').evaluate((el) => el.scrollTo({ left: 0 }));
    await page.setViewportSize(LAPTOP);
  });

  it('finds a company by typing in the company search box, and shows only its plans', async () => {
    await page.click('#company-search');
    await page.fill('#company-search', 'mistr');
    const visible = await page
      .locator('#company-options li:not([hidden])')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-company')));
    expect(visible).toEqual(['mistral-ai']);
    // Enter ticks the first company that matches.
    await page.press('#company-search', 'Enter');
    await page.waitForSelector('table.matrix[data-companies="mistral-ai"]');
    await page.waitForSelector('#matrix[data-state="ready"]');
    expect(await page.locator('#company-picker .chip').allTextContents()).toEqual(['Mistral AI ×']);
    const companies = await page
      .locator('table.matrix tr.plan-row')
      .evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-company')))]);
    expect(companies).toEqual(['mistral-ai']);
    expect(new URL(page.url()).searchParams.get('companies')).toBe('mistral-ai');
  });

  it('filters by purpose, and shows the cells of that purpose with their status in words', async () => {
    await page.selectOption('#purpose', 'ai-model-training');
    await page.waitForSelector(
      'table.matrix[data-companies="mistral-ai"][data-purpose="ai-model-training"]',
    );
    await page.waitForSelector('#matrix[data-state="ready"]');
    const expected = await api.gql(
      `{ rightsMatrix(asOf: "2025-02-12", companies: ["mistral-ai"], purpose: "ai-model-training") {
        totalCount rows { plan { id } cells { right status } } } }`,
    );
    const matrix = expected.data!.rightsMatrix;
    expect(await page.locator('table.matrix tr.plan-row').count()).toBe(matrix.totalCount);

    const cells = await page.$$eval('button.cell', (buttons) =>
      buttons.map((b) => ({
        plan: b.getAttribute('data-plan'),
        right: b.getAttribute('data-right'),
        status: b.getAttribute('data-status'),
        words: b.querySelector('.status-text')?.textContent,
      })),
    );
    const words = new Map(cells.map((c) => [c.status, c.words]));
    expect(Object.fromEntries(words)).toEqual(
      expect.objectContaining({
        IN_PRODUCT: 'in product',
        ON_REQUEST: 'on request',
        PAID_ONLY: 'paid only',
        NOT_APPLICABLE: 'not applicable',
        UNKNOWN: 'unknown',
      }),
    );
    // Each cell as the API says it.
    const answered = matrix.rows.flatMap((r: any) =>
      r.cells.map((c: any) => ({ plan: r.plan.id, right: c.right, status: c.status })),
    );
    expect(cells.map(({ plan, right, status }) => ({ plan, right, status }))).toEqual(answered);
    // Le Chat Free's right to object cost a Pro subscription on that date, as the complaint says.
    expect(await page.locator(LE_CHAT_FREE_OBJECT).getAttribute('data-status')).toBe('PAID_ONLY');
    expect(await page.locator(`${LE_CHAT_FREE_OBJECT} .status-text`).textContent()).toBe(
      'paid only',
    );
  });

  it('tells the six statuses apart in greyscale: by lightness, hatching or a dashed edge, and by shape', async () => {
    const looks = await page.$$eval('#legend li[data-status]', (items) =>
      items.map((li) => {
        const swatch = li.querySelector('.swatch')!;
        const style = getComputedStyle(swatch);
        const [r, g, b] = (style.backgroundColor.match(/\d+(\.\d+)?/g) ?? []).map(Number);
        // Relative luminance (WCAG), what a greyscale print keeps of a colour.
        const lin = (c = 0) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return {
          status: li.getAttribute('data-status'),
          luminance: 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b),
          pattern: style.backgroundImage !== 'none',
          dashed: style.outlineStyle === 'dashed',
          icon: swatch.querySelector('svg')?.getAttribute('data-icon'),
          shape: swatch.querySelector('svg')?.innerHTML,
        };
      }),
    );
    expect(looks.map((l) => l.status)).toEqual([
      'IN_PRODUCT',
      'ON_REQUEST',
      'PAID_ONLY',
      'UNAVAILABLE',
      'NOT_APPLICABLE',
      'UNKNOWN',
    ]);
    for (const l of looks) expect(l.icon).toBe(l.status);
    expect(new Set(looks.map((l) => l.shape)).size).toBe(6);
    // The four plain fills go from light to dark, each a clear step from the next.
    const plain = looks.slice(0, 4).map((l) => l.luminance);
    for (let i = 1; i < plain.length; i++) expect(plain[i - 1]! - plain[i]!).toBeGreaterThan(0.15);
    expect(looks[4]).toMatchObject({ status: 'NOT_APPLICABLE', pattern: true });
    expect(looks[5]).toMatchObject({ status: 'UNKNOWN', dashed: true });
  });

  it('shows, on a click, who claims what side by side: the practice and Mistral AI', async () => {
    await page.click(LE_CHAT_FREE_OBJECT);
    const detail = page.locator('#cell-detail[data-state="ready"][data-plan="le-chat-free"]');
    await detail.waitFor();
    const stated = detail.locator('.claim-stated');
    const disputed = detail.locator('.claim-disputed[data-claimed-by="Mistral AI"]');
    expect(await stated.locator('.status-pill').getAttribute('data-status')).toBe('PAID_ONLY');
    expect(await disputed.locator('.status-pill').getAttribute('data-status')).toBe('ON_REQUEST');
    expect(await disputed.locator('.status-pill .status-text').textContent()).toBe('on request');
    const publishers = await disputed.locator('li.dispute .publisher').allTextContents();
    expect(publishers).toEqual(expect.arrayContaining(["L'Éclaireur Fnac", 'Mac4Ever']));
    // Side by side: the two claims share a row.
    const left = (await stated.boundingBox())!;
    const right = (await disputed.boundingBox())!;
    expect(Math.abs(left.y - right.y)).toBeLessThan(2);
    expect(right.x).toBeGreaterThanOrEqual(left.x + left.width);
    // The detail stays on screen beside the matrix.
    const panel = (await page.locator('#cell-detail').boundingBox())!;
    expect(panel.x + panel.width).toBeLessThanOrEqual(LAPTOP.width);
  });

  it('filters by tier (in the page) and by right (the columns)', async () => {
    await page.click('#tier-picker summary');
    await page.check('#tier-picker input[value="FREE"]');
    await page.waitForSelector('table.matrix[data-rows="1"]');
    expect(
      await page
        .locator('table.matrix tr.plan-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tier'))),
    ).toEqual(['FREE']);
    expect(await page.locator('#tier-picker .picker-value').textContent()).toBe('Free');
    await page.uncheck('#tier-picker input[value="FREE"]');
    await page.click('h2#matrix-heading');

    await page.click('#right-picker summary');
    await page.check('#right-picker input[value="OBJECT"]');
    await page.waitForFunction(
      () => document.querySelectorAll('table.matrix thead th.col-right').length === 1,
    );
    expect(await page.getAttribute('table.matrix thead th.col-right', 'data-right')).toBe('OBJECT');
    expect(new URL(page.url()).searchParams.get('rights')).toBe('OBJECT');
    // The chosen cell is still shown, so its evidence stays.
    expect(await page.getAttribute(LE_CHAT_FREE_OBJECT, 'aria-pressed')).toBe('true');
    await page.uncheck('#right-picker input[value="OBJECT"]');
    await page.waitForFunction(
      () => document.querySelectorAll('table.matrix thead th.col-right').length === 9,
    );
    await page.click('h2#matrix-heading');
  });

  it('takes full-size screenshots of the filtered dashboard, in colour and in greyscale', async () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.waitForSelector('#findings[data-state="ready"]');
    await page.waitForSelector('#timeline[data-state="ready"]');
    await page.waitForSelector('#charts[data-state="ready"]');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: path.join(SCREENSHOTS_DIR, 'dashboard-1366x768.png'),
    });
    await page.screenshot({
      path: path.join(SCREENSHOTS_DIR, 'dashboard-1366x768-full.png'),
      fullPage: true,
    });
    await page.evaluate(() => (document.documentElement.style.filter = 'grayscale(1)'));
    await page.screenshot({
      path: path.join(SCREENSHOTS_DIR, 'dashboard-1366x768-greyscale.png'),
    });
    await page.evaluate(() => (document.documentElement.style.filter = ''));
  });

  it('shows the findings of the company chosen, each with its standing beside its explanation', async () => {
    const findings = page.locator('#findings article.finding');
    const companies = await findings.evaluateAll((articles) => [
      ...new Set(articles.map((a) => a.getAttribute('data-company'))),
    ]);
    expect(companies).toEqual(['mistral-ai']);
    const paid = page.locator(
      'article.finding[data-finding="right-conditioned-on-payment:mistral-le-chat-free-training-2024:le-chat-free:OBJECT"]',
    );
    expect(await paid.locator('.standing-text').textContent()).toBe('Alleged');
    expect(await paid.locator('.legal-basis').textContent()).toBe(
      'Legal basis: Legitimate interests',
    );
    const standing = (await paid.locator('.standing').boundingBox())!;
    const explanation = (await paid.locator('.explanation').boundingBox())!;
    expect(explanation.x).toBeGreaterThanOrEqual(standing.x + standing.width);
    expect(Math.abs(explanation.y - standing.y)).toBeLessThan(4);
  });

  it('asks for another scope: the Le Chat practices stated for the EEA say nothing for the UK', async () => {
    await page.selectOption('#scope', 'UK');
    await page.waitForSelector('table.matrix[data-scope="UK"]');
    await page.waitForSelector('#matrix[data-state="ready"]');
    expect(await page.locator(LE_CHAT_FREE_OBJECT).getAttribute('data-status')).toBe('UNKNOWN');
    expect(await page.locator('.matrix-summary').textContent()).toContain('in the United Kingdom');
    expect(new URL(page.url()).searchParams.get('scope')).toBe('UK');
    await page.selectOption('#scope', 'EEA');
    await page.waitForSelector('table.matrix[data-scope="EEA"]');
  });

  it('stops filtering by company when its chip is removed', async () => {
    await page.click('#company-picker .chip[data-company="mistral-ai"]');
    await page.waitForSelector('table.matrix[data-companies=""]');
    await page.waitForSelector('#matrix[data-state="ready"]');
    const expected = await api.gql(
      '{ rightsMatrix(asOf: "2025-02-12", purpose: "ai-model-training") { totalCount } }',
    );
    expect(await page.locator('table.matrix tr.plan-row').count()).toBe(
      expected.data!.rightsMatrix.totalCount,
    );
    expect(pageErrors).toEqual([]);
  });
});
