/**
 * Which plan a session works on: the one named with `execplan use` (kept in .execplan/, which git
 * ignores), else the single active plan in progress, else the most recently updated active plan.
 */
import path from 'node:path';
import { fileStat } from '../workspace/on-disk.js';
import { resolvePlan, type PlanRef } from '../workspace/plans.js';
import { clearUsedPlan, readUsedPlan, writeUsedPlan } from '../workspace/session-file.js';
import { listPlanSummaries } from '../workspace/summaries.js';
import type { Workspace } from '../workspace/workspace.js';

/** The plan a session works on, and why that one. */
export interface ChosenPlan {
  ref: PlanRef;
  /** How it was chosen. */
  how: 'use' | 'single' | 'recent';
  /** One sentence saying why this plan. */
  why: string;
  /** Whether every Progress item is checked. */
  complete: boolean;
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
      if (!ref.archived) {
        const { summarizePlan } = await import('../core/summary.js');
        const { readPlan } = await import('../workspace/read.js');
        const complete = summarizePlan(readPlan(ws, ref).plan).state === 'complete';
        return { ref, how: 'use', why: `named with \`execplan use\``, complete };
      }
    } catch {
      /* the plan moved or went: fall back */
    }
    gone = ` (${named}, named with \`execplan use\`, is no longer an active plan)`;
  }
  const plans = (await listPlanSummaries(ws, 'active')).filter((p) => !p.archived);
  if (!plans.length) return undefined;
  const inProgress = plans.filter((p) => p.state === 'in progress');
  const toRef = (p: (typeof plans)[number]): PlanRef => ({ id: p.id, path: path.join(ws.root, p.path), relPath: p.path, archived: false });
  if (inProgress.length === 1) {
    const p = inProgress[0]!;
    return { ref: toRef(p), how: 'single', why: `the only active plan in progress${gone}`, complete: false };
  }
  const pool = inProgress.length ? inProgress : plans;
  let best = pool[0]!;
  let bestTime = -1;
  for (const p of pool) {
    const t = fileStat(path.join(ws.root, p.path), p.path).mtimeMs;
    if (t > bestTime) [best, bestTime] = [p, t];
  }
  const among = inProgress.length ? `of ${inProgress.length} plans in progress` : `of ${plans.length} active plans, none in progress`;
  return { ref: toRef(best), how: 'recent', why: `the most recently updated ${among}${gone}; name another with \`execplan use <plan>\``, complete: best.state === 'complete' };
}
