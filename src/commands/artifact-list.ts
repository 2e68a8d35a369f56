/** `execplan artifact list <plan>`: the files in the plan's artifacts folder. */
import { planArtifacts } from '../usecases/artifacts.js';
import { openPlan } from '../usecases/open.js';
import { writeJson, type Io, type GlobalOptions } from './io.js';
import { renderTable } from '../terminal/table.js';

type Options = GlobalOptions;

/** Run `execplan artifact list`. */
export async function run(io: Io, opts: Options, ref: string): Promise<number> {
  const cwd = opts.cwd ?? io.cwd;
  const { ws, ref: planRef } = openPlan(cwd, ref);
  const { dir, files } = await planArtifacts(ws, planRef);
  if (opts.json) {
    writeJson(io, { plan: planRef.relPath, dir, files });
    return 0;
  }
  if (!files.length) {
    io.stdout(`No artifacts in ${dir}/. Add some with: execplan artifact add ${planRef.id} <file>, or execplan run ${planRef.id} -- <command>\n`);
    return 0;
  }
  io.stdout(renderTable(['NAME', 'SIZE', 'MODIFIED'], files.map((f) => [`${f.name}${f.link ? ' (link)' : ''}`, formatSize(f.size), f.mtime.replace(/\.\d{3}Z$/, 'Z')])));
  return 0;
}

/** `532 B`, `12.3 KiB`, `4.0 MiB`. */
export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}
