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
 * - The report: the last run's output is kept with the options that shaped it and the plans it
 *   covered. A run whose every plan is settled by its entry, with the same options and plans, has
 *   the very findings that report was made from, so it prints it again instead of formatting
 *   them anew.
 * A cache is only ever a shortcut: an unreadable or foreign file is ignored and rebuilt, and a
 * failed write never fails the command.
 *
 * The file is read once and only what a run needs is decoded: its first line is a JSON object with
 * the key, what each entry depended on and the byte sizes of the two parts after it; the second
 * line is the findings as JSON; the rest is the report, as the very bytes that were printed, so
 * a run that prints it again copies them to the output without decoding them.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { writeFileAtomic } from './atomic-write.js';

/** Bump when the file's layout or an entry's shape changes. */
const FORMAT = 3;

/** What a plan's cached findings depended on. */
export interface EntryState {
  size: number;
  mtimeMs: number;
  /** SHA-1 of the file's bytes, hex. */
  hash: string;
  /** The clock (ms since the epoch) the plan was linted at. */
  now: number;
  /** Present when a finding came from a rule that read the clock. */
  clockBound?: true;
  /** Every `exists(path)` answer the rules were given. */
  paths?: Record<string, boolean>;
  /** Whether the plan's artifacts folder existed. */
  artifacts?: boolean;
}

/** One plan's cached findings and what they depended on. */
export interface CacheEntry extends EntryState {
  diagnostics: Diagnostic[];
}

/** A run's totals, which decide the exit code. */
export interface ReportTotals {
  files: number;
  errors: number;
  warnings: number;
  fixable: number;
}

/** A run's output, kept to be printed again by a run with the same findings and options. */
export interface StoredReport {
  /** The options and plans the report was made for (see {@link reportKey}). */
  key: string;
  totals: ReportTotals;
  /** The report as printed, in UTF-8. */
  bytes: () => Uint8Array;
}

/** A loaded cache. */
export interface LintCache {
  file: string;
  key: string;
  /** What each plan's findings depended on, by repository-relative path. */
  entries: Map<string, EntryState>;
  /** Findings by path: the ones read from the file (on first use) and the ones this run stored. */
  findings: Map<string, Diagnostic[]>;
  /** Reads the file's findings section into `findings`, once; absent when there is nothing left to read. */
  readFindings?: () => void;
  report?: StoredReport;
  /** Whether anything was added, replaced or removed since loading: an unchanged cache is not written again. */
  changed: boolean;
}

/** A plan's cached findings, reading the file's findings on first use. */
export function cachedFindings(cache: LintCache, rel: string): Diagnostic[] | undefined {
  if (!cache.findings.has(rel)) settleFindings(cache);
  return cache.findings.get(rel);
}

/** Store a plan's entry. */
export function setCacheEntry(cache: LintCache, rel: string, entry: CacheEntry): void {
  const { diagnostics, ...state } = entry;
  cache.entries.set(rel, state);
  cache.findings.set(rel, diagnostics);
  cache.changed = true;
}

/** Forget a plan's entry. */
export function deleteCacheEntry(cache: LintCache, rel: string): void {
  cache.findings.delete(rel);
  if (cache.entries.delete(rel)) cache.changed = true;
}

/** Keep a run's report in the cache. */
export function storeReport(cache: LintCache, report: { key: string; totals: ReportTotals; text: string }): void {
  const bytes = Buffer.from(report.text);
  cache.report = { key: report.key, totals: report.totals, bytes: () => bytes };
  cache.changed = true;
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

/** The key of a report: everything besides the findings that shapes the output (format, colour, ...) and the plans, in order. */
export function reportKey(parts: { options: unknown; files: readonly string[] }): string {
  return JSON.stringify(parts);
}

/** Where the cache lives: `--cache-location` (a file, or a folder to put `lint.json` in), else under the root. */
export function cacheFile(root: string, cwd: string, location?: string): string {
  if (!location) return path.join(root, '.execplan', 'cache', 'lint.json');
  const abs = path.resolve(cwd, location);
  const isDir = /[\\/]$/.test(location) || (existsSync(abs) && statSync(abs).isDirectory());
  return isDir ? path.join(abs, 'lint.json') : abs;
}

/** The first line of the file, closed. */
interface Head {
  key?: unknown;
  entries?: Record<string, EntryState>;
  report?: { key: string; totals: ReportTotals };
  /** Byte sizes of the findings' JSON and of the report. */
  sizes?: { findings: number; text: number };
}

/** Read the cache; an absent, unreadable or foreign-keyed file gives an empty one. */
export function loadLintCache(file: string, key: string): LintCache {
  // An absent, broken or foreign file is written afresh even when this run adds nothing to it.
  const cache: LintCache = { file, key, entries: new Map(), findings: new Map(), changed: true };
  let head: Head;
  try {
    const bytes = readFileSync(file);
    const end = bytes.indexOf(0x0a);
    head = JSON.parse(bytes.toString('utf8', 0, end)) as Head;
    const sizes = head.sizes;
    if (head.key !== key || typeof head.entries !== 'object' || head.entries === null || typeof sizes?.findings !== 'number' || typeof sizes.text !== 'number') return cache;
    const findingsAt = end + 1;
    const textAt = findingsAt + sizes.findings + 1;
    // A file cut short (or grown) is not this cache's.
    if (textAt + sizes.text !== bytes.length || bytes[textAt - 1] !== 0x0a) return cache;
    cache.readFindings = () => {
      let read: Record<string, Diagnostic[]>;
      try {
        read = JSON.parse(bytes.toString('utf8', findingsAt, findingsAt + sizes.findings)) as Record<string, Diagnostic[]>;
      } catch {
        // A damaged section leaves the entries without findings: their plans are linted again.
        return;
      }
      for (const rel of cache.entries.keys()) if (!cache.findings.has(rel) && Array.isArray(read[rel])) cache.findings.set(rel, read[rel]);
    };
    const report = head.report;
    if (report) cache.report = { key: report.key, totals: report.totals, bytes: () => bytes.subarray(textAt, textAt + sizes.text) };
  } catch {
    return cache;
  }
  cache.changed = false;
  for (const [rel, entry] of Object.entries(head.entries!)) cache.entries.set(rel, entry);
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
    settleFindings(cache);
    const rels = [...cache.entries.keys()].filter((rel) => cache.findings.has(rel)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const findings = JSON.stringify(Object.fromEntries(rels.map((rel) => [rel, cache.findings.get(rel)])));
    const text = cache.report?.bytes() ?? new Uint8Array();
    const head: Head = {
      key: cache.key,
      entries: Object.fromEntries(rels.map((rel) => [rel, cache.entries.get(rel)!])),
      ...(cache.report ? { report: { key: cache.report.key, totals: cache.report.totals } } : {}),
      sizes: { findings: Buffer.byteLength(findings), text: text.length },
    };
    writeFileAtomic(cache.file, Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n${findings}\n`), text]));
    return true;
  } catch {
    return false;
  }
}

/** Read the file's findings now, if they are still unread. */
function settleFindings(cache: LintCache): void {
  const read = cache.readFindings;
  cache.readFindings = undefined;
  read?.();
}
