import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/core/parse.js';
import { SECTION_KEYS, SECTIONS } from '../src/core/sections.js';
import { LIVING_DOCUMENT_PREAMBLE } from '../src/core/skeleton.js';
import { PLANS_GUIDE } from '../src/templates/plans-guide.js';
import { ensureBuilt, REPO } from './helpers/mcp-client.js';

const ROOT = fileURLToPath(new URL('../examples/workspace/', import.meta.url));
const PLANS = path.join(ROOT, '.agent/execplans');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

/** Plan files under the example's plan folders, relative to the workspace root. */
function planFiles(dir = PLANS): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'artifacts' ? [] : planFiles(path.join(dir, e.name));
    return e.name.endsWith('.md') ? [path.relative(ROOT, path.join(dir, e.name)).split(path.sep).join('/')] : [];
  });
}

const COMPLETE = '.agent/execplans/2026-02-03_compute-abv-from-gravity-readings.md';
const IN_PROGRESS = '.agent/execplans/2026-03-10_store-readings-in-sqlite.md';
const FRESH = '.agent/execplans/2026-03-24_plot-gravity-over-time.md';
const ARCHIVED = '.agent/execplans/archive/2026-01-12_set-up-the-brewlog-package.md';

describe('examples/workspace', () => {
  it('ships the PLANS.md guide unchanged', () => {
    expect(read('.agent/PLANS.md')).toBe(PLANS_GUIDE);
  });

  it('holds the three active plans and the archived one, named YYYY-MM-DD_slug.md', () => {
    const files = planFiles();
    expect(files.sort()).toEqual([COMPLETE, IN_PROGRESS, FRESH, ARCHIVED].sort());
    for (const f of files) expect(path.basename(f)).toMatch(/^2026-\d{2}-\d{2}_[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
  });

  it.each(planFiles())('%s parses into the twelve sections in order, with title and preamble', (file) => {
    const plan = parsePlan(read(file));
    expect(plan.diagnostics).toEqual([]);
    expect(plan.title?.text).toBeTruthy();
    expect(plan.preamble?.text).toBe(LIVING_DOCUMENT_PREAMBLE);
    expect(plan.sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
    expect(plan.sections.every((s) => s.match === 'exact' && s.level === 2)).toBe(true);
  });

  it.each([COMPLETE, ARCHIVED])('%s is finished and uses the canonical entry formats', (file) => {
    const plan = parsePlan(read(file));
    expect(plan.progress.length).toBeGreaterThan(0);
    let last = 0;
    for (const item of plan.progress) {
      expect(item.state).toBe('done');
      expect(item.timestamp).toMatchObject({ form: 'local', place: 'start', valid: true });
      // Timestamps are chronological: the plan reads as a history.
      expect(item.timestamp!.epoch).toBeGreaterThanOrEqual(last);
      last = item.timestamp!.epoch;
    }
    expect(plan.surprises.length).toBeGreaterThan(0);
    for (const e of plan.surprises) expect(e.fields.map((f) => f.name)).toEqual(['observation', 'evidence']);
    expect(plan.decisions.length).toBeGreaterThan(0);
    for (const e of plan.decisions) {
      expect(e.fields.map((f) => f.name)).toEqual(['decision', 'rationale', 'date-author']);
      expect(e.fields[2]!.value).toMatch(/^2026-\d{2}-\d{2} \/ \S/);
    }
    expect(read(file)).not.toMatch(/…|YYYY|None yet/);
  });

  it.each([COMPLETE, ARCHIVED, IN_PROGRESS])('%s names only repository-relative paths that exist', (file) => {
    const spans = [...read(file).matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
    const paths = spans.filter((s) => /^[\w.-]+(?:\/[\w.-]+)*\/?$/.test(s) && (s.includes('/') || /\.(?:py|toml|csv|md|txt|json|db)$/.test(s)));
    expect(paths.length).toBeGreaterThan(3);
    // The in-progress plan may name the file its next milestone creates.
    const missing = [...new Set(paths.filter((p) => !existsSync(path.join(ROOT, p))))];
    expect(missing).toEqual(file === IN_PROGRESS ? ['brewlog/migrate.py'] : []);
  });

  it('has an in-progress plan with done, split and open items', () => {
    const plan = parsePlan(read(IN_PROGRESS));
    const done = plan.progress.filter((i) => i.state === 'done');
    const open = plan.progress.filter((i) => i.state === 'todo');
    expect(done.length).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(0);
    for (const i of done) expect(i.timestamp?.form).toBe('local');
    expect(done.some((i) => i.text.includes('(done:'))).toBe(true);
    expect(open.some((i) => i.text.includes('(remaining:'))).toBe(true);
  });

  it('has a plan written but not started: every section filled in, no item done', () => {
    const text = read(FRESH);
    const plan = parsePlan(text);
    expect(plan.title?.text).toBe('Plot gravity over time');
    expect(plan.sections.map((sec) => sec.key)).toEqual([...SECTION_KEYS]);
    expect(plan.progress.length).toBeGreaterThan(0);
    expect(plan.progress.every((i) => i.state === 'todo')).toBe(true);
    // Nothing of the skeleton's guidance or placeholders is left.
    for (const spec of SECTIONS) expect(text).not.toContain(spec.guidance);
    expect(text).not.toContain('YYYY-MM-DD HH:MM');
    expect(text).not.toContain('…');
  });

  it('keeps an artifacts folder for every plan, with a transcript for the finished ones', () => {
    for (const f of planFiles()) {
      const id = path.basename(f, '.md');
      const dir = path.join(ROOT, path.dirname(f), 'artifacts', id);
      expect(existsSync(dir), dir).toBe(true);
      if (f === COMPLETE || f === ARCHIVED) expect(readdirSync(dir).some((n) => n.endsWith('.txt'))).toBe(true);
    }
  });
});

describe('npm start', () => {
  it('shows the plans, one warning worth fixing and what to try next, and exits 0', () => {
    ensureBuilt();
    const r = spawnSync(process.execPath, ['examples/start.mjs', '--no-build'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +TITLE +PROGRESS +LAST ACTIVITY +STATE$/);
    expect(r.stdout).toContain('2026-03-10_store-readings-in-sqlite');
    // The in-progress plan's last milestone does not yet say how to verify it.
    expect(r.stdout).toMatch(/\n {2}\d+:1 +warning +Milestone "Milestone 4: switch the commands" does not say how to verify it.*milestone-outcome\n/);
    expect(r.stdout).toContain('✖ 1 problem (0 errors, 1 warning)');
    expect(lines.at(-1)).toMatch(/^Try next: node dist\/bin\.cjs --cwd examples\/workspace resume store-readings /);
    expect(lines.filter((l) => l.startsWith('Try next'))).toHaveLength(1);
  });
});
