/** `execplan list`: every plan with its progress, last activity and state; `--branches` across branches and worktrees. */
import type { OptionsOf } from '../command-table.js';
import type { Drift } from '../core/drift.js';
import type { ExecplanError } from '../workspace/errors.js';
import { openWorkspace, type Workspace } from '../workspace/workspace.js';
import { writeJson, type Io } from './io.js';

type Options = OptionsOf<'list'>;

/** Run `execplan list`. */
export async function run(io: Io, opts: Options): Promise<number> {
  const ws = openWorkspace(io.cwd);
  if (opts.branches || opts.remote) return listBranches(io, ws, opts);
  const which = opts.all ? 'all' : opts.archived ? 'archived' : 'active';
  const unreadable: ExecplanError[] = [];
  const { listPlans } = await import('../usecases/list.js');
  const { plans, drifting } = await listPlans(ws, { which, cache: opts.cache !== false, drift: { env: io.env } }, {
    leftOut: (message) => io.stderr(message),
    unreadable: (err) => {
      unreadable.push(err);
      io.stderr(`execplan: left out ${err.file ?? 'a plan'}: ${err.message}\n`);
    },
    cacheRefused: (err) => io.stderr(`execplan: did not write the list cache: ${err.message}\n`),
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
  // The table's modules load only for a table: `--json` has no use for them.
  const [{ displayWidth }, { useColor }, { renderTable, truncateWidth }] = await Promise.all([import('../formatters/width.js'), import('../terminal/color.js'), import('../terminal/table.js')]);
  const anyDrift = drifting > 0;
  const header = ['ID', 'TITLE', 'PROGRESS', 'LAST ACTIVITY', 'STATE', ...(anyDrift ? ['DRIFT'] : [])];
  const rows = plans.map((p) => {
    const row = [p.id, p.title ?? '(no title)', p.total ? `${p.done}/${p.total}` : '-', p.lastActivity ?? '-', p.state];
    if (anyDrift) row.push(driftCell(p.drift ?? undefined));
    return row;
  });
  // Titles give way to the terminal's width: the other columns are short and needed whole.
  const others = header.map((h, i) => (i === 1 ? 0 : Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))) + 2)).reduce((a, b) => a + b, 0);
  const room = Math.max(8, Math.min(48, terminalWidth(io) - others));
  for (const r of rows) r[1] = truncateWidth(r[1]!, room);
  const color = useColor(io, {});
  const states = plans.map((p) => p.state);
  io.stdout(renderTable(header, rows, color ? (row, col, text) => paintCell(row, col, text, states[row]) : undefined));
  if (anyDrift) io.stdout('\nDRIFT: files the plan names changed in commits after its last commit; update the plan (execplan log <plan> shows its history).\n');
  return code;
}

/** `list --branches`: plans across every branch and worktree, and the plans that overlap. */
async function listBranches(io: Io, ws: Workspace, opts: Options): Promise<number> {
  const { listBranchPlans } = await import('../usecases/branch-plans.js');
  const listing = await listBranchPlans(ws, { ...(opts.remote ? { remote: true } : {}), env: io.env });
  if (opts.json) {
    writeJson(io, { root: ws.root, ...listing });
    return 0;
  }
  if (!listing.plans.length) {
    io.stdout(`No plans in ${ws.config.paths.active}/ on ${listing.branches.length} branch${listing.branches.length === 1 ? '' : 'es'} and ${listing.worktrees.length} worktree${listing.worktrees.length === 1 ? '' : 's'}.\n`);
    return 0;
  }
  const where = (branches: readonly string[], worktrees: readonly string[]) => {
    const all = [...branches, ...worktrees.map((w) => `worktree ${w}`)];
    return all.length > 3 ? `${all.slice(0, 3).join(', ')} +${all.length - 3}` : all.join(', ');
  };
  const { renderTable, truncate } = await import('../terminal/table.js');
  const rows = listing.plans.map((p) => [p.id, where(p.branches, p.worktrees), truncate(p.title ?? '(no title)', 40), p.total ? `${p.done}/${p.total}` : '-', p.lastActivity ?? '-', p.state]);
  io.stdout(renderTable(['ID', 'WHERE', 'TITLE', 'PROGRESS', 'LAST ACTIVITY', 'STATE'], rows));
  if (listing.overlaps.length) {
    io.stdout('\nOverlapping plans (active plans that name the same files):\n');
    for (const o of listing.overlaps) {
      const [a, b] = o.plans;
      const files = o.files.length > 5 ? `${o.files.slice(0, 5).join(', ')} +${o.files.length - 5}` : o.files.join(', ');
      io.stdout(`  ${a!.id} (${where(a!.branches, a!.worktrees)}) and ${b!.id} (${where(b!.branches, b!.worktrees)}): ${files}\n`);
    }
  }
  return 0;
}

/** `3 commits, 2 files` for a drifting plan. */
function driftCell(d: Drift | undefined): string {
  if (!d) return '-';
  return `${d.commits} commit${d.commits === 1 ? '' : 's'}, ${d.files.length} file${d.files.length === 1 ? '' : 's'}`;
}

/** The width `list` fits in: `COLUMNS` when set, else the terminal's, else 120 (a pipe or a file). */
function terminalWidth(io: Io): number {
  const env = Number(io.env.COLUMNS);
  if (Number.isInteger(env) && env > 0) return env;
  return io.stdoutIsTTY && io.stdoutColumns ? io.stdoutColumns : 120;
}

const STATE_COLOR: Record<string, string> = { complete: '32', 'in progress': '33', 'not started': '2', archived: '2' };

/** A cell with colour: the header bold, ids bold, the state by what it says. */
function paintCell(row: number, col: number, text: string, state: string | undefined): string {
  if (row < 0 || col === 0) return `\x1b[1m${text}\x1b[22m`;
  if (col === 4 && state && STATE_COLOR[state]) return `\x1b[${STATE_COLOR[state]}m${text}\x1b[0m`;
  return text;
}
