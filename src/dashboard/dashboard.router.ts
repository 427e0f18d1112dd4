/**
 * The built-in dashboard at /dashboard: a page that reads everything it shows from the public
 * GraphQL endpoint, like any third-party client. Its modules are compiled from ./client into
 * dist/dashboard/assets at build time and served from there, with no CDN.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { PROJECT_ROOT } from '../config';
import { DASHBOARD_CSS, dashboardPage } from './dashboard.page';
import { REVIEW_CSS, reviewPage } from './review.page';

/** Where `npm run build:dashboard` writes the browser modules. */
export const DASHBOARD_ASSETS_DIR = path.join(PROJECT_ROOT, 'dist', 'dashboard', 'assets');

const ASSETS_PATH = '/dashboard/assets';

/** Same-origin only: the page loads its own modules and style sheet and talks to /graphql. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface DashboardOptions {
  /** The compiled browser modules; DASHBOARD_ASSETS_DIR unless a test says otherwise. */
  assetsDir?: string;
}

export function dashboardRouter(options: DashboardOptions = {}): Router {
  const assetsDir = options.assetsDir ?? DASHBOARD_ASSETS_DIR;
  const router = express.Router();
  const page =
    (html: string, module: string): express.RequestHandler =>
    (_req, res) => {
      if (!existsSync(path.join(assetsDir, module))) {
        res
          .status(503)
          .type('text')
          .send(
            `The dashboard is not built: run \`npm run build\` (or \`npm run build:dashboard\`), which writes ${path.relative(PROJECT_ROOT, assetsDir)}.\n`,
          );
        return;
      }
      res.set('content-security-policy', CONTENT_SECURITY_POLICY).type('html').send(html);
    };

  router.get('/dashboard', page(dashboardPage(ASSETS_PATH), 'main.js'));
  // Curators review proposals here, with their key (kept in the tab's session storage).
  router.get('/dashboard/review', page(reviewPage(ASSETS_PATH), 'review.js'));
  router.get(`${ASSETS_PATH}/dashboard.css`, (_req, res) => {
    res.type('css').set('cache-control', 'no-cache').send(DASHBOARD_CSS);
  });
  router.get(`${ASSETS_PATH}/review.css`, (_req, res) => {
    res.type('css').set('cache-control', 'no-cache').send(REVIEW_CSS);
  });
  // The modules import each other by relative URL (./matrix.js, ./gql/index.js).
  router.use(
    ASSETS_PATH,
    express.static(assetsDir, {
      index: false,
      redirect: false,
      fallthrough: false,
      // Revalidate (ETag) on every load, so that a rebuilt dashboard is never half old.
      cacheControl: true,
      maxAge: 0,
      setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff'),
    }),
  );
  return router;
}
