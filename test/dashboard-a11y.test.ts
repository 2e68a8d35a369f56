/**
 * The dashboard's accessibility in a real browser (Chromium driven by playwright-core): an automated
 * audit (axe-core) wide and light, narrow (375 pixels) and dark, and keyboard use. A file of its own
 * beside test/dashboard-browser.test.ts, so the two run side by side.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../src/server/http.js';
import { PLANS } from './helpers/dashboard.js';
import { dashboardBrowser } from './helpers/browser.js';
import { BROWSER, need } from './helpers/prerequisites.js';

const SHOTS = path.resolve(fileURLToPath(new URL('../test-results/screenshots', import.meta.url)));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const { open } = dashboardBrowser();

/** Serious and critical accessibility violations on the page, as `rule: target` lines. */
async function audit(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate("axe.run({ resultTypes: ['violations'] })")) as { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the dashboard in Chromium, for everyone', () => {
  it('has no serious accessibility violation, light or dark, wide or 375 pixels wide', async (ctx) => {
    need(ctx, BROWSER);
    const pages = (d: Dashboard) => ({ overview: d.url, plan: `${d.url}plan/${PLANS.retry}` });
    // Wide and light, then narrow and dark: both pages audited in each.
    for (const [width, scheme, which] of [[1200, 'light', ['overview', 'plan']], [375, 'dark', ['overview', 'plan']]] as const) {
      const { page, d } = await open(width, scheme, true);
      for (const url of which.map((w) => pages(d)[w])) {
        await page.goto(url);
        expect(await audit(page), `${url} at ${width}px, ${scheme}`).toEqual([]);
        // Nothing runs off the side of a narrow window.
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1'), `${url} at ${width}px`).toBe(true);
      }
      if (scheme === 'dark') expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(13, 17, 23)');
      if (width === 375) mkdirSync(SHOTS, { recursive: true });
      if (width === 375) await page.screenshot({ path: path.join(SHOTS, 'plan-375.png'), fullPage: true });
    }
  });

  it('works from the keyboard: skip link, sorting, opening a plan', async (ctx) => {
    need(ctx, BROWSER);
    const { page, d } = await open();
    await page.goto(d.url);
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement?.textContent')).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('main');
    // Tab to the Progress column's sort button and sort by it.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate("document.activeElement?.getAttribute('data-sort')")) === 'progress') break;
    }
    await page.keyboard.press('Enter');
    await expect(page.locator('th[data-key="progress"]').getAttribute('aria-sort')).resolves.toBe('ascending');
    await page.keyboard.press('Enter');
    await expect(page.locator('th[data-key="progress"]').getAttribute('aria-sort')).resolves.toBe('descending');
    const first = await page.locator('tbody tr').first().locator('a').textContent();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate('document.activeElement?.tagName')) === 'A' && (await page.evaluate("document.activeElement?.closest('tbody') !== null"))) break;
    }
    await expect(page.evaluate('document.activeElement?.textContent')).resolves.toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/plan\//);
  });
});
