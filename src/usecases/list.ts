/** The plans of a workspace with their progress, last activity and state, for `execplan list` and the MCP `list_plans` tool. */
import type { Drift } from '../core/drift.js';
import type { ExecplanError } from '../workspace/errors.js';
import { leftOutMessage } from '../workspace/plans.js';
import { listPlanSummaries, type ListedPlan } from '../workspace/summaries.js';
import type { Workspace } from '../workspace/workspace.js';

/** Which plans, and what to know of them. */
export interface ListRequest {
  which: 'active' | 'archived' | 'all';
  /** False reads every plan again instead of the remembered summaries. */
  cache?: boolean;
  /** Also say which active plans drift behind the files they name (in a git repository): the environment for git. */
  drift?: { env: Record<string, string | undefined> };
}

/** What the listing hears on the way; without `unreadable`, a plan that cannot be read is an error. */
export interface ListListener {
  /** A plan left out because a symbolic link leads outside the repository, in words. */
  leftOut?(message: string): void;
  /** A plan that could not be read; the others are listed. */
  unreadable?(error: ExecplanError): void;
  /** Why the remembered summaries could not be written. */
  cacheRefused?(error: ExecplanError): void;
}

/** A plan as listed; `drift` is null for a plan that does not drift, when drift was asked for in a git repository. */
export type PlanRow = Omit<ListedPlan, 'files'> & { drift?: Drift | null };

/** The plans, sorted by path, and whether any of them drifts. */
export async function listPlans(ws: Workspace, req: ListRequest, on: ListListener = {}): Promise<{ plans: PlanRow[]; drifting: number }> {
  const listed = await listPlanSummaries(ws, req.which, {
    cache: req.cache !== false,
    ...(on.leftOut ? { onOutside: (rel: string, why: string, link: boolean) => on.leftOut!(leftOutMessage(rel, why, link)) } : {}),
    ...(on.unreadable ? { onUnreadable: on.unreadable } : {}),
    ...(on.cacheRefused ? { onCacheRefused: on.cacheRefused } : {}),
    files: Boolean(req.drift) && req.which !== 'archived',
  });
  const drifts = req.drift ? await driftOf(ws, listed, req.drift.env) : undefined;
  const plans = listed.map(({ files: _files, ...p }) => (drifts ? { ...p, drift: drifts.get(p.path) ?? null } : p));
  return { plans, drifting: drifts?.size ?? 0 };
}

/** The drift of the active plans not yet complete; undefined outside git. */
async function driftOf(ws: Workspace, plans: readonly ListedPlan[], env: Record<string, string | undefined>): Promise<Map<string, Drift> | undefined> {
  const { gitDirs } = await import('../workspace/git-dirs.js');
  if (!gitDirs(ws.root)) return undefined;
  const candidates = plans.filter((p) => !p.archived && p.state !== 'complete' && p.files?.length);
  if (!candidates.length) return new Map();
  const { planDrifts, driftThreshold } = await import('./drift.js');
  return planDrifts(ws, candidates.map((p) => ({ path: p.path, files: p.files! })), { minCommits: driftThreshold(ws), env });
}
