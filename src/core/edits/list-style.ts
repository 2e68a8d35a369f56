/**
 * How a section's list is written, read from its own entries, so that a new entry looks as if the
 * author wrote it: same marker, indentation, continuation indent, label style and spacing.
 */
import { lineText, positionAt } from '../lines.js';
import type { LogEntry, Plan, ProgressItem } from '../types.js';

/** The writing style of one list. */
export interface ListStyle {
  /** Whitespace before the marker. */
  indent: string;
  /** The marker of the last entry: `-`, `*`, `+`, `3.`. */
  marker: string;
  /** Whitespace between the marker and the content. */
  gap: string;
  /** Prefix of a continuation line of wrapped text. */
  cont: string;
  /** Prefix of a field line in a log entry (`  ` for `  Rationale:`, `  - ` for sub-bullets). */
  fieldPrefix: string;
  /** Blank line between entries. */
  loose: boolean;
  /** How labels are emphasised: `Decision:`, `**Decision:**` or `**Decision**:`. */
  labels: 'plain' | 'bold-inside' | 'bold-outside';
  /** The labels the log's entries write, by field name, with their colon: `{ decision: 'Decisión:' }`, `{ observation: '观察：' }`. */
  words?: Readonly<Record<string, string>>;
}

/** The skeleton's style, for a list that has no entries yet. */
export const DEFAULT_STYLE: ListStyle = { indent: '', marker: '-', gap: ' ', cont: '  ', fieldPrefix: '  ', loose: false, labels: 'plain' };

type Entry = Pick<ProgressItem, 'range' | 'indent' | 'marker' | 'contentIndent' | 'line' | 'endLine'>;

/** The style of the Progress list, from its items at the outermost level. */
export function progressStyle(plan: Plan, items: readonly ProgressItem[]): ListStyle {
  const depth = items.reduce((min, i) => Math.min(min, i.depth), Infinity);
  const top = items.filter((i) => i.depth === depth);
  const last = top[top.length - 1];
  if (!last) return DEFAULT_STYLE;
  const gap = plan.source.slice(last.range.start + last.indent.length + last.marker.length, last.boxRange.start) || ' ';
  return { ...baseStyle(plan, top), gap, cont: continuationPrefix(plan, top) ?? last.contentIndent, fieldPrefix: last.contentIndent, labels: 'plain' };
}

/** The style of a log list (Decision Log, Surprises, Outcomes), from its entries. */
export function logStyle(plan: Plan, entries: readonly LogEntry[]): ListStyle {
  const last = entries[entries.length - 1];
  if (!last) return DEFAULT_STYLE;
  const first = lineText(plan.source, plan.lineStarts, last.line - 1);
  if (last.form === 'paragraph') {
    // A log of paragraphs (`**Decision:** …` with each field on a line below it): a new paragraph, a blank line apart.
    return { indent: last.indent, marker: '', gap: '', cont: last.indent, fieldPrefix: last.indent, loose: true, labels: labelStyle(first) };
  }
  const head = /^[ \t]*(?:[-*+]|\d{1,9}[.)])([ \t]+)/.exec(first);
  const fieldPrefix = fieldLinePrefix(plan, entries) ?? continuationPrefix(plan, entries) ?? last.contentIndent;
  const cont = fieldPrefix.replace(/[-*+]/g, ' ');
  return { ...baseStyle(plan, entries), gap: head?.[1] ?? ' ', cont, fieldPrefix, labels: labelStyle(first), words: labelWords(plan, entries) };
}

/** The labels the entries write, latest entry first, each with the colon that follows it. */
function labelWords(plan: Plan, entries: readonly LogEntry[]): Record<string, string> {
  const words: Record<string, string> = {};
  for (let k = entries.length - 1; k >= 0; k--) {
    for (const f of entries[k]!.fields) {
      if (words[f.name] !== undefined) continue;
      const text = lineText(plan.source, plan.lineStarts, f.line - 1);
      const at = text.indexOf(f.label);
      const colon = at === -1 ? undefined : /^(?:\*\*|__)?\s?([:：])/.exec(text.slice(at + f.label.length))?.[1];
      if (colon) words[f.name] = `${f.label}${colon}`;
    }
  }
  return words;
}

/** The marker for the entry after `last`: the same bullet, or the next number of an ordered list. */
export function nextMarker(marker: string): string {
  const m = /^(\d{1,9})([.)])$/.exec(marker);
  return m ? `${Number(m[1]) + 1}${m[2]}` : marker;
}

/**
 * A label as the list writes it: `Decision:`, `**Decision:**` or `**Decision**:`, in the words the
 * log's own entries use for it (`Decisión:`, `观察：`) when they have that field.
 */
export function label(style: ListStyle, name: string): string {
  const own = style.words?.[name.toLowerCase().replace('/', '-')];
  const word = own ? own.slice(0, -1) : name;
  const colon = own ? own.slice(-1) : ':';
  if (style.labels === 'bold-inside') return `**${word}${colon}**`;
  if (style.labels === 'bold-outside') return `**${word}**${colon}`;
  return `${word}${colon}`;
}

/** Lines of an entry: the first after the marker, the others as continuation lines (blank ones stay empty). */
export function entryLines(style: ListStyle, marker: string, head: readonly string[], fields: readonly (readonly string[])[] = []): string[] {
  const out = [`${style.indent}${marker}${style.gap}${head[0] ?? ''}`];
  const more = (prefix: string, lines: readonly string[]) => {
    for (const l of lines) out.push(l ? prefix + l : '');
  };
  // A later line of a labelled field is indented under the field, so it reads as more of it, not as
  // a line of its own beside `Rationale:` (sub-bullet fields continue at their text already).
  const fieldCont = /[-*+]/.test(style.fieldPrefix) ? style.cont : `${style.fieldPrefix}  `;
  more(fields.length ? fieldCont : style.cont, head.slice(1));
  for (const f of fields) {
    out.push(style.fieldPrefix + (f[0] ?? ''));
    more(fieldCont, f.slice(1));
  }
  return out;
}

function baseStyle(plan: Plan, entries: readonly Entry[]): Pick<ListStyle, 'indent' | 'marker' | 'loose'> {
  const last = entries[entries.length - 1]!;
  return { indent: last.indent, marker: nextMarker(last.marker), loose: isLoose(plan, entries) };
}

/** Whether entries are separated by a blank line, judged on the latest pair not split by a heading. */
function isLoose(plan: Plan, entries: readonly Entry[]): boolean {
  for (let k = entries.length - 1; k >= 1; k--) {
    let line = entries[k]!.line - 1;
    let blanks = 0;
    while (line >= entries[k - 1]!.line && !lineText(plan.source, plan.lineStarts, line - 1).trim()) {
      blanks++;
      line--;
    }
    // A sub-heading between two entries (`### Milestone 2`) says nothing about the list's spacing.
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(lineText(plan.source, plan.lineStarts, line - 1))) continue;
    return blanks > 0;
  }
  return false;
}

/** The whitespace that starts wrapped lines in these entries, when one of them wraps. */
function continuationPrefix(plan: Plan, entries: readonly Entry[]): string | undefined {
  for (let k = entries.length - 1; k >= 0; k--) {
    const e = entries[k]!;
    for (let line = e.line + 1; line <= positionAt(plan.lineStarts, e.range.end).line; line++) {
      const text = lineText(plan.source, plan.lineStarts, line - 1);
      const ws = /^[ \t]+/.exec(text)?.[0];
      // A nested list item or lazy continuation says nothing about how wrapped text is indented.
      if (ws && ws.length > e.indent.length && !/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/.test(text)) return ws;
    }
  }
  return undefined;
}

/** The prefix of the field lines (`Rationale:`, `Evidence:`) of the latest entry that has some. */
function fieldLinePrefix(plan: Plan, entries: readonly LogEntry[]): string | undefined {
  for (let k = entries.length - 1; k >= 0; k--) {
    const e = entries[k]!;
    for (const f of e.fields) {
      if (f.line === e.line) continue;
      const text = lineText(plan.source, plan.lineStarts, f.line - 1);
      const m = /^([ \t]*(?:[-*+][ \t]+)?)/.exec(text);
      if (m && m[1]) return m[1];
    }
  }
  return undefined;
}

function labelStyle(firstLine: string): ListStyle['labels'] {
  const m = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(\*\*|__)[^*_:]+(:?)(\*\*|__)(:?)/.exec(firstLine);
  if (!m) return 'plain';
  return m[2] ? 'bold-inside' : m[4] ? 'bold-outside' : 'plain';
}
