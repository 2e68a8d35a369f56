/**
 * The `execplan lint --cache` store: one file of per-plan results, so a second run over unchanged
 * plans parses nothing and reads no plan it does not have to.
 *
 * What an entry is keyed on, and why it cannot go stale:
 * - The whole file is keyed on execplan's version, the rule set (every rule's metadata) and the
 *   resolved settings (profile, rule severities and options, sections, timestamp style, the
 *   local zone offset). Any change there discards every entry.
 * - Each entry is keyed on its plan's content: size and mtime first (no read at all when both
 *   match, as ESLint does), else the SHA-1 of the bytes (a touched but unchanged file still hits).
 * - File-system findings: every `exists(path)` answer the rules got, and whether the artifacts
 *   folder existed, are stored with the entry and checked again (one `stat` each, memoised per
 *   run) before it is used; a different answer means the plan is linted again.
 * - Clock findings: the rules that read the clock are recorded as each plan is linted. An entry
 *   holding a finding from such a rule is used only at the very same `now` (such a finding can
 *   vanish as time passes). An entry without one is used for any later `now`, because clock
 *   rules only report things that time's passing removes (a timestamp in the future);
 *   test/lint-cache.test.ts checks that property over the real corpus. No message names the
 *   current time, so a reused finding reads as a fresh one would, and a rule that does not need
 *   the clock (a missing timestamp) does not read it. A clock that went backwards invalidates
 *   every entry.
 *
 * A cache is only ever a shortcut: a file that cannot be read as one is ignored (the run says so on
 * stderr) and rebuilt, and a failed write never fails the command.
 *
 * The file is one JSON document, `{"execplanLintCache":5,"key":"…","plans":{…}}`: each plan by its
 * repository-relative path, with its stat, hash, clock, dependencies and findings. The format
 * number comes first, so a file of this format cut short, or one of an earlier format, is still
 * known for execplan's own and may be written over, while any other file may not.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { writeFileAtomic } from './atomic-write.js';
import { ignoreInGit } from './cache.js';
import { placeFile } from './report-file.js';

/** Bump when the file's layout or an entry's shape changes. */
const FORMAT = 5;

/** The name of the format number, the document's first key: what marks a file as execplan's lint cache. */
const MARK = 'execplanLintCache';

/** An `exists(path)` answer a plan's findings depended on: the repository-relative path and whether it existed. */
type PathAnswer = readonly [rel: string, existed: boolean];

/** One plan's cached findings and what they depended on. */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** SHA-1 of the file's bytes, hex: compared only when the plan's stat changed. */
  hash: string;
  /** The clock (ms since the epoch) the plan was linted at. */
  now: number;
  /** Present when a finding came from a rule that read the clock. */
  clockBound?: true;
  /** Every `exists(path)` answer the rules were given. */
  paths?: readonly PathAnswer[];
  /** Whether the plan's artifacts folder existed. */
  artifacts?: boolean;
  diagnostics: Diagnostic[];
}

/** A loaded cache. */
export interface LintCache {
  file: string;
  key: string;
  /** Each plan's entry as loaded, by repository-relative path. */
  entries: Map<string, CacheEntry>;
  /**
   * The entries stored since loading, as the UTF-8 JSON they are saved as: a run never reads them
   * back, and bytes outside the JavaScript heap take a fraction of the memory of the findings'
   * objects, or of as many strings.
   */
  stored: Map<string, Buffer>;
  /** Whether anything was added, replaced or removed since loading: an unchanged cache is not written again. */
  changed: boolean;
  /** The file is there but is not a lint cache of execplan's (or cannot be read): it must not be written over unasked. */
  foreign?: boolean;
  /** Why the file there was ignored, when it was not an empty or absent one nor a cache for other settings: for a warning. */
  ignored?: string;
  /** Which file on disk the entries are (as loaded, then as saved): a report kept beside the cache names it (lint-report.ts). */
  version?: FileVersion;
}

/** A file as it is on disk: a write through atomic-write.ts gives it a new inode. */
export type FileVersion = Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs'>;

/** Store a plan's entry. */
export function setCacheEntry(cache: LintCache, rel: string, entry: CacheEntry): void {
  cache.entries.delete(rel);
  cache.stored.set(rel, Buffer.from(JSON.stringify(entry)));
  cache.changed = true;
}

/** Forget a plan's entry. */
export function deleteCacheEntry(cache: LintCache, rel: string): void {
  if (cache.entries.delete(rel) || cache.stored.delete(rel)) cache.changed = true;
}

/**
 * The key of everything an entry's results depend on besides the plan itself. Keys are kept whole
 * rather than hashed: they are compared only with the one in the file, a few kilobytes, and a run
 * whose every plan hits then needs no hash function at all (node:crypto takes longer to load than
 * such a run takes).
 */
export function cacheKey(parts: { version: string; rules: unknown; settings: unknown }): string {
  return JSON.stringify({ format: FORMAT, ...parts });
}

/** Where the cache lives: `--cache-location` (a file, or a folder to put `lint.json` in), else under the root. */
export function cacheFile(root: string, cwd: string, location?: string): string {
  if (!location) return path.join(root, '.execplan', 'cache', 'lint.json');
  const abs = path.resolve(cwd, location);
  const isDir = /[\\/]$/.test(location) || (existsSync(abs) && statSync(abs).isDirectory());
  return isDir ? path.join(abs, 'lint.json') : abs;
}

/** Read the cache; an absent, unreadable, damaged or foreign-keyed file gives an empty one. */
export function loadLintCache(file: string, key: string): LintCache {
  // An absent, broken or foreign file is written afresh even when this run adds nothing to it.
  const cache: LintCache = { file, key, entries: new Map(), stored: new Map(), changed: true };
  let text: string;
  try {
    const fd = openSync(file, 'r');
    try {
      cache.version = versionOf(fstatSync(fd));
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    // Absent: a new cache. Anything else that cannot be read is not known to be a cache.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return cache;
    return ignore(cache, `it cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, true);
  }
  // An empty file holds nothing to lose.
  if (text === '') return cache;
  const loaded = cache.version;
  cache.version = undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // A cache of an earlier format (several lines) is rebuilt without a word; one of this format cut short or damaged, with one.
    if (isEarlierFormat(text)) return cache;
    return ignore(cache, 'it is not valid JSON', !text.startsWith(`{"${MARK}":`));
  }
  if (!isRecord(doc) || typeof doc[MARK] !== 'number') return ignore(cache, 'it is not a lint cache of execplan\'s', true);
  // Another format, or other settings: nothing in it applies, and it is rebuilt without a word.
  if (doc[MARK] !== FORMAT || doc.key !== key) return cache;
  if (!isRecord(doc.plans)) return ignore(cache, 'its plans are missing', false);
  for (const [rel, stored] of Object.entries(doc.plans)) {
    const entry = readEntry(stored);
    if (!entry) return ignore(cache, `its entry for ${rel} is damaged`, false);
    cache.entries.set(rel, entry);
  }
  cache.changed = false;
  cache.version = loaded;
  return cache;
}

/**
 * The path to write `file` (the cache, or its report) at, placed as report-file.ts places files.
 * With `gitignore` (the default location, inside the user's repository), the folder gets a
 * `.gitignore` of `*` so the cache never shows up as a change.
 */
export function cacheTarget(file: string, place: { gitignore: boolean; root: string }): string {
  const target = placeFile(place.root, file, 'cache');
  if (place.gitignore) ignoreInGit(place.root, path.dirname(file), 'cache file');
  return target;
}

/** Write the cache atomically (see {@link cacheTarget}), entry by entry. Returns false when it could not be written. */
export function saveLintCache(cache: LintCache, place: { gitignore: boolean; root: string }): boolean {
  try {
    const target = cacheTarget(cache.file, place);
    cache.version = undefined;
    writeFileAtomic(target, cacheText(cache));
    cache.version = versionOf(statSync(target));
    cache.changed = false;
    return true;
  } catch {
    return false;
  }
}

/** The cache file's text, `{"execplanLintCache":…,"key":…,"plans":{…}}\n`, in pieces: its plans in path order. */
function* cacheText(cache: LintCache): Generator<string> {
  yield `{"${MARK}":${FORMAT},"key":${JSON.stringify(cache.key)},"plans":{`;
  const rels = [...cache.entries.keys(), ...cache.stored.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [i, rel] of rels.entries()) yield `${i ? ',' : ''}${JSON.stringify(rel)}:${cache.stored.get(rel)?.toString() ?? JSON.stringify(cache.entries.get(rel))}`;
  yield '}}\n';
}

function versionOf(st: FileVersion): FileVersion {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
}

/** The empty cache, noting why the file was ignored and whether it may be written over unasked. */
function ignore(cache: LintCache, why: string, foreign: boolean): LintCache {
  cache.ignored = why;
  if (foreign) cache.foreign = true;
  return cache;
}

/** Whether the text is a lint cache of the formats before this one (up to 4): a first line holding the key and the list of plans. */
function isEarlierFormat(text: string): boolean {
  const end = text.indexOf('\n');
  if (end < 0) return false;
  try {
    const head = JSON.parse(text.slice(0, end)) as unknown;
    return isRecord(head) && typeof head.key === 'string' && Array.isArray(head.files);
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plan's entry as read, or undefined when it is not what this format writes. */
function readEntry(stored: unknown): CacheEntry | undefined {
  if (!isRecord(stored)) return undefined;
  const { size, mtimeMs, hash, now, clockBound, artifacts, paths, diagnostics } = stored;
  if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof hash !== 'string' || typeof now !== 'number') return undefined;
  if (!Array.isArray(diagnostics) || !diagnostics.every(isRecord)) return undefined;
  const entry: CacheEntry = { size, mtimeMs, hash, now, diagnostics: diagnostics as unknown as Diagnostic[] };
  if (clockBound === true) entry.clockBound = true;
  if (typeof artifacts === 'boolean') entry.artifacts = artifacts;
  if (paths !== undefined) {
    if (!Array.isArray(paths) || !paths.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'boolean')) return undefined;
    entry.paths = paths as PathAnswer[];
  }
  return entry;
}
