/**
 * `execplan lint`: check plans against the rules and report in one of four formats. Findings come
 * from src/core/lint.ts; this command finds the plans, reads them (or their cached results),
 * applies `--fix`, picks the formatter and turns the totals into an exit code.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarize, type LintResult, type RuleMeta } from '../core/diagnostic.js';
import { resolveSettingsOf } from '../core/lint-settings.js';
import type { StreamInput, Totals } from '../formatters/types.js';
import { loadRuleMetas } from '../rules/metas.js';
import { ExecplanError } from '../workspace/errors.js';
import { cacheFile, cacheKey, deleteCacheEntry, loadLintCache, saveLintCache, setCacheEntry, reportFor, storeReport, type LintCache } from '../workspace/lint-cache.js';
import { errorEnvelope } from '../usecases/envelope.js';
import { lintJob, lintSetup } from '../usecases/lint-setup.js';
import { fsAnswers, type FileJob, type LintSetup } from '../workspace/lint-files.js';
import type { FileLinter } from '../workspace/lint-runner.js';
import { leftOutMessage, listPlanRefs, type PlanRef } from '../workspace/plans.js';
import { assertRealInside } from '../workspace/safe-path.js';
import { isInside, openWorkspace, relPath, type Workspace } from '../workspace/workspace.js';
import { VERSION } from '../version.js';
import { clockOf, writeJson, type Io } from './io.js';
import { lintSettings, settle, type LintOptions, type Settled } from './lint-options.js';
import { useColor } from '../terminal/color.js';
import { loadFormatter, loadStreamingFormatter, openSink } from './lint-output.js';
import { checkCache, debugRun, lintAll, settleHits } from './lint-run.js';
import { startSpinner } from '../terminal/spinner.js';

const EMPTY = Buffer.alloc(0);

/** Run `execplan lint [plans...]`. */
export async function run(io: Io, opts: LintOptions, targets: string[] = []): Promise<number> {
  try {
    return await lint(io, opts, targets);
  } catch (err) {
    // `--format json` promises one JSON document on stdout, errors included (`--json` is handled by the CLI).
    if (err instanceof ExecplanError && !opts.json && opts.format === 'json' && !opts.output) writeJson(io, errorEnvelope(err));
    throw err;
  }
}

async function lint(io: Io, opts: LintOptions, targets: string[]): Promise<number> {
  const settled = settle(opts);
  const cwd = path.resolve(io.cwd, opts.cwd ?? '.');
  const ws = openWorkspace(cwd);
  const metas = await loadRuleMetas();
  const setup = lintSetup(ws, clockOf(io), lintSettings(ws.config, opts, metas));
  // Settings are checked before anything is read; the parser loads only when a plan must be linted.
  const enabled = resolveSettingsOf(setup.lint, metas.map((meta) => ({ meta })));
  const fs = fsAnswers(ws.root);
  let linter: FileLinter | undefined;
  const loadLinter = async () => (linter ??= (await import('../workspace/lint-runner.js')).createFileLinter(setup, fs));
  // Without arguments, every active plan; arguments may be globs, whose matcher loads only then.
  const refs = targets.length ? await (await import('../workspace/lint-targets.js')).resolveLintTargets(ws, cwd, targets) : listPlanRefs(ws, 'active', (rel, why, link) => io.stderr(leftOutMessage(rel, why, link)));
  const jobs = refs.map((ref) => lintJob(ws, ref));
  const rels = jobs.map((j) => j.rel);
  // plan-drift reads git history, back to the last commit of every plan linted.
  if (enabled.some((e) => e.rule.meta.id === 'plan-drift') && rels.length) {
    const { gitDirs } = await import('../workspace/git-dirs.js');
    const history = gitDirs(ws.root) ? await (await import('../usecases/drift.js')).cachedHistory(ws, rels, io.env) : undefined;
    if (history) setup.history = history;
  }
  const cache = opts.cache ? openCache(ws, cwd, opts, setup, metas) : undefined;
  const input: StreamInput = {
    rules: metas,
    enabled: Object.fromEntries(enabled.map((e) => [e.rule.meta.id, e.severity])),
    version: VERSION,
    color: useColor(io, opts),
    rootUri: `${pathToFileURL(ws.root).href.replace(/\/$/, '')}/`,
  };
  const keep = (r: LintResult) => (opts.quiet ? summarize(r.file, r.diagnostics.filter((d) => d.severity === 'error'), r.output) : r);
  const progress = startSpinner(io, 'Linting plans', jobs.length);
  // On a shared terminal, findings printed as they come must not land on the progress line.
  const sink = openSink(io, ws.root, cwd, opts.output, Boolean(opts.force), () => (io.stdoutIsTTY ? progress.clear() : undefined));
  const t: Totals = { files: 0, errors: 0, warnings: 0, fixable: 0 };
  const count = (r: LintResult) => {
    t.files++;
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.fixable += r.fixableCount;
  };

  // The report is kept in the cache, to be printed again by a run over the very same results.
  const reportOptions = cache && settled.fix === 'none' ? JSON.stringify({ format: settled.format, color: input.color, quiet: Boolean(opts.quiet), rootUri: input.rootUri }) : undefined;
  const report: string[] = [];
  const write = (text: string | Buffer) => {
    if (reportOptions !== undefined) report.push(text.toString());
    sink.write(text);
  };

  try {
    const pass = checkCache(jobs, cache, setup.now, fs);
    const stored = cache && reportOptions !== undefined && !pass.misses.length ? reportFor(cache, reportOptions, rels) : undefined;
    const bytes = stored?.bytes();
    if (stored && bytes) {
      sink.write(bytes);
      Object.assign(t, stored.totals);
      debugRun(io, pass, jobs.length, jobs.length, 'the main thread');
    } else {
      // Large runs print each plan's findings as they come and keep only counts; the whole-document
      // formats keep each plan's block as bytes until the totals that lead them are known; --fix
      // needs every result first.
      const stream = settled.fix === 'none' ? await loadStreamingFormatter(settled.format) : undefined;
      const held: Buffer[] | undefined = stream && 'header' in stream ? [] : undefined;
      const results: LintResult[] = [];
      settleHits(jobs, pass, cache);
      await lintAll(io, jobs, pass, setup, Boolean(cache), loadLinter, progress, (o) => {
        if (cache && o.entry) setCacheEntry(cache, o.rel, o.entry);
        const r = summarize(o.rel, o.diagnostics);
        if (!stream) results.push(r);
        else {
          const shown = keep(r);
          count(shown);
          const block = stream.file(shown, input);
          if (!held) write(block);
          else if (block) held.push(Buffer.from(held.length ? `${stream.separator ?? ''}${block}` : block));
        }
      });
      progress.done();
      if (stream) {
        if (held) {
          write(stream.header!(t, input));
          for (let i = 0; i < held.length; i++) {
            write(held[i]!);
            held[i] = EMPTY;
          }
        }
        write(stream.footer(t, input));
      }
      else {
        if (settled.fix !== 'none') {
          const diff = await applyFixes(io, ws, refs, jobs, await loadLinter(), cache, results, settled);
          // The diff leads the human report; json carries each fixed text as `output`; github and sarif keep their output to themselves.
          if (settled.format === 'stylish') write(diff);
          else if (settled.format !== 'json') io.stderr(diff);
        }
        const shown = results.map(keep);
        shown.forEach(count);
        write((await loadFormatter(settled.format))({ ...input, results: shown }));
      }
      if (cache && reportOptions !== undefined) storeReport(cache, { options: reportOptions, files: rels, text: report.join(''), totals: { ...t } });
    }
  } finally {
    progress.done();
    sink.close();
  }

  if (cache) {
    if (!targets.length) {
      const seen = new Set(rels);
      for (const rel of [...cache.entries.keys()]) if (!seen.has(rel)) deleteCacheEntry(cache, rel);
    }
    if (cache.changed && !saveLintCache(cache, { gitignore: !opts.cacheLocation, root: ws.root })) io.stderr(`execplan: could not write the lint cache ${relPath(ws, cache.file)}; results were not remembered.\n`);
  }
  if (!refs.length) {
    io.stderr(`execplan: no plans to lint in ${targets.length ? targets.join(', ') : `${ws.config.paths.active}/`}.\n`);
    if (!targets.length) io.stderr(await unconfiguredHint(ws));
  }
  if (t.errors) return 1;
  if (settled.maxWarnings !== undefined && t.warnings > settled.maxWarnings) {
    io.stderr(`execplan: ${t.warnings} warning${t.warnings === 1 ? '' : 's'}, more than --max-warnings ${settled.maxWarnings} allows.\n`);
    return 1;
  }
  return 0;
}

/**
 * `--fix` / `--fix-dry-run` over the plans that have something to fix: results are replaced by
 * what is left. Returns the unified diff of a dry run.
 */
async function applyFixes(io: Io, ws: Workspace, refs: PlanRef[], jobs: FileJob[], linter: FileLinter, cache: LintCache | undefined, results: LintResult[], settled: Settled): Promise<string> {
  // The store and its lock are loaded only when something is fixed.
  const { fixOne, needsFix } = await import('../usecases/lint-fix.js');
  const dryRun = settled.fix === 'dry-run';
  let fixed = 0;
  let files = 0;
  let diff = '';
  for (let i = 0; i < results.length; i++) {
    if (!needsFix(results[i]!.diagnostics)) continue;
    const out = await fixOne(ws, refs[i]!, jobs[i]!, linter, results[i]!.diagnostics, dryRun);
    results[i] = summarize(results[i]!.file, out.diagnostics, out.output);
    diff += out.diff ?? '';
    // stdout stays a diff that applies: the folder a fix would make is said on stderr.
    if (out.wouldCreate !== undefined) io.stderr(`execplan: --fix would create ${out.wouldCreate}/\n`);
    if (out.fixed) {
      fixed += out.fixed;
      files++;
      // The plan changed under the cache's feet: its next run lints it afresh.
      if (cache && !dryRun) deleteCacheEntry(cache, results[i]!.file);
    }
  }
  if (!dryRun && settled.format === 'stylish' && fixed) {
    io.stderr(`Fixed ${fixed} problem${fixed === 1 ? '' : 's'} in ${files} plan${files === 1 ? '' : 's'}.\n`);
  }
  return diff;
}

function openCache(ws: Workspace, cwd: string, opts: LintOptions, setup: LintSetup, metas: readonly RuleMeta[]): LintCache {
  const key = cacheKey({
    version: VERSION,
    rules: metas,
    settings: { lint: setup.lint, sections: setup.sections, style: setup.timestampStyle, styleFromPlan: Boolean(setup.timestampStyleFromPlan), tz: setup.tzOffsetMinutes, paths: ws.config.paths, head: setup.history?.[0]?.hash },
  });
  const file = cacheFile(ws.root, cwd, opts.cacheLocation);
  // Inside the repository no symbolic link may lead the cache elsewhere; a place outside it is the user's explicit choice.
  if (isInside(ws.root, file)) assertRealInside(ws.root, file, 'cache file');
  const cache = loadLintCache(file, key);
  // The default location is execplan's own folder; a file the user named is written over only if it is a cache, or with --force.
  if (cache.foreign && opts.cacheLocation && !opts.force) {
    const shown = path.relative(cwd, cache.file) || cache.file;
    throw new ExecplanError('USAGE', `--cache-location ${opts.cacheLocation}: ${shown} is not a lint cache of execplan's, so it was not written over. Name a new file, a folder, or the cache file of an earlier run, or pass --force to replace it.`, { file: shown });
  }
  return cache;
}

/** When plain `lint` finds nothing: a plan folder `init` would detect but the configuration does not name, if there is one. */
async function unconfiguredHint(ws: Workspace): Promise<string> {
  const found = (await import('../workspace/layout.js')).detectLayout(ws.root);
  if (!found || path.resolve(ws.root, found.paths.active) === ws.dirs.active) return '';
  const n = `${found.plans} plan${found.plans === 1 ? '' : 's'}`;
  return `execplan: ${found.paths.active}/ holds ${n} but is not the configured plan folder. Run \`execplan init\` to point execplan.json there, or lint it by name: execplan lint ${found.paths.active}\n`;
}
