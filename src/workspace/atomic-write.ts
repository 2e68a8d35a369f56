/**
 * Replace a file so that readers, and a crash at any moment, see either the old or the new content:
 * write a temporary file in the same folder, flush it to disk, then rename it over the target
 * (atomic on one file system) and flush the folder so the rename itself survives a power loss.
 */
import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { namesIn } from './on-disk.js';

/** A temporary file written and flushed, waiting to replace its target. */
export interface PreparedWrite {
  /** Rename the temporary file over the target and flush the folder. */
  commit(): void;
  /** Remove the temporary file. */
  discard(): void;
}

const SUFFIX = '.execplan-tmp';

/** Temporary files are dot-files named for the target and the writer's pid, so leftovers can be found. */
export function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomHex(8)}${SUFFIX}`);
}

/**
 * Write `data` to a flushed temporary file beside `file`, with `file`'s mode (and owner, when
 * permitted). Text given in pieces is written as it comes, so a large file is never held whole.
 */
export function prepareWrite(file: string, data: string | Uint8Array | Iterable<string>): PreparedWrite {
  let mode = 0o644;
  let owner: { uid: number; gid: number } | undefined;
  try {
    const st = statSync(file);
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
  } catch {
    /* a new file gets the default mode */
  }
  const tmp = tempName(file);
  const fd = openSync(tmp, 'wx', mode);
  try {
    for (const bytes of chunksOf(data)) {
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    }
    // The umask may have narrowed the mode at open.
    fchmodSync(fd, mode);
    if (owner && typeof process.getuid === 'function' && process.getuid() === 0) {
      try {
        fchownSync(fd, owner.uid, owner.gid);
      } catch {
        /* keep the writer's ownership */
      }
    }
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    safeUnlink(tmp);
    throw err;
  }
  closeSync(fd);
  return {
    commit: () => {
      try {
        renameSync(tmp, file);
      } catch (err) {
        safeUnlink(tmp);
        throw err;
      }
      syncDir(path.dirname(file));
    },
    discard: () => safeUnlink(tmp),
  };
}

/** Write a file atomically. */
export function writeFileAtomic(file: string, data: string | Uint8Array | Iterable<string>): void {
  prepareWrite(file, data).commit();
}

/** The bytes to write: pieces of text are joined into writes of 64 KiB or so, rather than one each. */
function* chunksOf(data: string | Uint8Array | Iterable<string>): Generator<Uint8Array> {
  if (typeof data === 'string') return yield Buffer.from(data, 'utf8');
  if (data instanceof Uint8Array) return yield data;
  let batch = '';
  for (const piece of data) {
    batch += piece;
    if (batch.length < 1 << 16) continue;
    yield Buffer.from(batch, 'utf8');
    batch = '';
  }
  if (batch) yield Buffer.from(batch, 'utf8');
}

/**
 * Remove temporary files a killed writer left beside `file`. Call it while holding the file's lock:
 * then no live writer of this file has a temporary file in progress, except ones of this process.
 * `listing`, the folder's names read under that lock, spares reading the folder again.
 */
export function removeStaleTemps(file: string, listing?: readonly string[]): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  for (const name of listing ?? namesIn(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith(SUFFIX)) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (pid !== process.pid) safeUnlink(path.join(dir, name));
  }
}

/**
 * `digits` random lower-case hexadecimal digits, naming temporary files, set-aside locks and lock
 * holders. They only have to differ between writers (which also put their pid beside them), not be
 * secret, so Math.random serves: loading node:crypto would cost a plan update more than the rest of its start-up.
 */
export function randomHex(digits: number): string {
  let out = '';
  while (out.length < digits) out += Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return out.slice(0, digits);
}

function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* some systems cannot open or flush a folder; the rename is still atomic */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Remove a file if it can be: one already gone, or left behind, costs nothing but its space. */
export function safeUnlink(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}
