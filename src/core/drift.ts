/**
 * Drift and overlap, from git history alone: a plan drifts when files it names changed in commits
 * after the plan's own last change; two plans overlap when they name the same files. Pure: the
 * history is given, newest commit first.
 */
import { extractFiles } from './resume-extract.js';
import type { Plan } from './types.js';

/** One change of a commit: `M`, `A`, `D`, or `R` with the path it came from. */
export interface FileChange {
  status: string;
  path: string;
  from?: string;
}

/** A commit as `git log --name-status -M` shows it. */
export interface HistoryCommit {
  hash: string;
  /** Commit time, seconds since the epoch. */
  time: number;
  changes: FileChange[];
}

/** How far the code moved on without the plan. */
export interface Drift {
  /** Commits after the plan's last change that changed files it names. */
  commits: number;
  /** Those files, as the plan names them (a renamed one as `old → new`). */
  files: string[];
  /** The oldest of those commits (ISO time). */
  since: string;
  /** The plan's own last commit. */
  planCommit: { hash: string; time: string };
}

/** The files a plan names: repository-relative paths with an extension (folders are too broad to watch). */
export function namedFiles(plan: Plan): string[] {
  return extractFiles(plan).filter((f) => /\.[A-Za-z0-9]+$/.test(f));
}

/**
 * The drift of the plan at `planPath` naming `files`, over `history` (newest first); undefined
 * when the plan's own last change is not in the history (never committed) or nothing drifted.
 * A file renamed after the plan's last change counts under the name the plan uses.
 */
export function planDrift(planPath: string, files: readonly string[], history: readonly HistoryCommit[]): Drift | undefined {
  // The names each watched file had, walking back in time, mapped to the name the plan uses.
  const watched = new Map<string, string>(files.map((f) => [f, f]));
  const renamedTo = new Map<string, string>();
  let commits = 0;
  let oldest: HistoryCommit | undefined;
  const hit = new Set<string>();
  for (const commit of history) {
    if (commit.changes.some((c) => c.path === planPath || c.from === planPath)) {
      if (!commits) return undefined;
      return {
        commits,
        files: [...hit].map((f) => (renamedTo.has(f) ? `${f} → ${renamedTo.get(f)}` : f)),
        since: new Date(oldest!.time * 1000).toISOString(),
        planCommit: { hash: commit.hash, time: new Date(commit.time * 1000).toISOString() },
      };
    }
    let touched = false;
    for (const c of commit.changes) {
      const named = watched.get(c.path) ?? (c.from !== undefined ? watched.get(c.from) : undefined);
      if (named === undefined) continue;
      touched = true;
      hit.add(named);
      if (c.from !== undefined) {
        // Older commits knew the file by its former name.
        watched.set(c.from, named);
        if (named === c.from) renamedTo.set(named, c.path);
      }
    }
    if (touched) {
      commits++;
      oldest = commit;
    }
  }
  return undefined;
}

/** Plans that name the same files: each pair once, with the files they share. */
export function overlaps<T extends { key: string; files: readonly string[] }>(plans: readonly T[]): { plans: [T, T]; files: string[] }[] {
  const byFile = new Map<string, T[]>();
  for (const p of plans) for (const f of new Set(p.files)) (byFile.get(f) ?? byFile.set(f, []).get(f)!).push(p);
  const pairs = new Map<string, { plans: [T, T]; files: string[] }>();
  for (const [file, list] of byFile) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]!, list[j]!].sort((x, y) => (x.key < y.key ? -1 : 1)) as [T, T];
        if (a.key === b.key) continue;
        const id = `${a.key}\u0000${b.key}`;
        const pair = pairs.get(id) ?? pairs.set(id, { plans: [a, b], files: [] }).get(id)!;
        pair.files.push(file);
      }
    }
  }
  return [...pairs.values()];
}
