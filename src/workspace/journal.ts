/**
 * All-or-nothing file moves: a list of steps, each with its undo, run in order. When a step fails,
 * the steps already done are undone in reverse, so the workspace is left as it was, and the error
 * says which step failed and why. The file-system calls go through an `FsOps` object so tests can
 * make any one of them fail.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { ExecplanError } from './errors.js';

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
