/** `execplan archive <plan>`: move a finished plan and its artifacts to the archive, together. */
import type { OptionsOf } from '../command-table.js';
import { renderMoves } from '../formatters/moves.js';
import { archivePlan } from '../usecases/archive.js';
import { openPlan } from '../usecases/open.js';
import { clockOf, writeJson, type Io } from './io.js';

/** Run `execplan archive`. */
export async function run(io: Io, opts: OptionsOf<'archive'>, ref: string): Promise<number> {
  const result = await archivePlan(openPlan(io.cwd, ref), clockOf(io), opts);
  if (opts.json) writeJson(io, result);
  else io.stdout(renderMoves(result, result.dryRun ? 'Would archive' : 'Archived'));
  if (!opts.json && result.forced) io.stdout(`${result.dryRun ? 'Would record' : 'Recorded'} in Outcomes & Retrospective:\n  ${result.note}\n`);
  return 0;
}
