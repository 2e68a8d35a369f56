/**
 * The record of a move in progress, so a crash cannot split a plan from its evidence. Before
 * `archive` or `reopen` moves anything, it writes `.execplan/journal/<plan-id>.json`: where the plan
 * and its artifacts folder go, the text of the `--force` note if one is written, and who is moving
 * (pid and host). The record is removed once both have moved. A record whose mover is gone (a process
 * of this host that no longer exists) is an interrupted move, and the next command that looks for
 * plans settles it before anything else:
 * - if anything had moved (the artifacts folder or the plan), the move is finished: what is left
 *   behind follows;
 * - if nothing had moved, it is rolled back: a `--force` note written in place is taken out again
 *   (only if the plan still holds exactly the text written).
 * Either way plan and artifacts end up together, and `execplan doctor` reports what was done.
 */
import { existsSync, lstatSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { processAlive, readLockOwner } from './lock.js';
import { namesIn, readJson } from './on-disk.js';
import { mkdirInside, writablePath } from './safe-path.js';
import type { Workspace } from './workspace.js';

/** A move as recorded: repository-relative paths. */
export interface MoveRecord {
  op: 'archive' | 'reopen';
  id: string;
  pid: number;
  host: string;
  plan: { from: string; to: string };
  artifacts?: { from: string; to: string };
  /** The plan's text before and after the `--force` note, when one is written. */
  rewrite?: { before: string; after: string };
}

/** What settling an interrupted move did. */
export interface SettledMove {
  record: MoveRecord;
  /** `finished`: what was left behind followed; `rolled back`: nothing had moved; `done`: it had finished, only its record was left. */
  outcome: 'finished' | 'rolled back' | 'done';
  /** What was moved or rewritten to settle it, in words. */
  actions: string[];
}

/** The folder of move records. */
export function journalDir(ws: Workspace): string {
  return path.join(ws.root, '.execplan', 'journal');
}

/** Record a move about to start; returns the record's path. */
export function recordMove(ws: Workspace, record: Omit<MoveRecord, 'pid' | 'host'>): string {
  const dir = journalDir(ws);
  if (mkdirInside(ws.root, dir, 'journal folder')) writeFileSync(writablePath(ws.root, path.join(dir, '.gitignore'), 'journal file'), '*\n', { flag: 'wx' });
  const file = writablePath(ws.root, path.join(dir, `${record.id}.json`), 'journal file');
  writeFileAtomic(file, `${JSON.stringify({ ...record, pid: process.pid, host: hostname() })}\n`);
  return file;
}

/** Remove a move's record once the move is complete (or undone). */
export function clearMove(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

/** The move records in the workspace, with whether their mover is still at work. */
export function pendingMoves(ws: Workspace): { file: string; record: MoveRecord | undefined; live: boolean }[] {
  const dir = journalDir(ws);
  return namesIn(dir).filter((n) => n.endsWith('.json')).map((name) => {
    const file = path.join(dir, name);
    const r = readJson(file) as MoveRecord | undefined;
    const record = typeof r?.id === 'string' && typeof r.plan?.from === 'string' && typeof r.plan.to === 'string' ? r : undefined;
    return { file, record, live: !!record && isLive(record) };
  });
}

/** Settle every interrupted move (those whose mover is gone); moves in progress are left alone. */
export function settleInterruptedMoves(ws: Workspace): SettledMove[] {
  if (!existsSync(journalDir(ws))) return [];
  const out: SettledMove[] = [];
  for (const p of pendingMoves(ws)) {
    if (p.live || !p.record) continue;
    out.push(settleMove(ws, p.record));
    clearMove(p.file);
  }
  return out;
}

/** Finish or roll back one interrupted move. */
export function settleMove(ws: Workspace, record: MoveRecord): SettledMove {
  const abs = (rel: string) => path.join(ws.root, rel);
  const at = (rel: string) => lstatSync(abs(rel), { throwIfNoEntry: false }) !== undefined;
  const actions: string[] = [];
  const move = (from: string, to: string) => {
    mkdirInside(ws.root, path.dirname(abs(to)), 'folder');
    writablePath(ws.root, abs(to), 'destination');
    renameSync(abs(from), abs(to));
    actions.push(`moved ${from} to ${to}`);
  };
  // The mover's lock, left beside where the plan was when it was killed.
  const lock = `${abs(record.plan.from)}.lock`;
  if (readLockOwner(abs(record.plan.from))?.pid === record.pid) {
    rmSync(lock, { recursive: true, force: true });
    actions.push(`removed the lock ${record.plan.from}.lock its mover left`);
  }
  const art = record.artifacts;
  const planMoved = at(record.plan.to) && !at(record.plan.from);
  const artMoved = !!art && at(art.to) && !at(art.from);
  if (planMoved || artMoved) {
    if (art && at(art.from) && !at(art.to)) move(art.from, art.to);
    if (at(record.plan.from) && !at(record.plan.to)) move(record.plan.from, record.plan.to);
    return { record, outcome: actions.some((a) => a.startsWith('moved')) ? 'finished' : 'done', actions };
  }
  // Nothing moved: the note written in place, if any, is taken out again.
  if (record.rewrite && at(record.plan.from)) {
    const file = abs(record.plan.from);
    if (readFileSync(file, 'utf8') === record.rewrite.after) {
      writeFileAtomic(file, record.rewrite.before);
      actions.push(`took the --force note out of ${record.plan.from}`);
    }
  }
  return { record, outcome: 'rolled back', actions };
}

/** Whether the process that recorded a move may still be making it. */
function isLive(record: MoveRecord): boolean {
  if (record.host !== hostname()) return true;
  if (record.pid === process.pid) return true;
  return processAlive(record.pid);
}
