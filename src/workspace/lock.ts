/**
 * One writer per plan at a time: a lock directory beside the plan (`<plan>.lock`, taken with
 * proper-lockfile), holding `owner.json` with the holder's pid, host and command so a waiting
 * process can say who holds it. The directory is built aside with its record and renamed into
 * place, so a lock never exists without the record of its holder.
 *
 * Waiting: a held lock is looked at (one `stat`) every 6 to 18 ms, jittered, and tried only once
 * it is free, stale or abandoned (whether its holder still lives is checked every 100 ms). The
 * interval is the same for every waiter however long it has waited, so a process that has waited
 * long is not outpaced by newcomers, as it would be with a growing backoff. Updates hold a lock for
 * milliseconds, so under contention a process waits its turn rather than failing: only after
 * `timeoutMs` (60 s, or `EXECPLAN_LOCK_TIMEOUT_MS`) is it refused with a LOCKED error naming the
 * holder.
 *
 * Recovery: proper-lockfile keeps the directory's mtime fresh while the holder lives and treats a
 * lock untouched for `staleMs` as abandoned; a holder on this host whose pid no longer exists (a
 * killed process) is recovered at once. Such a lock is renamed aside before it is removed, and
 * removed only if the renamed directory still names the dead holder, so two waiters cannot both
 * break it and steal a fresh lock.
 */
// Named imports only: a namespace import is copied whole in the CommonJS build, which reads the
// stream classes of node:fs and so loads the stream modules.
import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { lock as acquire } from 'proper-lockfile';
import { ExecplanError } from './errors.js';
import { randomHex } from './unique-id.js';

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
  /** Throws a LOCKED error when the lock was lost while held (its directory removed, broken or left stale). */
  check(): void;
  release(): Promise<void>;
}

/** The lock directory of a file. */
export function lockPath(file: string): string {
  return `${file}.lock`;
}

/** The holder of a file's lock, if it is locked and the holder has recorded itself. */
export function readLockOwner(file: string): LockOwner | undefined {
  return readOwner(lockPath(file));
}

const OWNER = 'owner.json';

/**
 * The file system proper-lockfile works through. Its `mkdir` of the lock directory builds the
 * directory aside, with the owner record already in it, and renames it into place: the lock and
 * the record of who holds it appear in one atomic step, so a holder killed at any moment never
 * leaves a lock nobody can name. Removing the directory removes the record with it; it is first
 * renamed aside, so a waiting process can take the lock at once, not after the removal.
 *
 * proper-lockfile asks through callbacks. Each call here is a few small local operations, made at
 * once and answered on the next tick: through Node's thread pool, the seven steps of taking a lock
 * cost a plan update a round trip each, about 2 ms in all.
 */
function lockFs(owner: LockOwner) {
  const record = JSON.stringify(owner);
  return {
    stat: (p: string, cb: Callback<Stats>) => soon(cb, () => statSync(p)),
    utimes: (p: string, atime: Date, mtime: Date, cb: Callback<void>) => soon(cb, () => utimesSync(p, atime, mtime)),
    realpath: (p: string, cb: Callback<string>) => soon(cb, () => realpathSync(p)),
    mkdir: (target: string, cb: Callback<void>) =>
      soon(cb, () => {
        const aside = `${target}.new-${owner.pid}-${owner.nonce}`;
        mkdirSync(aside);
        try {
          writeFileSync(path.join(aside, OWNER), record);
          renameSync(aside, target);
        } catch (err) {
          rmSync(aside, { recursive: true, force: true });
          // A directory already there (ENOTEMPTY on Linux, EEXIST elsewhere): the lock is taken.
          const code = (err as NodeJS.ErrnoException).code;
          throw code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM' ? Object.assign(new Error(`${target} exists`), { code: 'EEXIST' }) : err;
        }
      }),
    rmdir: (p: string, cb: Callback<void>) =>
      soon(cb, () => {
        // Named like a lock broken by this process, so debris of a holder killed midway is found (removeDebris).
        const aside = `${p}.stale-${owner.pid}-${randomHex(8)}`;
        renameSync(p, aside);
        removeLockDir(aside);
      }),
    rmdirSync: (p: string) => removeLockDir(p),
  };
}

/**
 * Remove a lock directory: its owner record, then the directory. Anything else found in it (left by
 * some other program) is removed with it the slow way, which loads Node's recursive removal.
 */
function removeLockDir(dir: string): void {
  try {
    unlinkSync(path.join(dir, OWNER));
    rmdirSync(dir);
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Callback<T> = (err: NodeJS.ErrnoException | null, value?: T) => void;

/** Do `work` now and hand its outcome to `cb` on the next tick, as an asynchronous call would. */
function soon<T>(cb: Callback<T>, work: () => T): void {
  let value: T;
  try {
    value = work();
  } catch (err) {
    process.nextTick(cb, err as NodeJS.ErrnoException);
    return;
  }
  process.nextTick(cb, null, value);
}

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

/** Take the lock of `file` (an absolute, real path), waiting for another holder up to `timeoutMs`. */
export async function lockFile(file: string, options: LockOptions = {}): Promise<PlanLock> {
  const dir = lockPath(file);
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
  // A lock folder planted as a link would have its holder record (and its removal) land where the link points.
  if (lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink()) {
    const shown = `${options.display ?? file}.lock`;
    throw new ExecplanError('UNSAFE_PATH', `Cannot lock ${options.display ?? file}: ${shown} is a symbolic link, not the lock folder execplan makes. Remove the link and run again.`, { file: options.display ?? file });
  }
  let holderCheckedAt = 0;
  for (;;) {
    // A held lock is only looked at (one stat); proper-lockfile is asked for it once it is free or stale.
    const held = statSync(dir, { throwIfNoEntry: false });
    // Something other than a lock folder is in the way: no wait makes it one.
    if (held && !held.isDirectory()) throw foreignLockError(options.display ?? file);
    if (!held || held.mtimeMs < Date.now() - staleMs) {
      const lock = await tryLock(file, dir, owner, staleMs, options.display ?? file);
      if (lock) return lock;
    }
    // Whether the holder still lives is asked at once, then every so often, not at every look.
    if (Date.now() - holderCheckedAt >= HOLDER_CHECK_MS) {
      holderCheckedAt = Date.now();
      if (breakAbandoned(dir)) continue;
    }
    if (Date.now() >= deadline) throw lockedError(file, dir, timeoutMs, options.display);
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS * (0.5 + Math.random()), Math.max(deadline - Date.now(), 1))));
  }
}

/** How often, on average, a waiting process looks at a held lock (jittered from half to one and a half times this). */
const POLL_MS = 12;

/** How often a waiting process checks that the holder of the lock is still alive. */
const HOLDER_CHECK_MS = 100;

/** One attempt at the lock: the held lock, or undefined when another process holds it. */
async function tryLock(file: string, dir: string, owner: LockOwner, staleMs: number, display: string): Promise<PlanLock | undefined> {
  let lost: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await acquire(file, {
      realpath: false,
      lockfilePath: dir,
      stale: staleMs,
      retries: 0,
      fs: lockFs(owner),
      onCompromised: (err) => {
        lost = err;
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') return undefined;
    throw lockError(err, dir, display);
  }
  const siblings = removeDebris(dir);
  const mine = () => readOwner(dir)?.nonce === owner.nonce;
  return {
    siblings,
    check: () => {
      if (lost || !mine()) {
        const why = lost ? lost.message : 'another process removed or replaced it';
        throw new ExecplanError('LOCKED', `Lost the lock on ${display} while updating it (${why}); nothing was written. Run the command again.`, { file: display });
      }
    },
    // A lock that is no longer ours is someone else's now: leave it alone.
    release: async () => {
      if (!lost && mine()) await release().catch(() => undefined);
    },
  };
}

/** What to tell the user when the lock cannot be made: the plan and its folder, not the lock's temporary names. */
function lockError(err: unknown, dir: string, display: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() === false) return foreignLockError(display);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    const folder = path.dirname(display);
    return new ExecplanError('IO', `Cannot lock ${display}: its folder ${folder}/ cannot be written (${code}), and the lock is made there. Check the folder's permissions.`, { file: display });
  }
  return err;
}

/** A file (not the lock folder) at the lock path of `display`. */
function foreignLockError(display: string): ExecplanError {
  return new ExecplanError('IO', `Cannot lock ${display}: ${display}.lock is a file, not the lock folder execplan makes. Remove it if nothing else uses it, and run again.`, { file: display });
}

/** Remove what killed lockers left beside the lock: half-built (`.new-<pid>-…`) and set-aside (`.stale-<pid>-…`) directories. */
function removeDebris(dir: string): string[] {
  const folder = path.dirname(dir);
  const prefix = `${path.basename(dir)}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(?:new|stale)-(\d+)-/.exec(name.slice(prefix.length)) : null;
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(path.join(folder, name), { recursive: true, force: true });
  }
  return names;
}

/** The command line to show waiting processes: `execplan …` when run through the package's bin file (`bin.cjs`, `bin.js`). */
export function commandLine(argv: readonly string[] = process.argv): string {
  const [, script, ...args] = argv;
  const name = script ? path.basename(script).replace(/\.(?:[cm]?js|ts)$/, '') : 'node';
  return [name === 'bin' ? 'execplan' : name, ...args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a))].join(' ');
}

function readOwner(dir: string): LockOwner | undefined {
  try {
    const o = JSON.parse(readFileSync(path.join(dir, OWNER), 'utf8')) as LockOwner;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove a lock whose holder is gone: a process on this host that no longer exists. (Holders on
 * other hosts, and locks without a record, are left to proper-lockfile's staleness rule.) Returns
 * true when the lock is now free.
 */
function breakAbandoned(dir: string): boolean {
  const owner = readOwner(dir);
  if (!statSync(dir, { throwIfNoEntry: false })) return true; // released meanwhile
  if (!owner || owner.host !== hostname() || owner.pid === process.pid || alive(owner.pid)) return false;
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
  rmSync(aside, { recursive: true, force: true });
  return true;
}

function lockedError(file: string, dir: string, timeoutMs: number, display?: string): ExecplanError {
  const owner = readOwner(dir);
  const who = owner ? `\`${owner.command}\` (pid ${owner.pid} on ${owner.host}, since ${owner.since})` : 'another process (it has not recorded who it is)';
  const name = display ?? file;
  return new ExecplanError(
    'LOCKED',
    `${name} is locked by ${who}; waited ${(timeoutMs / 1000).toFixed(1)} s. Retry when it has finished; if that process is gone, delete the folder ${dir}.`,
    { file: name, details: owner ? [`pid ${owner.pid}`, `host ${owner.host}`, `command ${owner.command}`, `since ${owner.since}`] : [] },
  );
}
