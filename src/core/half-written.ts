/**
 * Telling a half-written plan from a whole one. An editor that saves in place truncates the file and
 * then writes it, so a reader can catch it empty or holding only its first part; an edit built on
 * that text would replace the plan with the part it saw. Nothing in a prefix says it is one, so
 * the plan is compared with the last version seen whole (read moments before): what execplan's own
 * edits never do to a plan is taken as the sign of a save in progress.
 */
import type { Plan } from './types.js';

/** Why `plan` looks half written, compared with `whole` (an earlier reading), or undefined when it looks whole. */
export function halfWrittenReason(plan: Plan, whole: Plan | undefined): string | undefined {
  if (plan.source.trim() === '') return 'it is empty';
  // Only a reading that was itself whole can vouch for what the plan should still hold.
  if (!whole || whole.source === plan.source || whole.source.trim() === '') return undefined;
  if (whole.title && !plan.title) return 'its title is gone';
  const keys = new Set(plan.sections.map((s) => s.key ?? `#${s.heading}`));
  const lost = whole.sections.filter((s) => !keys.has(s.key ?? `#${s.heading}`));
  if (lost.length) return `${lost.length === 1 ? 'its section' : 'its sections'} ${lost.map((s) => `"${s.heading}"`).join(', ')} ${lost.length === 1 ? 'is' : 'are'} gone`;
  // A save cut short ends mid-line; a plan execplan wrote keeps its final line break.
  if (whole.finalNewline && !plan.finalNewline && plan.source.length < whole.source.length) return 'it shrank and now ends mid-line';
  return undefined;
}
