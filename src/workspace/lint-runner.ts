/**
 * Linting plan files one at a time: stat, consult the cache, read, parse, run the rules, keep only
 * the findings. The same code runs on the main thread and in worker threads, so everything it
 * takes and returns is plain data.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { lintPlan, parseOptionsFor, resolveRuleSettings, type EnabledRule, type LintSettingsInput } from '../core/lint.js';
import { parsePlan } from '../core/parse.js';
import { RULES } from '../rules/index.js';
import type { LintContextBase, Rule, SectionSettings } from '../rules/types.js';
import { ExecplanError } from './errors.js';
import { sha1, type CacheEntry } from './lint-cache.js';

/** Everything a run's results depend on besides the plans: plain data, so workers get a copy. */
export interface LintSetup {
  /** Absolute path of the repository root. */
  root: string;
  lint: LintSettingsInput;
  sections: SectionSettings;
  timestampStyle: 'local' | 'utc';
  /** The clock, ms since the epoch. */
  now: number;
  tzOffsetMinutes: number;
}

/** One plan to lint. */
export interface FileJob {
  abs: string;
  /** Repository-relative, with `/`. */
  rel: string;
  /** The plan's artifacts folder, repository-relative. */
  artifacts: string;
}

/** What linting one plan gave. */
export interface FileOutcome {
  rel: string;
  diagnostics: Diagnostic[];
  fromCache: boolean;
  /** The entry to store, when the run uses the cache. */
  entry?: CacheEntry;
}

/** What the rules asked of the outside world while one plan was linted. */
interface Observed {
  clockRules: Set<string>;
  paths: Record<string, boolean>;
}

/** A linter for one run: settings resolved once, file-system answers memoised across plans. */
export interface FileLinter {
  enabled: readonly EnabledRule[];
  /** Lint one plan, using `cached` when it is still valid (with `useCache`, entries are returned to store). */
  lintFile(job: FileJob, cached: CacheEntry | undefined, useCache: boolean): FileOutcome;
  /** The rule context for a plan, for callers that lint text themselves (`--fix`). */
  contextFor(job: FileJob): LintContextBase;
}

/** Make the linter for a run. Throws an ExecplanError for unknown rules or options in the settings. */
export function createFileLinter(setup: LintSetup): FileLinter {
  let observed: Observed = { clockRules: new Set(), paths: {} };
  const enabled = resolveRuleSettings(setup.lint, RULES.map((r) => watched(r, () => observed)));
  const parseOptions = parseOptionsFor(setup.sections);
  const now = new Date(setup.now);
  const pathMemo = new Map<string, boolean>();
  const dirMemo = new Map<string, boolean>();

  const pathExists = (rel: string): boolean => {
    let v = pathMemo.get(rel);
    if (v === undefined) {
      v = statSync(path.resolve(setup.root, rel), { throwIfNoEntry: false }) !== undefined;
      pathMemo.set(rel, v);
    }
    return v;
  };
  const dirExists = (rel: string): boolean => {
    let v = dirMemo.get(rel);
    if (v === undefined) {
      v = statSync(path.resolve(setup.root, rel), { throwIfNoEntry: false })?.isDirectory() ?? false;
      dirMemo.set(rel, v);
    }
    return v;
  };
  const contextFor = (job: FileJob): LintContextBase => ({
    file: { path: job.rel, name: path.posix.basename(job.rel) },
    sections: setup.sections,
    timestampStyle: setup.timestampStyle,
    now,
    tzOffsetMinutes: setup.tzOffsetMinutes,
    artifacts: { path: job.artifacts, exists: dirExists(job.artifacts) },
    exists: (rel) => (observed.paths[rel] = pathExists(rel)),
  });
  /** Whether what an entry depended on still holds (see lint-cache.ts for the reasoning). */
  const stillValid = (entry: CacheEntry, job: FileJob): boolean => {
    if (setup.now < entry.now || (entry.clockBound && entry.now !== setup.now)) return false;
    if (entry.artifacts !== undefined && entry.artifacts !== dirExists(job.artifacts)) return false;
    for (const [rel, was] of Object.entries(entry.paths ?? {})) if (pathExists(rel) !== was) return false;
    return true;
  };

  return {
    enabled,
    contextFor,
    lintFile(job, cached, useCache) {
      const st = statFile(job);
      const hit = cached && stillValid(cached, job) ? cached : undefined;
      if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return { rel: job.rel, diagnostics: hit.diagnostics, fromCache: true, entry: hit };
      const bytes = readFile(job);
      const hash = useCache ? sha1(bytes) : '';
      if (hit && hit.hash === hash) {
        return { rel: job.rel, diagnostics: hit.diagnostics, fromCache: true, entry: { ...hit, size: st.size, mtimeMs: st.mtimeMs } };
      }
      observed = { clockRules: new Set(), paths: {} };
      const base = contextFor(job);
      const diagnostics = lintPlan(parsePlan(bytes.toString('utf8'), parseOptions), base, enabled);
      if (!useCache) return { rel: job.rel, diagnostics, fromCache: false };
      const entry: CacheEntry = { size: st.size, mtimeMs: st.mtimeMs, hash, diagnostics, now: setup.now, artifacts: base.artifacts!.exists };
      if (diagnostics.some((d) => observed.clockRules.has(d.ruleId))) entry.clockBound = true;
      if (Object.keys(observed.paths).length) entry.paths = observed.paths;
      return { rel: job.rel, diagnostics, fromCache: false, entry };
    },
  };
}

/** A rule whose reads of the clock are recorded; everything else passes through. */
function watched(rule: Rule, current: () => Observed): Rule {
  const id = rule.meta.id;
  return {
    meta: rule.meta,
    check(ctx) {
      const { now, tzOffsetMinutes } = ctx;
      // A plain object with two getters stays a fast V8 object, unlike Object.create with descriptors.
      rule.check({
        ...ctx,
        get now() {
          current().clockRules.add(id);
          return now;
        },
        get tzOffsetMinutes() {
          current().clockRules.add(id);
          return tzOffsetMinutes;
        },
      });
    },
  };
}

function statFile(job: FileJob): { size: number; mtimeMs: number } {
  try {
    const st = statSync(job.abs);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch (err) {
    throw unreadable(job, err);
  }
}

function readFile(job: FileJob): Buffer {
  try {
    return readFileSync(job.abs);
  } catch (err) {
    throw unreadable(job, err);
  }
}

function unreadable(job: FileJob, err: unknown): ExecplanError {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
  return new ExecplanError('IO', `Cannot read ${job.rel}: ${why}. Check the path and its permissions.`, { file: job.rel });
}
