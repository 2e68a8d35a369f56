/**
 * The plans of every branch and worktree, read from git without checking anything out: one
 * `git for-each-ref`, one `git worktree list`, one `git cat-file --batch` that reads each branch's
 * plan folder (a tree) and one that reads each distinct plan file once, however many branches
 * share it. Worktrees are read from their folders, so their uncommitted changes count.
 */
import path from 'node:path';
import { namedFiles, overlaps } from '../core/drift.js';
import { parsePlan } from '../core/parse.js';
import { isPlanSummary, summarizePlan, type PlanSummary } from '../core/summary.js';
import { cacheDir, parseKey, readCache, writeCache } from '../workspace/cache.js';
import { assertGitRepo, git, listWorktrees, markdownBlobs, parseTree, readObjects, type Worktree } from '../workspace/git.js';
import { parseOptions } from '../workspace/read.js';
import type { Workspace } from '../workspace/workspace.js';

/** One version of a plan and where it is: the branches and worktrees that hold these exact bytes. */
export interface BranchPlan extends PlanSummary {
  id: string;
  /** Repository-relative path. */
  path: string;
  /** git's id of the file's bytes. */
  blob: string;
  branches: string[];
  worktrees: string[];
  /** Files the plan names. */
  files: string[];
}

/** Two plans (by path) that name the same files, and where each is. */
export interface PlanOverlap {
  plans: { path: string; id: string; branches: string[]; worktrees: string[] }[];
  files: string[];
}

/** What `list --branches` shows. */
export interface BranchListing {
  branches: string[];
  worktrees: Worktree[];
  plans: BranchPlan[];
  overlaps: PlanOverlap[];
  /** Distinct plan files. */
  blobs: number;
  /** Of those, the ones read and parsed in this run (the others were remembered from earlier runs). */
  parsed: number;
}

/** The plans of every local branch (and remote-tracking ones with `remote`) and of every worktree. */
export async function listBranchPlans(ws: Workspace, options: { remote?: boolean; env?: Record<string, string | undefined> } = {}): Promise<BranchListing> {
  assertGitRepo(ws.root, ', so it has no branches to list. Run plain `execplan list` here, or run this in a clone.');
  const env = options.env;
  const activeRel = path.relative(ws.root, ws.dirs.active).split(path.sep).join('/');
  const refs = git(ws.root, ['for-each-ref', '--format=%(objectname) %(objecttype) %(refname)', 'refs/heads', ...(options.remote ? ['refs/remotes'] : [])], { env })
    .stdout.split('\n')
    .filter(Boolean)
    .map((l) => {
      const [oid, type, ref] = l.split(' ') as [string, string, string];
      return { oid, type, ref, name: ref.replace(/^refs\/(?:heads|remotes)\//, '') };
    })
    .filter((r) => r.type === 'commit' && !/^refs\/remotes\/[^/]+\/HEAD$/.test(r.ref));
  const worktrees = listWorktrees(ws.root, env);

  // Which blob each branch has at each plan path.
  const holders = new Map<string, { path: string; blob: string; branches: string[]; worktrees: string[] }>();
  const hold = (blob: string, rel: string) => {
    const k = `${rel}\u0000${blob}`;
    return holders.get(k) ?? holders.set(k, { path: rel, blob, branches: [], worktrees: [] }).get(k)!;
  };
  const texts = new Map<string, string>();
  // A blob id names its bytes: what was made of a plan file once holds for good (per version and sections).
  const cacheFile = path.join(cacheDir(ws), 'blobs.json');
  const cacheKey = parseKey(ws);
  const kept = readCache<Record<string, { summary: PlanSummary; files: string[] }>>(cacheFile, cacheKey) ?? {};
  const trees = readObjects(ws.root, refs.map((r) => `${r.oid}:${activeRel}`), env);
  const wanted = new Set<string>();
  trees.forEach((tree, i) => {
    if (!tree || tree.type !== 'tree') return;
    for (const e of parseTree(tree.data, tree.oid.length / 2)) {
      if (!e.name.endsWith('.md') || !e.mode.startsWith('100')) continue;
      hold(e.oid, `${activeRel}/${e.name}`).branches.push(refs[i]!.name);
      wanted.add(e.oid);
    }
  });
  // Worktrees are read from disk: their bytes hash to the blob a branch has when they are the same.
  for (const wt of worktrees) {
    for (const { name, blob, bytes } of markdownBlobs(path.join(wt.path, activeRel), trees.find(Boolean)?.oid.length ?? 40)) {
      hold(blob, `${activeRel}/${name}`).worktrees.push(path.relative(ws.root, wt.path) || '.');
      if (!wanted.has(blob) && !kept[blob]) texts.set(blob, bytes.toString('utf8'));
    }
  }
  const missing = [...wanted].filter((b) => !texts.has(b) && !kept[b]);
  readObjects(ws.root, missing, env).forEach((b, i) => {
    if (b) texts.set(missing[i]!, b.data.toString('utf8'));
  });

  const parsed = new Map<string, { summary: PlanSummary; files: string[] }>(Object.entries(kept).filter(([, v]) => isPlanSummary(v?.summary) && Array.isArray(v.files)));
  for (const [blob, text] of texts) {
    const plan = parsePlan(text, parseOptions(ws));
    parsed.set(blob, { summary: summarizePlan(plan), files: namedFiles(plan) });
  }
  const seen = new Set([...holders.values()].map((h) => h.blob));
  if (texts.size) writeCache(ws.root, cacheFile, cacheKey, Object.fromEntries([...parsed].filter(([b]) => seen.has(b))));
  const plans: BranchPlan[] = [];
  for (const h of holders.values()) {
    const p = parsed.get(h.blob);
    if (p) plans.push({ id: path.posix.basename(h.path, '.md'), path: h.path, blob: h.blob, branches: h.branches.sort(), worktrees: h.worktrees.sort(), ...p.summary, files: p.files });
  }
  // Each plan's versions: those on branches first, then those only in worktrees.
  const first = (p: BranchPlan) => p.branches[0] ?? `\uffff${p.worktrees[0] ?? ''}`;
  plans.sort((a, b) => (a.path === b.path ? (first(a) < first(b) ? -1 : 1) : a.path < b.path ? -1 : 1));

  // Overlap: plans not yet complete, one per path, naming the files of every version of it.
  const byPath = new Map<string, { key: string; files: string[]; branches: Set<string>; worktrees: Set<string>; id: string }>();
  for (const p of plans) {
    if (p.state === 'complete') continue;
    const e = byPath.get(p.path) ?? byPath.set(p.path, { key: p.path, files: [], branches: new Set(), worktrees: new Set(), id: p.id }).get(p.path)!;
    e.files.push(...p.files);
    p.branches.forEach((b) => e.branches.add(b));
    p.worktrees.forEach((w) => e.worktrees.add(w));
  }
  const found = overlaps([...byPath.values()]).map((o) => ({
    plans: o.plans.map((p) => ({ path: p.key, id: p.id, branches: [...p.branches].sort(), worktrees: [...p.worktrees].sort() })),
    files: [...new Set(o.files)].sort(),
  }));
  return { branches: refs.map((r) => r.name), worktrees, plans, overlaps: found, blobs: seen.size, parsed: texts.size };
}
