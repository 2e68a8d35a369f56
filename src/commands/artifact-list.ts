/** `execplan artifact list <plan>`: the files in the plan's artifacts folder. */
import type { OptionsOf } from '../command-table.js';
import { planArtifacts } from '../usecases/artifacts.js';
import { openPlan } from '../usecases/open.js';
import { renderTable } from '../terminal/table.js';
import { writeJson, type Io } from './io.js';

/** Run `execplan artifact list`. */
export async function run(io: Io, opts: OptionsOf<'artifact list'>, ref: string): Promise<number> {
  const { ws, ref: planRef } = openPlan(io.cwd, ref);
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
function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  const unit = Math.min(Math.floor(Math.log2(n) / 10), 4);
  return `${(n / 1024 ** unit).toFixed(1)} ${['B', 'KiB', 'MiB', 'GiB', 'TiB'][unit]}`;
}
