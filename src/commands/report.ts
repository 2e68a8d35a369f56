/** `execplan report --out <dir>`: the dashboard's pages as a static site, for CI artifacts or GitHub Pages. */
import path from 'node:path';
import type { OptionsOf } from '../command-table.js';
import { dashboardSource } from '../usecases/dashboard.js';
import { ExecplanError } from '../workspace/errors.js';
import { writeReportFolder } from '../workspace/report-folder.js';
import { openWorkspace } from '../workspace/workspace.js';
import { clockOf, writeJson, type Io } from './io.js';

/** Run `execplan report`. */
export async function run(io: Io, opts: OptionsOf<'report'>): Promise<number> {
  if (!opts.out) throw new ExecplanError('USAGE', 'Name the folder to write the report to: execplan report --out <dir>.');
  const ws = openWorkspace(io.cwd);
  const { now, tzOffsetMinutes } = clockOf(io);
  const source = dashboardSource(ws, { now: () => now, tzOffsetMinutes, branches: Boolean(opts.branches), env: io.env });
  const { renderReport, REPORT_MARKER } = await import('../server/report.js');
  const files = await renderReport(source, path.basename(ws.root));
  const outDir = path.resolve(io.cwd, opts.out);
  const written = writeReportFolder(outDir, files, REPORT_MARKER, Boolean(opts.force));
  const plans = [...files.keys()].filter((f) => f.startsWith('plan/')).length;
  if (opts.json) writeJson(io, { out: outDir, index: path.join(outDir, 'index.html'), plans, files: written });
  else io.stdout(`Wrote ${path.join(outDir, 'index.html')}: ${plans} ${plans === 1 ? 'plan' : 'plans'}, ${written} files.\n`);
  return 0;
}
