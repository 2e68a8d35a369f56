/**
 * Where a new entry goes: after the last entry of its section's list, in place of the skeleton's
 * placeholder, under a heading with no list yet, or in a new section at its canonical place.
 * Every edit here starts or ends at a line boundary, so untouched lines stay byte-identical.
 */
import type { Edit } from '../apply-edits.js';
import { isThematicBreak, lineEndOffset, lineText, positionAt } from '../lines.js';
import { SECTION_KEYS, sectionSpec } from '../sections.js';
import type { Plan, Range, Section } from '../types.js';
import { isPlaceholderLine } from './placeholders.js';

/** An entry of the target list, as placement sees it. */
export interface PlacedEntry {
  range: Range;
  line: number;
  indent: string;
  /** Outermost entries of the list; the new entry becomes the sibling of the last one. */
  top: boolean;
  placeholder: boolean;
  /**
   * Where the entry's list stands in the section (see LogEntry.list); `own` when not given. `other`
   * is a list of another kind that no lead-in line introduces (an Outcomes section's numbered follow-ups).
   */
  list?: 'own' | 'lead-in' | 'sub-heading' | 'other';
  /** 0-based first line of the entry's list. */
  listLine?: number;
  /** Offset of the end of the entry with what the parser reads under it (nested lists, lazy lines). */
  blockEnd?: number;
}

/** Where the entry went. */
export interface Placement {
  edits: Edit[];
  createdSection: boolean;
  replacedPlaceholder: boolean;
  /** How many of the list's entries stand before the new one after the change. */
  before: number;
}

/**
 * Place `lines` (one entry, first line at its marker) in section `key`. `entries` are the section's
 * current list entries in document order; `loose` asks for a blank line between entries.
 */
export function placeEntry(plan: Plan, key: string, lines: readonly string[], entries: readonly PlacedEntry[], loose: boolean, order?: readonly string[]): Placement {
  const text = lines.join('\n');
  const section = plan.sections.find((s) => s.key === key);
  if (!section) return createSection(plan, key, text, order);

  // The section's own list: never one a lead-in line introduces ("Validation evidence:") or one under a sub-heading.
  const real = entries.filter((e) => !e.placeholder && (e.list ?? 'own') === 'own');
  const others = entries.filter((e) => !e.placeholder && (e.list ?? 'own') !== 'own');
  const placeholders = entries.filter((e) => e.placeholder);
  const lastTop = [...real].reverse().find((e) => e.top) ?? real[real.length - 1];
  if (!lastTop && others.length && !placeholders.length) {
    // No list of its own yet: the entry starts one where the section's own content ends, before the
    // first list of another kind's lead-in line or the first sub-heading.
    const at = ownContentEnd(plan, section, others);
    if (at !== undefined) return { edits: [{ start: at, end: at, text: `${text}\n\n` }], createdSection: false, replacedPlaceholder: false, before: 0 };
  }
  if (lastTop) {
    let anchor = blockEnd(plan, lastTop, section.bodyEnd);
    // The last entry's own block below it ("Proof command: …", "Exit criteria: …") stays with it.
    const tail = trailingBlockEnd(plan, section, real, lastTop, anchor);
    const gap = tail !== undefined || loose ? '\n' : '';
    if (tail !== undefined) anchor = tail;
    // A paragraph line right under the last entry would otherwise be read as the new entry's continuation.
    const nextLine = positionAt(plan.lineStarts, anchor).line;
    const following = nextLine < plan.lineStarts.length && plan.lineStarts[nextLine]! < section.bodyEnd ? lineText(plan.source, plan.lineStarts, nextLine) : '';
    const capture = following.trim() !== '' && !/^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(following);
    const edits: Edit[] = [{ start: anchor, end: anchor, text: `\n${gap}${text}${capture ? '\n' : ''}` }, ...placeholders.map((p) => removeLines(plan, p.range))];
    const before = entries.filter((e) => e.range.start < anchor && !e.placeholder).length;
    return { edits, createdSection: false, replacedPlaceholder: placeholders.length > 0, before };
  }
  const [first, ...rest] = placeholders;
  if (first) {
    // The skeleton's placeholder entry becomes the real one, in its own place.
    const edits = [{ start: first.range.start, end: first.range.end, text }, ...rest.map((p) => removeLines(plan, p.range))];
    return { edits, createdSection: false, replacedPlaceholder: true, before: 0 };
  }
  const note = placeholderLine(plan, section);
  if (note) return { edits: [{ ...note, text }], createdSection: false, replacedPlaceholder: true, before: 0 };
  // A section with sub-headings of its own (`### Options weighed`): the entry goes above the first.
  const sub = ownContentEnd(plan, section, []);
  if (sub !== undefined) return { edits: [{ start: sub, end: sub, text: `${text}\n\n` }], createdSection: false, replacedPlaceholder: false, before: 0 };
  return { edits: [appendToSection(plan, section, text)], createdSection: false, replacedPlaceholder: false, before: 0 };
}

/**
 * Offset of the start of the line where the section's own content ends: the first line of the
 * lead-in paragraph of the first list of another kind, or the first sub-heading, whichever comes
 * first; undefined when neither stands in the section.
 */
function ownContentEnd(plan: Plan, section: Section, others: readonly PlacedEntry[]): number | undefined {
  const firstLine = section.line; // 0-based index of the first body line
  let stop: number | undefined;
  for (let i = firstLine; i < plan.lineStarts.length && plan.lineStarts[i]! < section.bodyEnd; i++) {
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(lineText(plan.source, plan.lineStarts, i)) && !plan.codeBlocks.some((c) => i + 1 >= c.line && i + 1 <= c.endLine)) {
      stop = i;
      break;
    }
  }
  const leadList = others.find((e) => e.list === 'lead-in')?.listLine;
  if (leadList !== undefined && (stop === undefined || leadList < stop)) {
    // Up from the list to the first line of the paragraph that introduces it.
    let i = leadList - 1;
    while (i > firstLine && !lineText(plan.source, plan.lineStarts, i).trim()) i--;
    while (i > firstLine && lineText(plan.source, plan.lineStarts, i - 1).trim()) i--;
    stop = i;
  }
  const otherList = others.find((e) => e.list === 'other')?.listLine;
  if (otherList !== undefined && (stop === undefined || otherList < stop)) stop = otherList;
  return stop === undefined ? undefined : plan.lineStarts[stop];
}

/** Columns of leading whitespace, a tab advancing to the next multiple of four as in CommonMark. */
export function indentWidth(line: string): number {
  let col = 0;
  for (const c of line) {
    if (c === ' ') col++;
    else if (c === '\t') col += 4 - (col % 4);
    else break;
  }
  return col;
}

/** Offset of the end of an entry's block: its own lines plus anything nested under it (sub-items, code). */
export function blockEnd(plan: Plan, entry: Pick<PlacedEntry, 'range' | 'indent' | 'blockEnd'>, limit: number): number {
  const own = indentWidth(entry.indent);
  let end = Math.min(Math.max(entry.range.end, entry.blockEnd ?? 0), limit);
  let line = positionAt(plan.lineStarts, entry.range.end).line; // 1-based number of the entry's last line = 0-based index of the next
  for (; line < plan.lineStarts.length && plan.lineStarts[line]! < limit; line++) {
    const text = lineText(plan.source, plan.lineStarts, line);
    if (!text.trim()) continue;
    if (indentWidth(text) <= own) break;
    end = Math.max(end, lineEndOffset(plan.source, plan.lineStarts, line));
  }
  return end;
}

const ITEM_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
// A labelled line ("Proof command: …", "**Exit criteria:** …") that opens an item's block.
const LABEL_LINE = /^[ \t]*(?:\*\*|__)?[\p{L}][\p{L}\p{N} /&-]{0,40}(?:\*\*|__)?[:：][ \t]*\S/u;

/**
 * The end of the block that follows the last entry outside its list, when the list's entries carry
 * such blocks: an earlier entry is followed by lines of its own before the next one, or the lines
 * right below the last entry open with a label ("Proof command: …"). The block runs to the next
 * heading, list or thematic break; undefined when there is none.
 */
function trailingBlockEnd(plan: Plan, section: Section, entries: readonly PlacedEntry[], last: PlacedEntry, anchor: number): number | undefined {
  const at = (i: number) => lineText(plan.source, plan.lineStarts, i);
  const inCode = (i: number) => plan.codeBlocks.some((c) => i + 1 >= c.line && i + 1 <= c.endLine);
  const lastLine = (offset: number) => positionAt(plan.lineStarts, offset).line - 1;
  const within = (i: number) => i < plan.lineStarts.length && plan.lineStarts[i]! < section.bodyEnd;
  let first = lastLine(anchor) + 1;
  while (within(first) && !at(first).trim()) first++;
  if (!within(first) || HEADING.test(at(first)) || ITEM_LINE.test(at(first)) || isThematicBreak(at(first))) return undefined;
  const top = entries.filter((e) => e.top);
  const carries = top.some((e, k) => {
    const next = top[k + 1];
    if (!next) return false;
    for (let i = lastLine(blockEnd(plan, e, section.bodyEnd)) + 1; i < next.line - 1; i++) if (at(i).trim()) return true;
    return false;
  });
  if (!carries && !LABEL_LINE.test(at(first))) return undefined;
  let end = first;
  for (let i = first; within(i); i++) {
    const text = at(i);
    if (!inCode(i) && (HEADING.test(text) || isThematicBreak(text) || ITEM_LINE.test(text))) {
      // A list there is introduced by the paragraph right above it, which is not the block's.
      if (ITEM_LINE.test(text)) {
        let j = i - 1;
        while (j > first && !at(j).trim()) j--;
        while (j > first && at(j).trim()) j--;
        if (j === first) return undefined;
        end = j;
      }
      break;
    }
    if (text.trim()) end = i;
  }
  while (end > first && !at(end).trim()) end--;
  return lineEndOffset(plan.source, plan.lineStarts, end);
}

/** An edit removing whole lines, with their line break and one of two blank lines it would leave side by side. */
function removeLines(plan: Plan, range: Range): Edit {
  const first = positionAt(plan.lineStarts, range.start).line - 1;
  const last = positionAt(plan.lineStarts, range.end).line - 1;
  const next = plan.lineStarts[last + 1];
  if (next === undefined) {
    // The last line of a file without a final line break: take the break before it instead.
    return { start: first > 0 ? lineEndOffset(plan.source, plan.lineStarts, first - 1) : plan.lineStarts[first]!, end: range.end, text: '' };
  }
  const blank = (i: number) => i >= 0 && i < plan.lineStarts.length && !lineText(plan.source, plan.lineStarts, i).trim();
  const after = plan.lineStarts[last + 2];
  const end = blank(first - 1) && blank(last + 1) && after !== undefined ? after : next;
  return { start: plan.lineStarts[first]!, end, text: '' };
}

/** A standalone placeholder paragraph (`None yet.`) in the section body, outside code. */
function placeholderLine(plan: Plan, section: Section): Range | undefined {
  const firstBody = section.line; // 0-based index of the first body line
  const code = plan.codeBlocks.map((c) => [c.line - 1, c.endLine - 1] as const);
  const blank = (i: number) => !lineText(plan.source, plan.lineStarts, i).trim();
  for (let i = firstBody; i < plan.lineStarts.length && plan.lineStarts[i]! < section.bodyEnd; i++) {
    if (code.some(([a, b]) => i >= a && i <= b)) continue;
    const text = lineText(plan.source, plan.lineStarts, i);
    const alone = (i === firstBody || blank(i - 1)) && (i + 1 >= plan.lineStarts.length || plan.lineStarts[i + 1]! >= section.bodyEnd || blank(i + 1));
    if (alone && isPlaceholderLine(text)) return { start: plan.lineStarts[i]!, end: lineEndOffset(plan.source, plan.lineStarts, i) };
  }
  return undefined;
}

/**
 * Append a block after the last non-blank line of a section (its heading when the body is empty),
 * above the thematic break that closes the section when there is one.
 */
function appendToSection(plan: Plan, section: Section, text: string): Edit {
  const headingLine = section.line - 1;
  let last = lastNonBlankLine(plan, section.bodyEnd, headingLine);
  // A thematic break is the line many plans end a section with.
  if (last > headingLine && isThematicBreak(lineText(plan.source, plan.lineStarts, last))) {
    last = lastNonBlankLine(plan, plan.lineStarts[last]!, headingLine);
  }
  const at = lineEndOffset(plan.source, plan.lineStarts, last);
  const following = last + 1 < plan.lineStarts.length && plan.lineStarts[last + 1]! < plan.contentEnd ? lineText(plan.source, plan.lineStarts, last + 1) : '';
  // A heading or fence right under the anchor would otherwise touch the new entry.
  return { start: at, end: at, text: `\n\n${text}${following.trim() ? '\n' : ''}` };
}

/** Create a missing section with its first entry, before the first section that follows it in the order. */
function createSection(plan: Plan, key: string, entry: string, order: readonly string[] = SECTION_KEYS): Placement {
  const title = sectionSpec(key)?.title ?? key;
  // The level the plan's sections use (a plan of `###` sections gets one more).
  const level = plan.sectionLevel;
  const block = `${'#'.repeat(level)} ${title}\n\n${entry}`;
  const rank = (k: string | null) => (k === null ? -1 : order.indexOf(k));
  const mine = rank(key);
  const next = plan.sections.find((s) => rank(s.key) > mine);
  let point: number;
  let beforeHeading: boolean;
  if (next) {
    point = plan.lineStarts[next.line - 1]!;
    beforeHeading = true;
  } else {
    const prev = plan.sections.filter((s) => rank(s.key) >= 0 && rank(s.key) < mine).pop();
    point = prev ? prev.bodyEnd : plan.contentEnd;
    beforeHeading = point < plan.contentEnd;
  }
  const last = point > 0 ? lastNonBlankLine(plan, point, -1) : -1;
  let edit: Edit;
  if (last >= 0) {
    const at = lineEndOffset(plan.source, plan.lineStarts, last);
    const gapLines = positionAt(plan.lineStarts, point).line - 1 - last - 1;
    edit = { start: at, end: at, text: `\n\n${block}${beforeHeading && gapLines <= 0 ? '\n' : ''}` };
  } else {
    const start = plan.bom ? 1 : 0;
    edit = { start, end: start, text: `${block}${start < plan.source.length ? '\n\n' : ''}` };
  }
  return { edits: [edit], createdSection: true, replacedPlaceholder: false, before: 0 };
}

/** 0-based index of the last non-blank line that starts before `offset`, not above line `floor` (returned when all are blank). */
function lastNonBlankLine(plan: Plan, offset: number, floor: number): number {
  let i = positionAt(plan.lineStarts, Math.max(offset - 1, 0)).line - 1;
  if (plan.lineStarts[i]! >= offset) i--;
  for (; i > floor; i--) if (lineText(plan.source, plan.lineStarts, i).trim()) return i;
  return floor;
}
