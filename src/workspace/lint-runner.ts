/**
 * Linting plan files one at a time: stat, consult the cache, read, parse, run the rules, keep only
 * the findings. The same code runs on the main thread and in worker threads, so everything it
 * takes and returns is plain data.
 */
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { lintPlan } from '../core/lint.js';
import { parseOptionsFor, resolveSettingsOf, type EnabledRule } from '../core/lint-settings.js';
import { parsePlan } from '../core/parse.js';
import { RULES } from '../rules/index.js';
import type { LintContextBase, Rule } from '../rules/types.js';
import type { CacheEntry } from './lint-cache.js';
import { fsAnswers, readFile, statFile, type FileJob, type FileOutcome, type FsAnswers, type LintSetup } from './lint-files.js';
import { sha1 } from './hash.js';
import { nameProblem } from './safe-path.js';

/** A linter for one run: settings resolved once, file-system answers memoised across plans. */
export interface FileLinter {
  enabled: readonly EnabledRule[];
  /** Lint one plan; with `useCache`, the outcome carries the entry to store. */
  lintFile(job: FileJob, useCache: boolean): FileOutcome;
  /** Lint `text` as the plan of `job` (a text about to be written, not the file's). */
  lintText(job: FileJob, text: string): Diagnostic[];
  /** The rule context for a plan, for callers that lint text themselves (`--fix`). */
  contextFor(job: FileJob): LintContextBase;
}

/**
 * Make the linter for a run; `fs` shares existence answers with the caller's cache checks.
 * Throws an ExecplanError for unknown rules or options in the settings.
 */
export function createFileLinter(setup: LintSetup, fs: FsAnswers = fsAnswers(setup.root)): FileLinter {
  // What the rules asked of the outside world while one plan was linted.
  let observed = { clockRules: new Set<string>(), paths: {} as Record<string, boolean> };
  // The rule now running, so that a read of the clock is put down to it.
  let running = '';
  const rules = RULES.map((rule): Rule => ({
    meta: rule.meta,
    check(ctx) {
      running = rule.meta.id;
      rule.check(ctx);
    },
  }));
  const enabled = resolveSettingsOf(setup.lint, rules);
  const parseOptions = parseOptionsFor(setup.sections);
  const now = new Date(setup.now);

  const contextFor = (job: FileJob): LintContextBase => ({
    file: { path: job.rel, name: path.posix.basename(job.rel) },
    sections: setup.sections,
    timestampStyle: setup.timestampStyle,
    ...(setup.timestampStyleFromPlan ? { timestampStyleFromPlan: true } : {}),
    get now() {
      observed.clockRules.add(running);
      return now;
    },
    get tzOffsetMinutes() {
      observed.clockRules.add(running);
      return setup.tzOffsetMinutes;
    },
    artifacts: { path: job.artifacts, exists: fs.dirExists(job.artifacts), ...(nameProblem(path.posix.basename(job.artifacts)) ? { creatable: false } : {}) },
    exists: (rel) => (observed.paths[rel] = fs.pathExists(rel)),
    ...(setup.history ? { history: setup.history } : {}),
  });
  return {
    enabled,
    contextFor,
    lintText: (job, text) => lintPlan(parsePlan(text, parseOptions), contextFor(job), enabled),
    lintFile(job, useCache) {
      // A cache entry is stored against the plan's stat, taken before its bytes are read.
      const st = useCache ? statFile(job) : undefined;
      const bytes = readFile(job);
      observed = { clockRules: new Set(), paths: {} };
      const base = contextFor(job);
      const diagnostics = lintPlan(parsePlan(bytes.toString('utf8'), parseOptions), base, enabled);
      if (!st) return { rel: job.rel, diagnostics };
      const entry: CacheEntry = { size: st.size, mtimeMs: st.mtimeMs, hash: sha1(bytes), diagnostics, now: setup.now, artifacts: base.artifacts!.exists };
      if (diagnostics.some((d) => observed.clockRules.has(d.ruleId))) entry.clockBound = true;
      const paths = Object.entries(observed.paths);
      if (paths.length) entry.paths = paths;
      return { rel: job.rel, diagnostics, entry };
    },
  };
}
