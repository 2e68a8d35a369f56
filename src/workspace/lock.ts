/**
 * One writer per plan at a time: a lock folder beside the plan (`<plan>.lock`) holding `owner.json`
 * with the holder's pid, host and command, so a waiting process can say who holds it.
 *
 * Taking: the folder is built aside (`<plan>.lock.new-<pid>-…`) with its record and renamed into
 * place. The rename is atomic and fails when a lock is already there, so two processes never both
 * hold it, and a lock never exists without the record of its holder: a folder at the lock path
 * without one is not execplan's, and is refused at once, as is a file there.
 *
 * Waiting: a held lock is looked at (one `stat`) every 6 to 18 ms, jittered, and tried as soon as it
 * is gone; whether its holder still lives is checked every 100 ms. The interval is the same for
 * every waiter however long it has waited, so a process that has waited long is not outpaced by
 * newcomers, as it would be with a growing backoff. Updates hold a lock for milliseconds, so under
 * contention a process waits its turn rather than failing: only after `timeoutMs` (60 s, or
 * `EXECPLAN_LOCK_TIMEOUT_MS`) is it refused with a LOCKED error naming the holder.
 *
 * Recovery: the holder keeps the folder's mtime fresh while it lives; a lock untouched for `staleMs`
 * is abandoned, whoever held it, and a holder on this host whose pid no longer exists (a killed
 * process) is recovered at once. Such a lock is renamed aside before it is removed, and removed only
 * if the renamed folder still names the holder judged gone, so two waiters cannot both break it and
 * steal a fresh lock. Releasing renames the folder aside too, so a holder killed while releasing
 * leaves debris beside the lock (removed by the next taker), never a lock without its record.
 */
// Named imports only: a namespace import is copied whole in the CommonJS build, which reads the
// stream classes of node:fs and so loads the stream modules.
import { lstatSync, mkdirSync, renameSync, rmdirSync, rmSync, unlinkSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { ExecplanError } from './errors.js';
import { randomHex } from './atomic-write.js';
import { namesIn, readJson } from './on-disk.js';

/** Who holds a lock. */
export interface LockOwner {
  pid: number;
  host: string;
  command: string;
  /** ISO time the lock was taken. */
  since: string;
  /** Tells two holders with the same pid apart. */
  nonce: string;
}

/** How long to wait and when a silent lock counts as abandoned. */
export interface LockOptions {
  /** Give up waiting after this long (default 60 s, or `EXECPLAN_LOCK_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** A lock not refreshed for this long is abandoned (default 10 s, at least 2 s). */
  staleMs?: number;
  /** What the holder is doing, shown to waiting processes (default: this process's command line). */
  command?: string;
  /** The path to name in messages (default: the locked file). */
  display?: string;
}

/** A held lock. */
export interface PlanLock {
  /** The names in the locked file's folder as the lock was taken, for other clean-ups to look through without listing it again. */
  siblings: readonly string[];
  /** Throws a LOCKED error when the lock was lost while held (its folder removed, broken or replaced). */
  check(): void;
  release(): Promise<void>;
}

/** The lock folder of a file. */
export function lockPath(file: string): string {
  return `${file}.lock`;
}

/** The holder of a file's lock, if it is locked and the holder has recorded itself. */
export function readLockOwner(file: string): LockOwner | undefined {
  return readOwner(lockPath(file));
}

const OWNER = 'owner.json';

/** How long a writer waits for a lock when neither the caller nor `EXECPLAN_LOCK_TIMEOUT_MS` says. */
export const DEFAULT_LOCK_TIMEOUT_MS = 60_000;

/** The wait for a lock: `EXECPLAN_LOCK_TIMEOUT_MS` when set, else 60 s. */
export function lockTimeout(env: Record<string, string | undefined> = process.env): number {
  const raw = env.EXECPLAN_LOCK_TIMEOUT_MS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_LOCK_TIMEOUT_MS;
  if (!/^\d+$/.test(raw.trim())) {
    throw new ExecplanError('USAGE', `EXECPLAN_LOCK_TIMEOUT_MS=${JSON.stringify(raw)} is not a number of milliseconds; set it to one, such as 120000 to wait up to two minutes for a plan's lock, or unset it.`);
  }
  return Number(raw.trim());
}

/** How often, on average, a waiting process looks at a held lock (jittered from half to one and a half times this). */
const POLL_MS = 12;

/** How often a waiting process checks that the holder of the lock is still alive. */
const HOLDER_CHECK_MS = 100;

/** Take the lock of `file` (an absolute, real path), waiting for another holder up to `timeoutMs`. */
export async function lockFile(file: string, options: LockOptions = {}): Promise<PlanLock> {
  const dir = lockPath(file);
  const display = options.display ?? file;
  const timeoutMs = options.timeoutMs ?? lockTimeout();
  const staleMs = Math.max(options.staleMs ?? 10_000, 2_000);
  const deadline = Date.now() + timeoutMs;
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command: (options.command ?? commandLine()).slice(0, 300),
    since: new Date().toISOString(),
    nonce: randomHex(16),
  };
  let holderCheckedAt = 0;
  for (;;) {
    const held = lstatSync(dir, { throwIfNoEntry: false });
    if (!held) {
      if (take(dir, owner, display)) return holding(dir, owner, staleMs, display);
    } else {
      // Something other than a lock folder is in the way: no wait makes it one.
      if (!held.isDirectory()) throw foreignLockError(display, held);
      const stale = held.mtimeMs < Date.now() - staleMs;
      // Whether the holder still lives is asked at once, then every so often, not at every look.
      if (stale || Date.now() - holderCheckedAt >= HOLDER_CHECK_MS) {
        holderCheckedAt = Date.now();
        if (breakAbandoned(dir, held, stale, display)) continue;
      }
    }
    if (Date.now() >= deadline) throw lockedError(dir, timeoutMs, display);
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS * (0.5 + Math.random()), Math.max(deadline - Date.now(), 1))));
  }
}

/**
 * Build the lock aside with its record and rename it into place. False when another process got
 * there first (a rename onto a folder that is not empty fails).
 */
function take(dir: string, owner: LockOwner, display: string): boolean {
  const aside = `${dir}.new-${owner.pid}-${owner.nonce}`;
  try {
    mkdirSync(aside);
    writeFileSync(path.join(aside, OWNER), JSON.stringify(owner));
    renameSync(aside, dir);
    return true;
  } catch (err) {
    rmSync(aside, { recursive: true, force: true });
    const code = (err as NodeJS.ErrnoException).code;
    // ENOTEMPTY on Linux, EEXIST elsewhere, EPERM on Windows: a lock is there now.
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM') return false;
    throw lockError(err, dir, display);
  }
}

/** Locks this process holds, released if it exits while holding them. */
const held = new Map<string, () => void>();
let releasedAtExit = false;

/** The lock just taken: kept fresh while held, checked before a commit, released once. */
function holding(dir: string, owner: LockOwner, staleMs: number, display: string): PlanLock {
  const siblings = removeDebris(dir);
  let lost = false;
  const mine = () => !lost && readOwner(dir)?.nonce === owner.nonce;
  // Waiters judge a lock abandoned by its mtime: touch it well within the stale time.
  let timer: NodeJS.Timeout | undefined;
  const refresh = () => {
    if (!mine()) {
      lost = true;
      return;
    }
    try {
      const now = new Date();
      utimesSync(dir, now, now);
      timer = setTimeout(refresh, staleMs / 2).unref();
    } catch {
      lost = true;
    }
  };
  timer = setTimeout(refresh, staleMs / 2).unref();
  const release = () => {
    clearTimeout(timer);
    held.delete(dir);
    // A lock that is no longer ours is someone else's now: leave it alone.
    if (!mine()) return;
    lost = true;
    // Named like a lock broken by this process, so what a holder killed midway leaves is found (removeDebris).
    const aside = `${dir}.stale-${owner.pid}-${randomHex(8)}`;
    try {
      renameSync(dir, aside);
    } catch {
      return;
    }
    removeLockDir(aside);
  };
  if (!releasedAtExit) {
    releasedAtExit = true;
    process.once('exit', releaseAll);
  }
  held.set(dir, release);
  return {
    siblings,
    check: () => {
      if (!mine()) throw new ExecplanError('LOCKED', `Lost the lock on ${display} while updating it (another process removed or replaced it); nothing was written. Run the command again.`, { file: display });
    },
    release: async () => release(),
  };
}

/** At exit, give up what is still held, as a release would. */
function releaseAll(): void {
  for (const release of [...held.values()]) release();
}

/** Remove a lock folder set aside: its owner record, then the folder; anything else found in it the slow way. */
function removeLockDir(dir: string): void {
  try {
    unlinkSync(path.join(dir, OWNER));
    rmdirSync(dir);
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What to tell the user when the lock cannot be made: the plan and its folder, not the lock's temporary names. */
function lockError(err: unknown, dir: string, display: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  const there = lstatSync(dir, { throwIfNoEntry: false });
  if (there && !there.isDirectory()) return foreignLockError(display, there);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    const folder = path.dirname(display);
    return new ExecplanError('IO', `Cannot lock ${display}: its folder ${folder}/ cannot be written (${code}), and the lock is made there. Check the folder's permissions.`, { file: display });
  }
  return err;
}

/** Something at the lock path of `display` that execplan did not make: a file, a link, or a folder without a holder's record. */
function foreignLockError(display: string, st: Stats): ExecplanError {
  const shown = `${display}.lock`;
  if (st.isSymbolicLink()) {
    // Through a link, the holder's record (and its removal) would land where the link points.
    return new ExecplanError('UNSAFE_PATH', `Cannot lock ${display}: ${shown} is a symbolic link, not the lock folder execplan makes. Remove the link and run again.`, { file: display });
  }
  const what = st.isDirectory() ? `a folder without the ${OWNER} execplan writes in every lock it makes, so no execplan holds it` : 'a file, not the lock folder execplan makes';
  return new ExecplanError('IO', `Cannot lock ${display}: ${shown} is ${what}. Remove it if nothing else uses it, and run again.`, { file: display });
}

/** Remove what killed lockers left beside the lock: half-built (`.new-<pid>-…`) and set-aside (`.stale-<pid>-…`) folders. */
function removeDebris(dir: string): string[] {
  const folder = path.dirname(dir);
  const prefix = `${path.basename(dir)}.`;
  const names = namesIn(folder);
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(?:new|stale)-(\d+)-/.exec(name.slice(prefix.length)) : null;
    if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) rmSync(path.join(folder, name), { recursive: true, force: true });
  }
  return names;
}

/** Whether the process `pid` of this machine exists (EPERM: it does, but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line to show waiting processes: `execplan …` when run through the package's bin file (`bin.cjs`, `bin.js`). */
export function commandLine(argv: readonly string[] = process.argv): string {
  const [, script, ...args] = argv;
  const name = script ? path.basename(script).replace(/\.(?:[cm]?js|ts)$/, '') : 'node';
  return [name === 'bin' ? 'execplan' : name, ...args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a))].join(' ');
}

function readOwner(dir: string): LockOwner | undefined {
  const o = readJson(path.join(dir, OWNER)) as LockOwner | undefined;
  return typeof o?.pid === 'number' && typeof o.host === 'string' ? o : undefined;
}

/**
 * Remove the lock at `dir` (seen as `seen`) if it is abandoned: `stale` (not refreshed for the
 * stale time), or held by a process of this host that no longer exists. Returns true when the lock
 * is now free. A folder that holds no record of its holder is not execplan's: refused at once.
 */
function breakAbandoned(dir: string, seen: Stats, stale: boolean, display: string): boolean {
  const owner = readOwner(dir);
  if (!owner) {
    // Our locks have their record from the moment they appear; no record means the folder was
    // released meanwhile (look again) or is not a lock at all, if it is still the one seen.
    const now = lstatSync(dir, { throwIfNoEntry: false });
    if (!now || now.ino !== seen.ino || now.dev !== seen.dev || readOwner(dir)) return !now;
    throw foreignLockError(display, now);
  }
  if (!stale && (owner.host !== hostname() || owner.pid === process.pid || processAlive(owner.pid))) return false;
  const aside = `${dir}.stale-${process.pid}-${randomHex(8)}`;
  try {
    renameSync(dir, aside);
  } catch {
    return true; // someone else broke or released it first
  }
  const moved = readOwner(aside);
  if (moved?.nonce !== owner.nonce) {
    // A live holder took the lock between our look and the rename: give it back.
    try {
      renameSync(aside, dir);
    } catch {
      // A third process holds it now. The one we moved finds its lock gone and writes nothing.
      rmSync(aside, { recursive: true, force: true });
    }
    return false;
  }
  removeLockDir(aside);
  return true;
}

function lockedError(dir: string, timeoutMs: number, display: string): ExecplanError {
  const owner = readOwner(dir);
  const who = owner ? `\`${owner.command}\` (pid ${owner.pid} on ${owner.host}, since ${owner.since})` : 'another process (it has not recorded who it is)';
  return new ExecplanError(
    'LOCKED',
    `${display} is locked by ${who}; waited ${(timeoutMs / 1000).toFixed(1)} s. Retry when it has finished; if that process is gone, delete the folder ${dir}.`,
    { file: display, details: owner ? [`pid ${owner.pid}`, `host ${owner.host}`, `command ${owner.command}`, `since ${owner.since}`] : [] },
  );
}
