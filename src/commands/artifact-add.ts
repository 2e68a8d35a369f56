/** `execplan artifact add <plan> <file>...`: copy evidence into the plan's artifacts folder and link it. */
import { addPlanArtifacts } from '../usecases/artifacts.js';
import { openPlan } from '../usecases/open.js';
import { clockOf, writeJson, type Io, type GlobalOptions } from './io.js';

interface Options extends GlobalOptions {
  force?: boolean;
  /** False with `--no-link`. */
  link?: boolean;
}

/** Run `execplan artifact add`. */
export async function run(io: Io, opts: Options, ref: string, files: string[] = []): Promise<number> {
  const cwd = opts.cwd ?? io.cwd;
  const { ws, ref: planRef } = openPlan(cwd, ref);
  const { added, lines } = await addPlanArtifacts(ws, planRef, { files, cwd, force: Boolean(opts.force), allowOutsideSources: true, link: opts.link !== false }, clockOf(io));
  if (opts.json) {
    writeJson(io, { ok: true, plan: planRef.relPath, added, lines });
    return 0;
  }
  for (const a of added) io.stdout(`${a.path}\n`);
  io.stderr(`${added.length === 1 ? 'Copied 1 file' : `Copied ${added.length} files`}${lines.length ? ` and linked ${added.length === 1 ? 'it' : 'them'} from ${planRef.relPath}` : ''}.\n`);
  return 0;
}
