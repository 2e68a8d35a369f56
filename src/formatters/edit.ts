/**
 * What a living-section edit (progress, decide, discover, outcome) prints: the change it made, or
 * with `--dry-run` the diff it would make, as text or as the `--json` document.
 */
import type { PlanChange } from '../core/edits/context.js';
import { okEnvelope } from '../core/envelope.js';
import { sectionSpec } from '../core/sections.js';
import { unifiedDiff } from '../core/unified-diff.js';
import type { PlanRef } from '../workspace/plans.js';
import type { UpdateOutcome } from '../workspace/store.js';

/** An edit's outcome with the line of the changed entry, as src/usecases/edit-plan.ts returns it. */
type EditOutcome = UpdateOutcome<PlanChange> & { line: number | null };

/** The text for stdout and the notes for stderr that report an edit. */
export function renderEdit(ref: PlanRef, outcome: EditOutcome, opts: { dryRun?: boolean; json?: boolean }): { stdout: string; stderr: string } {
  const change = outcome.result;
  // A plan with the section twice is read and written in the first: say so, or the second goes stale unseen.
  const same = outcome.plan.sections.filter((s) => s.key === change.section);
  const note = same.length > 1 ? `execplan: ${ref.relPath} has ${same.length} "${sectionSpec(change.section)?.title ?? change.section}" sections (lines ${same.map((s) => s.line).join(', ')}); execplan reads and writes the first. Merge them into one.\n` : '';
  const line = outcome.line;
  const diff = opts.dryRun ? unifiedDiff(outcome.before, outcome.after, { from: `a/${ref.relPath}`, to: `b/${ref.relPath}` }) : undefined;
  if (opts.json) {
    const data = {
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
    };
    return { stdout: `${JSON.stringify(okEnvelope(data), null, 2)}\n`, stderr: note };
  }
  if (opts.dryRun) return { stdout: diff || '', stderr: `${note}Dry run, nothing written to ${ref.relPath}: ${change.summary}\n` };
  const head = outcome.changed ? `${change.summary.replace(/\.$/, '')}: ${line ? `${ref.relPath}:${line}` : ref.relPath}` : `${change.summary} (${ref.relPath})`;
  return { stdout: `${head}\n${change.entry.split('\n').map((l) => `  ${l}`).join('\n')}\n`, stderr: note };
}
