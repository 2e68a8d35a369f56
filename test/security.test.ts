/**
 * Nothing is written outside the repository through a symbolic link the repository holds. Each case
 * plants one link, at one path execplan writes, pointing into a sentinel folder outside the
 * repository; the command must refuse, name the link, and leave the sentinel exactly as it was
 * (every name, type, link target, mode and content hashed before and after).
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addPlan, cli, FINISHED_PLAN, PLAN_ID } from './helpers/lifecycle.js';
import { tempRepo } from './helpers.js';

const sentinels: string[] = [];
afterEach(() => {
  while (sentinels.length) rmSync(sentinels.pop()!, { recursive: true, force: true });
});

/** A folder outside the repository with a file, a sub-folder and a file in it. */
function sentinel(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'execplan-sentinel-'));
  sentinels.push(dir);
  writeFileSync(path.join(dir, 'bashrc'), 'export PATH=/usr/bin\n');
  mkdirSync(path.join(dir, 'dir'));
  writeFileSync(path.join(dir, 'dir', 'keep.txt'), 'keep\n');
  return dir;
}

/** A hash of everything under `dir`: names, types, modes, link targets and contents. */
function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = path.join(rel, name);
      const abs = path.join(dir, r);
      const st = lstatSync(abs);
      h.update(`${r}\0${st.mode}\0`);
      if (st.isSymbolicLink()) h.update(`link:${readlinkSync(abs)}\0`);
      else if (st.isDirectory()) walk(r);
      else h.update(readFileSync(abs)).update('\0');
    }
  };
  walk('');
  return h.digest('hex');
}

/** Make a link at `rel` in the repository pointing at `target` (its folders created). */
function plant(root: string, rel: string, target: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  symlinkSync(target, path.join(root, rel));
}

interface Case {
  name: string;
  /** The command, run at the repository root. */
  args: string[];
  /** Where the link goes (repository-relative) and what it points to in the sentinel. */
  link: string;
  to: 'bashrc' | 'dir' | 'new.txt';
  /** Set up the repository before the link is planted. */
  setup?: (root: string) => void;
  /** Exit code when the refusal is a note and the command otherwise succeeds (a cache not written). */
  code?: number;
}

const plansDir = '.agent/execplans';
const withPlan = (root: string) => {
  addPlan(root);
  writeFileSync(path.join(root, 'execplan.json'), JSON.stringify({ lint: { profile: 'recommended' } }));
};
const artifactsOf = `${plansDir}/artifacts/${PLAN_ID}`;

const CASES: Case[] = [
  { name: 'AGENTS.md', args: ['init', '--agents'], link: 'AGENTS.md', to: 'bashrc' },
  { name: 'AGENTS.md (dangling)', args: ['init', '--agents'], link: 'AGENTS.md', to: 'new.txt' },
  { name: 'CLAUDE.md', args: ['init', '--agents'], link: 'CLAUDE.md', to: 'bashrc', setup: (root) => writeFileSync(path.join(root, 'AGENTS.md'), '# Agents\n') },
  { name: '.agents/ (Codex skills)', args: ['init', '--agents'], link: '.agents', to: 'dir' },
  { name: '.claude/', args: ['init', '--agents'], link: '.claude', to: 'dir' },
  { name: '.claude/skills/', args: ['init', '--agents'], link: '.claude/skills', to: 'dir' },
  { name: '.agent/ (guide and plans)', args: ['init'], link: '.agent', to: 'dir' },
  { name: '.agent/PLANS.md (dangling)', args: ['init'], link: '.agent/PLANS.md', to: 'new.txt' },
  { name: '.agent/PLANS.md (existing file)', args: ['init'], link: '.agent/PLANS.md', to: 'bashrc' },
  { name: 'the plans folder, for new', args: ['new', 'Sneak a plan out'], link: plansDir, to: 'dir', setup: (root) => mkdirSync(path.join(root, '.agent')) },
  { name: 'the artifacts folder, for new', args: ['new', 'Sneak a plan out'], link: `${plansDir}/artifacts`, to: 'dir', setup: (root) => mkdirSync(path.join(root, plansDir), { recursive: true }) },
  { name: '.execplan/ for list', args: ['list'], link: '.execplan', to: 'dir', setup: withPlan, code: 0 },
  { name: '.execplan/cache/ for list', args: ['list'], link: '.execplan/cache', to: 'dir', setup: withPlan, code: 0 },
  { name: 'the list cache file', args: ['list'], link: '.execplan/cache/summaries.json', to: 'bashrc', setup: withPlan, code: 0 },
  { name: "the cache folder's .gitignore", args: ['list'], link: '.execplan/cache/.gitignore', to: 'new.txt', setup: withPlan, code: 0 },
  { name: '.execplan/ for lint --cache', args: ['lint', '--cache'], link: '.execplan', to: 'dir', setup: withPlan },
  { name: 'the lint cache file', args: ['lint', '--cache'], link: '.execplan/cache/lint.json', to: 'bashrc', setup: withPlan },
  { name: 'a --cache-location folder inside', args: ['lint', '--cache', '--cache-location', 'out/cache.json'], link: 'out', to: 'dir', setup: withPlan },
  { name: 'a --output folder inside', args: ['lint', '--output', 'out/report.txt'], link: 'out', to: 'dir', setup: withPlan },
  { name: 'a --output file inside', args: ['lint', '--output', 'report.txt'], link: 'report.txt', to: 'bashrc', setup: withPlan },
  { name: 'the plan file', args: ['progress', '2026-01-06_linked', 'add', 'Written through a link.'], link: `${plansDir}/2026-01-06_linked.md`, to: 'bashrc', setup: withPlan },
  { name: "the plan's lock folder", args: ['progress', PLAN_ID, 'add', 'Locked through a link.'], link: `${plansDir}/${PLAN_ID}.md.lock`, to: 'dir', setup: withPlan },
  { name: 'the artifacts folder, for run (transcript)', args: ['run', PLAN_ID, '--', process.execPath, '-e', '1'], link: artifactsOf, to: 'dir', setup: (root) => (withPlan(root), rmSync(path.join(root, artifactsOf), { recursive: true })) },
  { name: 'the artifacts folder, for artifact add', args: ['artifact', 'add', PLAN_ID, 'src/retry.ts'], link: artifactsOf, to: 'dir', setup: (root) => (withPlan(root), rmSync(path.join(root, artifactsOf), { recursive: true })) },
  { name: 'the archive folder', args: ['archive', PLAN_ID, '--force'], link: `${plansDir}/archive`, to: 'dir', setup: withPlan },
  { name: 'the archived artifacts folder', args: ['archive', PLAN_ID, '--force'], link: `${plansDir}/archive/artifacts`, to: 'dir', setup: withPlan },
];

describe('symbolic links planted where execplan writes', () => {
  for (const c of CASES) {
    it(`are refused: ${c.name}`, async () => {
      const root = tempRepo();
      const outside = sentinel();
      c.setup?.(root);
      plant(root, c.link, path.join(outside, c.to));
      const before = treeHash(outside);
      const r = await cli(c.args, { cwd: root, env: { EXECPLAN_LOCK_TIMEOUT_MS: '2000' } });
      const said = r.stderr + r.stdout;
      expect(r.code, said).toBe(c.code ?? (r.code === 1 ? 1 : 2));
      if (c.code === undefined) expect(r.code, said).not.toBe(0);
      // The message names the link.
      expect(said, said).toContain(c.link);
      expect(said).toMatch(/symbolic link/);
      expect(treeHash(outside), said).toBe(before);
      expect(existsSync(path.join(outside, 'new.txt'))).toBe(false);
    });
  }
});

describe('places outside the repository the user names', () => {
  it('--output writes there, and replaces a report of execplan, but not another file without --force', async () => {
    const root = tempRepo();
    withPlan(root);
    const outside = sentinel();
    const report = path.join(outside, 'report.json');
    const first = await cli(['lint', '--format', 'json', '--output', report], { cwd: root });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8')).fileCount).toBe(1);
    // Its own report is replaced freely, in any format.
    for (const format of ['sarif', 'stylish', 'github', 'json']) {
      const again = await cli(['lint', '--format', format, '--output', report], { cwd: root });
      expect(again.code, `${format}: ${again.stderr}`).toBe(0);
    }
    const bashrc = path.join(outside, 'bashrc');
    const refused = await cli(['lint', '--output', bashrc], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`--output ${bashrc}: it is not a report of execplan's, so it was not written over.`);
    expect(readFileSync(bashrc, 'utf8')).toBe('export PATH=/usr/bin\n');
    const forced = await cli(['lint', '--output', bashrc, '--force'], { cwd: root });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(bashrc, 'utf8')).toMatch(/plan checked/);
  });

  it('--output inside the repository never replaces a file of the user', async () => {
    const root = tempRepo();
    withPlan(root);
    const r = await cli(['lint', '--output', 'src/retry.ts'], { cwd: root });
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(root, 'src/retry.ts'), 'utf8')).toBe('export {};\n');
  });

  it('--cache-location outside is written, as the user asked', async () => {
    const root = tempRepo();
    withPlan(root);
    const outside = sentinel();
    const r = await cli(['lint', '--cache', '--cache-location', path.join(outside, 'caches/')], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(outside, 'caches/lint.json'))).toBe(true);
  });

  it('links that stay inside the repository are followed: CLAUDE.md -> AGENTS.md stays a link', async () => {
    const root = tempRepo();
    writeFileSync(path.join(root, 'AGENTS.md'), '# Agents\n');
    symlinkSync('AGENTS.md', path.join(root, 'CLAUDE.md'));
    const r = await cli(['init', '--agents'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(path.join(root, 'CLAUDE.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(root, 'AGENTS.md'), 'utf8')).toMatch(/^# Agents\n\n<!-- execplan/);
  });

  it('a plan that is a link to itself is reported as a loop', async () => {
    const root = tempRepo();
    withPlan(root);
    symlinkSync('2026-01-07_loop.md', path.join(root, plansDir, '2026-01-07_loop.md'));
    const listed = await cli(['list'], { cwd: root });
    expect(listed.stderr).toContain(`left out ${plansDir}/2026-01-07_loop.md: the symbolic link ${plansDir}/2026-01-07_loop.md is a loop`);
    const shown = await cli(['show', `${plansDir}/2026-01-07_loop.md`], { cwd: root });
    expect(shown.code).toBe(2);
    expect(shown.stderr).toMatch(/is a loop/);
    for (const ref of ['2026-01-07_loop', 'loop']) {
      const byId = await cli(['progress', ref, 'add', 'Never.'], { cwd: root });
      expect(byId.code, ref).toBe(2);
      expect(byId.stderr, ref).toMatch(/Refused plan .*2026-01-07_loop\.md: the symbolic link .* is a loop/);
    }
  });
});

void FINISHED_PLAN;
