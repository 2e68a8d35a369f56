/** `execplan list`: every plan with its progress, last activity and state. */
import { leftOutMessage } from '../workspace/plans.js';
import type { ExecplanError } from '../workspace/errors.js';
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
  const unreadable: ExecplanError[] = [];
  const plans = await listPlanSummaries(ws, which, {
    cache: opts.cache !== false,
    onOutside: (rel, why, link) => io.stderr(leftOutMessage(rel, why, link)),
    onUnreadable: (err) => {
      unreadable.push(err);
      io.stderr(`execplan: left out ${err.file ?? 'a plan'}: ${err.message}\n`);
    },
    onCacheRefused: (err) => io.stderr(`execplan: did not write the list cache: ${err.message}\n`),
  });
  // The plans that could be read are listed; the exit code says the listing is not whole.
  const code = unreadable.length ? 2 : 0;
  if (opts.json) {
    writeJson(io, { root: ws.root, plans, ...(unreadable.length ? { unreadable: unreadable.map((e) => ({ path: e.file, message: e.message })) } : {}) });
    return code;
  }
  if (!plans.length) {
    const where = which === 'archived' ? ws.config.paths.archive : ws.config.paths.active;
    if (!unreadable.length) io.stdout(which === 'archived' ? `No archived plans in ${where}/. A finished plan is archived with: execplan archive <plan>\n` : `No plans in ${where}/. Create one with: execplan new "Short description"\n`);
    return code;
  }
  const rows = plans.map((p) => [p.id, truncate(p.title ?? '(no title)', 48), p.total ? `${p.done}/${p.total}` : '-', p.lastActivity ?? '-', p.state]);
  io.stdout(renderTable(['ID', 'TITLE', 'PROGRESS', 'LAST ACTIVITY', 'STATE'], rows));
  return code;
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}
