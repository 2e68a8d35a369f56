/**
 * What the living-document commands share: resolve the plan, build the change from the plan as it
 * is under the lock, write it (or show it as a diff with `--dry-run`), and print what changed.
 */
import type { EditContext, PlanChange } from '../core/edits/context.js';
import { parsePlan } from '../core/parse.js';
import type { Plan } from '../core/types.js';
import { unifiedDiff } from '../core/unified-diff.js';
import { ExecplanError } from '../workspace/errors.js';
import { resolvePlan, type PlanRef } from '../workspace/plans.js';
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
  if (opts.expectHash !== undefined && !/^[0-9a-f]{64}$/i.test(opts.expectHash)) {
    throw new ExecplanError('USAGE', `--expect-hash takes the 64-character sha256 that \`--dry-run --json\` prints (got "${opts.expectHash}").`);
  }
  const outcome = await updatePlan(ref.path, (plan) => {
    const change = build(plan, ctx);
    return { edits: change.edits, result: change };
  }, {
    ...(opts.dryRun ? { dryRun: true } : {}),
    ...(opts.expectHash ? { expectedHash: opts.expectHash.toLowerCase() } : {}),
    parse: parseOptions(ws),
    display: ref.relPath,
  });
  return outcome;
}

function report(io: Io, opts: EditOptions, ref: PlanRef, outcome: UpdateOutcome<PlanChange>, parse: Parameters<typeof parsePlan>[1]): void {
  const change = outcome.result;
  const line = entryLine(parsePlan(outcome.after, parse), change);
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
