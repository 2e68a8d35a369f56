/** The preamble of every operation on one plan: open the workspace, resolve the user's reference to a plan. */
import { ExecplanError } from '../workspace/errors.js';
import { resolvePlan, type PlanRef } from '../workspace/plans.js';
import { openWorkspace, type Workspace } from '../workspace/workspace.js';

/** A workspace and one of its plans. */
export interface PlanTarget {
  ws: Workspace;
  ref: PlanRef;
}

/**
 * Open the workspace `cwd` belongs to and resolve `planRef` (an id, a unique prefix of one, or a
 * path relative to `cwd`) among its plans of kind `which`.
 */
export function openPlan(cwd: string, planRef: string | undefined, which?: 'active' | 'archived'): PlanTarget {
  if (planRef === undefined || !planRef.trim()) throw new ExecplanError('USAGE', 'No plan given. Name a plan by its id (see `execplan list`), a unique prefix of one, or its path.');
  const ws = openWorkspace(cwd);
  return { ws, ref: resolvePlan(ws, planRef, cwd, which) };
}
