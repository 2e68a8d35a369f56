/** `execplan reopen <plan>`: bring an archived plan and its artifacts back to the active folders. */
import type { OptionsOf } from '../command-table.js';
import { renderMoves } from '../formatters/moves.js';
import { reopenPlan } from '../usecases/archive.js';
import { openWorkspace } from '../workspace/workspace.js';
import { writeJson, type Io } from './io.js';

/** Run `execplan reopen`. */
export async function run(io: Io, opts: OptionsOf<'reopen'>, ref: string): Promise<number> {
  const result = await reopenPlan(openWorkspace(io.cwd), ref, io.cwd, opts);
  if (opts.json) writeJson(io, result);
  else io.stdout(renderMoves(result, result.dryRun ? 'Would reopen' : 'Reopened'));
  return 0;
}
