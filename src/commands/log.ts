/** `execplan log <plan>`: the commits that changed a plan, and its progress over time. */
import type { OptionsOf } from '../command-table.js';
import { planLog } from '../usecases/plan-log.js';
import { openPlan } from '../usecases/open.js';
import { renderTable, truncate } from '../terminal/table.js';
import { writeJson, type Io } from './io.js';

/** Run `execplan log`. */
export async function run(io: Io, opts: OptionsOf<'log'>, planRef?: string): Promise<number> {
  const { ws, ref } = openPlan(io.cwd, planRef);
  const log = await planLog(ws, ref, io.env);
  if (opts.json) {
    writeJson(io, log);
    return 0;
  }
  io.stdout(`${log.id}  ${log.path}\n\n`);
  if (!log.commits.length) io.stdout('No commit has this plan yet.\n');
  else {
    const rows = log.commits.map((c) => [c.hash.slice(0, 10), c.date.slice(0, 16).replace('T', ' '), c.total === undefined ? 'deleted' : c.total ? `${c.done}/${c.total}` : '-', truncate(c.author, 20), c.path === log.path ? truncate(c.subject, 60) : `${truncate(c.subject, 48)} (${c.path})`]);
    io.stdout(renderTable(['COMMIT', 'DATE (UTC)', 'PROGRESS', 'AUTHOR', 'SUBJECT'], rows));
  }
  if (log.uncommitted) io.stdout(`\nThe plan on disk differs from its last commit: ${log.done}/${log.total} done now.\n`);
  if (log.progress.length) {
    io.stdout('\nProgress, by the timestamps of its done items:\n');
    io.stdout(renderTable(['WHEN', 'DONE', 'ITEM'], log.progress.map((p) => [p.at, `${p.done}/${log.total}`, truncate(p.text, 70)])));
  }
  return 0;
}
