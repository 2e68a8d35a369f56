import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../src/core/diagnostic.js';
import { DEFAULT_SECTION_SETTINGS, lintPlan } from '../src/core/lint.js';
import { resolveRuleSettings } from '../src/rules/index.js';
import * as parse from '../src/core/parse.js';
import * as stylish from '../src/formatters/stylish.js';
import { deleteCacheEntry, loadLintCache, saveLintCache, setCacheEntry, type CacheEntry } from '../src/workspace/lint-cache.js';
import { draftReport, keptReport, type KeptReport } from '../src/workspace/lint-report.js';
import { runCli } from './helpers.js';
import { lintWorkspace, PLAN, PLAN_PATH } from './helpers/lint-workspace.js';
import { CORPUS, realPlans, skipsWithout } from './helpers/prerequisites.js';
import { GOOD } from './rules/helpers.js';

vi.mock('../src/core/parse.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/core/parse.js')>();
  return { ...real, parsePlan: vi.fn(real.parsePlan) };
});
vi.mock('../src/formatters/stylish.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/formatters/stylish.js')>();
  return { ...real, file: vi.fn(real.file) };
});
const parsed = vi.mocked(parse.parsePlan);
const formatted = vi.mocked(stylish.file);
beforeEach(() => {
  parsed.mockClear();
});

const T0 = '2026-01-05T14:30:00Z';

/** The cache file: one JSON document. */
function readCache(root: string) {
  return JSON.parse(readFileSync(path.join(root, '.execplan/cache/lint.json'), 'utf8'));
}

describe('execplan lint --cache', () => {
  it('parses nothing on a second run over unchanged plans and prints the same', async () => {
    const { root } = lintWorkspace({ '2026-01-06_other': GOOD.replace('# Add retry', '# Add more retry') });
    const first = await runCli(['lint', '--cache', '--format', 'json'], { cwd: root });
    expect(parsed).toHaveBeenCalledTimes(2);
    expect(readFileSync(path.join(root, '.execplan/cache/.gitignore'), 'utf8')).toBe('*\n');
    parsed.mockClear();
    const second = await runCli(['lint', '--cache', '--format', 'json'], { cwd: root });
    expect(parsed).not.toHaveBeenCalled();
    expect(second).toEqual(first);
    // Without --cache every plan is parsed again.
    await runCli(['lint'], { cwd: root });
    expect(parsed).toHaveBeenCalledTimes(2);
  });

  it('lints a changed plan again, and only that one', async () => {
    const { root, write } = lintWorkspace({ '2026-01-06_other': GOOD });
    await runCli(['lint', '--cache'], { cwd: root });
    write(PLAN_PATH, GOOD.replace(/^# .*\n\n/, ''));
    parsed.mockClear();
    const r = await runCli(['lint', '--cache'], { cwd: root });
    expect(parsed).toHaveBeenCalledTimes(1);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('The plan has no H1 title');
    expect(r.stdout).toEqual((await runCli(['lint'], { cwd: root })).stdout);
  });

  it('hashes a touched plan instead of parsing it when only its mtime changed', async () => {
    const { root } = lintWorkspace();
    await runCli(['lint', '--cache'], { cwd: root });
    const file = path.join(root, PLAN_PATH);
    const later = new Date(statSync(file).mtimeMs + 60_000);
    utimesSync(file, later, later);
    parsed.mockClear();
    expect((await runCli(['lint', '--cache'], { cwd: root })).code).toBe(0);
    expect(parsed).not.toHaveBeenCalled();
  });

  it('notices a referenced file that appeared or an artifacts folder that went away', async () => {
    const { root, write } = lintWorkspace();
    rmSync(path.join(root, 'src/http.ts'));
    const missing = await runCli(['lint', '--cache'], { cwd: root });
    expect(missing.stdout).toContain('The file "src/http.ts" does not exist');
    write('src/http.ts', '\n');
    const found = await runCli(['lint', '--cache'], { cwd: root });
    expect(found.stdout).not.toContain('does not exist');
    rmSync(path.join(root, '.agent/execplans/artifacts', PLAN), { recursive: true });
    expect((await runCli(['lint', '--cache'], { cwd: root })).stdout).toContain('The artifacts folder');
  });

  it('does not keep a finding about the future once the clock has passed it', async () => {
    const { root, write } = lintWorkspace();
    write(PLAN_PATH, GOOD.replace('- [x] (2026-01-05 09:00)', '- [x] (2026-03-01 09:00)'));
    const early = await runCli(['lint', '--cache'], { cwd: root, env: { EXECPLAN_NOW: T0 } });
    expect(early.stdout).toContain('is in the future');
    parsed.mockClear();
    // The same clock may reuse it...
    expect((await runCli(['lint', '--cache'], { cwd: root, env: { EXECPLAN_NOW: T0 } })).stdout).toBe(early.stdout);
    expect(parsed).not.toHaveBeenCalled();
    // ...a later one may not.
    const late = await runCli(['lint', '--cache'], { cwd: root, env: { EXECPLAN_NOW: '2026-04-01T00:00:00Z' } });
    expect(late.stdout).not.toContain('is in the future');
    expect(late.code).toBe(0);
  });

  it('reuses findings that do not depend on the clock at a later clock, and does not rewrite an unchanged cache', async () => {
    const { root, write } = lintWorkspace();
    write(PLAN_PATH, GOOD.replace('- [x] (2026-01-05 09:00) Wrote', '- [x] Wrote'));
    const early = await runCli(['lint', '--cache'], { cwd: root, env: { EXECPLAN_NOW: T0 } });
    expect(early.stdout).toContain('has no timestamp; expected it to start with one in the form "(YYYY-MM-DD HH:MM)"');
    const file = path.join(root, '.execplan/cache/lint.json');
    const written = statSync(file).mtimeMs;
    parsed.mockClear();
    const late = await runCli(['lint', '--cache'], { cwd: root, env: { EXECPLAN_NOW: '2026-06-01T00:00:00Z' } });
    expect(parsed).not.toHaveBeenCalled();
    expect(late.stdout).toBe(early.stdout);
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('prints from the cached findings what a run without the cache prints, in every format and option', async () => {
    const { root, write } = lintWorkspace({ '2026-01-06_no-title': GOOD.replace(/^# .*\n\n/, '') });
    const uncached = async (args: string[]) => (await runCli(['lint', ...args], { cwd: root })).stdout;
    const cached = async (args: string[]) => (await runCli(['lint', '--cache', ...args], { cwd: root })).stdout;
    expect(await cached([])).toBe(await uncached([]));
    for (const args of [['--format', 'json'], ['--format', 'sarif'], ['--quiet'], ['--format', 'github'], [PLAN_PATH], []]) {
      expect(await cached(args), args.join(' ')).toBe(await uncached(args));
      parsed.mockClear();
      const again = await cached(args);
      expect(parsed, args.join(' ')).not.toHaveBeenCalled();
      expect(again, args.join(' ')).toBe(await uncached(args));
    }
    const doc = readCache(root);
    expect(Object.keys(doc.plans)).toEqual([PLAN_PATH, '.agent/execplans/2026-01-06_no-title.md']);
    expect(doc.plans['.agent/execplans/2026-01-06_no-title.md'].diagnostics.map((d: Diagnostic) => d.ruleId)).toContain('title');
    write(PLAN_PATH, `${GOOD}\nOne more line.\n`);
    parsed.mockClear();
    expect(await cached([])).toBe(await uncached([]));
    // The cached run parsed the changed plan alone; the uncached one both.
    expect(parsed).toHaveBeenCalledTimes(3);
  });

  it('prints the kept report again, without formatting, only for the same options, plans and cache file', async () => {
    const { root, write } = lintWorkspace({ '2026-01-06_no-title': GOOD.replace(/^# .*\n\n/, '') });
    const uncached = async (args: string[] = []) => (await runCli(['lint', ...args], { cwd: root })).stdout;
    const cached = async (args: string[] = []) => (await runCli(['lint', '--cache', ...args], { cwd: root })).stdout;
    const report = path.join(root, '.execplan/cache/lint.json.report');
    expect(await cached()).toBe(await uncached());
    expect(readFileSync(report, 'utf8')).toContain(await uncached());
    formatted.mockClear();
    expect(await cached()).toBe(await uncached());
    // The uncached run formatted its two plans; the cached one none.
    expect(formatted).toHaveBeenCalledTimes(2);
    // Other options: formatted afresh, and kept in place of the first.
    formatted.mockClear();
    expect(await cached(['--quiet'])).toBe(await uncached(['--quiet']));
    expect(formatted).toHaveBeenCalledTimes(4);
    // A run that saves the cache (one plan linted again) keeps its own report; one kept with an earlier cache file is not used.
    const earlier = readFileSync(report);
    write(PLAN_PATH, `${GOOD}\nOne more line.\n`);
    expect(await cached()).toBe(await uncached());
    writeFileSync(report, earlier);
    formatted.mockClear();
    expect(await cached(['--quiet'])).toBe(await uncached(['--quiet']));
    expect(formatted).toHaveBeenCalledTimes(4);
  });

  it('keeps a json report as it prints it, and prints the kept bytes again', async () => {
    const { root, write } = lintWorkspace({ '2026-01-06_no-title': GOOD.replace(/^# .*\n\n/, '') });
    const dir = path.join(root, '.execplan/cache');
    const report = path.join(dir, 'lint.json.report');
    const json = async () => (await runCli(['lint', '--cache', '--format', 'json'], { cwd: root })).stdout;
    const first = await json();
    expect(JSON.parse(first).fileCount).toBe(2);
    // The mark, the report as printed, then what it was made from.
    const kept = readFileSync(report, 'utf8');
    expect(kept.startsWith(`{"execplanLintReport":2}\n${first}\n{"options":`)).toBe(true);
    expect(JSON.parse(kept.slice(kept.lastIndexOf('\n', kept.length - 2) + 1))).toMatchObject({ files: [PLAN_PATH, '.agent/execplans/2026-01-06_no-title.md'], length: Buffer.byteLength(first) });
    // What the second run prints comes from that file: a byte changed there is printed as changed.
    writeFileSync(report, kept.replace('"errorCount"', '"errorCounT"'));
    expect(await json()).toBe(first.replace('"errorCount"', '"errorCounT"'));
    // A run that formats afresh replaces it, and removes what a killed run left while writing one.
    const left = path.join(dir, '.lint.json.report.999999.0123abcd.execplan-tmp');
    writeFileSync(left, 'half a report');
    write(PLAN_PATH, `${GOOD}\nOne more line.\n`);
    const third = await json();
    expect(readFileSync(report, 'utf8').startsWith(`{"execplanLintReport":2}\n${third}\n`)).toBe(true);
    expect(existsSync(left)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'lint.json', 'lint.json.report']);
    expect(await json()).toBe(third);
  });

  it('reuses a clean entry at a later clock, not at an earlier one', async () => {
    const { root } = lintWorkspace();
    await runCli(['lint', '--cache'], { cwd: root, env: { EXECPLAN_NOW: T0 } });
    parsed.mockClear();
    await runCli(['lint', '--cache'], { cwd: root, env: { EXECPLAN_NOW: '2026-06-01T00:00:00Z' } });
    expect(parsed).not.toHaveBeenCalled();
    // Back before the plan's own timestamp: its entry cannot be trusted.
    const back = await runCli(['lint', '--cache'], { cwd: root, env: { EXECPLAN_NOW: '2025-12-01T00:00:00Z' } });
    expect(parsed).toHaveBeenCalled();
    expect(back.stdout).toContain('is in the future');
  });

  it('starts over when the settings change, and honours --cache-location', async () => {
    const { root, write } = lintWorkspace();
    await runCli(['lint', '--cache'], { cwd: root });
    write('execplan.json', JSON.stringify({ lint: { rules: { 'file-name': 'off' } } }));
    parsed.mockClear();
    await runCli(['lint', '--cache'], { cwd: root });
    expect(parsed).toHaveBeenCalledTimes(1);
    parsed.mockClear();
    await runCli(['lint', '--cache', '--rule', 'title=warn'], { cwd: root });
    expect(parsed).toHaveBeenCalledTimes(1);
    await runCli(['lint', '--cache', '--cache-location', 'tmp/cache/'], { cwd: root });
    expect(existsSync(path.join(root, 'tmp/cache/lint.json'))).toBe(true);
    expect(existsSync(path.join(root, 'tmp/cache/.gitignore'))).toBe(false);
  });

  it('never writes over a file named by --cache-location that is not a lint cache', async () => {
    const { root } = lintWorkspace();
    const outside = mkdtempSync(path.join(tmpdir(), 'execplan-precious-'));
    const precious = path.join(outside, 'notes.txt');
    writeFileSync(precious, 'precious\n');
    const plan = readFileSync(path.join(root, PLAN_PATH));
    for (const [location, file] of [[precious, precious], [PLAN_PATH, path.join(root, PLAN_PATH)]] as const) {
      const r = await runCli(['lint', '--cache', '--cache-location', location], { cwd: root });
      expect(r.code, location).toBe(2);
      expect(r.stderr, location).toMatch(/is not a lint cache of execplan's, so it was not written over\. Name a new file, a folder, or the cache file of an earlier run, or pass --force to replace it\.\n$/);
      expect(r.stdout, location).toBe('');
      expect(readFileSync(file), location).toEqual(file === precious ? Buffer.from('precious\n') : plan);
    }
    // A new file, an empty one and the cache of an earlier run are all fine, inside the repository or not.
    const fresh = path.join(outside, 'lint-cache.json');
    for (const location of [fresh, fresh]) expect((await runCli(['lint', '--cache', '--cache-location', location], { cwd: root })).code).toBe(0);
    writeFileSync(path.join(root, 'empty.json'), '');
    expect((await runCli(['lint', '--cache', '--cache-location', 'empty.json'], { cwd: root })).code).toBe(0);
    expect(readFileSync(path.join(root, 'empty.json'), 'utf8')).toMatch(/^\{"execplanLintCache":5,"key":"/);
    rmSync(outside, { recursive: true, force: true });
  });

  it('ignores a corrupt cache file with a warning, lints every plan and rewrites it', async () => {
    const { root } = lintWorkspace();
    const uncached = await runCli(['lint'], { cwd: root });
    mkdirSync(path.join(root, '.execplan/cache'), { recursive: true });
    const file = path.join(root, '.execplan/cache/lint.json');
    const damaged = [
      ['{not json', 'it is not valid JSON'],
      ['[1, 2, 3]\n', "it is not a lint cache of execplan's"],
      ['{"execplanLintCache":5,"key":"', 'it is not valid JSON'],
    ] as const;
    for (const [text, why] of damaged) {
      writeFileSync(file, text);
      parsed.mockClear();
      const r = await runCli(['lint', '--cache'], { cwd: root });
      expect(r.code, text).toBe(0);
      expect(r.stdout, text).toBe(uncached.stdout);
      expect(r.stderr, text).toBe(`execplan: ignored the lint cache .execplan/cache/lint.json: ${why}; every plan is linted and the cache written afresh.\n`);
      expect(parsed, text).toHaveBeenCalledTimes(1);
      expect(Object.keys(readCache(root).plans), text).toEqual([PLAN_PATH]);
    }
  });

  it('ignores a cache whose entry is damaged, with a warning, and one of an earlier format without', async () => {
    const { root } = lintWorkspace();
    await runCli(['lint', '--cache'], { cwd: root });
    const file = path.join(root, '.execplan/cache/lint.json');
    const doc = readCache(root);
    doc.plans[PLAN_PATH].diagnostics = 'gone';
    writeFileSync(file, JSON.stringify(doc));
    const damaged = await runCli(['lint', '--cache', '--format', 'json'], { cwd: root });
    expect(damaged.code).toBe(0);
    expect(JSON.parse(damaged.stdout).fileCount).toBe(1);
    expect(damaged.stderr).toBe(`execplan: ignored the lint cache .execplan/cache/lint.json: its entry for ${PLAN_PATH} is damaged; every plan is linted and the cache written afresh.\n`);
    expect(readCache(root).plans[PLAN_PATH].diagnostics).toEqual([]);
    // The three-part file of format 4: a JSON head with the key and the plans, the findings, the report.
    writeFileSync(file, `${JSON.stringify({ key: '{"format":4}', files: [PLAN_PATH], entries: [[1, 2, 3, 0]], paths: [], sizes: { findings: 2, text: 0 } })}\n[]\n`);
    const earlier = await runCli(['lint', '--cache'], { cwd: root });
    expect(earlier.stderr).toBe('');
    expect(readCache(root).execplanLintCache).toBe(5);
  });
});

describe('the cache rests on this: time passing only removes findings', () => {
  // An entry without clock findings is reused at any later clock (see src/workspace/lint-cache.ts).
  // Over every real plan, linting later must report a subset of what linting earlier reported.
  skipsWithout(CORPUS, 'holds over the real corpus');
  const enabled = resolveRuleSettings({});
  const at = (text: string, name: string, iso: string) => {
    const base = {
      file: { path: `.agent/execplans/${path.basename(name)}`, name: path.basename(name) },
      sections: DEFAULT_SECTION_SETTINGS,
      timestampStyle: 'local' as const,
      now: new Date(iso),
      tzOffsetMinutes: 0,
      artifacts: { path: `.agent/execplans/artifacts/${name}`, exists: false },
      exists: () => false,
    };
    return new Set(lintPlan(parse.parsePlan(text), base, enabled).map((d) => `${d.ruleId}@${d.line}:${d.column}`));
  };
  it('holds over real plans', () => {
    for (const { name, path: file } of realPlans()) {
      const text = readFileSync(file, 'utf8');
      const instants = ['2020-01-01T00:00:00Z', '2025-09-01T00:00:00Z', '2026-03-01T00:00:00Z', '2030-01-01T00:00:00Z'];
      const found = instants.map((iso) => at(text, name, iso));
      for (let i = 1; i < found.length; i++) {
        const extra = [...found[i]!].filter((k) => !found[i - 1]!.has(k));
        expect(extra, `${name} at ${instants[i]}`).toEqual([]);
      }
    }
  });
});

/** A kept report's bytes, as it hands them on. */
function replayed(kept: KeptReport): Buffer {
  const pieces: Uint8Array[] = [];
  kept.copy((bytes) => void pieces.push(bytes));
  return Buffer.concat(pieces);
}

describe('the cache file', () => {
  const entry = (rule: string): CacheEntry => ({
    size: 10,
    mtimeMs: 1000,
    hash: 'a'.repeat(40),
    now: 2000,
    artifacts: true,
    paths: [['src/a.ts', true], ['src/b.ts', false]],
    diagnostics: [{ ruleId: rule, severity: 'error', message: 'm', line: 1, column: 1 } as Diagnostic],
  });

  /** A cache of one entry, saved in a folder of its own. */
  const savedCache = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'execplan-cachefile-'));
    const file = path.join(dir, 'lint.json');
    const cache = loadLintCache(file, 'k');
    setCacheEntry(cache, 'a.md', entry('x'));
    saveLintCache(cache, { gitignore: false, root: dir });
    return { dir, file, cache };
  };

  it('keeps entries, their existence answers and findings through a save and a load, as plain JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'execplan-cachefile-'));
    const file = path.join(dir, 'lint.json');
    const cache = loadLintCache(file, 'k');
    setCacheEntry(cache, 'b.md', { ...entry('x'), clockBound: true });
    setCacheEntry(cache, 'a.md', { ...entry('y'), paths: [['src/a.ts', true]] });
    expect(saveLintCache(cache, { gitignore: false, root: dir })).toBe(true);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(doc)).toEqual(['execplanLintCache', 'key', 'plans']);
    expect(Object.keys(doc.plans)).toEqual(['a.md', 'b.md']);
    const loaded = loadLintCache(file, 'k');
    expect(loaded.changed).toBe(false);
    expect(loaded.ignored).toBeUndefined();
    const { diagnostics, ...state } = loaded.entries.get('b.md')!;
    expect(state).toEqual({ size: 10, mtimeMs: 1000, hash: 'a'.repeat(40), now: 2000, clockBound: true, artifacts: true, paths: [['src/a.ts', true], ['src/b.ts', false]] });
    expect(loaded.entries.get('a.md')?.hash).toBe('a'.repeat(40));
    expect(loaded.entries.get('a.md')?.diagnostics[0]?.ruleId).toBe('y');
    expect(diagnostics[0]?.ruleId).toBe('x');
    const other = loadLintCache(file, 'another key');
    expect(other.entries.size).toBe(0);
    expect(other.ignored).toBeUndefined();
    expect(other.foreign).toBeUndefined();
  });

  it('keeps a report only for the cache file it was made with, and never writes over a file that is not one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'execplan-cachefile-'));
    const file = path.join(dir, 'lint.json');
    const cache = loadLintCache(file, 'k');
    setCacheEntry(cache, 'a.md', entry('x'));
    expect(saveLintCache(cache, { gitignore: false, root: dir })).toBe(true);
    const totals = { files: 1, errors: 1, warnings: 0, fixable: 0 };
    const keepReport = (c: typeof cache, text: string) => {
      const draft = draftReport(c, { gitignore: false, root: dir });
      draft.write(text);
      return draft.keep({ options: 'o', files: ['a.md'], totals });
    };
    expect(keepReport(cache, 'report ✔\n')).toBe(true);
    const loaded = loadLintCache(file, 'k');
    expect(replayed(keptReport(loaded, 'o', ['a.md'])!).toString('utf8')).toBe('report ✔\n');
    expect(keptReport(loaded, 'o', ['a.md'])!.totals).toEqual(totals);
    expect(keptReport(loaded, 'other', ['a.md'])).toBeUndefined();
    expect(keptReport(loaded, 'o', ['b.md'])).toBeUndefined();
    // The cache saved again, by another run: the report no longer names it.
    setCacheEntry(loaded, 'b.md', entry('y'));
    saveLintCache(loaded, { gitignore: false, root: dir });
    expect(keptReport(loadLintCache(file, 'k'), 'o', ['a.md'])).toBeUndefined();
    // Cut short: not used.
    const again = loadLintCache(file, 'k');
    keepReport(again, 'whole report\n');
    writeFileSync(`${file}.report`, readFileSync(`${file}.report`).subarray(0, -3));
    expect(keptReport(loadLintCache(file, 'k'), 'o', ['a.md'])).toBeUndefined();
    // Someone else's file in its place stays as it is.
    writeFileSync(`${file}.report`, 'notes\n');
    expect(keepReport(again, 'r\n')).toBe(false);
    expect(readFileSync(`${file}.report`, 'utf8')).toBe('notes\n');
  });

  it('prints a kept report larger than a piece back byte for byte, a piece at a time', () => {
    const { dir, file, cache } = savedCache();
    const files = Array.from({ length: 3000 }, (_, i) => `plans/2026-01-01_plan-${i}.md`);
    // Multi-byte characters fall across the pieces' edges; the last line of the file is over a piece long too.
    const report = Array.from({ length: 9000 }, (_, i) => `plans/2026-01-01_plan-${i}.md ✔ ${'é'.repeat(i % 7)}\r\n`).join('');
    const draft = draftReport(cache, { gitignore: false, root: dir });
    draft.write(report.slice(0, 70_001));
    draft.write(Buffer.from(report.slice(70_001)));
    expect(draft.keep({ options: 'o', files, totals: { files: 3000, errors: 0, warnings: 0, fixable: 0 } })).toBe(true);
    const kept = keptReport(loadLintCache(file, 'k'), 'o', files)!;
    const pieces: number[] = [];
    kept.copy((bytes) => void pieces.push(bytes.length));
    expect(Math.max(...pieces)).toBe(1 << 16);
    expect(replayed(kept).equals(Buffer.from(report))).toBe(true);
  });

  it('saves the cache entry by entry as the one JSON document it reads back, old and new entries alike', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'execplan-cachefile-'));
    const file = path.join(dir, 'lint.json');
    const first = loadLintCache(file, 'k ✔');
    const many = Array.from({ length: 1500 }, (_, i) => [`plans/p${String(i).padStart(4, '0')}.md`, { ...entry(`rule-${i}`), hash: `${i}`.padStart(40, '0') }] as const);
    for (const [rel, e] of many.slice(0, 1000)) setCacheEntry(first, rel, e);
    expect(saveLintCache(first, { gitignore: false, root: dir })).toBe(true);
    const second = loadLintCache(file, 'k ✔');
    expect(second.entries.size).toBe(1000);
    // Some replaced, some added, one forgotten: the file holds what the entries are now.
    for (const [rel, e] of many.slice(500)) setCacheEntry(second, rel, { ...e, now: 3000 });
    deleteCacheEntry(second, many[0]![0]);
    expect(saveLintCache(second, { gitignore: false, root: dir })).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text.length).toBeGreaterThan(1 << 18);
    const plans = Object.fromEntries(many.slice(1).map(([rel, e], i) => [rel, i + 1 >= 500 ? { ...e, now: 3000 } : e]));
    expect(JSON.parse(text)).toEqual({ execplanLintCache: 5, key: 'k ✔', plans });
    expect(Object.keys(JSON.parse(text).plans)).toEqual(Object.keys(plans));
    expect(text.indexOf('\n')).toBe(text.length - 1);
    const third = loadLintCache(file, 'k ✔');
    expect(third.ignored).toBeUndefined();
    expect(Object.fromEntries(third.entries)).toEqual(plans);
  });

  it('calls a file that is not a cache foreign, and one of its own cut short merely damaged', () => {
    const { file } = savedCache();
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 5));
    expect(loadLintCache(file, 'k')).toMatchObject({ ignored: 'it is not valid JSON', changed: true });
    expect(loadLintCache(file, 'k').foreign).toBeUndefined();
    writeFileSync(file, '{"name":"a package"}\n');
    expect(loadLintCache(file, 'k')).toMatchObject({ ignored: "it is not a lint cache of execplan's", foreign: true });
    writeFileSync(file, '');
    expect(loadLintCache(file, 'k')).toMatchObject({ changed: true, entries: new Map() });
    expect(loadLintCache(file, 'k').ignored).toBeUndefined();
  });
});
