/**
 * The dashboard without a browser: pace and burn-up from timestamps, safe Markdown, the server's
 * refusals (foreign Host and Origin, other methods, paths outside the workspace), live events when a
 * plan changes on disk, and the static report.
 */
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { burnUp, datedEntries, paceOf } from '../src/core/pace.js';
import { parsePlan } from '../src/core/parse.js';
import { renderMarkdown } from '../src/formatters/html/markdown.js';
import type { Dashboard } from '../src/server/http.js';
import { runCli, tempRepo } from './helpers.js';
import { dashboardWorkspace, HOSTILE, PLANS, startTestDashboard } from './helpers/dashboard.js';
import { gitRepo } from './helpers/git-repo.js';
import { dashboardSource } from '../src/usecases/dashboard.js';
import { openWorkspace } from '../src/workspace/workspace.js';
import { GOOD } from './rules/helpers.js';

const running: Dashboard[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close();
});

async function serve(root: string): Promise<Dashboard> {
  const d = await startTestDashboard(root);
  running.push(d);
  return d;
}

/** A raw HTTP request, so the Host and Origin headers are exactly the test's. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers: { Host: u.host, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('pace and burn-up', () => {
  const plan = parsePlan(`# P

## Progress

- [x] (2026-01-01 10:00) One.
- [x] (2026-01-06 10:00) Two.
- [x] (2026-01-07 09:00) Three.
- [x] Four, without a stamp.
- [ ] (2026-01-07 11:00) Five, open.

## Decision Log

- Decision: Later one.
  Rationale: r.
  Date/Author: 2026-01-06 / A
- Decision: Earlier one.
  Rationale: r.
  Date/Author: 2026-01-02 / B
`);

  it('counts the items done in the last seven days', () => {
    expect(paceOf(plan, Date.parse('2026-01-09T12:00:00Z'))).toEqual({ done: 2, days: 7, perDay: 2 / 7 });
    expect(paceOf(plan, Date.parse('2026-02-01T00:00:00Z')).done).toBe(0);
  });

  it('counts done items up in timestamp order, leaving undated ones out', () => {
    expect(burnUp(plan).map((p) => p.done)).toEqual([1, 2, 3]);
    expect(burnUp(plan)[2]!.epoch).toBe(Date.parse('2026-01-07T09:00:00Z'));
  });

  it('orders log entries by their dates', () => {
    expect(datedEntries(plan).map((e) => [e.date, e.title])).toEqual([
      ['2026-01-02', 'Earlier one.'],
      ['2026-01-06', 'Later one.'],
    ]);
  });
});

describe('Markdown on the dashboard', () => {
  const links = { file: (p: string) => `/file/${p}`, exists: (p: string) => p === 'src/http.ts' || p === 'src/upload.ts' };
  const out = renderMarkdown(HOSTILE, `.agent/execplans/${PLANS.hostile}.md`, links);

  it('shows raw HTML as text', () => {
    expect(out).not.toMatch(/<script|<img|<b /i);
    expect(out).toContain('&lt;script&gt;');
  });

  it('keeps no link with a scheme that runs or embeds', () => {
    expect(out).not.toMatch(/href="(javascript|data):/i);
  });

  it('sends links and code spans that name repository files to their text', () => {
    expect(out).toContain('href="/file/src/upload.ts"');
    expect(out).toContain('<a class="file-link" href="/file/src/http.ts"><code>src/http.ts</code></a>');
  });

  it('gives every block the id of its first line', () => {
    const lines = HOSTILE.split('\n');
    expect(out).toContain(`id="L${lines.indexOf('## Progress') + 1}"`);
  });
});

describe('execplan serve', () => {
  it('lists the plans with their progress, lint status and a transcript exit code', async () => {
    const { root } = dashboardWorkspace();
    const d = await serve(root);
    const overview = await get(d.url);
    expect(overview.status).toBe(200);
    expect(overview.body).toContain('Add retry to the upload client');
    expect(overview.body).toMatch(/aria-label="1 of 2 items done"/);
    const plan = await get(`${d.url}plan/${PLANS.retry}`);
    expect(plan.status).toBe(200);
    expect(plan.body).toMatch(/<code>npm test<\/code><\/td><td data-label="Exit code"><span class="bad">1<\/span>/);
    const transcript = await get(`${d.url}artifact/${PLANS.retry}/npm-test.log`);
    expect(transcript.body).toContain('1 failing &lt;script&gt;x&lt;/script&gt;');
    expect(plan.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it("refuses a Host or an Origin that is not its own, another site's fetch, and anything but GET", async () => {
    const { root } = dashboardWorkspace();
    const d = await serve(root);
    const port = new URL(d.url).port;
    expect((await get(d.url, { Host: `evil.example:${port}` })).status).toBe(403);
    expect((await get(d.url, { Host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(403);
    expect((await get(d.url, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(d.url, { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'cors' })).status).toBe(403);
    expect((await get(d.url, { Origin: `http://localhost:${port}` })).status).toBe(200);
    const post = await get(d.url, {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('serves nothing outside the workspace, nor from .git', async () => {
    const { root, write } = dashboardWorkspace();
    const outside = tempRepo({ git: false });
    writeFileSync(path.join(outside, 'secret.txt'), 'secret\n');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
    symlinkSync(outside, path.join(root, 'elsewhere'));
    write('.git/config', '[remote]\n');
    const d = await serve(root);
    for (const p of ['file/..%2F..%2Fetc%2Fpasswd', 'file/%2e%2e/secret.txt', 'file/link.txt', 'file/elsewhere/secret.txt', 'file/.git/config', 'file/src', 'plan/..%2F..%2Fx', 'artifact/x/..%2F..%2Fpackage.json']) {
      const r = await get(`${d.url}${p}`);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
    expect((await get(`${d.url}file/src/upload.ts`)).status).toBe(200);
  });

  it('tells open pages when a plan changes on disk', async () => {
    const { root } = dashboardWorkspace();
    const d = await serve(root);
    const u = new URL(`${d.url}events`);
    const got = new Promise<string>((resolve, reject) => {
      const req = request({ host: u.hostname, port: u.port, path: u.pathname, headers: { Host: u.host } }, (res) => {
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          buf += c;
          if (buf.includes(': connected')) void runCli(['progress', PLANS.retry, 'done', '2'], { cwd: root });
          if (buf.includes('event: change')) {
            req.destroy();
            resolve(buf);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(await got).toMatch(/event: change\ndata: \{"at":/);
    expect((await get(d.url)).body).toMatch(/aria-label="2 of 2 items done"/);
  });
});

describe('the dashboard over git', () => {
  it('flags drift and overlap, lists other branches, and draws the plan\'s history', async () => {
    const repo = gitRepo();
    repo.write('src/upload.ts', '// v1\n');
    repo.write('src/http.ts', '// v1\n');
    repo.write(`.agent/execplans/${PLANS.retry}.md`, GOOD);
    repo.write('.agent/execplans/2026-01-06_share-the-http-client.md', GOOD.replace('# Add retry to the upload client', '# Share the HTTP client'));
    repo.commitAll('Plans', '2026-01-05T10:00:00Z');
    repo.write(`.agent/execplans/${PLANS.retry}.md`, GOOD.replace('- [ ] Add the retry loop to `src/upload.ts`.', '- [x] (2026-01-06 09:00) Add the retry loop to `src/upload.ts`.\n- [ ] Document the retries.'));
    repo.commitAll('Tick the retry loop', '2026-01-06T09:00:00Z');
    // The code moves on without the plan.
    repo.write('src/upload.ts', '// v2\n');
    repo.commitAll('Change the upload client', '2026-01-07T09:00:00Z');
    repo.git('branch', 'other');
    repo.git('checkout', '-q', 'other');
    repo.write('.agent/execplans/2026-01-07_only-on-the-other-branch.md', GOOD.replace('# Add retry to the upload client', '# Only on the other branch'));
    repo.commitAll('A plan of its own', '2026-01-07T10:00:00Z');
    repo.git('checkout', '-q', 'main');

    const source = dashboardSource(openWorkspace(repo.root), { now: () => new Date('2026-01-08T12:00:00Z'), tzOffsetMinutes: 0, branches: true, env: repo.env });
    const overview = await source.overview();
    const retry = overview.plans.find((p) => p.id === PLANS.retry && p.local)!;
    expect(retry.branch).toBe('main');
    // The same bytes on both branches and on disk: one row, the local one.
    expect(overview.plans.filter((p) => p.id === PLANS.retry)).toHaveLength(1);
    expect(retry.drift).toMatchObject({ files: ['src/upload.ts'], commits: 1 });
    // On this branch, and on the other one.
    expect(retry.overlap).toEqual(['2026-01-06_share-the-http-client', '2026-01-07_only-on-the-other-branch']);
    const other = overview.plans.find((p) => p.id === '2026-01-07_only-on-the-other-branch')!;
    expect(other).toMatchObject({ local: false, branch: 'other', lint: null, pace: null });

    const page = (await source.plan(PLANS.retry))!;
    expect(page.history.map((h) => [h.subject, h.done, h.total])).toEqual([
      ['Plans', 1, 2],
      ['Tick the retry loop', 2, 3],
    ]);
  });
});

describe('execplan report', () => {
  it('writes the pages with relative links and no script from a plan', async () => {
    const { root } = dashboardWorkspace();
    const out = path.join(tempRepo({ git: false }), 'site');
    const r = await runCli(['report', '--out', out, '--json'], { cwd: root });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, plans: 2 });
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain(`href="plan/${PLANS.retry}.html"`);
    expect(index).toContain('data-live="0"');
    const plan = readFileSync(path.join(out, 'plan', `${PLANS.hostile}.html`), 'utf8');
    expect(plan).toContain('href="../file/src/upload.ts.html"');
    // The only script is the report's own.
    expect(plan.match(/<script[^>]*>/gi)).toEqual(['<script src="../assets/app.js" defer>']);
    expect(plan).not.toMatch(/<[a-z][^>]*\son[a-z]+=|href="javascript:/i);
    expect(readdirSync(path.join(out, 'file', 'src')).sort()).toEqual(['http.ts.html', 'upload.ts.html']);
    expect(readFileSync(path.join(out, 'artifact', PLANS.retry, 'npm-test.log.html'), 'utf8')).toContain('1 failing');
    // A second report replaces the first.
    expect((await runCli(['report', '--out', out], { cwd: root })).code).toBe(0);
  });

  it('refuses a folder that holds other files, unless --force', async () => {
    const { root } = dashboardWorkspace();
    const out = tempRepo({ git: false });
    mkdirSync(path.join(out, 'keep'));
    writeFileSync(path.join(out, 'notes.txt'), 'mine\n');
    const r = await runCli(['report', '--out', out], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/holds no execplan report.*--force/);
    expect(readdirSync(out).sort()).toEqual(['keep', 'notes.txt']);
    expect((await runCli(['report', '--out', out, '--force'], { cwd: root })).code).toBe(0);
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine\n');
  });
});

// The clean plan from the rule tests is the first plan of the dashboard workspace.
void GOOD;
