/**
 * The file-system side of linting: a plan's stat and bytes, memoised existence checks, and
 * whether a cached result still holds. Nothing here parses, so a run whose plans are all cached
 * does not load the parser or the rules' code. Everything taken and returned is plain data, as
 * worker threads run this too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import type { HistoryCommit } from '../core/drift.js';
import type { LintSettingsInput } from '../core/lint-settings.js';
import type { SectionSettings } from '../rules/types.js';
import { errnoWords, ExecplanError } from './errors.js';
import type { CacheEntry } from './lint-cache.js';
import { sha1 } from './hash.js';
import { resolveRel } from './join.js';

/** Everything a run's results depend on besides the plans: plain data, so workers get a copy. */
export interface LintSetup {
  /** Absolute path of the repository root. */
  root: string;
  lint: LintSettingsInput;
  sections: SectionSettings;
  timestampStyle: 'local' | 'utc';
  /** True when execplan.json does not set the style (see LintContextBase). */
  timestampStyleFromPlan?: boolean;
  /** The clock, ms since the epoch. */
  now: number;
  tzOffsetMinutes: number;
  /** Recent git history for `plan-drift` (see LintContextBase). */
  history?: HistoryCommit[];
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
  /** The entry to store: a new one when the run uses the cache, or a cached one whose file was touched. */
  entry?: CacheEntry;
}

/** Whether repository-relative paths exist, each asked of the file system once per run. */
export interface FsAnswers {
  pathExists(rel: string): boolean;
  dirExists(rel: string): boolean;
}

/** Folder lookups in one parent folder after which its listing is read instead of each child stat'd. */
const LIST_AFTER = 8;

/**
 * Existence checks under `root`, memoised: many plans name the same files. A run over many plans
 * asks for each plan's artifacts folder, all in one parent: past a few lookups there, the parent's
 * listing answers them with one read instead of a stat each.
 */
export function fsAnswers(root: string): FsAnswers {
  const paths = new Map<string, boolean>();
  const dirs = new Map<string, boolean>();
  const asked = new Map<string, number>();
  const listings = new Map<string, { dirs: Map<string, boolean>; lower: Set<string> } | null>();
  const statDir = (rel: string) => statSync(resolveRel(root, rel), { throwIfNoEntry: false })?.isDirectory() ?? false;
  /** The folders in `parent` (a link counts when it leads to one), or null when it cannot be read. */
  const listing = (parent: string) =>
    memo(listings, parent, () => {
      try {
        const entries = readdirSync(resolveRel(root, parent), { withFileTypes: true });
        return {
          dirs: new Map(entries.map((e) => [e.name, e.isDirectory() || (e.isSymbolicLink() && statDir(`${parent}/${e.name}`))])),
          lower: new Set(entries.map((e) => e.name.toLowerCase())),
        };
      } catch {
        return null;
      }
    });
  return {
    // A path that cannot be looked at (no permission on a folder above it) is not there for the plan's reader either.
    pathExists: (rel) => memo(paths, rel, () => existsSync(resolveRel(root, rel))),
    dirExists: (rel) =>
      memo(dirs, rel, () => {
        // Artifacts folders are given as `parent/name`, normalised; anything else is stat'd.
        const slash = rel.lastIndexOf('/');
        const parent = slash > 0 ? rel.slice(0, slash) : '';
        const name = rel.slice(slash + 1);
        const n = parent && name ? (asked.get(parent) ?? 0) + 1 : 0;
        if (n) asked.set(parent, n);
        const found = n > LIST_AFTER ? listing(parent) : undefined;
        // A folder that cannot be listed is asked directly, and so is a name the listing holds in
        // another case only (a file system that ignores case finds it).
        return found ? (found.dirs.get(name) ?? (found.lower.has(name.toLowerCase()) ? statDir(rel) : false)) : statDir(rel);
      }),
  };
}

/** The value `map` holds for `key`, made and kept on first use. */
function memo<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/**
 * What to keep of a cached entry when everything it depended on still holds (see lint-cache.ts):
 * the entry itself when the plan's size and mtime match (no read at all), a copy with the new
 * stat when its bytes hash as they did (a touched but unchanged file). Undefined when the plan
 * must be linted again.
 */
export function checkEntry(job: FileJob, entry: CacheEntry, now: number, fs: FsAnswers): CacheEntry | undefined {
  const st = statFile(job);
  if (now < entry.now || (entry.clockBound && entry.now !== now)) return undefined;
  if (entry.artifacts !== undefined && entry.artifacts !== fs.dirExists(job.artifacts)) return undefined;
  if (entry.paths) for (const [rel, was] of entry.paths) if (fs.pathExists(rel) !== was) return undefined;
  if (entry.size === st.size && entry.mtimeMs === st.mtimeMs) return entry;
  if (entry.hash !== sha1(readFile(job))) return undefined;
  return { ...entry, size: st.size, mtimeMs: st.mtimeMs };
}

/** A plan's size and mtime; an ExecplanError when it cannot be read. */
export function statFile(job: FileJob): { size: number; mtimeMs: number } {
  try {
    const st = statSync(job.abs);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch (err) {
    throw unreadable(job, err);
  }
}

/** A plan's bytes; an ExecplanError when it cannot be read. */
export function readFile(job: FileJob): Buffer {
  try {
    return readFileSync(job.abs);
  } catch (err) {
    throw unreadable(job, err);
  }
}

/** Whether a `file:` URL names a file that is there (a script of the built command line, absent when running from source). */
export function existingFile(url: URL): boolean {
  return url.protocol === 'file:' && existsSync(fileURLToPath(url));
}

function unreadable(job: FileJob, err: unknown): ExecplanError {
  return new ExecplanError('IO', `Cannot read ${job.rel}: ${errnoWords(err) ?? (err as Error).message}. Check the path and its permissions.`, { file: job.rel });
}
