/**
 * The dashboard in a real browser (Chromium driven by playwright-core): the overview's progress, a
 * change made with the command line showing on the open page without a reload, requests from
 * another site and under another host name refused, and a hostile plan running nothing. Screenshots
 * of both pages are saved in test-results/screenshots/. Accessibility and keyboard use are in
 * test/dashboard-a11y.test.ts.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { PLANS } from './helpers/dashboard.js';
import { dashboardBrowser } from './helpers/browser.js';
import { BROWSER, need } from './helpers/prerequisites.js';

const SHOTS = path.resolve(fileURLToPath(new URL('../test-results/screenshots', import.meta.url)));
const { open, others } = dashboardBrowser();


describe('the dashboard in Chromium', () => {
  it('lists the plans with their progress, and saves screenshots of both pages', async (ctx) => {
    need(ctx, BROWSER);
    const { page, d } = await open();
    await page.goto(d.url);
    const row = page.locator('tr', { hasText: 'Add retry to the upload client' });
    await expect(row.locator('progress').getAttribute('value')).resolves.toBe('1');
    await expect(row.locator('progress').getAttribute('max')).resolves.toBe('2');
    await expect(row.locator('.count').textContent()).resolves.toBe('1/2');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'overview.png'), fullPage: true });
    await row.locator('a').click();
    await page.waitForURL(/\/plan\//);
    await expect(page.locator('h1').textContent()).resolves.toBe('Add retry to the upload client');
    await expect(page.locator('.markdown h3').first().textContent()).resolves.toBe('Add retry to the upload client');
    await expect(page.locator('.chart title').first().textContent()).resolves.toContain('Burn-up');
    await page.screenshot({ path: path.join(SHOTS, 'plan.png'), fullPage: true });
  });

  it('shows a progress done from the command line on the open page, without a reload', async (ctx) => {
    need(ctx, BROWSER);
    const { page, d, root } = await open();
    await page.goto(d.url);
    await page.evaluate('window.kept = 42');
    const updated = page.evaluate("new Promise((resolve) => document.addEventListener('execplan:updated', () => resolve(true), { once: true }))");
    await page.waitForFunction("document.querySelector('.live-status') !== null");
    // The page opens its event stream as it loads; give the change to a page already listening.
    await page.waitForTimeout(200);
    expect((await runCli(['progress', PLANS.retry, 'done', '2'], { cwd: root })).code).toBe(0);
    await updated;
    const row = page.locator('tr', { hasText: 'Add retry to the upload client' });
    await expect(row.locator('.count').textContent()).resolves.toBe('2/2');
    await expect(page.evaluate('window.kept')).resolves.toBe(42);
  });

  it('refuses a page of another site and a host name that is not its own', async (ctx) => {
    need(ctx, BROWSER);
    const { page, d } = await open();
    const foreign = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><title>other site</title><script>fetch(${JSON.stringify(d.url + 'api/overview')}).then(r => r.text()).then(t => document.title = 'read: ' + t.length, e => document.title = 'blocked');</script>`);
    });
    others.push(foreign);
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', () => r()));
    const port = (foreign.address() as { port: number }).port;
    const statuses: number[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(d.url)) statuses.push(r.status());
    });
    await page.goto(`http://localhost:${port}/`);
    await page.waitForFunction("document.title !== 'other site'");
    await expect(page.title()).resolves.toBe('blocked');
    // A name that resolves to this machine (DNS rebinding) is still not the dashboard's own.
    const rebound = await page.goto(d.url.replace('127.0.0.1', 'rebound.test'));
    expect(rebound?.status()).toBe(403);
    expect(statuses.every((s) => s === 403)).toBe(true);
  });

  it('runs nothing a plan holds', async (ctx) => {
    need(ctx, BROWSER);
    const { page, d } = await open();
    const dialogs: string[] = [];
    page.on('dialog', (dlg) => {
      dialogs.push(dlg.message());
      void dlg.dismiss();
    });
    await page.goto(`${d.url}plan/${PLANS.hostile}`);
    await expect(page.locator('.markdown').textContent()).resolves.toContain("<script>window.__ran = 'script tag'</script>");
    for (const text of ['markup', 'javascript link', 'data link']) await page.getByText(text).first().hover();
    expect(await page.locator('.markdown a[href^="javascript:"], .markdown a[href^="data:"], .markdown script, .markdown img').count()).toBe(0);
    await expect(page.evaluate('window.__ran')).resolves.toBeUndefined();
    expect(dialogs).toEqual([]);
  });

});
