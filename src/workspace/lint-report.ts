/**
 * The last report `execplan lint --cache` printed, kept beside the lint cache (`<cache>.report`) so
 * that a run over the very same findings prints it again instead of formatting them anew: on a
 * warm cache, formatting is most of what is left.
 *
 * A kept report is used only when all of this holds, so it cannot differ from a fresh one:
 * - it was made with the same options (format, colour, `--quiet`, the root's URI), as a string the
 *   caller makes, and over the same plans in the same order;
 * - every plan of the run was settled by the cache (lint-cache.ts decides that);
 * - it was made with the cache file that is there now, the very one whose entries settled the
 *   plans (its device, inode, size and mtime; every save of the cache makes a new inode). A report
 *   left by a run killed before saving it, or by a run whose cache was saved since, is not used.
 *
 * The file is a line of JSON (`{"execplanLintReport":1,...}`: the options, plans, totals, the
 * cache file's identity and the report's length in bytes), then the report as printed.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';
import type { FileVersion, LintCache } from './lint-cache.js';
import { writablePath } from './safe-path.js';
import { isInside } from './workspace.js';

/** Bump when the file's layout changes. */
const FORMAT = 1;

/** The key that starts the file, marking it as execplan's. */
const MARK = 'execplanLintReport';

/** A run's totals, which decide the exit code. */
export interface ReportTotals {
  files: number;
  errors: number;
  warnings: number;
  fixable: number;
}

/** A report to print again. */
export interface KeptReport {
  bytes: Uint8Array;
  totals: ReportTotals;
}

interface Head {
  [MARK]: number;
  options: string;
  files: string[];
  totals: ReportTotals;
  cache: FileVersion;
  length: number;
}

/** Where the report of a cache is kept. */
export function reportFile(cache: LintCache): string {
  return `${cache.file}.report`;
}

/** The kept report, when it was made with these options, over these plans, with the cache file as loaded. */
export function keptReport(cache: LintCache, options: string, files: readonly string[]): KeptReport | undefined {
  const version = cache.version;
  if (!version) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(reportFile(cache));
  } catch {
    return undefined;
  }
  const end = bytes.indexOf(0x0a);
  if (end < 0) return undefined;
  let head: Partial<Head>;
  try {
    head = JSON.parse(bytes.toString('utf8', 0, end)) as Partial<Head>;
  } catch {
    return undefined;
  }
  if (head[MARK] !== FORMAT || head.options !== options || !sameVersion(head.cache, version)) return undefined;
  if (!Array.isArray(head.files) || head.files.length !== files.length || files.some((f, i) => head.files![i] !== f)) return undefined;
  const body = bytes.subarray(end + 1);
  if (body.length !== head.length || !head.totals) return undefined;
  return { bytes: body, totals: head.totals };
}

/**
 * Keep a run's report, made with the cache file as it is now (`cache.version`, after saving).
 * Inside the repository the path is checked like the cache's; a file there that is not a report of
 * execplan's is left alone. Returns false when nothing was kept.
 */
export function keepReport(cache: LintCache, root: string, report: { options: string; files: readonly string[]; totals: ReportTotals; bytes: Uint8Array }): boolean {
  if (!cache.version) return false;
  try {
    const file = reportFile(cache);
    if (!ownFileOrNone(file)) return false;
    const head: Head = { [MARK]: FORMAT, options: report.options, files: [...report.files], totals: report.totals, cache: cache.version, length: report.bytes.length };
    writeFileAtomic(isInside(root, file) ? writablePath(root, file, 'cache file') : file, Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), report.bytes]));
    return true;
  } catch {
    return false;
  }
}

/** Whether `file` is absent, empty, or a report kept by execplan: only those are written over. */
function ownFileOrNone(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
  try {
    const mark = `{"${MARK}":`;
    const start = Buffer.alloc(mark.length);
    const n = readSync(fd, start, 0, start.length, 0);
    return n === 0 || start.toString('latin1', 0, n) === mark;
  } finally {
    closeSync(fd);
  }
}

function sameVersion(a: FileVersion | undefined, b: FileVersion): boolean {
  return !!a && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
