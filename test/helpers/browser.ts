/**
 * Chromium (playwright-core) for the dashboard's browser tests: one browser per test file, a
 * dashboard over a fresh workspace per page, everything closed after each test.
 */
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Dashboard } from '../../src/server/http.js';
import { dashboardWorkspace, startTestDashboard } from './dashboard.js';
import { BROWSER } from './prerequisites.js';

// The flags a sandboxed machine with no network needs: no background connections, no sandbox as root.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP rebound.test 127.0.0.1'];

/** Register the hooks of a browser test file; `open` gives a page and a dashboard, `others` collects servers to close. */
export function dashboardBrowser(): {
  open(width?: number, colorScheme?: 'light' | 'dark', bypassCSP?: boolean): Promise<{ page: Page; d: Dashboard; root: string }>;
  others: Server[];
} {
  let browser: Browser | undefined;
  const running: Dashboard[] = [];
  const others: Server[] = [];
  beforeAll(async () => {
    if (BROWSER.present) browser = await chromium.launch({ executablePath: BROWSER.path, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    while (running.length) await running.pop()!.close();
    while (others.length) others.pop()!.close();
  });
  return {
    others,
    async open(width = 1200, colorScheme = 'light', bypassCSP = false) {
      const { root } = dashboardWorkspace();
      const d = await startTestDashboard(root);
      running.push(d);
      const context = await browser!.newContext({ viewport: { width, height: 800 }, colorScheme, bypassCSP });
      return { page: await context.newPage(), d, root };
    },
  };
}
