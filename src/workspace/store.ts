/**
 * Reading plans and updating them safely.
 *
 * An update is a transaction: take the plan's lock (see lock.ts), read the plan under it, parse it,
 * let the caller build edits from that fresh model, apply them with `applyEdits`, then replace the
 * file atomically (temporary file in the same folder, fsync, rename; mode kept). Because edits are
 * rebuilt from what is on disk under the lock, concurrent `execplan` writers never lose an update:
 * each sees the previous one's result. (The plan is also parsed before the lock is taken; that
 * model is used only if the text read under the lock is byte for byte the one it came from, so the
 * lock is held for less time.)
 *
 * Editors that do not take the lock are handled in two ways. A caller that decided on an earlier
 * read (a `--dry-run` preview, an MCP client that showed the plan) passes that read's hash as
 * `expectedHash`; if the plan differs under the lock, the update is refused with CHANGED_ON_DISK
 * instead of overwriting what the user saved. And just before the rename the file is read again:
 * if it changed while the edits were built, the transaction starts over on the new text (or is
 * refused when an `expectedHash` was given). What remains is the instant between that check and the
 * rename, which no lock-free editor can be protected against; the check is one `stat` compared with
 * the one taken as the plan was read, made right before the rename.
 *
 * An editor saving in place (truncate, then write) can be caught half done. The plan is read
 * between two stats that must agree, a plan modified in place moments ago is left to settle, and a
 * text that is empty, or lost its title, a section or its final line break compared with the
 * reading made before the lock (core/half-written.ts), is refused: an edit is never built on it.
 */
import { accessSync, constants, existsSync, readFileSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import { halfWrittenReason } from '../core/half-written.js';
import { applyEdits, type Edit } from '../core/apply-edits.js';
import { markerLines } from '../core/conflict-markers.js';
import { parsePlan } from '../core/parse.js';
import type { ParseOptions, Plan } from '../core/types.js';
import { prepareWrite, removeStaleTemps } from './atomic-write.js';
import { ExecplanError } from './errors.js';
import { sha256 } from './hash.js';
import { lockFile, type LockOptions } from './lock.js';
import { editableText } from './read.js';

/** What an update's builder returns: the edits to make, and anything the caller wants back. */
export interface PlanUpdate<T> {
  edits: readonly Edit[];
  result: T;
}

/** Options of `updatePlan`. */
export interface UpdateOptions {
  /** sha256 (hex) of the text the caller's decision was based on; refuse if the plan now differs. */
  expectedHash?: string;
  /** Build and return the change without taking the lock or writing. */
  dryRun?: boolean;
  /** Section aliases and custom sections from the configuration. */
  parse?: ParseOptions;
  /** Lock waiting and staleness, and what to show other writers. */
  lock?: LockOptions;
  /** The path to name in messages (default: the path given). */
  display?: string;
  /** Let `build` see a plan with conflict markers (it must then make no edit there itself); refused otherwise. */
  allowConflictMarkers?: boolean;
}

/** What an update did. */
export interface UpdateOutcome<T> {
  /** The real path of the plan (symbolic links resolved). */
  file: string;
  before: string;
  after: string;
  /** sha256 of `before`: pass it back as `expectedHash` to apply a previewed change. */
  beforeHash: string;
  afterHash: string;
  /** Whether the text changes. */
  changed: boolean;
  /** Whether the file was written (false for a dry run or no change). */
  written: boolean;
  /** The plan as parsed from `before`. */
  plan: Plan;
  result: T;
}

/** A plan read from disk. */
export interface LoadedPlan {
  file: string;
  text: string;
  hash: string;
  plan: Plan;
}

/** Read and parse a plan. Refuses files that are not UTF-8, since writing them back would alter bytes. */
export function readPlanSnapshot(file: string, options: { parse?: ParseOptions; display?: string } = {}): LoadedPlan {
  const display = options.display ?? file;
  const real = ifFound(display, () => realpathSync(file));
  const bytes = readBytes(real, display);
  const text = editableText(bytes, display);
  return { file: real, text, hash: sha256(bytes), plan: parsePlan(text, options.parse) };
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Update a plan in one transaction: lock, re-read, parse, `build` edits from the fresh plan, apply,
 * write atomically, unlock. Updates from this process to one plan run one after another; other
 * processes wait for the lock. See the file comment for what is guaranteed.
 */
export async function updatePlan<T>(file: string, build: (plan: Plan) => PlanUpdate<T>, options: UpdateOptions = {}): Promise<UpdateOutcome<T>> {
  const display = options.display ?? file;
  const real = ifFound(display, () => realpathSync(file));
  if (options.dryRun) return transact(real, build, options, display, false);
  const previous = queues.get(real) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    // Parsed before waiting: unless another writer changes the plan meanwhile, the lock is held only
    // to check that, edit and write. Other writers wait for less time, and parsing never happens
    // twice when nobody else is writing.
    const early = parseAhead(real, options);
    const lock = await lockFile(real, { ...options.lock, display });
    try {
      // `archive` and `reopen` move a plan under this lock: a writer that waited for it must not recreate the old file.
      if (!existsSync(real)) throw movedAway(display);
      // The folder was listed as the lock was taken, after which no other writer of this plan makes temporary files.
      removeStaleTemps(real, lock.siblings);
      return transact(real, build, options, display, true, () => lock.check(), early);
    } finally {
      await lock.release();
    }
  });
  queues.set(real, run);
  try {
    return await run;
  } finally {
    if (queues.get(real) === run) queues.delete(real);
  }
}

/** The plan parsed from some bytes, to reuse if the file still holds exactly those bytes. */
interface Parsed {
  bytes: Buffer;
  plan: Plan;
  /** The file's inode as it was read: execplan replaces a plan by a rename, an editor saving in place keeps it. */
  ino?: bigint;
}

/**
 * How long a plan changed in place must have been left alone before an edit reads it. An editor
 * saving in place truncates and then writes, a few microseconds apart; a modification time this
 * recent on the file read moments before may be such a save still going on, so the read waits and
 * is made again. (File systems stamp times from a coarse clock, a few milliseconds behind.)
 */
const QUIET_NS = 15_000_000n;

/** Read and parse the plan ahead of taking its lock; undefined if it cannot be read as UTF-8 now (the locked read reports why). */
function parseAhead(file: string, options: UpdateOptions): Parsed | undefined {
  try {
    const ino = statSync(file, { bigint: true }).ino;
    const bytes = readFileSync(file);
    const text = bytes.toString('utf8');
    return Buffer.from(text, 'utf8').equals(bytes) ? { bytes, plan: parsePlan(text, options.parse), ino } : undefined;
  } catch {
    return undefined;
  }
}

function transact<T>(file: string, build: (plan: Plan) => PlanUpdate<T>, options: UpdateOptions, display: string, write: boolean, stillLocked?: () => void, early?: Parsed): UpdateOutcome<T> {
  let quiet = 0;
  for (let attempt = 1; ; attempt++) {
    const { text: before, bytes, stat } = readSteady(file, display);
    // The same file as read ahead, modified just now: perhaps in the middle of an in-place save.
    const age = BigInt(Date.now()) * 1_000_000n - stat.mtimeNs;
    // A time in the future is a skewed clock (another machine, a copied file), not a save going on: never wait for it.
    if (early?.ino === stat.ino && age >= 0n && age < QUIET_NS && quiet++ < 10) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(1, Math.ceil(Number(QUIET_NS - age) / 1e6)));
      attempt--;
      continue;
    }
    if (options.expectedHash && options.expectedHash !== sha256(bytes)) throw changedOnDisk(display, 'since it was read for this change');
    // Parsing is a pure function of the text: the plan parsed ahead serves if the text is the same.
    const plan = early && early.bytes.equals(bytes) ? early.plan : parsePlan(before, options.parse);
    // A plan caught in the middle of an in-place save is never the base of an edit.
    const half = halfWrittenReason(plan, early?.plan);
    if (half) throw halfWritten(display, half);
    if (!options.allowConflictMarkers) refuseConflictMarkers(plan, display);
    const { edits, result } = build(plan);
    const after = applyEdits(before, edits, plan.eol);
    const changed = after !== before;
    if (!write || !changed) return outcomeOf(file, before, bytes, after, plan, result, false);
    // The new text replaces the file by a rename, which its own permissions would not stop.
    assertWritable(file, display);
    const pending = prepareWrite(file, after);
    let committed = false;
    try {
      // Another editor may have saved while the edits were built: never overwrite what it wrote.
      const unchanged = readBytes(file, display).equals(bytes);
      if (unchanged) stillLocked?.();
      // The last look, as close to the rename as a lock-free editor allows: one stat, compared with
      // the one taken as the plan was read (same file, size, modification and change times, to the nanosecond).
      if (!unchanged || !sameStat(statSync(file, { bigint: true, throwIfNoEntry: false }), stat)) {
        if (options.expectedHash || attempt >= 3) throw changedOnDisk(display, 'while the change was being made');
        continue;
      }
      pending.commit();
      committed = true;
    } finally {
      if (!committed) pending.discard();
    }
    return outcomeOf(file, before, bytes, after, plan, result, true);
  }
}

/**
 * Refuse to edit a plan that still holds git conflict markers: an entry written into one side of a
 * conflict, or a section found by a marker line, would be wrong whichever side the merge keeps.
 */
export function refuseConflictMarkers(plan: Plan, display: string): void {
  const markers = plan.conflictMarkers;
  if (!markers.length) return;
  throw new ExecplanError(
    'REFUSED',
    `${display} has unresolved merge conflict markers at ${markers.length > 1 ? 'lines' : 'line'} ${markerLines(markers)}; resolve the conflict (keep the lines that should stay, delete the marker lines) and run the command again.`,
    { file: display, line: markers[0]!.line, details: markers.map((m) => `line ${m.line}: ${plan.source.slice(m.start, m.end)}`) },
  );
}

/** An update's outcome. The hashes are computed when first read: most callers never look at them. */
function outcomeOf<T>(file: string, before: string, bytes: Buffer, after: string, plan: Plan, result: T, written: boolean): UpdateOutcome<T> {
  let beforeHash: string | undefined;
  let afterHash: string | undefined;
  return {
    file,
    before,
    after,
    get beforeHash() {
      return (beforeHash ??= sha256(bytes));
    },
    get afterHash() {
      return (afterHash ??= sha256(after));
    },
    changed: after !== before,
    written,
    plan,
    result,
  };
}

/**
 * Refuse to replace a file its owner made read-only, or one on a read-only file system. Root may
 * write any file, so for root the owner's write permission decides, as it would for the owner.
 */
function assertWritable(file: string, display: string): void {
  try {
    if (typeof process.getuid === 'function' && process.getuid() === 0 && (statSync(file).mode & 0o200) === 0) throw Object.assign(new Error('read-only'), { code: 'EACCES' });
    accessSync(file, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw err;
    const why = code === 'EROFS' ? 'it is on a read-only file system' : 'its permissions do not let you write it';
    throw new ExecplanError('IO', `${display} cannot be changed: ${why}. Nothing was written; make it writable (chmod u+w) to edit it.`, { file: display });
  }
}

/**
 * Read the plan with a stat before and after: if they differ, a writer was at work during the read,
 * and it is read again (a few times, a millisecond apart) until two stats agree. Returns the stat
 * the text belongs to, for the last check before the rename.
 */
function readSteady(file: string, display: string): { text: string; bytes: Buffer; stat: BigIntStats } {
  for (let tries = 1; ; tries++) {
    const first = statSync(file, { bigint: true, throwIfNoEntry: false });
    const bytes = readBytes(file, display);
    const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
    if (first && stat && sameStat(first, stat) && BigInt(bytes.length) === stat.size) return { text: editableText(bytes, display), bytes, stat };
    if (!stat) throw notFound(display);
    if (tries >= 20) throw changedOnDisk(display, 'while it was being read, again and again');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
  }
}

/** Whether two stats describe the same file in the same state. */
function sameStat(a: BigIntStats | undefined, b: BigIntStats | undefined): boolean {
  return !!a && !!b && a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

function readBytes(file: string, display: string): Buffer {
  return ifFound(display, () => readFileSync(file));
}

/** What `read` returns; a plan that is not there is a PLAN_NOT_FOUND error naming `display`. */
function ifFound<T>(display: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(display);
    throw err;
  }
}

function notFound(display: string): ExecplanError {
  return new ExecplanError('PLAN_NOT_FOUND', `${display} does not exist. Check the path, or list the plans with \`execplan list\`.`, { file: display });
}

function movedAway(display: string): ExecplanError {
  // A refusal (exit 1), as for a plan changed meanwhile: the plan exists, elsewhere.
  return new ExecplanError('REFUSED', `${display} was moved (the plan was archived, reopened or renamed) while this change waited for its lock; nothing was written. Find the plan with \`execplan list --all\` and run the command again.`, { file: display });
}

function halfWritten(display: string, why: string): ExecplanError {
  return new ExecplanError('CHANGED_ON_DISK', `${display} looks half written (${why}): another program may be saving it. Nothing was written; read it again and retry once it is saved.`, { file: display });
}

function changedOnDisk(display: string, when: string): ExecplanError {
  return new ExecplanError('CHANGED_ON_DISK', `${display} was changed by another program ${when}; nothing was written. Read it again and retry, so that change is not overwritten.`, { file: display });
}
