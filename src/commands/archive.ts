/** `execplan archive <plan>`: move a finished plan and its artifacts to the archive, together. */
import { renderMoves } from '../formatters/moves.js';
import { archivePlan } from '../usecases/archive.js';
import { okEnvelope } from '../usecases/envelope.js';
import { openPlan } from '../usecases/open.js';
import { clockOf, writeJson, type Io, type GlobalOptions } from './io.js';

interface Options extends GlobalOptions {
  force?: boolean;
  dryRun?: boolean;
}

/** Run `execplan archive`. */
export async function run(io: Io, opts: Options, ref: string): Promise<number> {
  const result = await archivePlan(openPlan(opts.cwd ?? io.cwd, ref), clockOf(io), opts);
  if (opts.json) {
    writeJson(io, okEnvelope(result));
    return 0;
  }
  io.stdout(renderMoves(result, result.dryRun ? 'Would archive' : 'Archived'));
  if (result.forced) {
    io.stdout(`${result.dryRun ? 'Would record' : 'Recorded'} in Outcomes & Retrospective:\n  ${result.note}\n`);
  }
  return 0;
}
