/** Sections as the rules see them: titles from the settings, bodies, and where a missing one belongs. */
import type { Edit } from '../../core/apply-edits.js';
import { sectionSpec } from '../../core/sections.js';
import type { CodeBlock, Plan, Section } from '../../core/types.js';
import type { SectionSettings } from '../types.js';
import { lineOf, linesBetween, type PlanLine } from './text.js';

/** The level sections are written at: the skeleton's `##`. */
export const SECTION_LEVEL = 2;

/**
 * Whether heading-style's fix raises the plan's sections above H2 to H2: safe only when every one
 * above H2 can be raised and nothing else stays there (no heading of the plan's own above H2, no
 * H2 inside one of them, which would become its sibling).
 */
export function sectionsRaiseToH2(plan: Plan, lines: readonly PlanLine[]): boolean {
  const h2Inside = (s: Section) => linesBetween(lines, s.line + 1, s.endLine).some((l) => l.kind === 'prose' && /^ {0,3}##(?:[ \t]|$)/.test(l.text));
  return plan.sections.filter((x) => x.level < SECTION_LEVEL).every((x) => x.key !== null && !h2Inside(x));
}

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

/** Where a missing section goes, when one place is certain, and what the block carries. */
export interface MissingPlace {
  offset: number;
  /** Lines the block ends with: the thematic break a plan that separates its sections with one gives each. */
  trailer: string;
}

/**
 * Where a missing section goes: after the nearest section that precedes it in the configured
 * order, else before the first of those that follow it, else at the end of the content. Only
 * sections at the insertion level or above count, and a section's end is where the next one at
 * that level or above starts: a section is never inserted into another one's subsections.
 *
 * The end of a section is where its own content ends: above the thematic break that closes it
 * and, at the end of the plan, above the closing note (a revision or change note, "Last updated").
 * No place is certain, and `undefined` comes back, when the place would be inside a code block (a
 * fence never closed runs to the end of the file), or when nothing in the plan's own sections
 * says where the section goes (no section of the order precedes it, and the plan's first sections
 * are its own).
 */
export function missingSectionPlace(plan: Plan, key: string, settings: SectionSettings, level = insertLevel(plan)): MissingPlace | undefined {
  const order = settings.order;
  const rank = order.indexOf(key);
  const top = plan.sections.filter((s) => s.level <= level);
  const present = new Map<string, number>();
  top.forEach((s, i) => {
    if (s.key && !present.has(s.key)) present.set(s.key, i);
  });
  let place: MissingPlace | undefined;
  if (rank !== -1) {
    for (let r = rank - 1; r >= 0 && !place; r--) {
      const i = present.get(order[r]!);
      if (i === undefined) continue;
      place = endOf(plan, top, i);
    }
    if (!place) {
      // Before every section that comes after it, wherever the plan has put them, when the plan's
      // own sections before that one do not leave the place in doubt.
      let first: number | undefined;
      for (let r = rank + 1; r < order.length; r++) {
        const i = present.get(order[r]!);
        if (i !== undefined && (first === undefined || i < first)) first = i;
      }
      if (first !== undefined) {
        if (first > 0) return undefined;
        place = { offset: top[first]!.headingRange.start, trailer: '' };
      }
    }
  }
  // With none of the order's sections in the plan, only a plan with no sections of its own has one place: the end.
  if (!place) place = top.length ? undefined : endOf(plan, top, -1);
  if (!place || insideCode(plan, place.offset)) return undefined;
  return place;
}

/** Where a missing section goes after section `i` of `top` (-1: after the plan's introduction, none being there). */
function endOf(plan: Plan, top: readonly Section[], i: number): MissingPlace {
  const next = top[i + 1];
  const end = next ? next.headingRange.start : plan.contentEnd;
  const floor = i >= 0 ? top[i]!.line : 0;
  const last = lastContentLine(plan, end, floor);
  if (next) {
    if (last > floor && isBreakAt(plan, last, floor)) {
      // A plan that closes most of its sections with a break gets one after the new section too.
      if (separatedByBreaks(plan, top)) return { offset: end, trailer: '\n\n---' };
      return { offset: plan.lineStarts[last - 1]!, trailer: '' };
    }
    return { offset: end, trailer: '' };
  }
  const footer = closingBreak(plan, floor, last) ?? closingNote(plan, floor, last);
  return { offset: footer !== undefined ? plan.lineStarts[footer - 1]! : end, trailer: '' };
}

/** Whether 1-based `line` is a thematic break (not a setext underline, not in code). */
function isBreakAt(plan: Plan, line: number, floor: number): boolean {
  return isBreak(lineText(plan, line)) && (isBlank(plan, line - 1) || line - 1 === floor) && !insideCode(plan, plan.lineStarts[line - 1]! + 1);
}

/**
 * The thematic break (1-based line) that closes the plan's last section, when what follows it is
 * a closing: nothing, a closing note, or a signature of a few lines.
 */
function closingBreak(plan: Plan, floor: number, last: number): number | undefined {
  for (let line = last; line > floor; line--) {
    if (!isBreakAt(plan, line, floor)) continue;
    let after = 0;
    for (let k = line + 1; k <= last; k++) if (!isBlank(plan, k)) after++;
    if (after <= 3 || closingNote(plan, line, last) !== undefined) return line;
    return undefined;
  }
  return undefined;
}

/** Whether at least two section boundaries of the plan carry a thematic break. */
function separatedByBreaks(plan: Plan, top: readonly Section[]): boolean {
  let n = 0;
  for (let k = 1; k < top.length && n < 2; k++) {
    const last = lastContentLine(plan, top[k]!.headingRange.start, top[k - 1]!.line);
    if (last > top[k - 1]!.line && isBreak(lineText(plan, last))) n++;
  }
  return n >= 2;
}

// A note that closes a plan: "Plan Revision Note (2026-02-07):", "Change note: …", "Plan updates: …", "**Last Updated**: …", "End of plan".
const CLOSING_NOTE = /^[*_]{0,2}(?:(?:plan\s+)?(?:revision|change|update)s?(?:\s+(?:note|log|history)s?)?\b[^:\n]{0,40}:|last\s+updated\b|end\s+of\s+(?:the\s+)?(?:exec)?plan\b)/i;

/**
 * The first line (1-based) of the closing notes that end the plan's last section, when the section
 * ends with them: a paragraph opening with a note's label, every paragraph after it being a note
 * or a list, or all of them standing under a label that ends its line with a colon.
 */
function closingNote(plan: Plan, floor: number, last: number): number | undefined {
  let found: number | undefined;
  let leadIn = false;
  for (let line = floor + 1; line <= last; line++) {
    if (!isBlank(plan, line - 1) && line - 1 > floor) continue;
    const text = lineText(plan, line);
    if (CLOSING_NOTE.test(text) && !insideCode(plan, plan.lineStarts[line - 1]! + 1)) {
      if (found === undefined) {
        found = line;
        leadIn = /:\s*$/.test(text);
      }
    } else if (found !== undefined && !leadIn && !/^\s*(?:[-*+]|\d+[.)])\s/.test(text)) found = undefined;
  }
  return found;
}

function isBreak(text: string): boolean {
  return /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(text);
}

/** Whether 1-based line `line` is blank (line 0, before the text, counts as blank). */
function isBlank(plan: Plan, line: number): boolean {
  return line < 1 || !lineText(plan, line).trim();
}

/** The last non-blank line (1-based) before `end`, not above `floor`. */
function lastContentLine(plan: Plan, end: number, floor: number): number {
  let line = lineOf(plan, end);
  if ((plan.lineStarts[line - 1] ?? 0) >= end) line--;
  for (; line > floor; line--) if (lineText(plan, line).trim()) return line;
  return floor;
}

/**
 * Whether an insertion at `offset` would land in a code block: strictly inside one, or at its end
 * when it is a fence that is never closed (markdown-it runs it to the end of the file).
 */
export function insideCode(plan: Plan, offset: number): boolean {
  for (const block of plan.codeBlocks) {
    const start = plan.lineStarts[block.line - 1]!;
    const end = plan.lineStarts[block.endLine] ?? plan.source.length;
    if (offset > start && offset < end) return true;
    if (offset >= end && end === plan.source.length && block.kind === 'fence' && !fenceClosed(plan, block)) return true;
  }
  return false;
}

/** Whether a fenced block's last line closes it. */
export function fenceClosed(plan: Plan, block: CodeBlock): boolean {
  const open = /^[\s>]*(`{3,}|~{3,})/.exec(lineText(plan, block.line));
  if (!open) return true;
  const marker = open[1]!;
  const last = lineText(plan, block.endLine).replace(/^[\s>]*/, '').trimEnd();
  return block.endLine > block.line && last.length >= marker.length && [...last].every((c) => c === marker[0]);
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
