/** `execplan list --branches`: plans across every branch and worktree, and the plans that overlap. */
import { listBranchPlans } from '../usecases/branch-plans.js';
import type { Workspace } from '../workspace/workspace.js';
import { writeJson, type Io } from './io.js';
import { truncate } from './list.js';

/** Print the listing; exit 0. */
export async function listBranches(io: Io, ws: Workspace, opts: { json?: boolean; remote?: boolean }): Promise<number> {
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
  const rows = listing.plans.map((p) => [p.id, where(p.branches, p.worktrees), truncate(p.title ?? '(no title)', 40), p.total ? `${p.done}/${p.total}` : '-', p.lastActivity ?? '-', p.state]);
  const { renderTable } = await import('../terminal/table.js');
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
