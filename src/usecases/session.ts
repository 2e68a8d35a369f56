/**
 * An agent's session and its plan: which plan it works on (the one named with `execplan use`, kept
 * in .execplan/, which git ignores, else the single active plan in progress, else the most recently
 * updated active plan), and what execplan tells the agent at the moments its hooks run: the plan's
 * resume brief when a session starts, and whether the work has run ahead of the plan when it stops
 * or compacts.
 */
import path from 'node:path';
import { sessionHeader, staleReminder } from '../core/keep-current.js';
import { cacheDir, parseKey, readCache, writeCache } from '../workspace/cache.js';
import { changedSince } from '../workspace/git.js';
import { fileStat } from '../workspace/on-disk.js';
import { resolvePlan, type PlanRef } from '../workspace/plans.js';
import { clearUsedPlan, readUsedPlan, writeUsedPlan } from '../workspace/session-file.js';
import { listPlanSummaries } from '../workspace/summaries.js';
import { isInside, isRepoFile, type Workspace } from '../workspace/workspace.js';

/** The plan a session works on, and why that one. */
export interface ChosenPlan {
  ref: PlanRef;
  /** How it was chosen. */
  how: 'use' | 'single' | 'recent';
  /** One sentence saying why this plan. */
  why: string;
}

/** Record `ref` as the plan sessions work on. */
export function setSessionPlan(ws: Workspace, ref: PlanRef): void {
  writeUsedPlan(ws.root, ref.relPath);
}

/** Forget the plan named with `execplan use`; whether there was one. */
export function clearSessionPlan(ws: Workspace): boolean {
  return clearUsedPlan(ws.root);
}

/** The plan a session works on, or undefined when the workspace has no active plan. */
export async function chooseSessionPlan(ws: Workspace): Promise<ChosenPlan | undefined> {
  const named = readUsedPlan(ws.root);
  let gone = '';
  if (named !== undefined) {
    try {
      const ref = resolvePlan(ws, named, ws.root, 'active');
      if (!ref.archived) return { ref, how: 'use', why: 'named with `execplan use`' };
    } catch {
      /* the plan moved or went: fall back */
    }
    gone = ` (${named}, named with \`execplan use\`, is no longer an active plan)`;
  }
  const plans = (await listPlanSummaries(ws, 'active')).filter((p) => !p.archived);
  if (!plans.length) return undefined;
  const inProgress = plans.filter((p) => p.state === 'in progress');
  const toRef = (p: (typeof plans)[number]): PlanRef => ({ id: p.id, path: path.join(ws.root, p.path), relPath: p.path, archived: false });
  if (inProgress.length === 1) return { ref: toRef(inProgress[0]!), how: 'single', why: `the only active plan in progress${gone}` };
  const pool = inProgress.length ? inProgress : plans;
  let best = pool[0]!;
  let bestTime = -1;
  for (const p of pool) {
    const t = fileStat(path.join(ws.root, p.path), p.path).mtimeMs;
    if (t > bestTime) [best, bestTime] = [p, t];
  }
  const among = inProgress.length ? `of ${inProgress.length} plans in progress` : `of ${plans.length} active plans, none in progress`;
  return { ref: toRef(best), how: 'recent', why: `the most recently updated ${among}${gone}; name another with \`execplan use <plan>\`` };
}

/** The context a session starts with, or why there is none. */
export type SessionContext = { context: string; plan: string; tokens: number } | { context: null; why: string };

/** The default token budget of the session-start context. */
const SESSION_BUDGET = 1500;

/** The session's plan and its resume brief, within `budget` tokens (about 4 characters each). */
export async function sessionContext(ws: Workspace, budget = SESSION_BUDGET): Promise<SessionContext> {
  const chosen = await chooseSessionPlan(ws);
  if (!chosen) return { context: null, why: 'the workspace has no active plan' };
  const header = sessionHeader({ id: chosen.ref.id, path: chosen.ref.relPath, why: chosen.why });
  const { buildResume, renderResume, textSize } = await import('../core/resume.js');
  const { readPlan } = await import('../workspace/read.js');
  const { plan } = readPlan(ws, chosen.ref);
  const rest = Math.max(100, budget - textSize(header).tokens - 2);
  const brief = buildResume(plan, { budget: rest, exists: (rel) => isRepoFile(ws, rel) });
  let context = `${header}\n\n${renderResume(brief, { path: chosen.ref.relPath })}`.trimEnd();
  // The brief shrinks its lists to fit; a brief still over the budget is cut at a line.
  const max = budget * 4;
  if (context.length > max) context = `${context.slice(0, context.lastIndexOf('\n', max - 2))}\n…`;
  return { context, plan: chosen.ref.relPath, tokens: Math.ceil(context.length / 4) };
}

/** Whether the work ran ahead of the plan: the reminder to give, or why there is none. */
export type StopCheck = { stale: true; plan: string; reminder: string; changed: string[] } | { stale: false; why: string };

/** Compare the working tree with the session's plan: files changed after the plan's last update, while the plan is not finished. */
export async function checkPlanCurrent(ws: Workspace): Promise<StopCheck> {
  const chosen = await chooseSessionPlan(ws);
  if (!chosen) return { stale: false, why: 'no active plan' };
  const ref = chosen.ref;
  const since = fileStat(ref.path, ref.relPath).mtimeMs;
  // The plan's own files, and execplan's, are not the work.
  const own = [ws.dirs.active, ws.dirs.archive, ws.dirs.artifacts, ws.dirs.archiveArtifacts, path.join(ws.root, '.execplan')];
  const changes = changedSince(ws.root, since, (rel) => own.some((dir) => isInside(dir, path.join(ws.root, rel))), ref.relPath);
  if (!changes.ok) return { stale: false, why: changes.why };
  if (!changes.files.length) return { stale: false, why: `nothing changed since ${ref.relPath} was last updated` };
  const { open, outcomesEmpty: noOutcome } = await stopFacts(ws, ref);
  if (!open.length && !noOutcome) return { stale: false, why: `${ref.relPath} is finished` };
  const reminder = staleReminder({ id: ref.id, path: ref.relPath, open, outcomesEmpty: noOutcome, changed: changes.files });
  return { stale: true, plan: ref.relPath, reminder, changed: changes.files };
}

/** What the stop check needs of a plan: its open items and whether its outcome is written. */
interface StopFacts {
  open: { n: number; text: string }[];
  outcomesEmpty: boolean;
}

/**
 * The stop facts of a plan, remembered by size and modification time: an agent stops again and
 * again while the plan stays as it was, and a large plan takes longer to parse than the rest of
 * the check.
 */
async function stopFacts(ws: Workspace, ref: PlanRef): Promise<StopFacts> {
  const file = path.join(cacheDir(ws), 'stop-facts.json');
  const key = parseKey(ws);
  const st = fileStat(ref.path, ref.relPath);
  const cached = readCache<{ path: string; size: number; mtimeMs: number; facts: StopFacts }>(file, key);
  if (cached && cached.path === ref.relPath && cached.size === st.size && cached.mtimeMs === st.mtimeMs && Date.now() - st.mtimeMs > 2000) return cached.facts;
  const { readPlan } = await import('../workspace/read.js');
  const { outcomesEmpty } = await import('../workspace/finished.js');
  const { plan } = readPlan(ws, ref);
  const facts = { open: plan.progress.filter((i) => i.state !== 'done').map((i) => ({ n: i.index, text: i.text })), outcomesEmpty: outcomesEmpty(plan) };
  writeCache(ws.root, file, key, { path: ref.relPath, size: st.size, mtimeMs: st.mtimeMs, facts });
  return facts;
}
