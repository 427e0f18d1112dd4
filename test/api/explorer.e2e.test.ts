/**
 * The explorer (GraphiQL at /explorer) in a real headless Chromium under the default limits:
 * it introspects the schema with GraphiQL's standard query, shows the docs (root types, a
 * type's fields) and runs its example query.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { EXAMPLE_QUERY } from '../../src/api/explorer/explorer';
import type { Database } from '../../src/db';
import { ARTIFACTS_DIR, launchChromium } from '../dashboard/browser';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, seedCurated, testDatabase } from '../helpers/graph';

describe('the explorer in a browser', () => {
  let db: Database;
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const answers: { status: number; body: string }[] = [];

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    // The default limits (depth 8, introspection on), as `npm start` serves them.
    api = await startTestApi(db);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('response', (r) => {
      if (r.url().endsWith('/graphql') && r.request().method() === 'POST') {
        void r.text().then(
          (body) => answers.push({ status: r.status(), body }),
          () => undefined,
        );
      }
    });
    await page.goto(api.url.replace(/\/graphql$/, '/explorer'));
  });

  afterAll(async () => {
    if (page) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'explorer.png') });
    }
    await browser?.close();
    await api?.close();
    await db?.close();
  });

  it('loads the docs from the introspection query', async () => {
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Root Types').waitFor({ timeout: 15_000 });
    await docs.getByRole('link', { name: 'Query', exact: true }).click();
    await docs.getByText('plansDenyingRight', { exact: true }).first().waitFor();
    await docs.getByText('rightsMatrix', { exact: true }).first().waitFor();
    // Every introspection GraphiQL sent was answered, none refused as too complex.
    const introspections = answers.filter((a) => a.body.includes('__schema'));
    expect(introspections.length).toBeGreaterThan(0);
    for (const answer of introspections) {
      expect(answer.status).toBe(200);
      expect(answer.body).not.toMatch(/"errors"/);
    }
    expect(pageErrors).toEqual([]);
  });

  it('runs its example query', async () => {
    await page.getByRole('button', { name: /Execute query/ }).click();
    const result = page.locator('.graphiql-response');
    await result.getByText('"totalCount"').waitFor({ timeout: 15_000 });
    const text = (await result.textContent()) ?? '';
    // The editor shows only the lines in view: the start of the answer the API gives directly.
    const direct = await api.gql(EXAMPLE_QUERY);
    expect(direct.errors).toBeUndefined();
    expect(text).toContain(`"totalCount": ${direct.data!.plansDenyingRight.totalCount}`);
    expect(text).toContain(`"name": "${direct.data!.plansDenyingRight.nodes[0].company.name}"`);
    expect(text).not.toContain('"errors"');
  });
});
