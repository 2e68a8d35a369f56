/**
 * Which plans drift: for each plan, the commits after its own last commit that changed files it
 * names. One `git log` for all plans, read only as far back as the oldest of their last changes.
 */
import path from 'node:path';
import { planDrift, type Drift, type HistoryCommit } from '../core/drift.js';
import { cacheDir, readCache, writeCache } from '../workspace/cache.js';
import { gitDirs, headCommit } from '../workspace/git-dirs.js';
import type { Workspace } from '../workspace/workspace.js';

/** A plan to check: its repository-relative path and the files it names. */
export interface DriftInput {
  path: string;
  files: readonly string[];
}

/** The drift of each plan that drifts by at least `minCommits` commits, by path; undefined outside git. */
export async function planDrifts(ws: Workspace, plans: readonly DriftInput[], options: { minCommits?: number; env?: Record<string, string | undefined> } = {}): Promise<Map<string, Drift> | undefined> {
  if (!gitDirs(ws.root)) return undefined;
  const out = new Map<string, Drift>();
  const watched = plans.filter((p) => p.files.length);
  if (!watched.length) return out;
  const history = await cachedHistory(ws, watched.map((p) => p.path), options.env);
  if (!history) return undefined;
  for (const p of watched) {
    const d = planDrift(p.path, p.files, history);
    if (d && d.commits >= (options.minCommits ?? 1)) out.set(p.path, d);
  }
  return out;
}

/**
 * The history from HEAD back to the oldest last change of `planPaths` (every one of them seen),
 * remembered in `.execplan/cache/history.json` against the commit HEAD points at (read from git's
 * files), so commands run over and over start no git process until a commit is made. Undefined
 * when git cannot read it (no git, a folder that only looks like a repository): drift is then not
 * judged, and nothing else is held up.
 */
export async function cachedHistory(ws: Workspace, planPaths: readonly string[], env?: Record<string, string | undefined>): Promise<HistoryCommit[] | undefined> {
  const dirs = gitDirs(ws.root);
  if (!dirs) return undefined;
  const head = headCommit(dirs);
  const file = path.join(cacheDir(ws), 'history.json');
  const key = head ? `${head}\u0000${[...planPaths].sort().join('\u0000')}` : undefined;
  const kept = key ? readCache<HistoryCommit[]>(file, key) : undefined;
  if (kept) return kept;
  const waiting = new Set(planPaths);
  // Loaded here: starting a process loads modules a cached answer does not need.
  const { readHistory } = await import('../workspace/git.js');
  // A plan never committed is never seen: a thousand commits is as far back as drift looks.
  const history = await readHistory(ws.root, {
    max: 1000,
    env,
    enough: (commit) => {
      for (const c of commit.changes) {
        waiting.delete(c.path);
        if (c.from !== undefined) waiting.delete(c.from);
      }
      return waiting.size === 0;
    },
  }).catch(() => undefined);
  if (history && key && history[0]?.hash === head) writeCache(ws.root, file, key, history);
  return history;
}

/** The minimum number of commits that makes a plan drift: the `plan-drift` rule's `minCommits` in execplan.json, else 1. */
export function driftThreshold(ws: Workspace): number {
  const setting = ws.config.lint.rules['plan-drift'];
  const n = Array.isArray(setting) && setting[1] ? (setting[1] as Record<string, unknown>).minCommits : undefined;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : 1;
}
