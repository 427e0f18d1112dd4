/**
 * How the API serves the dashboard (page, modules, content security policy), and that every
 * query the dashboard sends is one the API answers: valid against the schema built from code
 * and within the API's depth and cost limits.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { parse, validate } from 'graphql';
import { createEvents } from '../../src/api/events';
import { buildApiSchema } from '../../src/api/schema';
import { dashboardRouter } from '../../src/dashboard';
import type { Database } from '../../src/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { PROJECT_ROOT, resetGraph, seedCurated, testDatabase } from '../helpers/graph';
import { buildDashboardAssets } from './browser';

/** The documents written in a client file, as the code generator reads them. */
function documentsIn(file: string): { name: string; source: string }[] {
  const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  return [...text.matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => ({
    name: /(?:query|mutation|subscription)\s+(\w+)/.exec(m[1]!)![1]!,
    source: m[1]!,
  }));
}

const CLIENT_DOCUMENTS = [
  ...documentsIn('src/dashboard/client/queries.ts'),
  ...documentsIn('src/api/export/rights-matrix.query.ts'),
];

/** Realistic variables for each operation, as the dashboard and the export send them. */
const VARIABLES: Record<string, Record<string, unknown>> = {
  DashboardCompanies: {},
  DashboardCompanyPurposes: { company: 'mistral-ai' },
  // Every company and right: the largest page the dashboard asks for.
  DashboardMatrix: {
    asOf: '2025-02-12',
    scope: 'EEA',
    purpose: 'ai-model-training',
    companies: null,
    rights: null,
  },
  DashboardCell: {
    asOf: '2025-02-12',
    scope: 'EEA',
    purpose: 'ai-model-training',
    company: 'mistral-ai',
    right: 'OBJECT',
  },
  DashboardFindings: { asOf: '2025-02-12', scope: 'EEA' },
  DashboardTimeline: { company: 'mistral-ai' },
  DashboardStats: { to: '2025-02-01' },
  RightsMatrixExport: { asOf: '2025-02-01', purpose: 'ai-model-training' },
};

describe('the dashboard as the API serves it', () => {
  let db: Database;
  let api: TestApi;
  let origin: string;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await seedCurated(db);
    buildDashboardAssets();
    api = await startTestApi(db);
    origin = new URL(api.url).origin;
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('serves the page with a same-origin content security policy and its module entry', async () => {
    const res = await fetch(`${origin}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/dashboard/assets/main.js">');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('serves the compiled modules and the style sheet, and nothing outside the assets', async () => {
    for (const asset of ['main.js', 'matrix.js', 'gql/gql.js', 'gql/graphql.js']) {
      const res = await fetch(`${origin}/dashboard/assets/${asset}`);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
      expect(res.headers.get('content-type')).toMatch(/javascript/);
    }
    const css = await fetch(`${origin}/dashboard/assets/dashboard.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const escape = await fetch(`${origin}/dashboard/assets/%2e%2e%2f%2e%2e%2fpackage.json`);
    expect([403, 404]).toContain(escape.status);
    expect(await escape.text()).not.toContain('"name": "gdpr-rights-graph"');
  });

  it('says how to build the dashboard when its modules are missing', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'dashboard-'));
    const app = express().use(dashboardRouter({ assetsDir: empty }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const res = await fetch(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/dashboard`,
      );
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    } finally {
      server.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('sends only queries that the schema built from code validates', async () => {
    const schema = await buildApiSchema(createEvents());
    expect(CLIENT_DOCUMENTS.map((d) => d.name).sort()).toEqual(Object.keys(VARIABLES).sort());
    for (const doc of CLIENT_DOCUMENTS) {
      const errors = validate(schema, parse(doc.source)).map((e) => e.message);
      expect({ operation: doc.name, errors }).toEqual({ operation: doc.name, errors: [] });
    }
  });

  it('sends only queries that the API answers within its depth and cost limits', async () => {
    for (const doc of CLIENT_DOCUMENTS) {
      const res = await api.gql(doc.source, VARIABLES[doc.name]);
      expect({ operation: doc.name, errors: res.errors ?? [] }).toEqual({
        operation: doc.name,
        errors: [],
      });
    }
  });
});
