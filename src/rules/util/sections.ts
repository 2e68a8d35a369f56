/** Sections as the rules see them: titles from the settings, bodies, and where a missing one belongs. */
import type { Edit } from '../../core/apply-edits.js';
import { sectionSpec } from '../../core/sections.js';
import type { Plan, Section } from '../../core/types.js';
import type { SectionSettings } from '../types.js';
import { lineOf } from './text.js';

/** The level sections are written at: the skeleton's `##`. */
export const SECTION_LEVEL = 2;

/** The canonical title of a section key: the skeleton's, or the custom section's. */
export function sectionTitle(key: string, settings: SectionSettings): string {
  return sectionSpec(key)?.title ?? settings.custom.find((c) => c.key === key)?.title ?? key;
}

/** The guidance line the skeleton (or the custom section) puts under a heading. */
export function sectionGuidance(key: string, settings: SectionSettings): string | undefined {
  return sectionSpec(key)?.guidance ?? settings.custom.find((c) => c.key === key)?.guidance;
}

/** The first section with this key. */
export function findSection(plan: Plan, key: string): Section | undefined {
  return plan.sections.find((s) => s.key === key);
}

/** A section's body text, subsections included. */
export function sectionBody(plan: Plan, section: Section): string {
  return plan.source.slice(section.bodyStart, section.bodyEnd);
}

/**
 * The level a missing section is inserted at: the plan's own section level. A plan that nests its
 * sections at H3 (a plan inside a larger document, say) keeps them there, where a section inserted
 * at H2 would split its parent; a plan of H1 sections gets one more, which heading-style's fix
 * raises to H2 with the others when it can raise them all.
 */
export function insertLevel(plan: Plan): number {
  return plan.sectionLevel;
}

/**
 * Where a missing section goes: after the nearest section that precedes it in the configured
 * order, else before the first of those that follow it, else at the end of the content. Only
 * sections at the insertion level or above count, and a section's end is where the next one at
 * that level or above starts: a section is never inserted into another one's subsections.
 */
export function missingSectionOffset(plan: Plan, key: string, settings: SectionSettings, level = insertLevel(plan)): number {
  const order = settings.order;
  const rank = order.indexOf(key);
  const present = new Map<string, number>();
  plan.sections.forEach((s, i) => {
    if (s.key && s.level <= level && !present.has(s.key)) present.set(s.key, i);
  });
  if (rank !== -1) {
    for (let r = rank - 1; r >= 0; r--) {
      const i = present.get(order[r]!);
      if (i === undefined) continue;
      const next = plan.sections.find((s, j) => j > i && s.level <= level);
      return next ? next.headingRange.start : plan.contentEnd;
    }
    // Before every section that comes after it, wherever the plan has put them.
    let first: number | undefined;
    for (let r = rank + 1; r < order.length; r++) {
      const i = present.get(order[r]!);
      if (i !== undefined && (first === undefined || i < first)) first = i;
    }
    if (first !== undefined) return plan.sections[first]!.headingRange.start;
  }
  return plan.contentEnd;
}

/**
 * An edit that inserts a block of lines at `offset` (a line start or the content's end) with one
 * blank line before and after it, without doubling blank lines already there and without adding a
 * final newline to a file that has none. `after` is the text of an insertion already made at the same
 * point, which this block follows. Line breaks are `\n`; applyEdits writes the file's own.
 */
export function insertBlock(plan: Plan, offset: number, block: string, after?: string): Edit {
  const src = plan.source;
  const atLineStart = offset === 0 || offset === (plan.bom ? 1 : 0) || /[\r\n]/.test(src[offset - 1] ?? '');
  let prefix = '';
  if (after !== undefined) prefix = after.endsWith('\n\n') ? '' : after.endsWith('\n') ? '\n' : '\n\n';
  else if (!atLineStart) prefix = '\n\n';
  else {
    const line = lineOf(plan, offset);
    if (line > 1 && lineText(plan, line - 1).trim()) prefix = '\n';
  }
  let suffix: string;
  if (offset >= src.length) suffix = atLineStart ? '\n' : '';
  else suffix = lineText(plan, lineOf(plan, offset)).trim() ? '\n\n' : '\n';
  return { start: offset, end: offset, text: prefix + block + suffix };
}

function lineText(plan: Plan, line: number): string {
  const start = plan.lineStarts[line - 1] ?? plan.source.length;
  const next = plan.lineStarts[line] ?? plan.source.length;
  return plan.source.slice(start, next).replace(/(?<![\r\n])[\r\n]+$/, '');
}

/** The section that contains a 1-based line, if any. */
export function sectionAtLine(plan: Plan, line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of plan.sections) {
    if (s.line <= line) found = s;
    else break;
  }
  return found && line <= found.endLine ? found : undefined;
}
