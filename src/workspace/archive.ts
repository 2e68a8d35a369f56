/**
 * Archiving and reopening plans: the plan file and its artifacts folder move together, all or
 * nothing, under the plan's lock, so a concurrent edit is either in the moved text or refused.
 *
 * Archive: `<active>/<sub>/<id>.md` → `<archive>/<sub>/<id>.md` and `<artifacts>/<id>/` →
 * `<archiveArtifacts>/<id>/`. Reopen is the same move backwards. Names already taken at the
 * destination are refused before anything moves.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyEdits } from '../core/apply-edits.js';
import { stamp, type EditContext } from '../core/edits/context.js';
import { addOutcome } from '../core/edits/logs.js';
import { parsePlan } from '../core/parse.js';
import { writingStyle } from '../core/timestamps.js';
import type { Plan } from '../core/types.js';
import { safeUnlink } from './atomic-write.js';
import { ExecplanError } from './errors.js';
import { unfinishedReasons, type LintError, type UnfinishedReason } from './finished.js';
import { exists, mkdirSteps, recordMove, renameStep, runJournal, type FsOps, type Step } from './journal.js';
import type { PlanRef } from './plans.js';
import { parseOptions } from './read.js';
import { refuseConflictMarkers } from './store.js';
import { assertRealInside, assertSafeName } from './safe-path.js';
import { isInside, relPath, type Workspace } from './workspace.js';
import { lockFile } from './lock.js';

/** One move of an archive or reopen, repository-relative. */
export interface PlanMove {
  kind: 'plan' | 'artifacts';
  from: string;
  to: string;
}

/** What archive or reopen did (or, with `dryRun`, would do). */
export interface MoveResult {
  id: string;
  /** The plan's path before and after. */
  from: string;
  to: string;
  moves: PlanMove[];
  dryRun: boolean;
  /** Archive only: why the plan is not finished; non-empty only when forced. */
  reasons: UnfinishedReason[];
  forced: boolean;
  /** Archive with `--force`: the line written to Outcomes & Retrospective. */
  note?: string;
}

/** Options of `reopenPlan`. */
export interface ReopenOptions {
  /** Check and report the moves without making them. */
  dryRun?: boolean;
  /** The file-system calls, replaceable in tests. */
  ops?: FsOps;
}

/** Options of `archivePlan`. */
export interface ArchiveOptions extends ReopenOptions {
  /** Archive even when the plan is not finished, recording that in the plan. */
  force?: boolean;
  /** The moment of the `--force` note, and the local zone's offset in minutes east of UTC. */
  now: Date;
  tzOffsetMinutes: number;
  /** Error-level lint findings of the plan text; none when not given. */
  lint?: (text: string, ref: PlanRef) => LintError[] | Promise<LintError[]>;
}

/**
 * Move a finished plan and its artifacts to the archive. Refuses (ExecplanError 'REFUSED', each
 * reason in `details`) a plan that is not finished, unless `force`.
 */
export async function archivePlan(ws: Workspace, ref: PlanRef, opts: ArchiveOptions): Promise<MoveResult> {
  if (ref.archived) throw new ExecplanError('REFUSED', `${ref.relPath} is already archived. To work on it again, run \`execplan reopen ${ref.id}\`.`, { file: ref.relPath });
  if (!isInside(ws.dirs.active, ref.path) || isInside(ws.dirs.archive, ref.path)) {
    throw new ExecplanError('REFUSED', `${ref.relPath} is not in the active plans folder ${relPath(ws, ws.dirs.active)}/, so it cannot be archived from there. Move it into that folder first.`, { file: ref.relPath });
  }
  return movePlan(ws, ref, opts, async (text) => {
    const plan = parsePlan(text, parseOptions(ws));
    refuseConflictMarkers(plan, ref.relPath);
    const reasons = unfinishedReasons(plan, ref.relPath, opts.lint ? await opts.lint(text, ref) : []);
    if (!reasons.length) return { reasons, forced: false };
    if (!opts.force) {
      const list = reasons.map((r) => `  - ${r.message.replace(/\n/g, '\n    ')}`).join('\n');
      throw new ExecplanError('REFUSED', `Refused to archive ${ref.relPath}: it is not finished.\n${list}\nFinish the plan, or pass --force to archive it anyway (the plan will record that it was forced).`, {
        file: ref.relPath,
        details: reasons.map((r) => r.message),
      });
    }
    const { text: after, note } = forceNoteEdit(plan, reasons, ws, opts.now, opts.tzOffsetMinutes, ref.relPath);
    return { reasons, forced: true, after, note };
  });
}

/** Bring an archived plan and its artifacts back to the active folders. */
export async function reopenPlan(ws: Workspace, ref: PlanRef, opts: ReopenOptions = {}): Promise<MoveResult> {
  if (!ref.archived || !isInside(ws.dirs.archive, ref.path)) {
    throw new ExecplanError('REFUSED', `${ref.relPath} is not archived, so there is nothing to reopen.`, { file: ref.relPath });
  }
  return movePlan(ws, ref, opts, async () => ({ reasons: [], forced: false }));
}

/** What the check under the lock decided: reasons, and the new text when the plan must be changed first. */
interface Verdict {
  reasons: UnfinishedReason[];
  forced: boolean;
  after?: string;
  note?: string;
}

/** Move an active plan and its artifacts folder to the archive, or an archived one back; `check` decides under the lock. */
async function movePlan(ws: Workspace, ref: PlanRef, opts: ReopenOptions, check: (text: string) => Promise<Verdict>): Promise<MoveResult> {
  assertSafeName(ref.id, 'plan id');
  const { active, archive, artifacts, archiveArtifacts } = ws.dirs;
  const [fromDir, toDir, fromArt, toArt] = ref.archived ? [archive, active, archiveArtifacts, artifacts] : [active, archive, artifacts, archiveArtifacts];
  const to = path.join(toDir, path.relative(fromDir, ref.path));
  const art = { from: path.join(fromArt, ref.id), to: path.join(toArt, ref.id) };
  const dryRun = opts.dryRun ?? false;
  const shown = (abs: string) => relPath(ws, abs);
  const work = async (held?: { check(): void }): Promise<MoveResult> => {
    // Read under the lock: what moves is the text as it is now, with every edit made before.
    let bytes: Buffer;
    try {
      bytes = await readFile(ref.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ExecplanError('PLAN_NOT_FOUND', `${ref.relPath} is gone: it was archived, reopened or moved meanwhile. Run \`execplan list --all\` to find it.`, { file: ref.relPath });
      throw err;
    }
    const text = bytes.toString('utf8');
    const verdict = await check(text);
    if (verdict.after !== undefined && !Buffer.from(text, 'utf8').equals(bytes)) {
      throw new ExecplanError('INVALID_INPUT', `${ref.relPath} is not valid UTF-8, so the --force note cannot be written without changing bytes you did not ask to change. Convert it to UTF-8, or finish the plan so no note is needed.`, { file: ref.relPath });
    }

    const taken: string[] = [];
    if (await exists(to)) taken.push(shown(to));
    const hasArtifacts = await exists(art.from);
    if (hasArtifacts && (await exists(art.to))) taken.push(`${shown(art.to)}/`);
    if (taken.length) {
      throw new ExecplanError('REFUSED', `Refused to move ${ref.relPath}: ${taken.length === 1 ? 'the name' : 'the names'} ${taken.join(' and ')} ${taken.length === 1 ? 'is' : 'are'} already taken. Rename or remove ${taken.length === 1 ? 'it' : 'them'} first; nothing was moved.`, { file: ref.relPath, details: taken });
    }
    for (const [p, what] of [[ref.path, 'plan'], [to, 'destination'], ...(hasArtifacts ? [[art.from, 'artifacts folder'], [art.to, 'destination']] : [])] as [string, string][]) {
      assertRealInside(ws.root, p, what);
    }

    const moves: PlanMove[] = [{ kind: 'plan', from: ref.relPath, to: shown(to) }];
    if (hasArtifacts) moves.push({ kind: 'artifacts', from: shown(art.from), to: shown(art.to) });
    const result: MoveResult = { id: ref.id, from: ref.relPath, to: shown(to), moves, dryRun, reasons: verdict.reasons, forced: verdict.forced, ...(verdict.note ? { note: verdict.note } : {}) };
    if (dryRun) return result;

    const planned = new Set<string>();
    const steps: Step[] = [...(await mkdirSteps(path.dirname(to), shown, planned))];
    if (hasArtifacts) steps.push(...(await mkdirSteps(path.dirname(art.to), shown, planned)));
    if (verdict.after !== undefined) steps.push(guardedRewrite(ref, text, verdict.after));
    if (hasArtifacts) steps.push(renameStep(art.from, art.to, shown));
    // The plan moves last: until then it is where it was, and a failure leaves it there.
    steps.push(renameStep(ref.path, to, shown));
    held?.check();
    // Recorded before anything moves: a crash from here on is finished or rolled back by the next command (journal.ts).
    const record = recordMove(ws, {
      op: ref.archived ? 'reopen' : 'archive',
      id: ref.id,
      plan: { from: ref.relPath, to: shown(to) },
      ...(hasArtifacts ? { artifacts: { from: shown(art.from), to: shown(art.to) } } : {}),
      ...(verdict.after !== undefined ? { rewrite: { before: text, after: verdict.after } } : {}),
    });
    try {
      await runJournal(steps, opts.ops);
    } catch (err) {
      // Rolled back whole: nothing to settle. Otherwise the record stays for the next command (or `doctor`) to settle.
      if ((await exists(ref.path)) && (!hasArtifacts || (await exists(art.from)))) safeUnlink(record);
      throw err;
    }
    safeUnlink(record);
    return result;
  };
  if (dryRun) return work();
  // The same lock `updatePlan` takes (on the real path): a writer waiting on it finds the plan gone and refuses.
  let real: string;
  try {
    real = realpathSync(ref.path);
  } catch {
    throw new ExecplanError('PLAN_NOT_FOUND', `${ref.relPath} does not exist. Run \`execplan list --all\` to find the plan.`, { file: ref.relPath });
  }
  const lock = await lockFile(real, { display: ref.relPath });
  try {
    return await work(lock);
  } finally {
    await lock.release();
  }
}

/**
 * The `--force` note written in place before the move. An editor that does not take the lock may
 * have saved since the plan was read: then nothing is written and the archive is refused.
 */
function guardedRewrite(ref: PlanRef, before: string, after: string): Step {
  return {
    describe: `update ${ref.relPath}`,
    run: async (ops) => {
      if ((await readFile(ref.path, 'utf8')) !== before) {
        throw new ExecplanError('CHANGED_ON_DISK', `${ref.relPath} was changed by another program while it was being archived. Run the command again, so that change is not overwritten.`, { file: ref.relPath });
      }
      await ops.writeText(ref.path, after);
    },
    undo: (ops) => ops.writeText(ref.path, before),
  };
}

/**
 * The plan's text with the line `archive --force` writes into Outcomes & Retrospective, so the plan
 * itself says it was forced, such as `- (2026-01-05 14:30) Archived with --force: 2 unchecked Progress items.`;
 * and that line.
 */
function forceNoteEdit(plan: Plan, reasons: readonly UnfinishedReason[], ws: Workspace, now: Date, tzOffsetMinutes: number, file: string): { text: string; note: string } {
  const ctx: EditContext = { now, style: writingStyle(ws.config.timestamps, plan), offsetMinutes: tzOffsetMinutes, order: ws.config.sections.order, file };
  const words = `Archived with --force: ${reasons.map((r) => r.short).join(', ')}.`;
  let change = addOutcome(plan, words, ctx);
  // The builder leaves the stamp out where the section's entries carry none; this line is always dated.
  if (!change.entry.includes(stamp(ctx))) change = addOutcome(plan, `${stamp(ctx)} ${words}`, ctx);
  return { text: applyEdits(plan.source, change.edits, plan.eol), note: change.entry };
}
