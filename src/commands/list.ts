/** `execplan list`: every plan with its progress, last activity and state; `--branches` across branches and worktrees. */
import type { Drift } from '../core/drift.js';
import { leftOutMessage } from '../workspace/plans.js';
import { listPlanSummaries, type ListedPlan } from '../workspace/summaries.js';
import { openWorkspace, type Workspace } from '../workspace/workspace.js';
import { writeJson, type Io } from './io.js';
import { renderTable } from './table.js';

interface Options {
  cwd?: string;
  json?: boolean;
  archived?: boolean;
  all?: boolean;
  cache?: boolean;
  branches?: boolean;
  remote?: boolean;
}

/** Run `execplan list`. */
export async function run(io: Io, opts: Options): Promise<number> {
  const ws = openWorkspace(opts.cwd ?? io.cwd);
  if (opts.branches || opts.remote) return (await import('./list-branches.js')).listBranches(io, ws, opts);
  const which = opts.all ? 'all' : opts.archived ? 'archived' : 'active';
  const listed = await listPlanSummaries(ws, which, { cache: opts.cache !== false, onOutside: (rel) => io.stderr(leftOutMessage(rel)), files: which !== 'archived' });
  const drifts = await driftOf(ws, listed, io);
  const plans = listed.map(({ files: _files, ...p }) => (drifts ? { ...p, drift: drifts.get(p.path) ?? null } : p));
  if (opts.json) {
    writeJson(io, { root: ws.root, plans });
    return 0;
  }
  if (!plans.length) {
    const where = which === 'archived' ? ws.config.paths.archive : ws.config.paths.active;
    io.stdout(which === 'archived' ? `No archived plans in ${where}/. A finished plan is archived with: execplan archive <plan>\n` : `No plans in ${where}/. Create one with: execplan new "Short description"\n`);
    return 0;
  }
  const anyDrift = Boolean(drifts?.size);
  const rows = plans.map((p) => {
    const row = [p.id, truncate(p.title ?? '(no title)', 48), p.total ? `${p.done}/${p.total}` : '-', p.lastActivity ?? '-', p.state];
    if (anyDrift) row.push(driftCell(drifts!.get(p.path)));
    return row;
  });
  io.stdout(renderTable(['ID', 'TITLE', 'PROGRESS', 'LAST ACTIVITY', 'STATE', ...(anyDrift ? ['DRIFT'] : [])], rows));
  if (anyDrift) io.stdout('\nDRIFT: files the plan names changed in commits after its last commit; update the plan (execplan log <plan> shows its history).\n');
  return 0;
}

/** The drift of the active plans not yet complete; undefined outside git. */
async function driftOf(ws: Workspace, plans: readonly ListedPlan[], io: Io): Promise<Map<string, Drift> | undefined> {
  const candidates = plans.filter((p) => !p.archived && p.state !== 'complete' && p.files?.length);
  const { gitDirs } = await import('../workspace/git.js');
  if (!gitDirs(ws.root)) return undefined;
  if (!candidates.length) return new Map();
  const { planDrifts, driftThreshold } = await import('../usecases/drift.js');
  return planDrifts(ws, candidates.map((p) => ({ path: p.path, files: p.files! })), { minCommits: driftThreshold(ws), env: io.env });
}

/** `3 commits, 2 files` for a drifting plan. */
export function driftCell(d: Drift | undefined): string {
  if (!d) return '-';
  return `${d.commits} commit${d.commits === 1 ? '' : 's'}, ${d.files.length} file${d.files.length === 1 ? '' : 's'}`;
}

/** Cut a text to `n` characters, with an ellipsis. */
export function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}
