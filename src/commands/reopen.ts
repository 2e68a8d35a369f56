/** `execplan reopen <plan>`: bring an archived plan and its artifacts back to the active folders. */
import { renderMoves } from '../formatters/moves.js';
import { reopenPlan } from '../usecases/archive.js';
import { okEnvelope } from '../usecases/envelope.js';
import { openWorkspace } from '../workspace/workspace.js';
import { writeJson, type Io, type GlobalOptions } from './io.js';

interface Options extends GlobalOptions {
  dryRun?: boolean;
}

/** Run `execplan reopen`. */
export async function run(io: Io, opts: Options, ref: string): Promise<number> {
  const cwd = opts.cwd ?? io.cwd;
  const result = await reopenPlan(openWorkspace(cwd), ref, cwd, opts);
  if (opts.json) writeJson(io, okEnvelope(result));
  else io.stdout(renderMoves(result, result.dryRun ? 'Would reopen' : 'Reopened'));
  return 0;
}
