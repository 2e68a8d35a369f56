/** `execplan list`: every plan with its progress, last activity and state. */
import { leftOutMessage } from '../workspace/plans.js';
import { listPlanSummaries } from '../workspace/summaries.js';
import { openWorkspace } from '../workspace/workspace.js';
import { writeJson, type Io } from './io.js';
import { renderTable } from './table.js';

interface Options {
  cwd?: string;
  json?: boolean;
  archived?: boolean;
  all?: boolean;
  cache?: boolean;
}

/** Run `execplan list`. */
export async function run(io: Io, opts: Options): Promise<number> {
  const ws = openWorkspace(opts.cwd ?? io.cwd);
  const which = opts.all ? 'all' : opts.archived ? 'archived' : 'active';
  const plans = await listPlanSummaries(ws, which, { cache: opts.cache !== false, onOutside: (rel) => io.stderr(leftOutMessage(rel)) });
  if (opts.json) {
    writeJson(io, { root: ws.root, plans });
    return 0;
  }
  if (!plans.length) {
    const where = which === 'archived' ? ws.config.paths.archive : ws.config.paths.active;
    io.stdout(which === 'archived' ? `No archived plans in ${where}/. A finished plan is archived with: execplan archive <plan>\n` : `No plans in ${where}/. Create one with: execplan new "Short description"\n`);
    return 0;
  }
  const rows = plans.map((p) => [p.id, truncate(p.title ?? '(no title)', 48), p.total ? `${p.done}/${p.total}` : '-', p.lastActivity ?? '-', p.state]);
  io.stdout(renderTable(['ID', 'TITLE', 'PROGRESS', 'LAST ACTIVITY', 'STATE'], rows));
  return 0;
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}
