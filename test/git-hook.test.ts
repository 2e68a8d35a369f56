/** The pre-commit hook under real commits, and the pre-commit framework and GitHub Actions files the repository ships. */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { gitRepo } from './helpers/git-repo.js';
import { FINISHED_PLAN } from './helpers/lifecycle.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'dist/bin.cjs');
const PLAN = '.agent/execplans/2026-01-05_add-csv-export.md';

describe('execplan git hook', () => {
  it('lints the staged plans only, chains the hook that was there, and uninstall restores it', async () => {
    const repo = gitRepo();
    const env = { ...repo.env, EXECPLAN_NOW: '2026-01-05T12:00:00Z' };
    const hooks = path.join(repo.root, '.git/hooks');
    const theirs = '#!/bin/sh\necho "their hook ran" >> "$(git rev-parse --show-toplevel)/hook.log"\n';
    writeFileSync(path.join(hooks, 'pre-commit'), theirs);
    chmodSync(path.join(hooks, 'pre-commit'), 0o755);
    const installed = await runCli(['git', 'hook', 'install'], { cwd: repo.root, env });
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toMatch(/chained/);
    expect((await runCli(['git', 'hook', 'install'], { cwd: repo.root, env })).stdout).toMatch(/unchanged/);

    // A plan without a title, staged: the commit is stopped, and their hook ran first.
    const good = FINISHED_PLAN;
    repo.write(PLAN.replace(/[^/]+\.md$/, 'artifacts/2026-01-05_add-csv-export/.gitkeep'), '');
    repo.write(PLAN, good.replace(/^# .*\n/, ''));
    repo.git('add', '-A');
    const stopped = repo.tryGit('commit', '-m', 'untitled plan');
    expect(stopped.status).not.toBe(0);
    expect(stopped.stderr).toMatch(/title/);
    expect(repo.read('hook.log')).toBe('their hook ran\n');

    // The index is what is checked: a good plan staged, a broken copy on disk, commits.
    repo.write(PLAN, good);
    repo.git('add', PLAN);
    repo.write(PLAN, good.replace(/^# .*\n/, ''));
    const r = repo.tryGit('commit', '-m', 'plan');
    expect(r.status, r.stderr).toBe(0);

    const removed = await runCli(['git', 'hook', 'uninstall'], { cwd: repo.root, env });
    expect(removed.stdout).toMatch(/restored/);
    expect(readFileSync(path.join(hooks, 'pre-commit'), 'utf8')).toBe(theirs);
    expect(statSync(path.join(hooks, 'pre-commit')).mode & 0o111).not.toBe(0);
  });
});

describe('shipped CI files', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  it('.pre-commit-hooks.yaml names the execplan command, for node, on plan files', () => {
    const hooks = load(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; exclude: string }[];
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(hook.language).toBe('node');
    const [command, ...args] = hook.entry.split(' ');
    expect(Object.keys(pkg.bin)).toContain(command);
    const files = new RegExp(hook.files);
    const exclude = new RegExp(hook.exclude);
    const picked = (p: string) => files.test(p) && !exclude.test(p);
    expect(picked(PLAN)).toBe(true);
    expect(picked('.agent/execplans/archive/2026-01-01_done.md')).toBe(true);
    expect(picked('.agent/execplans/artifacts/2026-01-05_add-csv-export/notes.md')).toBe(false);
    expect(picked('README.md')).toBe(false);
    // The entry, with file names appended as pre-commit does, is a command that works.
    const repo = gitRepo();
    repo.execplan(['new', 'Add CSV export', '--date', '2026-01-05'], { EXECPLAN_NOW: '2026-01-05T12:00:00Z' });
    const run = spawnSync(process.execPath, [BIN, ...args, PLAN], { cwd: repo.root, env: repo.env, encoding: 'utf8' });
    expect(run.stdout).toMatch(/no-placeholder-text/);
    expect(run.status).toBe(1);
  });

  it('action.yml runs lint with SARIF output and uploads it, and publishes the report', () => {
    const action = load(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default: string }>;
      runs: { using: string; steps: { id?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, string> }[] };
    };
    expect(action.runs.using).toBe('composite');
    // Nothing is fetched by package name: execplan runs from the action's own source.
    for (const s of action.runs.steps) expect(s.run ?? '').not.toMatch(/npx|npm (exec|install) execplan/);
    const lint = action.runs.steps.find((s) => s.id === 'lint')!;
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with!.sarif_file).toBe('${{ inputs.sarif-file }}');
    // The steps' commands, run with this checkout (dist built) as the action's folder.
    const repo = gitRepo();
    repo.execplan(['new', 'Add CSV export', '--date', '2026-01-05'], { EXECPLAN_NOW: '2026-01-05T12:00:00Z' });
    const env = { ...repo.env, GITHUB_ACTION_PATH: ROOT, SARIF_FILE: action.inputs['sarif-file']!.default, PLANS: '', REPORT_DIR: 'site' };
    const r = spawnSync('bash', ['-c', lint.run!], { cwd: repo.root, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const sarif = JSON.parse(repo.read(action.inputs['sarif-file']!.default)) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    const report = action.runs.steps.find((s) => s.id === 'report')!;
    expect(action.inputs.report!.default).toBe('');
    const written = spawnSync('bash', ['-c', report.run!], { cwd: repo.root, env, encoding: 'utf8' });
    expect(written.status, written.stderr).toBe(0);
    expect(repo.read('site/index.html')).toContain('Add CSV export');
    expect(action.runs.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with!.path).toBe('${{ inputs.report }}');
  });
});
