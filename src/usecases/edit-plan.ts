/**
 * Changing a plan's living sections: build the change from the plan as it is under its lock, write
 * it (or only compute it, for a dry run), and say where the changed entry is.
 */
import type { Edit } from '../core/apply-edits.js';
import type { EditContext, PlanChange } from '../core/edits/context.js';
import { parsePlan } from '../core/parse.js';
import { dominantShape, matchesStyle, writingStyle } from '../core/timestamps.js';
import type { ParseOptions, Plan } from '../core/types.js';
import { ExecplanError } from '../workspace/errors.js';
import { assertActive, type PlanRef } from '../workspace/plans.js';
import { parseOptions } from '../workspace/read.js';
import { updatePlan, type UpdateOutcome } from '../workspace/store.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Clock } from './clock.js';
import { openPlan, type PlanTarget } from './open.js';

/** The workspace, the plan and the edit context a change is made with. */
export interface EditTarget extends PlanTarget {
  ctx: EditContext;
}

/** A change to a plan: what the core's edit builders return, given the plan and the context. */
export type BuildChange = (plan: Plan, ctx: EditContext) => PlanChange;

/** The edit target of a resolved plan: its context holds the clock, the workspace's timestamp style and section order. */
export function editTarget(ws: Workspace, ref: PlanRef, clock: Clock): EditTarget {
  return { ws, ref, ctx: { now: clock.now, style: ws.config.timestamps.style, offsetMinutes: clock.tzOffsetMinutes, order: ws.config.sections.order, file: ref.relPath } };
}

/** Open the workspace `cwd` belongs to and resolve the plan to change (see openPlan). */
export function openEditTarget(cwd: string, planRef: string | undefined, clock: Clock): EditTarget {
  const { ws, ref } = openPlan(cwd, planRef);
  return editTarget(ws, ref, clock);
}

/** How a change is applied. */
export interface ApplyOptions {
  dryRun?: boolean;
  /** sha256 of the plan the change was previewed on (printed by `--dry-run --json`). */
  expectHash?: string;
}

/** The outcome of a change, with the line of the changed entry in the text after it. */
export interface EditOutcome extends UpdateOutcome<PlanChange> {
  line: number | null;
}

/** Apply one change to the plan under its lock (or preview it with `dryRun`), and find the changed entry's line. */
export async function editPlan(target: EditTarget, build: BuildChange, opts: ApplyOptions = {}): Promise<EditOutcome> {
  const { ws, ref, ctx } = target;
  // An archived plan is a record of finished work: changing it starts with bringing it back.
  assertActive(ref);
  if (opts.expectHash !== undefined && !/^[0-9a-f]{64}$/i.test(opts.expectHash)) {
    throw new ExecplanError('USAGE', `--expect-hash takes the 64-character sha256 that \`--dry-run --json\` prints (got "${opts.expectHash}").`);
  }
  const outcome = await updatePlan(ref.path, (plan) => {
    const style = writingStyle(ws.config.timestamps, plan);
    // Without a configured style, new stamps take the form the plan's own stamps share, when it is not one of the two styles.
    const own = ws.config.timestamps.explicit ? undefined : dominantShape(plan);
    const dateOnly = plan.progress.every((i) => !i.timestamp || i.timestamp.time === undefined);
    // A plan that dates its items without a time, even once, gets dates: a time would be a form it never uses.
    const onlyDate = ws.config.timestamps.explicit || !dateOnly ? undefined : plan.progress.find((i) => i.timestamp?.valid && i.timestamp.place === 'start')?.timestamp;
    const example = own && (own.example.time !== undefined || dateOnly) ? own.example : onlyDate;
    const like = example && !matchesStyle(example, style) ? example : undefined;
    const change = build(plan, { ...ctx, style, ...(like ? { like } : {}) });
    return { edits: change.edits, result: change };
  }, {
    ...(opts.dryRun ? { dryRun: true } : {}),
    ...(opts.expectHash ? { expectedHash: opts.expectHash.toLowerCase() } : {}),
    parse: parseOptions(ws),
    display: ref.relPath,
  });
  // Not a spread: that would read the lazy hashes, and hashing loads node:crypto on every edit.
  return Object.assign(outcome, { line: changedEntryLine(outcome, parseOptions(ws)) });
}

/** The line of the new or changed entry in the text after the change. */
export function changedEntryLine(outcome: ChangeOutcome, parse: ParseOptions): number | null {
  return movedItemLine(outcome) ?? entryLine(parsePlan(outcome.after, parse), outcome.result);
}

/** What a change's line is worked out from. */
export type ChangeOutcome = Pick<UpdateOutcome<PlanChange>, 'plan' | 'before' | 'after' | 'result'>;

/**
 * The line of an item ticked or reopened, without parsing the plan again: it keeps its place,
 * moved only by lines the edits add or remove above it, and the line found there must read as the
 * entry. Undefined for any other change, or when the check fails: then the plan is parsed anew.
 */
export function movedItemLine(outcome: ChangeOutcome): number | undefined {
  const change = outcome.result;
  const k = change.items?.[0];
  const item = k !== undefined && (change.kind === 'progress.done' || change.kind === 'progress.undo') ? outcome.plan.progress[k - 1] : undefined;
  if (!item) return undefined;
  const line = shiftedLine(outcome.before, change.edits, item.range.start, item.line);
  return line !== undefined && (outcome.after.split('\n')[line - 1] ?? '').trim() === change.entry.split('\n', 1)[0]!.trim() ? line : undefined;
}

/** Where line `line`, starting at offset `start` of `before`, is after `edits`; undefined if an edit reaches into it from above. */
function shiftedLine(before: string, edits: readonly Edit[], start: number, line: number): number | undefined {
  let shift = 0;
  for (const e of edits) {
    if (e.end <= start && !(e.start === start && e.end === start)) shift += newlines(e.text) - newlines(before.slice(e.start, e.end));
    else if (e.start < start || (e.start === start && e.text.includes('\n'))) return undefined;
  }
  return line + shift;
}

function newlines(s: string): number {
  return s.split('\n').length - 1;
}

/** The line of the new or changed entry in a parse of the text after the change. */
export function entryLine(after: Plan, change: PlanChange): number | null {
  if (change.section === 'progress') return after.progress[(change.items?.[0] ?? 0) - 1]?.line ?? null;
  const index = change.entryIndex;
  return index ? (after[change.section][index - 1]?.line ?? null) : null;
}

