/** What a new user runs into first: each case is a rough edge that was reported and fixed. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepo } from './helpers.js';
import { call, connect, ensureBuilt } from './helpers/mcp-client.js';
import { addPlan, cli, PLAN_ID, snapshot, write } from './helpers/lifecycle.js';

describe('archived plans are read-only for run and artifact add', () => {
  it('refuses both with the reopen hint, and changes nothing', async () => {
    const root = tempRepo();
    addPlan(root);
    expect((await cli(['archive', PLAN_ID], { cwd: root })).code).toBe(0);
    write(root, 'bench.txt', 'p50 9 ms\n');
    const before = snapshot(root);
    const run = await cli(['run', PLAN_ID, '--', 'node', '-e', ''], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`is archived`);
    expect(run.stderr).toContain(`execplan reopen ${PLAN_ID}`);
    const add = await cli(['artifact', 'add', PLAN_ID, 'bench.txt', '--json'], { cwd: root });
    expect(add.code).toBe(1);
    expect(JSON.parse(add.stdout).error.code).toBe('REFUSED');
    expect(add.stderr).toContain(`execplan reopen ${PLAN_ID}`);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('run takes everything after the plan as the command', () => {
  it.each([
    [['run', PLAN_ID, 'node', '-e', 'console.log(6*7)']],
    [['run', '--label', 'answer', PLAN_ID, 'node', '-e', 'console.log(6*7)']],
    [['run', PLAN_ID, '--', 'node', '-e', 'console.log(6*7)']],
    // Options after the command word are the command's, even those run itself takes.
    [['run', PLAN_ID, 'node', 'args.js', '--label', '-c', '--json']],
  ])('%j runs the command with its own options', async (argv) => {
    const root = tempRepo();
    addPlan(root);
    write(root, 'args.js', 'console.log(process.argv.slice(2).join(" ") === "--label -c --json" ? 42 : 0)');
    const run = await cli(argv, { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('42\n');
    expect(readFileSync(path.join(root, `.agent/execplans/${PLAN_ID}.md`), 'utf8')).toMatch(/`node (-e|args\.js)/);
  });
});

describe('a plan is found by any unambiguous part of its id', () => {
  const plan = (title: string) => `# ${title}\n\n## Progress\n\n- [ ] One step.\n`;
  it('finds it by a part inside the id, and lists the candidates when several share it', async () => {
    const root = tempRepo();
    write(root, '.agent/execplans/2026-01-05_add-json-export.md', plan('Add JSON export'));
    write(root, '.agent/execplans/2026-01-06_fix-export-button.md', plan('Fix the export button'));
    const found = await cli(['progress', 'json', '--json'], { cwd: root });
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toContain('2026-01-05_add-json-export');
    const ambiguous = await cli(['show', 'export'], { cwd: root });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('"export" matches 2 plans:\n  2026-01-05_add-json-export\n  2026-01-06_fix-export-button\n');
    // A prefix still wins over a part found further in.
    expect((await cli(['show', 'fix', '--json'], { cwd: root })).stdout).toContain('"id": "2026-01-06_fix-export-button"');
  });
});

describe('a description in any script names the plan', () => {
  it('creates 日本語のプラン with a slug of its own letters, which lint accepts and commands find', async () => {
    const root = tempRepo();
    const made = await cli(['new', '日本語のプラン', '--json'], { cwd: root });
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout).path).toBe('.agent/execplans/2026-01-05_日本語のプラン.md');
    const lint = await cli(['lint', '--json', '--rule', 'file-name=error'], { cwd: root });
    expect(JSON.parse(lint.stdout).results[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).not.toContain('file-name');
    expect((await cli(['progress', 'プラン'], { cwd: root })).code).toBe(0);
    const emoji = await cli(['new', '🚀✨', '--json'], { cwd: root });
    expect(emoji.code, emoji.stderr).toBe(0);
    expect(JSON.parse(emoji.stdout).id).toBe('2026-01-05_plan');
  });
});

describe('split on an item that is already done', () => {
  const plan = (items: string) => `# Split\n\n## Progress\n\n${items}\n`;
  it('keeps the done part’s own timestamp', async () => {
    const root = tempRepo();
    const file = write(root, '.agent/execplans/2026-01-05_split.md', plan('- [x] (2026-01-04 09:15) Wrote the parser and its tests.'));
    const run = await cli(['progress', 'split', 'split', '1', '--done', 'Wrote the parser', '--remaining', 'Write its tests'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(plan('- [x] (2026-01-04 09:15) Wrote the parser\n- [ ] Write its tests'));
  });

  it('refuses, saying why, when the done item has no timestamp', async () => {
    const root = tempRepo();
    const text = plan('- [x] Wrote the parser and its tests.');
    const file = write(root, '.agent/execplans/2026-01-05_split.md', text);
    const run = await cli(['progress', 'split', 'split', '1', '--done', 'Wrote the parser', '--remaining', 'Write its tests'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is already done and has no valid timestamp');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('multi-line field text', () => {
  it('is indented under its field and parses back as that one field', async () => {
    const root = tempRepo();
    const made = JSON.parse((await cli(['new', 'Fields', '--json'], { cwd: root })).stdout);
    expect((await cli(['decide', 'fields', 'Use SQLite', '--rationale', 'One file.\nNo server to run.'], { cwd: root })).code).toBe(0);
    expect((await cli(['discover', 'fields', 'Parsing is slow', '--evidence', '2.1 s for 185 KB\n0.3 s after the fix'], { cwd: root })).code).toBe(0);
    const text = readFileSync(path.join(root, made.path), 'utf8');
    expect(text).toContain('- Decision: Use SQLite\n  Rationale: One file.\n    No server to run.\n  Date/Author: 2026-01-05 / ');
    expect(text).toContain('- Observation: Parsing is slow\n  Evidence: 2.1 s for 185 KB\n    0.3 s after the fix\n');
    const shown = JSON.parse((await cli(['show', 'fields', '--json'], { cwd: root })).stdout);
    expect(Object.keys(shown.decisions[0].fields)).toEqual(['decision', 'rationale', 'date-author']);
    expect(shown.decisions[0].fields.rationale).toBe('One file. No server to run.');
    expect(shown.surprises[0].fields.evidence).toBe('2.1 s for 185 KB 0.3 s after the fix');
  });
});

describe('lint of a folder or a glob, whatever the configuration', () => {
  const PLAN = '# Broken\n\n## Progress\n\n- [x] Done without a time.\n';
  it('lints the Markdown plans of an unconfigured folder, by name and by quoted glob', async () => {
    const root = tempRepo();
    write(root, 'docs/exec-plans/active/2026-01-05_broken.md', PLAN);
    for (const arg of ['docs/exec-plans/active', 'docs/exec-plans/active/', 'docs/**/*.md', 'docs/exec-plans/active/*.md']) {
      const run = await cli(['lint', arg, '--json'], { cwd: root });
      expect(run.code, `${arg}: ${run.stderr}`).toBe(1);
      expect(JSON.parse(run.stdout).results.map((r: { file: string }) => r.file), arg).toEqual(['docs/exec-plans/active/2026-01-05_broken.md']);
    }
    // From inside the folder, a relative glob works the same.
    const inside = await cli(['lint', '*.md', '--json'], { cwd: path.join(root, 'docs/exec-plans/active') });
    expect(JSON.parse(inside.stdout).fileCount).toBe(1);
  });

  it('names an unconfigured plan folder when plain lint finds nothing', async () => {
    const root = tempRepo();
    write(root, 'docs/exec-plans/active/2026-01-05_broken.md', PLAN.replace('## Progress', '## Purpose / Big Picture\n\nWhy.\n\n## Progress'));
    const run = await cli(['lint'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('no plans to lint in .agent/execplans/');
    expect(run.stderr).toContain('docs/exec-plans/active/ holds 1 plan but is not the configured plan folder. Run `execplan init`');
  });
});

describe('outside a repository, nothing is created', () => {
  it('new refuses, saying to run init or change to the repository', async () => {
    const dir = tempRepo({ git: false });
    const run = await cli(['new', 'Add CSV export'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not in a repository');
    expect(run.stderr).toContain('run `execplan init` here');
    expect(readdirSync(dir)).toEqual([]);
    // After init, the same command works.
    expect((await cli(['init', '--no-agents'], { cwd: dir })).code).toBe(0);
    expect((await cli(['new', 'Add CSV export'], { cwd: dir })).code).toBe(0);
  });

  it('the MCP server answers create_plan with a tool error and creates nothing', async () => {
    ensureBuilt();
    const dir = tempRepo({ git: false });
    const server = await connect(dir);
    try {
      const created = await call(server.client, 'create_plan', { description: 'Add CSV export' });
      expect(created.isError).toBe(true);
      expect(created.text).toContain('is not in a repository');
      expect(created.text).toContain('execplan init');
      expect(existsSync(path.join(dir, '.agent'))).toBe(false);
    } finally {
      await server.close();
    }
  });
});
