/**
 * Linting plans, for `execplan lint`: which plans (targets), judged how (settings), what the
 * cache already knows, the rest linted here or on worker threads, `--fix` applied, and every
 * plan's result handed on in the plans' order. Findings come from src/core/lint.ts; the report's
 * format is the caller's.
 */
import path from 'node:path';
import { isFixable, type LintResult, type RuleMeta } from '../core/diagnostic.js';
import { plural, type Totals } from '../formatters/types.js';
import { resolveSettingsOf, type EnabledRule, type LintSettingsInput, type RuleSettingInput } from '../core/lint-settings.js';
import { summarize } from '../core/lint.js';
import { editDistance } from '../core/sections.js';
import type { Config } from '../workspace/config.js';
import { ExecplanError } from '../workspace/errors.js';
import { cacheFile, cacheKey, deleteCacheEntry, loadLintCache, saveLintCache, setCacheEntry, type LintCache } from '../workspace/lint-cache.js';
import { draftReport, keptReport } from '../workspace/lint-report.js';
import { checkEntry, fsAnswers, type FileJob, type FileOutcome, type FsAnswers, type LintSetup } from '../workspace/lint-files.js';
import type { FileLinter } from '../workspace/lint-runner.js';
import { leftOutMessage, listPlanRefs, type PlanRef } from '../workspace/plans.js';
import { assertRealInside } from '../workspace/safe-path.js';
import { isInside, relPath, type Workspace } from '../workspace/workspace.js';
import { loadRuleMetas } from '../rules/metas.js';
import { VERSION } from '../version.js';
import type { Clock } from './clock.js';
import { lintJob, lintSetup } from './lint-setup.js';
import { lintInWorkers, workersFor, type PoolRequest, type WorkerFactory } from './lint-workers.js';

/** What `--fix` does: write the fixes, only show them, or nothing. */
export type FixMode = 'write' | 'dry-run' | 'none';

/** What to lint, and how. */
export interface LintRequest {
  /** The folder relative targets are resolved from. */
  cwd: string;
  /** Ids, prefixes, paths, folders and globs; none means every active plan. */
  targets: readonly string[];
  /** The plans, when the caller has resolved them already (in place of `targets`). */
  plans?: readonly PlanRef[];
  /** `--profile`, replacing the configured one. */
  profile?: string;
  /** `--rule id=severity`, each replacing that rule's configured severity. */
  rules?: readonly string[];
  clock: Clock;
  /** The environment: `EXECPLAN_WORKERS`, and git's for the history `plan-drift` reads. */
  env: Record<string, string | undefined>;
  fix: FixMode;
  /** Remember results between runs, in `location` (the default place when absent); `force` writes over a file that is not a cache. */
  cache?: { location?: string; force: boolean };
  /**
   * What identifies the printed report (its format and options): with a cache and no fix, the
   * report is kept, and handed back instead of the results by a run over the very same results.
   */
  reportKey?: string;
  /** How worker threads are started (tests run the worker's code in-process); the built worker script by default. */
  spawnWorker?: WorkerFactory;
}

/** What the run hands its caller as it goes. */
export interface LintListener {
  /** A plan left out of the listing (a link leading outside the repository), in words. */
  leftOut?(message: string): void;
  /**
   * The plans are known: `total` results follow. With `keep` (when `reportKey` asked to keep the
   * report), every byte of the report is to be handed to it as it is printed.
   */
  start(total: number, input: { rules: readonly RuleMeta[]; enabled: readonly EnabledRule<{ meta: RuleMeta }>[]; keep?: (text: string | Uint8Array) => void }): void;
  /** The report an earlier run printed over these very results: no result follows. */
  replay?(bytes: Uint8Array, totals: Totals): void;
  /** One plan's result, in the plans' order, as soon as it and every one before it are known (after `--fix`, once every plan is fixed). */
  result(r: LintResult, done: number): void;
  /** Every result is handed on (`fixes` with `--fix`): returns the report's totals when `reportKey` asked to keep it. */
  end(fixes: FixSummary | undefined): Promise<Totals | undefined>;
}

/** What `--fix` or `--fix-dry-run` did. */
export interface FixSummary {
  /** Findings fixed, and in how many plans. */
  fixed: number;
  files: number;
  /** The unified diff of a dry run. */
  diff: string;
  /** Folders a dry run would create, repository-relative. */
  wouldCreate: string[];
}

/** How the run went, besides its results. */
export interface LintSummary {
  plans: number;
  /** Plans whose result came from the cache. */
  cached: number;
  threads: 'the main thread' | 'worker threads';
  ms: number;
  /** Set when the cache could not be written: its path. */
  cacheNotSaved?: string;
  /** Set when the cache file could not be read as one and was ignored: its path and why. */
  cacheIgnored?: { file: string; why: string };
  /** When there was nothing to lint: what to say, a line each. */
  nothing?: string[];
}

/** Lint the plans `req` names, handing each result to `on` as it comes. */
export async function lintPlans(ws: Workspace, req: LintRequest, on: LintListener): Promise<LintSummary> {
  const started = Date.now();
  // Settings are checked before anything is read; the parser loads only when a plan must be linted.
  const metas = await loadRuleMetas();
  const setup = lintSetup(ws, req.clock, lintSettings(ws.config, req, metas));
  const enabled = resolveSettingsOf(setup.lint, metas.map((meta) => ({ meta })));

  // Targets: without arguments every active plan; arguments may be globs, whose matcher loads only then.
  const refs = req.plans ? [...req.plans] : req.targets.length ? await (await import('../workspace/lint-targets.js')).resolveLintTargets(ws, req.cwd, req.targets) : listPlanRefs(ws, 'active', (rel, why, link) => on.leftOut?.(leftOutMessage(rel, why, link)));
  const jobs = refs.map((ref) => lintJob(ws, ref));
  const rels = jobs.map((j) => j.rel);
  // plan-drift reads git history, back to the last commit of every plan linted.
  if (enabled.some((e) => e.rule.meta.id === 'plan-drift') && rels.length) {
    const { gitDirs } = await import('../workspace/git-dirs.js');
    const history = gitDirs(ws.root) ? await (await import('./drift.js')).cachedHistory(ws, rels, req.env) : undefined;
    if (history) setup.history = history;
  }

  // The cache: results that still hold are settled with a stat each.
  const cache = req.cache ? openCache(ws, req, setup, metas) : undefined;
  const place = { gitignore: !req.cache?.location, root: ws.root };
  // With a cache and no fix, the report is written beside the cache as it is printed (lint-report.ts).
  const reportKey = cache && req.fix === 'none' ? req.reportKey : undefined;
  const draft = reportKey !== undefined ? draftReport(cache!, place) : undefined;
  on.start(jobs.length, { rules: metas, enabled, ...(draft ? { keep: draft.write } : {}) });
  const fs = fsAnswers(ws.root);
  let linter: FileLinter | undefined;
  const loadLinter = async () => (linter ??= (await import('../workspace/lint-runner.js')).createFileLinter(setup, fs));
  const pass = checkCache(jobs, cache, setup.now, fs);
  // A report printed over these very findings is printed again.
  const stored = reportKey !== undefined && !pass.misses.length ? keptReport(cache!, reportKey, rels) : undefined;
  let totals: Totals | undefined;
  let threads: LintSummary['threads'] = 'the main thread';
  try {
    if (stored) {
      on.replay?.(stored.bytes, stored.totals);
      totals = stored.totals;
    } else {
      // Workers or this thread; with --fix every result is needed before it is handed on.
      const results: LintResult[] = [];
      threads = await lintAll(jobs, pass, { setup, useCache: Boolean(cache), loadLinter, env: req.env, ...(req.spawnWorker ? { spawn: req.spawnWorker } : {}) }, (o, done) => {
        if (cache && o.entry) setCacheEntry(cache, o.rel, o.entry);
        const r = summarize(o.rel, o.diagnostics);
        if (req.fix === 'none') on.result(r, done);
        else results.push(r);
      });
      let fixes: FixSummary | undefined;
      if (req.fix !== 'none') {
        fixes = await applyFixes(ws, refs, jobs, await loadLinter(), cache, results, req.fix === 'dry-run');
        results.forEach((r, i) => on.result(r, i + 1));
      }
      totals = await on.end(fixes);
    }
  } catch (err) {
    draft?.discard();
    throw err;
  }

  const summary: LintSummary = { plans: jobs.length, cached: jobs.length - pass.misses.length, threads, ms: Math.round(Date.now() - started) };
  if (cache) {
    // A run over every active plan forgets the plans that are gone.
    if (!req.targets.length) {
      const seen = new Set(rels);
      for (const rel of [...cache.entries.keys()]) if (!seen.has(rel)) deleteCacheEntry(cache, rel);
    }
    const changed = cache.changed;
    if (changed && !saveLintCache(cache, place)) summary.cacheNotSaved = relPath(ws, cache.file);
    // A new report, or the one printed again when the cache file it names was just replaced.
    else if (draft && totals && (!stored || changed)) {
      if (stored) draft.write(stored.bytes);
      draft.keep({ options: reportKey!, files: rels, totals });
    }
    draft?.discard();
    if (cache.ignored) summary.cacheIgnored = { file: relPath(ws, cache.file), why: cache.ignored };
  }
  if (!refs.length) {
    const hint = req.targets.length ? '' : await unconfiguredHint(ws);
    summary.nothing = [`no plans to lint in ${req.targets.length ? req.targets.join(', ') : `${ws.config.paths.active}/`}.`, ...(hint ? [hint] : [])];
  }
  return summary;
}

/**
 * The lint settings of this run: the configuration's, with `profile` replacing the profile and
 * each `id=severity` of `rules` replacing that rule's severity (its configured options are kept).
 */
export function lintSettings(config: Config, req: Pick<LintRequest, 'profile' | 'rules'>, metas: readonly RuleMeta[]): LintSettingsInput {
  let profile = config.lint.profile;
  if (req.profile !== undefined) {
    if (req.profile !== 'strict' && req.profile !== 'recommended') throw new ExecplanError('USAGE', `Unknown profile "${req.profile}"; expected strict or recommended.`);
    profile = req.profile;
  }
  const configured = config.lint.rules as Record<string, RuleSettingInput>;
  const out: Record<string, RuleSettingInput> = { ...configured };
  const known = metas.map((r) => r.id);
  for (const spec of req.rules ?? []) {
    const m = /^\s*([^=\s]+)\s*[=:]\s*(off|warn|warning|error)\s*$/.exec(spec);
    if (!m) throw new ExecplanError('USAGE', `--rule takes <rule-id>=<off|warn|error>, as in --rule section-order=off (got "${spec}").`);
    const id = m[1]!;
    if (!known.includes(id)) {
      const close = known.filter((k) => editDistance(id, k, 3) <= 3 || k.includes(id));
      const hint = close.length ? ` Did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
      throw new ExecplanError('USAGE', `--rule names unknown rule "${id}".${hint} Known rules: ${known.join(', ')}.`, { details: known });
    }
    const severity = m[2] === 'warning' ? 'warn' : (m[2] as 'off' | 'warn' | 'error');
    const prev = configured[id];
    out[id] = Array.isArray(prev) && prev[1] ? [severity, prev[1]] : severity;
  }
  return { profile, rules: out };
}

function openCache(ws: Workspace, req: LintRequest, setup: LintSetup, metas: readonly RuleMeta[]): LintCache {
  const key = cacheKey({
    version: VERSION,
    rules: metas,
    settings: { lint: setup.lint, sections: setup.sections, style: setup.timestampStyle, styleFromPlan: Boolean(setup.timestampStyleFromPlan), tz: setup.tzOffsetMinutes, paths: ws.config.paths, head: setup.history?.[0]?.hash },
  });
  const location = req.cache?.location;
  const file = cacheFile(ws.root, req.cwd, location);
  // Inside the repository no symbolic link may lead the cache elsewhere; a place outside it is the user's explicit choice.
  if (isInside(ws.root, file)) assertRealInside(ws.root, file, 'cache file');
  const cache = loadLintCache(file, key);
  // The default location is execplan's own folder; a file the user named is written over only if it is a cache, or with force.
  if (cache.foreign && location && !req.cache?.force) {
    const shown = path.relative(req.cwd, cache.file) || cache.file;
    throw new ExecplanError('USAGE', `--cache-location ${location}: ${shown} is not a lint cache of execplan's, so it was not written over. Name a new file, a folder, or the cache file of an earlier run, or pass --force to replace it.`, { file: shown });
  }
  return cache;
}

/**
 * Settle the plans whose cached entry still holds (see lint-cache.ts), with a stat each: their
 * outcomes by job index, and the indexes of the plans to lint (without a cache, every plan).
 */
function checkCache(jobs: readonly FileJob[], cache: LintCache | undefined, now: number, fs: FsAnswers) {
  const pass = { outcomes: new Array<FileOutcome | undefined>(jobs.length), misses: [] as number[] };
  jobs.forEach((job, i) => {
    const entry = cache?.entries.get(job.rel);
    const kept = entry && checkEntry(job, entry, now, fs);
    // A touched but unchanged file keeps its findings under its new stat.
    if (kept) pass.outcomes[i] = { rel: job.rel, diagnostics: kept.diagnostics, ...(kept !== entry ? { entry: kept } : {}) };
    else pass.misses.push(i);
  });
  return pass;
}

/** How the plans the cache did not settle are linted: as a pool of workers would, on as many threads as `env` allows. */
type LintWith = Omit<PoolRequest, 'jobs' | 'wanted' | 'settle'> & { env: Record<string, string | undefined> };

/** Lint the plans the cache did not settle, on worker threads when there are many, and hand every outcome to `emit` in job order. */
async function lintAll(jobs: readonly FileJob[], pass: ReturnType<typeof checkCache>, how: LintWith, emit: (o: FileOutcome, done: number) => void): Promise<LintSummary['threads']> {
  const { outcomes, misses } = pass;
  let done = 0;
  // Outcomes come in any order; each waits here until every one before it is emitted.
  const flush = () => {
    for (let o = outcomes[done]; o; o = outcomes[done]) {
      outcomes[done] = undefined;
      emit(o, ++done);
    }
  };
  flush();
  const toLint = misses.map((i) => jobs[i]!);
  const settle = (k: number, o: FileOutcome) => {
    outcomes[misses[k]!] = o;
    flush();
  };
  // Worker threads are only worth their start-up for many plans.
  const wanted = workersFor(toLint.length, how.env);
  if (wanted && (await lintInWorkers({ ...how, jobs: toLint, wanted, settle }))) return 'worker threads';
  if (!toLint.length) return 'the main thread';
  const linter = await how.loadLinter();
  toLint.forEach((job, k) => settle(k, linter.lintFile(job, how.useCache)));
  return 'the main thread';
}

/** `--fix` / `--fix-dry-run` over the plans that have something to fix: results are replaced by what is left. */
async function applyFixes(ws: Workspace, refs: PlanRef[], jobs: FileJob[], linter: FileLinter, cache: LintCache | undefined, results: LintResult[], dryRun: boolean): Promise<FixSummary> {
  // The store and its lock are loaded only when something is fixed.
  const { fixOne } = await import('./lint-fix.js');
  const out: FixSummary = { fixed: 0, files: 0, diff: '', wouldCreate: [] };
  for (let i = 0; i < results.length; i++) {
    if (!results[i]!.diagnostics.some(isFixable)) continue;
    const fix = await fixOne(ws, refs[i]!, jobs[i]!, linter, results[i]!.diagnostics, dryRun);
    results[i] = summarize(results[i]!.file, fix.diagnostics, fix.output);
    out.diff += fix.diff ?? '';
    if (fix.wouldCreate !== undefined) out.wouldCreate.push(fix.wouldCreate);
    if (fix.fixed) {
      out.fixed += fix.fixed;
      out.files++;
      // The plan changed under the cache's feet: its next run lints it afresh.
      if (cache && !dryRun) deleteCacheEntry(cache, results[i]!.file);
    }
  }
  return out;
}

/** When plain `lint` finds nothing: a plan folder `init` would detect but the configuration does not name, if there is one. */
async function unconfiguredHint(ws: Workspace): Promise<string> {
  const found = (await import('../workspace/layout.js')).detectLayout(ws.root);
  if (!found || path.resolve(ws.root, found.paths.active) === ws.dirs.active) return '';
  return `${found.paths.active}/ holds ${plural(found.plans, 'plan')} but is not the configured plan folder. Run \`execplan init\` to point execplan.json there, or lint it by name: execplan lint ${found.paths.active}`;
}
