/** `execplan artifact add <plan> <file>...`: copy evidence into the plan's artifacts folder and link it. */
import type { OptionsOf } from '../command-table.js';
import { addPlanArtifacts } from '../usecases/artifacts.js';
import { openPlan } from '../usecases/open.js';
import { clockOf, writeJson, type Io } from './io.js';

/** Run `execplan artifact add`. */
export async function run(io: Io, opts: OptionsOf<'artifact add'>, ref: string, files: string[] = []): Promise<number> {
  const { ws, ref: planRef } = openPlan(io.cwd, ref);
  const { added, lines } = await addPlanArtifacts(ws, planRef, { files, cwd: io.cwd, force: Boolean(opts.force), allowOutsideSources: true, link: opts.link !== false }, clockOf(io));
  if (opts.json) {
    writeJson(io, { plan: planRef.relPath, added, lines });
    return 0;
  }
  for (const a of added) io.stdout(`${a.path}\n`);
  io.stderr(`${added.length === 1 ? 'Copied 1 file' : `Copied ${added.length} files`}${lines.length ? ` and linked ${added.length === 1 ? 'it' : 'them'} from ${planRef.relPath}` : ''}.\n`);
  return 0;
}
