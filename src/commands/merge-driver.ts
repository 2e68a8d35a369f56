/** `execplan merge-driver %O %A %B %P`: the command git runs to merge a plan changed on both sides. */
import type { OptionsOf } from '../command-table.js';
import { mergeFiles } from '../usecases/merge-file.js';
import { findRoot } from '../workspace/workspace.js';
import { ExecplanError } from '../workspace/errors.js';
import type { Io } from './io.js';

/** The driver is what git runs: no reminder to install it. */
export const ownsMergeDriver = true;

/** Run the merge driver: exit 0 when the merge is clean, 1 when conflict markers were written. */
export async function run(io: Io, opts: OptionsOf<'merge-driver'>, base?: string, ours?: string, theirs?: string, planPath?: string): Promise<number> {
  if (!base || !ours || !theirs) {
    throw new ExecplanError('USAGE', 'merge-driver needs the three files git passes: execplan merge-driver %O %A %B %P. Register it with: execplan git install.');
  }
  const markerSize = opts.markerSize === undefined ? undefined : Number(opts.markerSize);
  if (markerSize !== undefined && !(Number.isInteger(markerSize) && markerSize > 0 && markerSize < 100)) {
    throw new ExecplanError('USAGE', `--marker-size ${JSON.stringify(opts.markerSize)} is not a marker length; give a whole number such as 7 (git's %L).`);
  }
  const result = mergeFiles(findRoot(io.cwd), io.cwd, { base, ours, theirs, ...(planPath ? { path: planPath } : {}), ...(markerSize ? { markerSize } : {}) });
  for (const w of result.warnings) io.stderr(`execplan: ${w}\n`);
  if (result.conflicts) {
    io.stderr(`execplan: ${result.path}: ${result.conflicts} conflict${result.conflicts === 1 ? '' : 's'} left with markers; resolve them, then run execplan lint.\n`);
    return 1;
  }
  return 0;
}
