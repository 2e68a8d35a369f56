/** `execplan use [plan]`: name the plan agent sessions work on, or say which one they work on and why. */
import type { OptionsOf } from '../command-table.js';
import { assertActive, resolvePlan } from '../workspace/plans.js';
import { openWorkspace } from '../workspace/workspace.js';
import { writeJson, type Io } from './io.js';

/** Run `execplan use`. */
export async function run(io: Io, opts: OptionsOf<'use'>, ref?: string): Promise<number> {
  const ws = openWorkspace(io.cwd);
  const uc = await import('../usecases/session.js');
  if (opts.clear) {
    const had = uc.clearSessionPlan(ws);
    if (!opts.json) io.stdout(had ? 'Forgot the plan named with `execplan use`.\n' : 'No plan was named with `execplan use`.\n');
  } else if (ref !== undefined) {
    const planRef = resolvePlan(ws, ref, io.cwd, 'all');
    assertActive(planRef, 'sessions work on active plans');
    uc.setSessionPlan(ws, planRef);
  }
  const chosen = await uc.chooseSessionPlan(ws);
  if (opts.json) {
    writeJson(io, { plan: chosen ? { id: chosen.ref.id, path: chosen.ref.relPath, how: chosen.how, why: chosen.why } : null });
    return 0;
  }
  if (!chosen) io.stdout('No active plan: sessions have none to work on. Create one with: execplan new "Short description"\n');
  else io.stdout(`${chosen.ref.relPath}: ${chosen.why}.\n`);
  return 0;
}
