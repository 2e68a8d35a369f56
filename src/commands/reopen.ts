/** `execplan reopen <plan>`: bring an archived plan and its artifacts back to the active folders. */
import { reopenPlan } from '../workspace/archive.js';
import { ExecplanError } from '../workspace/errors.js';
import { resolvePlan } from '../workspace/plans.js';
import { openWorkspace } from '../workspace/workspace.js';
import { renderMoves } from './archive.js';
import { writeJson, type Io } from './io.js';

interface Options {
  cwd?: string;
  json?: boolean;
  dryRun?: boolean;
}

/** Run `execplan reopen`. */
export async function run(io: Io, opts: Options, ref: string): Promise<number> {
  const cwd = opts.cwd ?? io.cwd;
  const ws = openWorkspace(cwd);
  let planRef;
  try {
    planRef = resolvePlan(ws, ref, cwd, 'archived');
  } catch (err) {
    // An active plan of that name is the likelier mistake than a typo: say so.
    if (err instanceof ExecplanError && err.code === 'PLAN_NOT_FOUND') {
      const active = tryResolve(() => resolvePlan(ws, ref, cwd, 'active'));
      if (active) throw new ExecplanError('REFUSED', `${active.relPath} is not archived, so there is nothing to reopen.`, { file: active.relPath });
    }
    throw err;
  }
  const result = await reopenPlan(ws, planRef, { dryRun: Boolean(opts.dryRun) });
  if (opts.json) writeJson(io, { ok: true, ...result });
  else io.stdout(renderMoves(result, result.dryRun ? 'Would reopen' : 'Reopened'));
  return 0;
}

function tryResolve<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
