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
 * The file is laid out so that a run reads only what it needs: its first line is a JSON object
 * with the key, the plans, what each entry depended on (each existence answer stored once and
 * referred to by number), the report's options and plans, and the byte sizes of the two parts
 * after it; the second line holds each plan's hash and findings as JSON; the rest is the report,
 * as the very bytes that were printed. A run whose plans all hit reads the first line and the
 * report, and copies the report to the output without decoding it; the findings are read only
 * when a plan's own findings are needed.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { writeFileAtomic } from './atomic-write.js';
import { mkdirInside, writablePath } from './safe-path.js';
import { isInside } from './workspace.js';

/** Bump when the file's layout or an entry's shape changes. */
const FORMAT = 4;

/** An `exists(path)` answer a plan's findings depended on: the repository-relative path and whether it existed. */
export type PathAnswer = readonly [rel: string, existed: boolean];

/** What a plan's cached findings depended on. */
export interface EntryState {
  size: number;
  mtimeMs: number;
  /**
   * SHA-1 of the file's bytes, hex. A loaded entry gets it with its findings (see
   * {@link cachedHash}): it is needed only when the plan's stat changed.
   */
  hash?: string;
  /** The clock (ms since the epoch) the plan was linted at. */
  now: number;
  /** Present when a finding came from a rule that read the clock. */
  clockBound?: true;
  /** Every `exists(path)` answer the rules were given. */
  paths?: readonly PathAnswer[];
  /** Whether the plan's artifacts folder existed. */
  artifacts?: boolean;
}

/** One plan's cached findings and what they depended on. */
export interface CacheEntry extends EntryState {
  hash: string;
  diagnostics: Diagnostic[];
}

/** A run's totals, which decide the exit code. */
export interface ReportTotals {
  files: number;
  errors: number;
  warnings: number;
  fixable: number;
}

/** A run's output, kept to be printed again by a run with the same findings, options and plans. */
export interface StoredReport {
  /** The options that shaped it (format, colour, ...), as a string made by the caller. */
  options: string;
  /** The plans it covered, in order. */
  files: readonly string[];
  totals: ReportTotals;
  /** The report as printed, in UTF-8; undefined when the file no longer holds it whole. */
  bytes: () => Uint8Array | undefined;
}

/** A loaded cache. */
export interface LintCache {
  file: string;
  key: string;
  /** What each plan's findings depended on, by repository-relative path. */
  entries: Map<string, EntryState>;
  /** Findings by path: the ones read from the file (on first use) and the ones this run stored. */
  findings: Map<string, Diagnostic[]>;
  /** Reads the file's findings and hashes into `findings` and `entries`, once; absent when there is nothing left to read. */
  readFindings?: () => void;
  report?: StoredReport;
  /** Whether anything was added, replaced or removed since loading: an unchanged cache is not written again. */
  changed: boolean;
  /** The file is there but is not a lint cache of execplan's (or cannot be read): it must not be written over unasked. */
  foreign?: boolean;
}

/** A plan's cached findings, reading the file's findings on first use. */
export function cachedFindings(cache: LintCache, rel: string): Diagnostic[] | undefined {
  if (!cache.findings.has(rel)) settleFindings(cache);
  return cache.findings.get(rel);
}

/** The hash of a plan's bytes when its findings were cached, reading the file's findings on first use. */
export function cachedHash(cache: LintCache, rel: string): string | undefined {
  const entry = cache.entries.get(rel);
  if (entry && entry.hash === undefined) settleFindings(cache);
  return entry?.hash;
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
export function storeReport(cache: LintCache, report: { options: string; files: readonly string[]; totals: ReportTotals; text: string }): void {
  const bytes = Buffer.from(report.text);
  cache.report = { options: report.options, files: report.files, totals: report.totals, bytes: () => bytes };
  cache.changed = true;
}

/** The kept report when it was made with these options for these plans, in this order. */
export function reportFor(cache: LintCache, options: string, files: readonly string[]): StoredReport | undefined {
  const report = cache.report;
  if (!report || report.options !== options || report.files.length !== files.length) return undefined;
  for (let i = 0; i < files.length; i++) if (report.files[i] !== files[i]) return undefined;
  return report;
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

/**
 * An entry as the file's first line holds it: size, mtime, clock, flags ({@link FLAGS}), then the
 * numbers of the existence answers it depended on.
 */
type StoredEntry = number[];

const FLAGS = { clockBound: 1, artifactsKnown: 2, artifactsExisted: 4 } as const;

/** The file's first line. */
interface Head {
  key?: unknown;
  /** The plans, sorted; `entries` and the findings line follow this order. */
  files?: string[];
  entries?: StoredEntry[];
  /** Every existence answer any entry depended on, once each. */
  paths?: [string, boolean][];
  /** The report's options, its plans (as numbers in `files`) and totals. */
  report?: { options: string; files: number[]; totals: ReportTotals };
  /** Byte sizes of the findings' JSON and of the report. */
  sizes?: { findings: number; text: number };
}

/** Read the cache; an absent, unreadable or foreign-keyed file gives an empty one. */
export function loadLintCache(file: string, key: string): LintCache {
  // An absent, broken or foreign file is written afresh even when this run adds nothing to it.
  const cache: LintCache = { file, key, entries: new Map(), findings: new Map(), changed: true };
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    const size = st.size;
    // An empty file holds nothing to lose.
    if (size === 0) return closed(cache, fd);
    const { head, end } = readHead(fd, size);
    // Every format of this cache starts with its key and its list of plans; a file that does not is someone else's.
    if (typeof head !== 'object' || head === null || typeof head.key !== 'string' || !Array.isArray(head.files)) {
      cache.foreign = true;
      return closed(cache, fd);
    }
    const sizes = head.sizes;
    const files = head.files;
    const stored = head.entries;
    if (head.key !== key || !Array.isArray(files) || !Array.isArray(stored) || stored.length !== files.length || !Array.isArray(head.paths)) return closed(cache, fd);
    if (typeof sizes?.findings !== 'number' || typeof sizes.text !== 'number') return closed(cache, fd);
    const findingsAt = end + 1;
    const textAt = findingsAt + sizes.findings + 1;
    // A file cut short (or grown) is not this cache's.
    if (textAt + sizes.text !== size) return closed(cache, fd);
    const entries = decodeEntries(files, stored, head.paths);
    if (!entries) return closed(cache, fd);
    // The rest is read when it is needed, from this very file: one put in its place since is not read.
    const read = sameFile(file, st);
    cache.readFindings = () => readFindingsAt(cache, files, read(findingsAt, sizes.findings + 1), sizes.findings);
    const report = head.report;
    if (report && Array.isArray(report.files)) {
      cache.report = {
        options: report.options,
        files: report.files.map((i) => files[i] ?? ''),
        totals: report.totals,
        // The byte before the report ends the findings' line: read with it, a shifted file is caught.
        bytes: () => {
          const bytes = read(textAt - 1, sizes.text + 1);
          return bytes?.[0] === 0x0a ? bytes.subarray(1) : undefined;
        },
      };
    }
    closeSync(fd);
    cache.entries = entries;
    cache.changed = false;
    return cache;
  } catch (err) {
    // Absent: a new cache. Anything else that cannot be read as one is not known to be a cache.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') cache.foreign = true;
    return closed(cache, fd);
  }
}

/**
 * Write the cache atomically. With `gitignore` (the default location, inside the user's
 * repository), the folder gets a `.gitignore` of `*` so the cache never shows up as a change.
 * Returns false when it could not be written.
 */
export function saveLintCache(cache: LintCache, options: { gitignore: boolean; root: string }): boolean {
  try {
    settleFindings(cache);
    const text = cache.report?.bytes();
    const dir = path.dirname(cache.file);
    // Inside the repository, every folder on the way is checked; a place outside it was named by the user.
    const inside = isInside(options.root, cache.file);
    if (inside) mkdirInside(options.root, dir, 'cache folder');
    else mkdirSync(dir, { recursive: true });
    const ignore = path.join(dir, '.gitignore');
    if (options.gitignore && !existsSync(ignore)) writeFileSync(writablePath(options.root, ignore, 'cache file'), '*\n', { flag: 'wx' });
    const files = [...cache.entries.keys()].filter((rel) => cache.findings.has(rel) && cache.entries.get(rel)!.hash !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const index = new Map(files.map((rel, i) => [rel, i]));
    const answers = new Map<string, number>();
    const paths: [string, boolean][] = [];
    const entries = files.map((rel): StoredEntry => {
      const e = cache.entries.get(rel)!;
      const flags = (e.clockBound ? FLAGS.clockBound : 0) | (e.artifacts === undefined ? 0 : FLAGS.artifactsKnown | (e.artifacts ? FLAGS.artifactsExisted : 0));
      const stored = [e.size, e.mtimeMs, e.now, flags];
      for (const [p, existed] of e.paths ?? []) {
        const id = `${existed ? 1 : 0}${p}`;
        let n = answers.get(id);
        if (n === undefined) answers.set(id, (n = paths.push([p, existed]) - 1));
        stored.push(n);
      }
      return stored;
    });
    const findings = JSON.stringify(files.map((rel) => [cache.entries.get(rel)!.hash, cache.findings.get(rel)]));
    const report = cache.report;
    const reportFiles = report?.files.map((rel) => index.get(rel));
    // A report over a plan whose entry is gone could not be checked again: it is not kept.
    const keep = report && text && reportFiles?.every((i) => i !== undefined);
    const head: Head = {
      key: cache.key,
      files,
      entries,
      paths,
      ...(keep ? { report: { options: report.options, files: reportFiles as number[], totals: report.totals } } : {}),
      sizes: { findings: Buffer.byteLength(findings), text: keep ? text.length : 0 },
    };
    writeFileAtomic(inside ? writablePath(options.root, cache.file, 'cache file') : cache.file, Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n${findings}\n`), keep ? text : new Uint8Array()]));
    return true;
  } catch {
    return false;
  }
}

/** Close `fd` (when open) and give back the empty cache. */
function closed(cache: LintCache, fd: number | undefined): LintCache {
  if (fd !== undefined) closeSync(fd);
  return cache;
}

/**
 * A reader of byte ranges of `file` while it is still the file `was` describes (same device,
 * inode, size and mtime): each read opens it again, so nothing stays open between reads.
 * Gives undefined once it is another file, or cannot be read.
 */
function sameFile(file: string, was: Stats): (position: number, length: number) => Buffer | undefined {
  return (position, length) => {
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
      const st = fstatSync(fd);
      if (st.ino !== was.ino || st.dev !== was.dev || st.size !== was.size || st.mtimeMs !== was.mtimeMs) return undefined;
      const bytes = Buffer.allocUnsafe(length);
      for (let got = 0; got < length; ) {
        const n = readSync(fd, bytes, got, length - got, position + got);
        if (n === 0) return undefined;
        got += n;
      }
      return bytes;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
}

/** The first line, parsed, and where it ends: read in growing pieces, so the rest of the file is not read. */
function readHead(fd: number, size: number): { head: Head; end: number } {
  let bytes = Buffer.allocUnsafe(Math.min(size, 256 * 1024));
  let got = 0;
  for (;;) {
    const n = readSync(fd, bytes, got, bytes.length - got, got);
    const end = n === 0 ? -1 : bytes.subarray(0, got + n).indexOf(0x0a, got);
    got += n;
    if (end >= 0) return { head: JSON.parse(bytes.toString('utf8', 0, end)) as Head, end };
    if (n === 0 || got >= size) throw new Error('no first line');
    if (got === bytes.length) bytes = Buffer.concat([bytes, Buffer.allocUnsafe(Math.min(size - got, bytes.length))]);
  }
}

/** The entries of the first line; undefined when one is not what this format writes. */
function decodeEntries(files: unknown[], stored: unknown[], paths: unknown[]): Map<string, EntryState> | undefined {
  const answers = paths.map((p) => (Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'boolean' ? (p as unknown as PathAnswer) : undefined));
  const entries = new Map<string, EntryState>();
  for (let i = 0; i < files.length; i++) {
    const rel = files[i];
    const e = stored[i];
    if (typeof rel !== 'string' || !Array.isArray(e) || e.length < 4 || !e.every((n) => typeof n === 'number')) return undefined;
    const [size, mtimeMs, now, flags] = e as number[];
    const entry: EntryState = { size: size!, mtimeMs: mtimeMs!, now: now! };
    if (flags! & FLAGS.clockBound) entry.clockBound = true;
    if (flags! & FLAGS.artifactsKnown) entry.artifacts = (flags! & FLAGS.artifactsExisted) !== 0;
    if (e.length > 4) {
      const deps: PathAnswer[] = [];
      for (let k = 4; k < e.length; k++) {
        const answer = answers[e[k] as number];
        if (!answer) return undefined;
        deps.push(answer);
      }
      entry.paths = deps;
    }
    entries.set(rel, entry);
  }
  return entries;
}

/** Read the findings line (hash and findings of each plan in `files`) into the entries that still lack them. */
function readFindingsAt(cache: LintCache, files: readonly string[], bytes: Buffer | undefined, length: number): void {
  let read: unknown;
  try {
    // The line's own newline is read too: without it, the file is not the one the first line describes.
    if (bytes?.[length] !== 0x0a) return;
    read = JSON.parse(bytes.toString('utf8', 0, length));
  } catch {
    // A damaged line leaves the entries without findings: their plans are linted again.
    return;
  }
  if (!Array.isArray(read) || read.length !== files.length) return;
  read.forEach((item: unknown, i) => {
    const rel = files[i]!;
    const entry = cache.entries.get(rel);
    if (!entry || cache.findings.has(rel) || !Array.isArray(item) || typeof item[0] !== 'string' || !Array.isArray(item[1])) return;
    entry.hash ??= item[0];
    cache.findings.set(rel, item[1] as Diagnostic[]);
  });
}

/** Read the file's findings now, if they are still unread. */
function settleFindings(cache: LintCache): void {
  const read = cache.readFindings;
  cache.readFindings = undefined;
  read?.();
}
