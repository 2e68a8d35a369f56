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
 * The report goes to a temporary file beside the cache as it is printed, so a run never holds it
 * whole, and replaces the kept one once the cache is saved; a run printing it again reads it a
 * piece at a time. The file is a line marking it (`{"execplanLintReport":2}`), the report as
 * printed, then a line of JSON known only at the end: the options, plans, totals, the cache
 * file's identity and the report's length in bytes.
 */
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import type { Totals } from '../formatters/types.js';
import { removeStaleTemps, safeUnlink, tempName } from './atomic-write.js';
import { cacheTarget, type FileVersion, type LintCache } from './lint-cache.js';

/** The key that starts the file, marking it as execplan's. */
const MARK = 'execplanLintReport';

/** The first line; its format number is bumped when the file's layout changes. */
const HEAD = `{"${MARK}":2}\n`;

/** What the last line says of the report above it. */
interface Tail {
  options: string;
  files: readonly string[];
  /** A run's totals, which decide the exit code. */
  totals: Totals;
  cache: FileVersion;
  length: number;
}

/** A report being written as it is printed. */
export interface ReportDraft {
  write(text: string | Uint8Array): void;
  /** Keep the report, made with the cache file as it is now (`cache.version`, after saving): false when nothing was kept. */
  keep(report: Omit<Tail, 'cache' | 'length'>): boolean;
  /** Remove the temporary file, unless kept. */
  discard(): void;
}

/** Where the report of a cache is kept. */
function reportFile(cache: LintCache): string {
  return `${cache.file}.report`;
}

/** A kept report that applies: its totals, and its bytes to be read in pieces from the open file. */
export interface KeptReport {
  totals: Totals;
  /** Hand the report to `write` in pieces of 64 KiB, in order, each a buffer of its own: it is never held whole. */
  copy(write: (bytes: Uint8Array) => void): void;
  close(): void;
}

/** The kept report, when it was made with these options, over these plans, with the cache file as loaded. */
export function keptReport(cache: LintCache, options: string, files: readonly string[]): KeptReport | undefined {
  const version = cache.version;
  if (!version) return undefined;
  let fd: number;
  try {
    fd = openSync(reportFile(cache), 'r');
  } catch {
    return undefined;
  }
  let tail: Partial<Tail> | null;
  // The body ends where the last line starts, after the newline put between them.
  let end: number;
  try {
    const size = fstatSync(fd).size;
    end = lastNewline(fd, size - 1);
    tail = JSON.parse(readAt(fd, end + 1, size - end - 1).toString('utf8')) as Partial<Tail> | null;
    if (readAt(fd, 0, HEAD.length).toString('latin1') !== HEAD || tail?.length !== end - HEAD.length || !tail.totals) throw new Error('not this report');
    if (tail.options !== options || !sameVersion(tail.cache, version)) throw new Error('not this report');
    if (!Array.isArray(tail.files) || tail.files.length !== files.length || files.some((f, i) => tail!.files![i] !== f)) throw new Error('not this report');
  } catch {
    closeSync(fd);
    return undefined;
  }
  return {
    totals: tail.totals,
    copy(write) {
      for (let at = HEAD.length; at < end; at += CHUNK) write(readAt(fd, at, Math.min(CHUNK, end - at)));
    },
    close: () => closeSync(fd),
  };
}

/** The size of the pieces a kept report is read in. */
const CHUNK = 1 << 16;

/** The `length` bytes of the file at `at`; fewer there is an error. */
function readAt(fd: number, at: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(Math.max(0, length));
  for (let got = 0; got < bytes.length; ) {
    const n = readSync(fd, bytes, got, bytes.length - got, at + got);
    if (!n) throw new Error('the file is shorter than it says');
    got += n;
  }
  return bytes;
}

/** Where the last newline before offset `before` is, reading back from it a piece at a time; -1 when there is none. */
function lastNewline(fd: number, before: number): number {
  for (let hi = before; hi > 0; ) {
    const lo = Math.max(0, hi - CHUNK);
    const at = readAt(fd, lo, hi - lo).lastIndexOf(0x0a);
    if (at >= 0) return lo + at;
    hi = lo;
  }
  return -1;
}

/**
 * A report to be written beside the cache as it is printed; its temporary file is made at the first
 * write (with the cache's folder, placed as lint-cache.ts places it), and what earlier runs killed
 * while writing one left there is removed. A write that fails only means nothing is kept.
 */
export function draftReport(cache: LintCache, place: { gitignore: boolean; root: string }): ReportDraft {
  let target: string | undefined;
  let tmp: string | undefined;
  let fd: number | undefined;
  let length = 0;
  let failed = false;
  const put = (bytes: Uint8Array) => {
    if (failed) return;
    try {
      if (fd === undefined) {
        target = cacheTarget(reportFile(cache), place);
        removeStaleTemps(target);
        fd = openSync((tmp = tempName(target)), 'wx');
        writeAll(fd, Buffer.from(HEAD));
      }
      writeAll(fd, bytes);
    } catch {
      failed = true;
    }
  };
  const discard = () => {
    if (fd !== undefined) closeSync(fd);
    if (tmp !== undefined) safeUnlink(tmp);
    fd = undefined;
    tmp = undefined;
  };
  return {
    write(text) {
      const bytes = typeof text === 'string' ? Buffer.from(text) : text;
      length += bytes.length;
      if (bytes.length) put(bytes);
    },
    keep(report) {
      try {
        if (!cache.version) return false;
        put(Buffer.from(`\n${JSON.stringify({ ...report, cache: cache.version, length })}\n`));
        if (failed || !ownFileOrNone(target!)) return false;
        fsyncSync(fd!);
        closeSync(fd!);
        fd = undefined;
        renameSync(tmp!, target!);
        tmp = undefined;
        return true;
      } catch {
        return false;
      } finally {
        discard();
      }
    },
    discard,
  };
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

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
}

function sameVersion(a: FileVersion | undefined, b: FileVersion): boolean {
  return !!a && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
