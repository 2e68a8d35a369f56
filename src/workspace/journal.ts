/**
 * The journal of a move. Steps: all-or-nothing file moves, each with its undo, run in order. When a
 * step fails, the steps already done are undone in reverse, so the workspace is left as it was, and
 * the error says which step failed and why. The file-system calls go through an `FsOps` object so
 * tests can make any one of them fail.
 *
 * Record: a move in progress is written down, so a crash cannot split a plan from its evidence. Before
 * `archive` or `reopen` moves anything, it writes `.execplan/journal/<plan-id>.json`: where the plan
 * and its artifacts folder go, the text of the `--force` note if one is written, and who is moving
 * (pid and host). The record is removed once both have moved. A record whose mover is gone (a process
 * of this host that no longer exists) is an interrupted move, and the next command that looks for
 * plans settles it before anything else:
 * - if anything had moved (the artifacts folder or the plan), the move is finished: what is left
 *   behind follows;
 * - if nothing had moved, it is rolled back: a `--force` note written in place is taken out again
 *   (only if the plan still holds exactly the text written).
 * Either way plan and artifacts end up together, and `execplan doctor` reports what was done.
 */
import { existsSync, lstatSync, promises as fsp, readFileSync, renameSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { safeUnlink, writeFileAtomic } from './atomic-write.js';
import { ignoreInGit } from './cache.js';
import { ExecplanError } from './errors.js';
import { processAlive, readLockOwner } from './lock.js';
import { namesIn, readJson } from './on-disk.js';
import { mkdirInside, writablePath } from './safe-path.js';
import type { Workspace } from './workspace.js';

/** The file-system calls a journal makes. Each is one system call or one atomic replacement. */
export interface FsOps {
  /** Rename a file or folder; refuses to replace an existing file or folder. */
  rename(from: string, to: string): Promise<void>;
  /** Create one folder (its parent exists). */
  mkdir(dir: string): Promise<void>;
  /** Remove one empty folder. */
  rmdir(dir: string): Promise<void>;
  /** Replace a file's content atomically (temporary file, fsync, rename), keeping its mode. */
  writeText(file: string, text: string): Promise<void>;
}

/** The real file system. */
export const nodeFsOps: FsOps = {
  async rename(from, to) {
    // rename(2) silently replaces a file and an empty folder: check first, the lock covers the gap.
    if (await exists(to)) throw Object.assign(new Error(`${to} exists`), { code: 'EEXIST', path: to });
    await fsp.rename(from, to);
  },
  async mkdir(dir) {
    await fsp.mkdir(dir);
  },
  rmdir: (dir) => fsp.rmdir(dir),
  writeText: async (file, text) => writeFileAtomic(file, text),
};

/** One step of a journal. */
export interface Step {
  /** What the step does, completing "Could not …": "move plans/x.md to plans/archive/x.md". */
  describe: string;
  run(ops: FsOps): Promise<void>;
  undo(ops: FsOps): Promise<void>;
}

/**
 * Run the steps in order. On a failure, undo the finished steps in reverse and throw an
 * ExecplanError('IO') naming the failed step, the reason, and whether the rollback was complete.
 */
export async function runJournal(steps: readonly Step[], ops: FsOps = nodeFsOps): Promise<void> {
  const done: Step[] = [];
  for (const step of steps) {
    try {
      await step.run(ops);
      done.push(step);
    } catch (err) {
      const failed: string[] = [];
      for (const d of done.reverse()) {
        try {
          await d.undo(ops);
        } catch (undoErr) {
          failed.push(`undo "${d.describe}" (${reason(undoErr)})`);
        }
      }
      const what = `Could not ${step.describe}: ${reason(err)}${/[.!?]$/.test(reason(err)) ? '' : '.'}`;
      const code = err instanceof ExecplanError ? err.code : 'IO';
      if (!failed.length) {
        throw new ExecplanError(code, `${what} Nothing was changed${done.length ? ': the steps already done were undone' : ''}. Fix the cause and run the command again.`, { details: [step.describe] });
      }
      throw new ExecplanError('IO', `${what} Putting things back failed too; finish by hand: ${failed.join('; ')}.`, { details: [step.describe, ...failed] });
    }
  }
}

/** Steps that create the missing folders on the way to `dir`, outermost first (each undone by removing it). */
export async function mkdirSteps(dir: string, shown: (abs: string) => string, planned: Set<string> = new Set()): Promise<Step[]> {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !(await exists(d)) && !planned.has(d); d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  return missing.map((d) => {
    planned.add(d);
    return { describe: `create the folder ${shown(d)}`, run: (ops) => ops.mkdir(d), undo: (ops) => ops.rmdir(d) };
  });
}

/** A step that renames `from` to `to`, undone by renaming back. */
export function renameStep(from: string, to: string, shown: (abs: string) => string): Step {
  return { describe: `move ${shown(from)} to ${shown(to)}`, run: (ops) => ops.rename(from, to), undo: (ops) => ops.rename(to, from) };
}

/** Whether anything (a file, a folder, a dangling link) is at `p`. */
export async function exists(p: string): Promise<boolean> {
  try {
    await fsp.lstat(p);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** What the failures of a move mean, in words a user can act on. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EXDEV: 'the two folders are on different file systems; keep the archive folder on the same disk as the plans',
  EEXIST: 'the name is already taken',
  ENOTEMPTY: 'the name is already taken',
  ENOENT: 'it no longer exists',
  EBUSY: 'it is in use by another program',
};

/** A file-system error in words a user can act on. */
export function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return REASONS[e?.code ?? ''] ?? (e instanceof ExecplanError ? e.message : String(e?.message ?? e));
}

/** A move as recorded: repository-relative paths. */
export interface MoveRecord {
  op: 'archive' | 'reopen';
  id: string;
  pid: number;
  host: string;
  plan: { from: string; to: string };
  artifacts?: { from: string; to: string };
  /** The plan's text before and after the `--force` note, when one is written. */
  rewrite?: { before: string; after: string };
}

/** What settling an interrupted move did. */
export interface SettledMove {
  record: MoveRecord;
  /** `finished`: what was left behind followed; `rolled back`: nothing had moved; `done`: it had finished, only its record was left. */
  outcome: 'finished' | 'rolled back' | 'done';
  /** What was moved or rewritten to settle it, in words. */
  actions: string[];
}

/** The folder of move records. */
function journalDir(ws: Workspace): string {
  return path.join(ws.root, '.execplan', 'journal');
}

/** Record a move about to start; returns the record's path. */
export function recordMove(ws: Workspace, record: Omit<MoveRecord, 'pid' | 'host'>): string {
  const dir = journalDir(ws);
  if (mkdirInside(ws.root, dir, 'journal folder')) ignoreInGit(ws.root, dir, 'journal file');
  const file = writablePath(ws.root, path.join(dir, `${record.id}.json`), 'journal file');
  writeFileAtomic(file, `${JSON.stringify({ ...record, pid: process.pid, host: hostname() })}\n`);
  return file;
}

/** The move records in the workspace, with whether their mover is still at work. */
export function pendingMoves(ws: Workspace): { file: string; record: MoveRecord | undefined; live: boolean }[] {
  const dir = journalDir(ws);
  return namesIn(dir).filter((n) => n.endsWith('.json')).map((name) => {
    const file = path.join(dir, name);
    const r = readJson(file) as MoveRecord | undefined;
    const record = typeof r?.id === 'string' && typeof r.plan?.from === 'string' && typeof r.plan.to === 'string' ? r : undefined;
    return { file, record, live: !!record && isLive(record) };
  });
}

/** Settle every interrupted move (those whose mover is gone); moves in progress are left alone. */
export function settleInterruptedMoves(ws: Workspace): SettledMove[] {
  if (!existsSync(journalDir(ws))) return [];
  const out: SettledMove[] = [];
  for (const p of pendingMoves(ws)) {
    if (p.live || !p.record) continue;
    out.push(settleMove(ws, p.record));
    safeUnlink(p.file);
  }
  return out;
}

/** Finish or roll back one interrupted move. */
export function settleMove(ws: Workspace, record: MoveRecord): SettledMove {
  const abs = (rel: string) => path.join(ws.root, rel);
  const at = (rel: string) => lstatSync(abs(rel), { throwIfNoEntry: false }) !== undefined;
  const actions: string[] = [];
  const move = (from: string, to: string) => {
    mkdirInside(ws.root, path.dirname(abs(to)), 'folder');
    writablePath(ws.root, abs(to), 'destination');
    renameSync(abs(from), abs(to));
    actions.push(`moved ${from} to ${to}`);
  };
  // The mover's lock, left beside where the plan was when it was killed.
  const lock = `${abs(record.plan.from)}.lock`;
  if (readLockOwner(abs(record.plan.from))?.pid === record.pid) {
    rmSync(lock, { recursive: true, force: true });
    actions.push(`removed the lock ${record.plan.from}.lock its mover left`);
  }
  const art = record.artifacts;
  const planMoved = at(record.plan.to) && !at(record.plan.from);
  const artMoved = !!art && at(art.to) && !at(art.from);
  if (planMoved || artMoved) {
    if (art && at(art.from) && !at(art.to)) move(art.from, art.to);
    if (at(record.plan.from) && !at(record.plan.to)) move(record.plan.from, record.plan.to);
    return { record, outcome: actions.some((a) => a.startsWith('moved')) ? 'finished' : 'done', actions };
  }
  // Nothing moved: the note written in place, if any, is taken out again.
  if (record.rewrite && at(record.plan.from)) {
    const file = abs(record.plan.from);
    if (readFileSync(file, 'utf8') === record.rewrite.after) {
      writeFileAtomic(file, record.rewrite.before);
      actions.push(`took the --force note out of ${record.plan.from}`);
    }
  }
  return { record, outcome: 'rolled back', actions };
}

/** Whether the process that recorded a move may still be making it. */
function isLive(record: MoveRecord): boolean {
  if (record.host !== hostname()) return true;
  if (record.pid === process.pid) return true;
  return processAlive(record.pid);
}
