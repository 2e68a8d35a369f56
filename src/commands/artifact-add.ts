/** `execplan artifact add <plan> <file>...`: copy evidence into the plan's artifacts folder and link it. */
import path from 'node:path';
import { addArtifacts } from '../workspace/artifacts.js';
import { ExecplanError } from '../workspace/errors.js';
import { linkLabel } from '../workspace/evidence-links.js';
import { linkEvidence } from '../workspace/link-evidence.js';
import { assertActive, resolvePlan } from '../workspace/plans.js';
import { openWorkspace } from '../workspace/workspace.js';
import { clock, tzOffset, writeJson, type Io } from './io.js';

interface Options {
  cwd?: string;
  json?: boolean;
  force?: boolean;
  /** False with `--no-link`. */
  link?: boolean;
}

/** Run `execplan artifact add`. */
export async function run(io: Io, opts: Options, ref: string, files: string[] = []): Promise<number> {
  const cwd = opts.cwd ?? io.cwd;
  const ws = openWorkspace(cwd);
  const planRef = resolvePlan(ws, ref, cwd);
  assertActive(planRef, 'its artifacts and its plan are a closed record, so nothing is added to them');
  const added = await addArtifacts(ws, planRef, files, { cwd, force: Boolean(opts.force), allowOutsideSources: true });
  let lines: string[] = [];
  if (opts.link !== false) {
    const now = clock(io);
    try {
      lines = await linkEvidence(
        ws,
        planRef,
        added.map((a) => ({ file: path.join(ws.root, a.path), describe: (link) => `${a.replaced ? 'Replaced' : 'Added'} artifact [${linkLabel(a.name)}](${link}).` })),
        now,
        tzOffset(io, now),
      );
    } catch (err) {
      if (!(err instanceof ExecplanError)) throw err;
      throw new ExecplanError(err.code, `Copied ${added.map((a) => a.path).join(', ')}, but could not link ${added.length === 1 ? 'it' : 'them'} from ${planRef.relPath}: ${err.message}`, { file: planRef.relPath, details: added.map((a) => a.path) });
    }
  }
  if (opts.json) {
    writeJson(io, { ok: true, plan: planRef.relPath, added, lines });
    return 0;
  }
  for (const a of added) io.stdout(`${a.path}\n`);
  io.stderr(`${added.length === 1 ? 'Copied 1 file' : `Copied ${added.length} files`}${lines.length ? ` and linked ${added.length === 1 ? 'it' : 'them'} from ${planRef.relPath}` : ''}.\n`);
  return 0;
}
