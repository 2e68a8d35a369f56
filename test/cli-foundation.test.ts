import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/core/parse.js';
import { SECTION_KEYS } from '../src/core/sections.js';
import { runCli, tempRepo } from './helpers.js';

function write(root: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

const planText = (title: string, items: string[]) =>
  `# ${title}\n\nThis ExecPlan is a living document.\n\n## Progress\n\n${items.join('\n')}\n\n## Decision Log\n\n- Decision: a\n  Rationale: b\n  Date/Author: 2026-01-05 / me\n`;

describe('execplan init', () => {
  it('creates the layout and the guide, and a second run changes nothing', async () => {
    const root = tempRepo();
    const first = await runCli(['init'], { cwd: root });
    expect(first.code).toBe(0);
    for (const d of ['.agent/execplans', '.agent/execplans/artifacts', '.agent/execplans/archive', '.agent/execplans/archive/artifacts']) {
      expect(existsSync(path.join(root, d))).toBe(true);
    }
    // A clone keeps the folders: git keeps none that is empty.
    for (const keep of ['.agent/execplans/artifacts/.gitkeep', '.agent/execplans/archive/artifacts/.gitkeep']) expect(existsSync(path.join(root, keep)), keep).toBe(true);
    const guide = readFileSync(path.join(root, '.agent/PLANS.md'), 'utf8');
    expect(guide).toMatch(/execplan-guide sha256:[0-9a-f]{64}/);
    const second = await runCli(['init', '--json'], { cwd: root });
    const result = JSON.parse(second.stdout);
    expect(result.changed).toBe(false);
    expect(result.steps.map((s: { action: string }) => s.action)).not.toContain('created');
    expect(readFileSync(path.join(root, '.agent/PLANS.md'), 'utf8')).toBe(guide);
    expect((await runCli(['init'], { cwd: root })).stdout).toContain('Nothing to do');
  });

  it('offers agent instructions in a tip, unless told --no-agents', async () => {
    const root = tempRepo();
    expect((await runCli(['init'], { cwd: root })).stderr).toContain('Tip: `execplan init --agents`');
    expect((await runCli(['init', '--no-agents'], { cwd: root })).stderr).toBe('');
  });

  it('never overwrites a guide the user edited', async () => {
    const root = tempRepo();
    await runCli(['init'], { cwd: root });
    const file = path.join(root, '.agent/PLANS.md');
    const edited = `${readFileSync(file, 'utf8')}\nOur own rule.\n`;
    writeFileSync(file, edited);
    const run = await runCli(['init', '--json'], { cwd: root });
    expect(JSON.parse(run.stdout).steps).toContainEqual(expect.objectContaining({ path: '.agent/PLANS.md', action: 'kept' }));
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('works in a plain folder that is not a git repository', async () => {
    const root = tempRepo({ git: false });
    expect((await runCli(['init'], { cwd: root })).code).toBe(0);
    expect(existsSync(path.join(root, '.agent/execplans/archive/artifacts'))).toBe(true);
  });

  it.each([
    ['docs/exec-plans/active', 'docs/exec-plans/completed'],
    ['.agent/plans', '.agent/plans/archive'],
    ['execplans', 'execplans/archive'],
    ['docs/execplans', 'docs/execplans/archive'],
  ])('detects plans in %s and writes a configuration instead of a second layout', async (active, archive) => {
    const root = tempRepo();
    write(root, `${active}/one.md`, planText('One', ['- [ ] a']));
    if (archive.endsWith('completed')) write(root, `${archive}/old.md`, planText('Old', ['- [x] (2026-01-01 10:00) a']));
    const run = await runCli(['init', '--json'], { cwd: root });
    expect(run.code).toBe(0);
    const config = JSON.parse(readFileSync(path.join(root, 'execplan.json'), 'utf8'));
    expect(config.paths.active).toBe(active);
    expect(config.paths.archive).toBe(archive);
    expect(existsSync(path.join(root, '.agent/execplans'))).toBe(false);
    const list = JSON.parse((await runCli(['list', '--all', '--json'], { cwd: root })).stdout);
    expect(list.plans.map((p: { id: string }) => p.id)).toContain('one');
  });

  it('writes a guide that names the folders it found plans in', async () => {
    const root = tempRepo();
    write(root, 'docs/exec-plans/active/2026-01-05_existing.md', planText('Existing', ['- [ ] a']));
    const run = await runCli(['init'], { cwd: root });
    expect(run.code).toBe(0);
    const guide = readFileSync(path.join(root, '.agent/PLANS.md'), 'utf8');
    const active = JSON.parse(readFileSync(path.join(root, 'execplan.json'), 'utf8')).paths.active as string;
    expect(guide).toContain(`- \`${active}/\`: active plans`);
    expect(guide).toContain(`Copy this into a new file in \`${active}/\``);
    expect(guide).not.toContain('.agent/execplans');
  });

  it('keeps a rules file the repository already has', async () => {
    const root = tempRepo();
    write(root, '.agents/PLANS.md', '# Our rules\n');
    const run = await runCli(['init', '--json'], { cwd: root });
    expect(JSON.parse(run.stdout).steps).toContainEqual(expect.objectContaining({ path: '.agents/PLANS.md', action: 'kept' }));
    expect(existsSync(path.join(root, '.agent/PLANS.md'))).toBe(false);
  });
});

describe('execplan new', () => {
  it('creates the plan from the skeleton and its artifacts folder', async () => {
    const root = tempRepo();
    const run = await runCli(['new', 'Add CSV export to Reports', '--json'], { cwd: root });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toEqual({
      ok: true,
      id: '2026-01-05_add-csv-export-to-reports',
      path: '.agent/execplans/2026-01-05_add-csv-export-to-reports.md',
      artifacts: '.agent/execplans/artifacts/2026-01-05_add-csv-export-to-reports',
    });
    const plan = parsePlan(readFileSync(path.join(root, out.path), 'utf8'));
    expect(plan.title?.text).toBe('Add CSV export to Reports');
    expect(plan.preamble).toBeDefined();
    expect(plan.sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
    expect(existsSync(path.join(root, out.artifacts))).toBe(true);
  });

  it('prints the path, folds accents and gives a second plan a distinct id', async () => {
    const root = tempRepo();
    const a = await runCli(['new', 'Réparer l’été café'], { cwd: root });
    expect(a.stdout.trim()).toBe('.agent/execplans/2026-01-05_reparer-lete-cafe.md');
    const b = await runCli(['new', 'Réparer l’été café'], { cwd: root });
    expect(b.stdout.trim()).toBe('.agent/execplans/2026-01-05_reparer-lete-cafe-2.md');
    expect(readdirSync(path.join(root, '.agent/execplans/artifacts')).sort()).toEqual(['2026-01-05_reparer-lete-cafe', '2026-01-05_reparer-lete-cafe-2']);
  });

  it('takes --date and bounds the slug length', async () => {
    const root = tempRepo();
    const run = await runCli(['new', 'word '.repeat(40), '--date', '2025-12-31', '--json'], { cwd: root });
    const { id } = JSON.parse(run.stdout);
    expect(id.startsWith('2025-12-31_word-word')).toBe(true);
    expect(id.length).toBeLessThanOrEqual(11 + 60);
  });

  it.each([
    [['new', '   '], 'empty'],
    [['new', 'Ok', '--date', '2026-02-30'], 'not a date'],
    [['new', 'Ok', '--date', 'yesterday'], 'not a date'],
  ])('refuses %j with a clear message', async (argv, message) => {
    const root = tempRepo();
    const run = await runCli(argv, { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(path.join(root, '.agent/execplans'))).toBe(false);
  });
});

describe('execplan list', () => {
  function workspace(): string {
    const root = tempRepo();
    write(root, '.agent/execplans/2026-01-01_alpha.md', planText('Alpha', ['- [x] (2026-01-02 10:00) a', '- [ ] b']));
    write(root, '.agent/execplans/2026-01-03_beta.md', planText('Beta', ['- [ ] a']));
    write(root, '.agent/execplans/2026-01-04_gamma.md', planText('Gamma', ['- [x] (2026-01-04 09:00) a', '- [x] (2026-01-04 11:00) b']));
    write(root, '.agent/execplans/README.md', '# Plans\n');
    write(root, '.agent/execplans/archive/2025-12-01_old.md', planText('Old', ['- [x] (2025-12-02 10:00) a']));
    write(root, '.agent/execplans/artifacts/2026-01-01_alpha/notes.md', '# not a plan\n');
    return root;
  }

  it('shows active plans as an aligned table', async () => {
    const run = await runCli(['list'], { cwd: workspace() });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+TITLE\s+PROGRESS\s+LAST ACTIVITY\s+STATE$/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^2026-01-01_alpha\s+Alpha\s+1\/2\s+2026-01-02 10:00\s+in progress$/);
    expect(lines[2]).toMatch(/beta\s+Beta\s+0\/1\s+-\s+not started$/);
    expect(lines[3]).toMatch(/gamma\s+Gamma\s+2\/2\s+2026-01-04 11:00\s+complete$/);
    const col = lines[0]!.indexOf('PROGRESS');
    expect(lines.slice(1).every((l) => /\d/.test(l[col]!))).toBe(true);
  });

  it('lists archived plans with --archived and everything with --all, as JSON', async () => {
    const root = workspace();
    const archived = JSON.parse((await runCli(['list', '--archived', '--json'], { cwd: root })).stdout);
    expect(archived.plans).toEqual([expect.objectContaining({ id: '2025-12-01_old', state: 'archived', archived: true, done: 1, total: 1 })]);
    const all = JSON.parse((await runCli(['list', '--all', '--json'], { cwd: root })).stdout);
    expect(all.plans.map((p: { id: string }) => p.id)).toEqual(['2026-01-01_alpha', '2026-01-03_beta', '2026-01-04_gamma', '2025-12-01_old']);
  });

  it('makes a summary again when its cached entry is damaged', async () => {
    const root = workspace();
    const first = (await runCli(['list', '--all', '--json'], { cwd: root })).stdout;
    // Old enough for the cache to be trusted: entries of files touched within two seconds are not.
    const old = new Date(Date.now() - 60_000);
    for (const f of ['2026-01-01_alpha', '2026-01-03_beta', '2026-01-04_gamma']) utimesSync(path.join(root, `.agent/execplans/${f}.md`), old, old);
    await runCli(['list', '--all', '--json'], { cwd: root });
    const file = path.join(root, '.execplan/cache/summaries.json');
    const cache = JSON.parse(readFileSync(file, 'utf8'));
    const [a, b, c] = ['alpha', 'beta', 'gamma'].map((n) => Object.keys(cache.entries).find((k) => k.includes(n))!);
    cache.entries[a!].summary = null;
    cache.entries[b!].summary = { title: 5, done: 'x' };
    cache.entries[c!].summary = 'str';
    writeFileSync(file, JSON.stringify(cache));
    const again = await runCli(['list', '--all', '--json'], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(first);
  });

  it('says how to start when there are no plans', async () => {
    const root = tempRepo();
    const run = await runCli(['list'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('execplan new');
    expect((await runCli(['list', '--archived'], { cwd: root })).stdout).toBe('No archived plans in .agent/execplans/archive/. A finished plan is archived with: execplan archive <plan>\n');
  });

  it('finds the workspace from a subfolder', async () => {
    const root = workspace();
    mkdirSync(path.join(root, 'src/deep'), { recursive: true });
    const run = await runCli(['list', '--json'], { cwd: path.join(root, 'src/deep') });
    expect(JSON.parse(run.stdout).plans).toHaveLength(3);
  });
});

describe('execplan show', () => {
  function workspace(): string {
    const root = tempRepo();
    write(root, '.agent/execplans/2026-01-01_alpha.md', `---\nstatus: active\n---\n${planText('Alpha', ['- [x] (2026-01-02 10:00) a', '- [ ] b'])}\n### Milestone 1: Ship\n`);
    write(root, '.agent/execplans/2026-01-01_alpine.md', planText('Alpine', ['- [ ] a']));
    write(root, '.agent/execplans/2026-02-01_beta.md', planText('Beta', ['- [ ] a']));
    return root;
  }

  it('prints the parsed plan by id, prefix or path', async () => {
    const root = workspace();
    for (const ref of ['2026-01-01_alpha', '2026-02', '.agent/execplans/2026-01-01_alpha.md']) {
      const run = await runCli(['show', ref], { cwd: root });
      expect(run.code).toBe(0);
    }
    const run = await runCli(['show', '2026-01-01_alpha'], { cwd: root });
    expect(run.stdout).toContain('Alpha');
    expect(run.stdout).toContain('Progress (1/2 done)');
    expect(run.stdout).toContain('[x] (2026-01-02 10:00) a');
    expect(run.stdout).toContain('status: active');
    expect(run.stdout).toContain('Milestone 1: Ship');
  });

  it('marks the skeleton lines still waiting for content', async () => {
    const root = tempRepo();
    await runCli(['new', 'Try it'], { cwd: root });
    const run = await runCli(['show', 'try-it'], { cwd: root });
    expect(run.stdout).toMatch(/\n {4}1\. \[ \] \(YYYY-MM-DD HH:MM\) First concrete step\. {2}\(placeholder\)\n/);
    expect(run.stdout).toMatch(/\n {2}\s*\d+ {2}Decision: … {2}\(placeholder\)\n/);
  });

  it('gives the model as JSON', async () => {
    const run = await runCli(['show', '2026-01-01_alpha', '--json'], { cwd: workspace() });
    const out = JSON.parse(run.stdout);
    expect(out.summary).toMatchObject({ done: 1, total: 2, state: 'in progress' });
    expect(out.progress[0]).toMatchObject({ index: 1, state: 'done', timestamp: '(2026-01-02 10:00)', text: 'a', line: 10 });
    expect(out.decisions[0].fields).toEqual({ decision: 'a', rationale: 'b', 'date-author': '2026-01-05 / me' });
    expect(out.frontMatter.keys).toEqual({ status: 'active' });
    expect(out.milestones[0].title).toBe('Milestone 1: Ship');
  });

  it('prints one section', async () => {
    const run = await runCli(['show', 'beta', '--section', 'progress'], { cwd: workspace() });
    expect(run.stdout).toBe('## Progress\n\n- [ ] a\n\n');
    const missing = await runCli(['show', 'beta', '--section', 'Interfaces'], { cwd: workspace() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has no section "Interfaces"');
  });

  it('lists close matches for an ambiguous or unknown reference', async () => {
    const root = workspace();
    const ambiguous = await runCli(['show', '2026-01-01_alp'], { cwd: root });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('matches 2 plans');
    expect(ambiguous.stderr).toContain('2026-01-01_alpine');
    const unknown = await runCli(['show', 'alpah'], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean');
    expect(unknown.stderr).toContain('2026-01-01_alpha');
    const json = await runCli(['show', 'nothing-like-it', '--json'], { cwd: root });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'PLAN_NOT_FOUND' } });
  });

  it('refuses a path outside the workspace', async () => {
    const outside = tempRepo();
    write(outside, 'x.md', '# X\n');
    const run = await runCli(['show', path.join(outside, 'x.md')], { cwd: workspace() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('outside the workspace');
  });
});

describe('the command line', () => {
  it('prints help and version, and exits 2 on usage errors', async () => {
    const root = tempRepo();
    const help = await runCli(['--help'], { cwd: root });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: execplan');
    for (const cmd of ['init', 'new', 'list', 'show']) expect(help.stdout).toContain(cmd);
    const sub = await runCli(['new', '--help'], { cwd: root });
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--date');
    const version = await runCli(['--version'], { cwd: root });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const unknown = await runCli(['frobnicate'], { cwd: root });
    expect(unknown.code).toBe(2);
    const badOption = await runCli(['list', '--nope'], { cwd: root });
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--nope');
  });

  it('reports a broken configuration with the file and the fix', async () => {
    const root = tempRepo();
    write(root, 'execplan.json', '{"paths": {"active": "/abs"}, "timestamps": {"style": "eastern"}, "bogus": 1}');
    const run = await runCli(['list'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('execplan.json has 3 problems');
    expect(run.stderr).toContain('"paths.active" must be a path relative to the repository root');
    expect(run.stderr).toContain('"timestamps.style" must be "local" or "utc"');
    expect(run.stderr).toContain('"bogus" is not a setting');
    write(root, 'execplan.json', '{"paths": {');
    const bad = await runCli(['list'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not valid JSON');
    write(root, 'execplan.json', '{"paths": {"active": ".agent/execplans", "archive": ".agent/execplans"}}');
    const same = await runCli(['list', '--all'], { cwd: root });
    expect(same.code).toBe(2);
    expect(same.stderr).toBe('execplan: execplan.json has a problem:\n  - "paths.archive" is the same folder as "paths.active" (".agent/execplans"); give each its own folder, such as ".agent/execplans/archive".\n');
  });

  it('uses the configured folders', async () => {
    const root = tempRepo();
    write(root, 'execplan.json', JSON.stringify({ paths: { active: 'docs/plans' } }));
    const run = await runCli(['new', 'Configured', '--json'], { cwd: root });
    expect(JSON.parse(run.stdout)).toMatchObject({ path: 'docs/plans/2026-01-05_configured.md', artifacts: 'docs/plans/artifacts/2026-01-05_configured' });
  });
});
