/**
 * Whether a plan is finished enough to archive: every Progress item checked, Outcomes &
 * Retrospective written, and no error-level lint finding. Each unmet condition is one reason.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { isPlaceholderEntry, isPlaceholderLine } from '../core/edits/placeholders.js';
import { sectionSpec } from '../core/sections.js';
import type { Plan } from '../core/types.js';
import { plural } from '../formatters/types.js';

/** One reason a plan is not finished, as data (for JSON) and as words. */
export interface UnfinishedReason {
  kind: 'unchecked-progress' | 'empty-outcomes' | 'lint-errors';
  /** One paragraph, with the offending items listed on indented lines. */
  message: string;
  /** How many items, findings or sections are at fault. */
  count: number;
  /** The offending items or findings, one line each. */
  items: string[];
  /** A few words for the line `--force` writes into the plan: "2 unchecked Progress items". */
  short: string;
}

/** An error-level lint finding, as the archive check reports it. */
export type LintError = Pick<Diagnostic, 'line' | 'column' | 'message' | 'ruleId'>;

/** How many lint findings a refusal lists before pointing to `execplan lint`. */
const SHOWN = 10;

/** Every reason `plan` is not finished; empty when it may be archived. `file` names it in messages. */
export function unfinishedReasons(plan: Plan, file: string, lintErrors: readonly LintError[] = []): UnfinishedReason[] {
  const reasons: UnfinishedReason[] = [];
  const open = plan.progress.filter((i) => i.state !== 'done');
  if (open.length) {
    const items = open.map((i) => `${i.index}. [${i.mark}] ${i.timestamp ? `${i.timestamp.raw} ` : ''}${i.text} (line ${i.line})`);
    const n = plural(open.length, 'Progress item');
    reasons.push({
      kind: 'unchecked-progress',
      count: open.length,
      items,
      short: `${plural(open.length, 'unchecked Progress item')}`,
      message: `${n} ${open.length === 1 ? 'is' : 'are'} not checked:\n${indent(items)}\nCheck them off with \`execplan progress ${file} done <number>\`, or split what remains into a new plan.`,
    });
  }
  if (outcomesEmpty(plan)) {
    const section = plan.sections.find((s) => s.key === 'outcomes');
    reasons.push({
      kind: 'empty-outcomes',
      count: 1,
      items: [],
      short: section ? 'empty Outcomes & Retrospective' : 'no Outcomes & Retrospective',
      message: section
        ? `Outcomes & Retrospective (line ${section.line}) is empty. Summarize what shipped, what did not, and what was learned, e.g. with \`execplan outcome ${file} "…"\`.`
        : `${file} has no Outcomes & Retrospective section. Add one that summarizes what shipped, what did not, and what was learned.`,
    });
  }
  if (lintErrors.length) {
    const items = lintErrors.map((d) => `${file}:${d.line}:${d.column}  ${d.message}  ${d.ruleId}`);
    reasons.push({
      kind: 'lint-errors',
      count: lintErrors.length,
      items,
      short: plural(lintErrors.length, 'lint error'),
      message: `\`execplan lint\` reports ${plural(lintErrors.length, 'error')}:\n${indent(items.slice(0, SHOWN))}${items.length > SHOWN ? `\n    … and ${items.length - SHOWN} more; run \`execplan lint ${file}\` to see them all.` : ''}`,
    });
  }
  return reasons;
}

/**
 * Whether Outcomes & Retrospective says nothing: missing, or holding only the skeleton's guidance
 * sentence, placeholder entries ("None yet.", `…`) and HTML comments.
 */
export function outcomesEmpty(plan: Plan): boolean {
  const sections = plan.sections.filter((s) => s.key === 'outcomes');
  if (!sections.length) return true;
  if (plan.outcomes.some((e) => !isPlaceholderEntry(e))) return false;
  const guidance = sectionSpec('outcomes')!.guidance;
  for (const s of sections) {
    let body = plan.source.slice(s.bodyStart, s.bodyEnd).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
    // Entries were judged above; what is left is prose.
    for (const e of plan.outcomes) if (e.range.start >= s.bodyStart && e.range.end <= s.bodyEnd) body = body.replace(plan.source.slice(e.range.start, e.range.end), '');
    for (const line of body.split(/\r?\n|\r/)) {
      const t = line.trim();
      if (!t || t === guidance || /^#{1,6}\s/.test(t) || isPlaceholderLine(t)) continue;
      return false;
    }
  }
  return true;
}

function indent(items: string[]): string {
  return items.map((i) => `    ${i}`).join('\n');
}
