/**
 * What the living-document commands share: resolve the plan, apply the change through
 * src/usecases/edit-plan.ts (or show it as a diff with `--dry-run`), and print what changed.
 */
import type { PlanChange } from '../core/edits/context.js';
import { sectionSpec } from '../core/sections.js';
import { unifiedDiff } from '../core/unified-diff.js';
import { editPlan, editTarget as targetOf, type BuildChange, type EditOutcome, type EditTarget } from '../usecases/edit-plan.js';
import { openPlan } from '../usecases/open.js';
import type { PlanRef } from '../workspace/plans.js';
import { clockOf, writeJson, type Io } from './io.js';

export type { EditTarget } from '../usecases/edit-plan.js';

/** Options every edit command takes. */
export interface EditOptions {
  cwd?: string;
  json?: boolean;
  dryRun?: boolean;
  /** sha256 of the plan the change was previewed on (printed by `--dry-run --json`). */
  expectHash?: string;
}

/** Open the workspace and resolve the plan reference. */
export function editTarget(io: Io, opts: EditOptions, planRef: string | undefined): EditTarget {
  const { ws, ref } = openPlan(opts.cwd ?? io.cwd, planRef);
  return targetOf(ws, ref, clockOf(io));
}

/** Apply one change to the plan and report it. Returns the exit code. */
export async function runEdit(io: Io, opts: EditOptions, target: EditTarget, build: BuildChange): Promise<number> {
  const outcome = await editPlan(target, build, opts);
  report(io, opts, target.ref, outcome);
  return 0;
}

function report(io: Io, opts: EditOptions, ref: PlanRef, outcome: EditOutcome): void {
  const change: PlanChange = outcome.result;
  // A plan with the section twice is read and written in the first: say so, or the second goes stale unseen.
  const same = outcome.plan.sections.filter((s) => s.key === change.section);
  if (same.length > 1) {
    io.stderr(`execplan: ${ref.relPath} has ${same.length} "${sectionSpec(change.section)?.title ?? change.section}" sections (lines ${same.map((s) => s.line).join(', ')}); execplan reads and writes the first. Merge them into one.\n`);
  }
  const line = outcome.line;
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

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
