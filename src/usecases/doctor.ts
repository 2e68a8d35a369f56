/**
 * `execplan doctor`: find, and with `fix` repair, what an interrupted process can leave behind in
 * the workspace: a move of `archive` or `reopen` cut short (its record in `.execplan/journal/`), a
 * plan split from its artifacts folder (the plan on one side, the folder on the other), temporary
 * files of a killed edit, and locks whose holder is gone.
 */
import path from 'node:path';
import { hasEntry, leftoversIn, moveFolderInside, removeLeftover } from '../workspace/leftovers.js';
import { safeUnlink } from '../workspace/atomic-write.js';
import { pendingMoves, settleMove } from '../workspace/journal.js';
import { listPlanRefs, type PlanRef } from '../workspace/plans.js';
import { relPath, type Workspace } from '../workspace/workspace.js';

/** One thing found. */
export interface DoctorFinding {
  kind: 'interrupted-move' | 'move-in-progress' | 'broken-record' | 'split' | 'artifacts-twice' | 'stale-temp' | 'stale-lock';
  /** Repository-relative path concerned. */
  path: string;
  message: string;
  /** What repairing it does (or did). */
  repair?: string;
  /** True once repaired (with `fix`). */
  fixed?: boolean;
}

/** Look for leftovers; with `fix`, repair those that can be repaired safely. */
export function doctor(ws: Workspace, opts: { fix: boolean; alive: (pid: number) => boolean; host: string }): DoctorFinding[] {
  const out: DoctorFinding[] = [];
  const rel = (abs: string) => relPath(ws, abs);
  for (const p of pendingMoves(ws)) {
    if (!p.record) {
      out.push({ kind: 'broken-record', path: rel(p.file), message: `${rel(p.file)} is a move record that cannot be read`, repair: 'remove it', ...(opts.fix ? { fixed: true } : {}) });
      if (opts.fix) removeLeftover(p.file);
      continue;
    }
    const r = p.record;
    const what = `${r.op} of ${r.plan.from} (to ${r.plan.to}${r.artifacts ? `, with ${r.artifacts.from}` : ''})`;
    if (p.live) {
      out.push({ kind: 'move-in-progress', path: rel(p.file), message: `the ${what} is in progress (pid ${r.pid} on ${r.host})` });
      continue;
    }
    const finding: DoctorFinding = { kind: 'interrupted-move', path: r.plan.from, message: `the ${what} was interrupted (pid ${r.pid} is gone)`, repair: 'finish it if anything had moved, else roll it back' };
    out.push(finding);
    if (opts.fix) {
      const settled = settleMove(ws, r);
      safeUnlink(p.file);
      finding.fixed = true;
      finding.repair = `${settled.outcome}${settled.actions.length ? `: ${settled.actions.join('; ')}` : ''}`;
    }
  }
  const plans = listPlanRefs(ws, 'all', undefined, opts.fix);
  // A plan whose move is recorded is reported (and settled) as that move, not again as a split.
  const moving = new Set(pendingMoves(ws).map((p) => p.record?.id));
  for (const ref of plans) if (!moving.has(ref.id)) out.push(...splitOf(ws, ref, opts.fix));
  const folders = new Set(plans.map((p) => path.dirname(p.path)));
  for (const dir of folders) out.push(...staleIn(ws, dir, opts));
  return out;
}

/** A plan whose artifacts folder is on the other side (active plan, archived artifacts, or the reverse). */
function splitOf(ws: Workspace, ref: PlanRef, fix: boolean): DoctorFinding[] {
  const own = path.join(ref.archived ? ws.dirs.archiveArtifacts : ws.dirs.artifacts, ref.id);
  const other = path.join(ref.archived ? ws.dirs.artifacts : ws.dirs.archiveArtifacts, ref.id);
  if (!hasEntry(other)) return [];
  if (hasEntry(own)) {
    return [{ kind: 'artifacts-twice', path: ref.relPath, message: `${ref.relPath} has an artifacts folder in both places: ${relPath(ws, own)}/ and ${relPath(ws, other)}/; merge them by hand` }];
  }
  const finding: DoctorFinding = { kind: 'split', path: ref.relPath, message: `${ref.relPath} is ${ref.archived ? 'archived' : 'active'}, but its artifacts are in ${relPath(ws, other)}/`, repair: `move them to ${relPath(ws, own)}/` };
  if (fix) {
    moveFolderInside(ws.root, other, own, 'artifacts folder');
    finding.fixed = true;
  }
  return [finding];
}

/** Temporary files of killed edits, and locks whose holder is gone, in a plan folder. */
function staleIn(ws: Workspace, dir: string, opts: { fix: boolean; alive: (pid: number) => boolean; host: string }): DoctorFinding[] {
  const out: DoctorFinding[] = [];
  for (const left of leftoversIn(dir)) {
    const shown = relPath(ws, left.file);
    const fixed = opts.fix ? { fixed: true } : {};
    if (left.kind === 'temp' && !opts.alive(left.pid)) {
      out.push({ kind: 'stale-temp', path: shown, message: `${shown} is a temporary file an edit left when it was killed`, repair: 'remove it', ...fixed });
    } else if (left.kind === 'lock' && left.owner.host === opts.host && !opts.alive(left.owner.pid)) {
      out.push({ kind: 'stale-lock', path: shown, message: `${shown} is a lock whose holder (pid ${left.owner.pid}, \`${left.owner.command}\`) is gone`, repair: 'remove it', ...fixed });
    } else continue;
    if (opts.fix) removeLeftover(left.file);
  }
  return out;
}
