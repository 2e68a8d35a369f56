/** The line `archive --force` writes into Outcomes & Retrospective, so the plan itself says it was forced. */
import { applyEdits } from '../core/apply-edits.js';
import { stamp, type EditContext } from '../core/edits/context.js';
import { addOutcome } from '../core/edits/logs.js';
import { writingStyle } from '../core/timestamps.js';
import type { Plan } from '../core/types.js';
import type { UnfinishedReason } from './finished.js';
import type { Workspace } from './workspace.js';

/**
 * The plan's text with a dated Outcomes entry such as
 * `- (2026-01-05 14:30) Archived with --force: 2 unchecked Progress items.`, and that entry.
 */
export function forceNoteEdit(plan: Plan, reasons: readonly UnfinishedReason[], ws: Workspace, now: Date, tzOffsetMinutes: number, file: string): { text: string; note: string } {
  const ctx: EditContext = { now, style: writingStyle(ws.config.timestamps, plan), offsetMinutes: tzOffsetMinutes, order: ws.config.sections.order, file };
  const words = `Archived with --force: ${reasons.map((r) => r.short).join(', ')}.`;
  let change = addOutcome(plan, words, ctx);
  // The builder leaves the stamp out where the section's entries carry none; this line is always dated.
  if (!change.entry.includes(stamp(ctx))) change = addOutcome(plan, `${stamp(ctx)} ${words}`, ctx);
  return { text: applyEdits(plan.source, change.edits, plan.eol), note: change.entry };
}
