/**
 * Writing the static report into the folder the user named. A folder that holds anything but an
 * earlier report is refused unless the user says `--force`; an earlier report's pages are removed
 * first, so plans deleted since do not linger, and files are created new (never written through a
 * link left in the folder).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ExecplanError } from './errors.js';

/** What an earlier report may have put in the folder, removed before a new one is written. */
const REPORT_ENTRIES = ['index.html', 'plan', 'file', 'artifact', 'assets'];

/** Write `files` (paths with `/`, inside the folder) into `outDir`; `marker` is the file that says the folder is a report. */
export function writeReportFolder(outDir: string, files: ReadonlyMap<string, string>, marker: string, force: boolean): number {
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) throw new ExecplanError('USAGE', `${outDir} is a file, not a folder. Name a folder for --out.`);
    const entries = readdirSync(outDir);
    if (entries.length && !entries.includes(marker) && !force) {
      throw new ExecplanError('REFUSED', `${outDir} is not empty and holds no execplan report (no ${marker} file). Name an empty or new folder, or pass --force to write the report into it anyway.`);
    }
    for (const e of REPORT_ENTRIES) rmSync(path.join(outDir, e), { recursive: true, force: true });
  }
  mkdirSync(outDir, { recursive: true });
  let n = 0;
  for (const [rel, content] of files) {
    const parts = rel.split('/');
    if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\0'))) continue;
    const abs = path.join(outDir, ...parts);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content, { flag: rel === marker ? 'w' : 'wx' });
    n++;
  }
  return n;
}
