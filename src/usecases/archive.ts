/** Archiving a finished plan and reopening an archived one, each with its artifacts folder. */
import { archivePlan as archive, reopenPlan as reopen, type MoveResult } from '../workspace/archive.js';
import { ExecplanError } from '../workspace/errors.js';
import { resolvePlan } from '../workspace/plans.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Clock } from './clock.js';
import { planLintErrors } from './lint-setup.js';
import type { PlanTarget } from './open.js';

/** Move a finished plan (no open item, an outcome written, no lint error) and its artifacts to the archive; `force` archives it anyway, with a note. */
export function archivePlan({ ws, ref }: PlanTarget, clock: Clock, opts: { force?: boolean; dryRun?: boolean } = {}): Promise<MoveResult> {
  return archive(ws, ref, {
    force: Boolean(opts.force),
    dryRun: Boolean(opts.dryRun),
    now: clock.now,
    tzOffsetMinutes: clock.tzOffsetMinutes,
    lint: (text, r) => planLintErrors(ws, r, text, clock),
  });
}

/** Bring the archived plan `planRef` names (resolved from `cwd`) and its artifacts back to the active folders. */
export async function reopenPlan(ws: Workspace, planRef: string, cwd: string, opts: { dryRun?: boolean } = {}): Promise<MoveResult> {
  let ref;
  try {
    ref = resolvePlan(ws, planRef, cwd, 'archived');
  } catch (err) {
    if (!(err instanceof ExecplanError && err.code === 'PLAN_NOT_FOUND')) throw err;
    // An active plan of that name is the likelier mistake than a typo: reopening it says it is not archived.
    try {
      ref = resolvePlan(ws, planRef, cwd, 'active');
    } catch {
      throw err;
    }
  }
  return reopen(ws, ref, { dryRun: Boolean(opts.dryRun) });
}
