/**
 * What the living-document commands share: resolve the plan, build the change from the plan as it
 * is under the lock, write it (or show it as a diff with `--dry-run`), and print what changed.
 */
import type { Edit } from '../core/apply-edits.js';
import type { EditContext, PlanChange } from '../core/edits/context.js';
import { parsePlan } from '../core/parse.js';
import { sectionSpec } from '../core/sections.js';
import type { ParseOptions, Plan } from '../core/types.js';
import { writingStyle } from '../core/timestamps.js';
import { unifiedDiff } from '../core/unified-diff.js';
import { ExecplanError } from '../workspace/errors.js';
import { assertActive, resolvePlan, type PlanRef } from '../workspace/plans.js';
import { parseOptions } from '../workspace/read.js';
import { updatePlan, type UpdateOutcome } from '../workspace/store.js';
import { openWorkspace, type Workspace } from '../workspace/workspace.js';
import { clock, tzOffset, writeJson, type Io } from './io.js';

/** Options every edit command takes. */
export interface EditOptions {
  cwd?: string;
  json?: boolean;
  dryRun?: boolean;
  /** sha256 of the plan the change was previewed on (printed by `--dry-run --json`). */
  expectHash?: string;
}

/** The workspace, the plan and the edit context a command works with. */
export interface EditTarget {
  ws: Workspace;
  ref: PlanRef;
  ctx: EditContext;
}

/** Open the workspace and resolve the plan reference. */
export function editTarget(io: Io, opts: EditOptions, planRef: string | undefined): EditTarget {
  if (planRef === undefined || !planRef.trim()) throw new ExecplanError('USAGE', 'No plan given. Name a plan by its id (see `execplan list`), a unique prefix of one, or its path.');
  const cwd = opts.cwd ?? io.cwd;
  const ws = openWorkspace(cwd);
  const ref = resolvePlan(ws, planRef, cwd);
  return { ws, ref, ctx: editContext(io, ws, ref) };
}

/** The edit context for a plan: the clock, the workspace's timestamp style and section order. */
export function editContext(io: Io, ws: Workspace, ref: PlanRef): EditContext {
  const now = clock(io);
  return { now, style: ws.config.timestamps.style, offsetMinutes: tzOffset(io, now), order: ws.config.sections.order, file: ref.relPath };
}

/** Apply one change to the plan and report it. Returns the exit code. */
export async function runEdit(io: Io, opts: EditOptions, target: EditTarget, build: (plan: Plan, ctx: EditContext) => PlanChange): Promise<number> {
  const outcome = await applyEdit(opts, target, build);
  report(io, opts, target.ref, outcome, parseOptions(target.ws));
  return 0;
}

/** Apply one change to the plan under its lock (or preview it with `dryRun`), without printing. */
export async function applyEdit(opts: Pick<EditOptions, 'dryRun' | 'expectHash'>, target: EditTarget, build: (plan: Plan, ctx: EditContext) => PlanChange): Promise<UpdateOutcome<PlanChange>> {
  const { ws, ref, ctx } = target;
  // An archived plan is a record of finished work: changing it starts with bringing it back.
  assertActive(ref);
  if (opts.expectHash !== undefined && !/^[0-9a-f]{64}$/i.test(opts.expectHash)) {
    throw new ExecplanError('USAGE', `--expect-hash takes the 64-character sha256 that \`--dry-run --json\` prints (got "${opts.expectHash}").`);
  }
  const outcome = await updatePlan(ref.path, (plan) => {
    const change = build(plan, { ...ctx, style: writingStyle(ws.config.timestamps, plan) });
    return { edits: change.edits, result: change };
  }, {
    ...(opts.dryRun ? { dryRun: true } : {}),
    ...(opts.expectHash ? { expectedHash: opts.expectHash.toLowerCase() } : {}),
    parse: parseOptions(ws),
    display: ref.relPath,
  });
  return outcome;
}

function report(io: Io, opts: EditOptions, ref: PlanRef, outcome: UpdateOutcome<PlanChange>, parse: ParseOptions): void {
  const change = outcome.result;
  // A plan with the section twice is read and written in the first: say so, or the second goes stale unseen.
  const same = outcome.plan.sections.filter((s) => s.key === change.section);
  if (same.length > 1) {
    io.stderr(`execplan: ${ref.relPath} has ${same.length} "${sectionSpec(change.section)?.title ?? change.section}" sections (lines ${same.map((s) => s.line).join(', ')}); execplan reads and writes the first. Merge them into one.\n`);
  }
  const line = changedEntryLine(outcome, parse);
  const diff = opts.dryRun ? unifiedDiff(outcome.before, outcome.after, { from: `a/${ref.relPath}`, to: `b/${ref.relPath}` }) : undefined;
  if (opts.json) {
    writeJson(io, {
      ok: true,
      plan: { id: ref.id, path: ref.relPath, absolutePath: outcome.file },
      dryRun: Boolean(opts.dryRun),
      changed: outcome.changed,
      written: outcome.written,
      change: {
        kind: change.kind,
        section: change.section,
        summary: change.summary,
        entry: change.entry,
        line,
        ...(change.items ? { items: change.items } : {}),
        ...(change.entryIndex !== undefined ? { entryIndex: change.entryIndex } : {}),
        createdSection: change.createdSection,
        replacedPlaceholder: change.replacedPlaceholder,
      },
      // The hash to pass back with --expect-hash: the plan as read for this change, or as written.
      hash: opts.dryRun ? outcome.beforeHash : outcome.afterHash,
      ...(diff !== undefined ? { diff } : {}),
    });
    return;
  }
  if (opts.dryRun) {
    io.stdout(diff || '');
    io.stderr(`Dry run, nothing written to ${ref.relPath}: ${change.summary}\n`);
    return;
  }
  const head = outcome.changed ? `${change.summary.replace(/\.$/, '')}: ${line ? `${ref.relPath}:${line}` : ref.relPath}` : `${change.summary} (${ref.relPath})`;
  io.stdout(`${head}\n${indent(change.entry)}\n`);
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
  return line !== undefined && lineOf(outcome.after, line).trim() === change.entry.split('\n', 1)[0]!.trim() ? line : undefined;
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
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The text of 1-based line `n`, without its line break ('' past the end). */
function lineOf(text: string, n: number): string {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

/** The line of the new or changed entry in a parse of the text after the change. */
export function entryLine(after: Plan, change: PlanChange): number | null {
  if (change.section === 'progress') return after.progress[(change.items?.[0] ?? 0) - 1]?.line ?? null;
  const index = change.entryIndex;
  return index ? (after[change.section][index - 1]?.line ?? null) : null;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
