/**
 * The dashboard suites' browser: Debian's Chromium driven by playwright-core (no browser
 * download), one launch per suite. CHROMIUM_PATH overrides where it is installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { PROJECT_ROOT } from '../helpers/graph';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, 'test', 'artifacts');

/** Screenshots of the dashboard at laptop size, for a reader to look at; kept out of git like ARTIFACTS_DIR. */
export const SCREENSHOTS_DIR = path.join(PROJECT_ROOT, 'test', 'dashboard', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * How long a browser suite's setup may take: it seeds the graph, compiles the client with tsc
 * (in the worker, blocking it) and starts Chromium, about 15 s alone; beside a heavy suite on the
 * other Jest worker of a two-core machine it took over a minute on CI.
 */
export const BROWSER_SETUP_MS = 180_000;

/** Compiles the dashboard's browser modules as `npm run build` does, so the suite serves current code. */
export function buildDashboardAssets(): void {
  execFileSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      '-p',
      path.join(PROJECT_ROOT, 'src', 'dashboard', 'client', 'tsconfig.json'),
    ],
    { cwd: PROJECT_ROOT, stdio: 'pipe' },
  );
}
