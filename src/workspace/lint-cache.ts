/**
 * The `execplan lint --cache` store: one JSON file of per-plan results, so a second run over
 * unchanged plans parses nothing and reads no plan it does not have to.
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
 *   holding a finding from such a rule is used only at the very same `now` (such findings name
 *   the time, or can vanish as time passes). An entry without one is used for any later `now`,
 *   because clock rules only report things that time's passing removes (a timestamp in the
 *   future); test/lint-cache.test.ts checks that property over the real corpus. A clock that
 *   went backwards invalidates every entry.
 * A cache is only ever a shortcut: an unreadable or foreign file is ignored and rebuilt, and a
 * failed write never fails the command.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { writeFileAtomic } from './atomic-write.js';

/** Bump when the entry shape changes. */
const FORMAT = 1;

/** One plan's cached result and what it depended on. */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** SHA-1 of the file's bytes, hex. */
  hash: string;
  diagnostics: Diagnostic[];
  /** The clock (ms since the epoch) the plan was linted at. */
  now: number;
  /** Present when a finding came from a rule that read the clock. */
  clockBound?: true;
  /** Every `exists(path)` answer the rules were given. */
  paths?: Record<string, boolean>;
  /** Whether the plan's artifacts folder existed. */
  artifacts?: boolean;
}

/** A loaded cache: entries by repository-relative path. */
export interface LintCache {
  file: string;
  key: string;
  entries: Map<string, CacheEntry>;
}

/** SHA-1 of bytes or text, hex: the content key of a plan. */
export function sha1(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

/** The key of everything an entry's results depend on besides the plan itself. */
export function cacheKey(parts: { version: string; rules: unknown; settings: unknown }): string {
  return sha1(JSON.stringify({ format: FORMAT, ...parts }));
}

/** Where the cache lives: `--cache-location` (a file, or a folder to put `lint.json` in), else under the root. */
export function cacheFile(root: string, cwd: string, location?: string): string {
  if (!location) return path.join(root, '.execplan', 'cache', 'lint.json');
  const abs = path.resolve(cwd, location);
  const isDir = /[\\/]$/.test(location) || (existsSync(abs) && statSync(abs).isDirectory());
  return isDir ? path.join(abs, 'lint.json') : abs;
}

/** Read the cache; an absent, unreadable or foreign-keyed file gives an empty one. */
export function loadLintCache(file: string, key: string): LintCache {
  const cache: LintCache = { file, key, entries: new Map() };
  let data: { key?: unknown; entries?: unknown };
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as typeof data;
  } catch {
    return cache;
  }
  if (data.key !== key || typeof data.entries !== 'object' || data.entries === null) return cache;
  for (const [rel, entry] of Object.entries(data.entries as Record<string, CacheEntry>)) cache.entries.set(rel, entry);
  return cache;
}

/**
 * Write the cache atomically. With `gitignore` (the default location, inside the user's
 * repository), the folder gets a `.gitignore` of `*` so the cache never shows up as a change.
 * Returns false when it could not be written.
 */
export function saveLintCache(cache: LintCache, options: { gitignore: boolean }): boolean {
  try {
    const dir = path.dirname(cache.file);
    mkdirSync(dir, { recursive: true });
    const ignore = path.join(dir, '.gitignore');
    if (options.gitignore && !existsSync(ignore)) writeFileSync(ignore, '*\n');
    const entries = Object.fromEntries([...cache.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    writeFileAtomic(cache.file, JSON.stringify({ key: cache.key, entries }));
    return true;
  } catch {
    return false;
  }
}
