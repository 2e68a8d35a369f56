/**
 * What the dashboard and the report show, gathered from the workspace: every plan with its progress,
 * pace, lint counts and flags; one plan with its timeline, burn-up, log entries, artifacts and
 * findings; and the text of a repository file or an artifact. Plans are read again only when their
 * file changed (size or modification time), so a live page stays cheap to refresh.
 */
import path from 'node:path';
import { namedFiles } from '../core/drift.js';
import { planLines } from '../core/plan-lines.js';
import { burnUp, datedEntries, paceOf } from '../core/pace.js';
import { summarizePlan } from '../core/summary.js';
import type { Plan } from '../core/types.js';
import type { DashboardPlan, FindingRow, HistoryPoint, OverviewData, PlanPageData, TextFile } from '../formatters/html/pages.js';
import { listArtifacts } from '../workspace/artifacts.js';
import { fileStat } from '../workspace/on-disk.js';
import { gitDirs } from '../workspace/git-dirs.js';
import { createFileLinter, type FileLinter } from '../workspace/lint-runner.js';
import { lintJob, lintSetup } from './lint-setup.js';
import { listPlanRefs, type PlanRef } from '../workspace/plans.js';
import { readHead, readPlan } from '../workspace/read.js';
import { realFileInside, realPath } from '../workspace/safe-path.js';
import { transcriptRun } from '../workspace/transcript.js';
import type { Workspace } from '../workspace/workspace.js';

/** The clock and zone the dashboard judges timestamps by, and what it reads from git. */
export interface DashboardOptions {
  now(): Date;
  tzOffsetMinutes: number;
  /** Also list the plans of every branch and worktree. */
  branches?: boolean;
  /** The environment git runs with. */
  env?: Record<string, string | undefined>;
}

interface Entry {
  key: string;
  text: string;
  plan: Plan;
  row: DashboardPlan;
  findings: FindingRow[];
  /** Files the plan names, for drift and overlap. */
  files: string[];
}

/** The largest file a text page shows whole. */
export const TEXT_LIMIT = 1024 * 1024;

/** The dashboard's view of a workspace. */
export interface DashboardSource {
  overview(): Promise<OverviewData>;
  /** One plan's page, or undefined when no plan has that id. */
  plan(id: string): Promise<PlanPageData | undefined>;
  /** A repository file's text, or undefined for a path outside the repository, inside `.git`, or not a file. */
  file(repoPath: string): TextFile | undefined;
  /** Whether `file` would show `repoPath`. */
  exists(repoPath: string): boolean;
  /** An artifact's text, or undefined. */
  artifact(planId: string, name: string): Promise<TextFile | undefined>;
  /** The folders whose changes change what the pages show. */
  watched(): string[];
}

/** Open the dashboard's view of `ws`. */
export function dashboardSource(ws: Workspace, clock: DashboardOptions): DashboardSource {
  const cache = new Map<string, Entry>();
  let linter: { hour: string; lint: FileLinter } | undefined;
  const lintFor = (now: Date): FileLinter => {
    // The rules read the clock (timestamps in the future): a linter made long ago would judge by then.
    const hour = now.toISOString().slice(0, 13);
    if (linter?.hour !== hour) linter = { hour, lint: createFileLinter(lintSetup(ws, { now, tzOffsetMinutes: clock.tzOffsetMinutes })) };
    return linter.lint;
  };

  const load = (ref: PlanRef, now: Date): Entry | undefined => {
    let st;
    try {
      st = fileStat(ref.path);
    } catch {
      return undefined;
    }
    const key = `${st.size}:${st.mtimeMs}:${ref.archived}`;
    const hit = cache.get(ref.path);
    if (hit && hit.key === key) {
      hit.row.pace = paceOf(hit.plan, now.getTime());
      return hit;
    }
    let text, plan;
    try {
      ({ text, plan } = readPlan(ws, ref));
    } catch {
      // A plan that cannot be read (a half-written save, no permission) is left out until it can.
      return undefined;
    }
    const summary = summarizePlan(plan, ref.archived);
    let findings: FindingRow[] = [];
    let lint: DashboardPlan['lint'] = null;
    if (!ref.archived) {
      const { diagnostics } = lintFor(now).lintFile(lintJob(ws, ref), false);
      findings = diagnostics.map((d) => ({ line: d.line, severity: d.severity, rule: d.ruleId, message: d.message }));
      lint = { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warn').length };
    }
    const row: DashboardPlan = {
      id: ref.id,
      local: true,
      title: summary.title,
      path: ref.relPath,
      archived: ref.archived,
      state: summary.state,
      done: summary.done,
      total: summary.total,
      partial: summary.partial,
      lastActivity: summary.lastActivity,
      lastActivityIso: summary.lastActivityIso,
      pace: paceOf(plan, now.getTime()),
      lint,
    };
    const entry = { key, text, plan, row, findings, files: namedFiles(plan) };
    cache.set(ref.path, entry);
    return entry;
  };

  const refs = () => listPlanRefs(ws, 'all');
  const refOf = (id: string) => refs().find((r) => r.id === id);
  const artifactFiles = (ref: PlanRef) => listArtifacts(ws, ref).catch(() => []);
  const textOf = (repoPath: string): TextFile | undefined => {
    const abs = realFileInside(ws.root, repoPath);
    return abs ? { path: repoPath, ...readShown(abs) } : undefined;
  };

  return {
    async overview() {
      const now = clock.now();
      const all = refs();
      const live = new Set(all.map((r) => r.path));
      for (const k of cache.keys()) if (!live.has(k)) cache.delete(k);
      const entries = all.map((r) => load(r, now)).filter((e): e is Entry => e !== undefined);
      const active = entries.filter((e) => !e.row.archived);
      await flagDrift(ws, active, clock.env);
      flagOverlap(active);
      const plans = entries.map((e) => e.row);
      if (clock.branches) plans.push(...(await branchRows(ws, plans, clock.env)));
      // Plans that move first: in progress, then by their last activity, newest first.
      const order = { 'in progress': 0, 'not started': 1, complete: 2, archived: 3 } as const;
      plans.sort((a, b) => order[a.state] - order[b.state] || (b.lastActivityIso ?? '').localeCompare(a.lastActivityIso ?? '') || a.id.localeCompare(b.id));
      return { workspace: path.basename(ws.root), generated: now.toISOString(), plans, branches: Boolean(clock.branches) };
    },

    async plan(id) {
      const ref = refOf(id);
      const e = ref && load(ref, clock.now());
      if (!ref || !e) return undefined;
      return {
        plan: e.row,
        text: e.text,
        hidden: planLines(e.plan).flatMap((l) => (l.kind === 'meta' ? [l.line] : [])),
        progress: e.plan.progress.map((i) => ({ index: i.index, state: i.state, text: i.text, timestamp: i.timestamp ? i.timestamp.raw.replace(/^\(|\)$/g, '') : null, line: i.line, depth: i.depth })),
        burnUp: burnUp(e.plan),
        history: await history(ws, ref, clock.env),
        entries: datedEntries(e.plan),
        // A `run` transcript carries its command and exit code from its header.
        artifacts: (await artifactFiles(ref)).map((f) => ({ name: f.name, path: f.path, size: f.size, mtime: f.mtime, ...(f.link ? {} : transcriptRun(path.join(ws.root, f.path))) })),
        findings: e.findings,
      };
    },

    file: textOf,

    exists: (repoPath) => realFileInside(ws.root, repoPath) !== undefined,

    async artifact(planId, name) {
      const ref = refOf(planId);
      const row = ref && (await artifactFiles(ref)).find((a) => a.name === name && !a.link);
      return row && textOf(row.path);
    },

    watched: () => Object.values(ws.dirs),
  };
}

function readShown(abs: string): { text: string; note?: string } {
  const { bytes, size } = readHead(abs, TEXT_LIMIT);
  if (bytes.includes(0)) return { text: '', note: `A binary file of ${size} bytes: not shown.` };
  const text = bytes.toString('utf8');
  return size > TEXT_LIMIT ? { text, note: `The first ${TEXT_LIMIT} of ${size} bytes.` } : { text };
}

/** Mark the active plans whose named files changed in commits after their own last one. */
async function flagDrift(ws: Workspace, entries: readonly Entry[], env?: Record<string, string | undefined>): Promise<void> {
  const open = entries.filter((e) => e.row.state !== 'complete');
  for (const e of entries) e.row.drift = null;
  if (!open.length || !gitDirs(ws.root)) return;
  const { planDrifts, driftThreshold } = await import('./drift.js');
  const drifts = await planDrifts(ws, open.map((e) => ({ path: e.row.path, files: e.files })), { minCommits: driftThreshold(ws), ...(env ? { env } : {}) });
  for (const e of open) {
    const d = drifts?.get(e.row.path);
    if (d) e.row.drift = { files: d.files, commits: d.commits, since: d.since.slice(0, 10) };
  }
}

/** Mark the active plans that name the same files as another active plan. */
function flagOverlap(entries: readonly Entry[]): void {
  const byFile = new Map<string, string[]>();
  for (const e of entries) for (const f of new Set(e.files)) byFile.set(f, [...(byFile.get(f) ?? []), e.row.id]);
  for (const e of entries) {
    const others = new Set<string>();
    for (const f of e.files) for (const id of byFile.get(f) ?? []) if (id !== e.row.id) others.add(id);
    e.row.overlap = [...others].sort();
  }
}

/** Rows for the plans of other branches and worktrees whose text differs from the files on disk. */
async function branchRows(ws: Workspace, local: DashboardPlan[], env?: Record<string, string | undefined>): Promise<DashboardPlan[]> {
  if (!gitDirs(ws.root)) return [];
  const { listBranchPlans } = await import('./branch-plans.js');
  const listing = await listBranchPlans(ws, env ? { env } : {});
  const root = realPath(ws.root);
  const here = listing.worktrees.find((w) => w.path === root || w.path === ws.root)?.branch ?? null;
  if (here) for (const p of local) p.branch = here;
  const overlapOf = new Map<string, Set<string>>();
  for (const o of listing.overlaps) for (const p of o.plans) for (const q of o.plans) if (p.path !== q.path) overlapOf.set(p.path, (overlapOf.get(p.path) ?? new Set()).add(q.id));
  for (const p of local) for (const id of overlapOf.get(p.path) ?? []) if (!p.overlap?.includes(id)) p.overlap = [...(p.overlap ?? []), id].sort();
  return listing.plans
    // The version in this worktree (`.`) is the local row already.
    .filter((b) => !b.worktrees.includes('.') && !(here && b.branches.length === 1 && b.branches[0] === here))
    .map((b) => ({
      id: b.id,
      local: false,
      title: b.title,
      path: b.path,
      archived: b.state === 'archived',
      branch: [...b.branches, ...b.worktrees.map((w) => path.basename(w))].join(' '),
      state: b.state,
      done: b.done,
      total: b.total,
      partial: b.partial,
      lastActivity: b.lastActivity,
      lastActivityIso: b.lastActivityIso,
      pace: null,
      lint: null,
      overlap: [...(overlapOf.get(b.path) ?? [])].sort(),
    }));
}

/** The plan's commits with its progress at each, oldest first; empty outside git or before its first commit. */
async function history(ws: Workspace, ref: PlanRef, env?: Record<string, string | undefined>): Promise<HistoryPoint[]> {
  if (!gitDirs(ws.root)) return [];
  const { planLog } = await import('./plan-log.js');
  try {
    return (await planLog(ws, ref, env)).commits
      .filter((c) => c.total !== undefined)
      .map((c) => ({ hash: c.hash.slice(0, 10), date: c.date, subject: c.subject, author: c.author, done: c.done ?? 0, total: c.total ?? 0 }));
  } catch {
    return [];
  }
}
