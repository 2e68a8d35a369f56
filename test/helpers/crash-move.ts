/**
 * Archive or reopen a plan and die (SIGKILL, no clean-up) at one file-system step: before or after
 * the n-th call. Run as: crash-move.ts <root> <archive|reopen> <n> <before|after>. With n = 0 it runs
 * to the end and prints how many calls the move made.
 */
import { archivePlan, reopenPlan } from '../../src/workspace/archive.js';
import { nodeFsOps, type FsOps } from '../../src/workspace/journal.js';
import { resolvePlan } from '../../src/workspace/plans.js';
import { openWorkspace } from '../../src/workspace/workspace.js';

const [root, op, at, phase] = process.argv.slice(2);
const crashAt = Number(at);
let calls = 0;
const step = async <T>(run: () => Promise<T>): Promise<T> => {
  calls++;
  if (calls === crashAt && phase === 'before') process.kill(process.pid, 'SIGKILL');
  const out = await run();
  if (calls === crashAt && phase === 'after') process.kill(process.pid, 'SIGKILL');
  return out;
};
const ops: FsOps = {
  rename: (a, b) => step(() => nodeFsOps.rename(a, b)),
  mkdir: (d) => step(() => nodeFsOps.mkdir(d)),
  rmdir: (d) => step(() => nodeFsOps.rmdir(d)),
  writeText: (f, t) => step(() => nodeFsOps.writeText(f, t)),
};
const ws = openWorkspace(root!);
const ref = resolvePlan(ws, '2026-01-05_add-retry', root, op === 'archive' ? 'active' : 'archived');
if (op === 'archive') await archivePlan(ws, ref, { force: true, now: new Date('2026-01-05T14:30:00Z'), tzOffsetMinutes: 0, ops });
else await reopenPlan(ws, ref, { ops });
process.stdout.write(`${calls}\n`);
