/**
 * Entry lists: the one reader of the items a section lists, shared by Progress (checkbox items) and
 * the logs (Decision Log, Surprises & Discoveries, Outcomes), and the log entries people write as
 * paragraphs (`**Decision:** …` with its fields on the lines below).
 */
import { lineIndexAt } from '../lines.js';
import { readLeadingTimestamp, readTrailingTimestamp } from '../timestamps.js';
import type { EntryField, ItemState, LogEntry, ProgressItem, Section } from '../types.js';
import type { Blocks, ItemBlock } from './blocks.js';
import type { Doc } from './doc.js';
import { leadingLabel, lineFields } from './fields.js';
import { joinsEntry } from '../log-entries.js';

const CHECKBOX = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)\[([ xX~\-/])\](?=[ \t]|$)[ \t]?/;
const ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
// A timestamp before a label (`- (2026-01-05 02:04Z) Observation: …`) stands in front of it, not in place of it.
const LEAD_STAMP = /^\(\d{4}-\d{2}-\d{2}[^)]{0,40}\)\s*(?:[-–—:]\s*)?/;
const LEAD_IN = /[:：]\s*(?:(?:\*\*|__)\s*)?$/;

/** A list item of a section, as every entry list sees it. */
export interface ListEntry {
  item: ItemBlock;
  /** The sub-heading of the section the item stands under. */
  heading?: string;
  /** Depth below the section's outermost list. */
  depth: number;
  /** Where its list stands in the section. */
  list: LogEntry['list'];
}

/** The list items of a section, each with its depth and the place of its list. */
export function sectionItems(doc: Doc, section: Section | undefined, blocks: Blocks): ListEntry[] {
  if (!section) return [];
  const first = section.line;
  const last = lineIndexAt(doc.lineStarts, Math.max(section.bodyEnd - 1, 0));
  const inside = blocks.items.filter((it) => it.first >= first && it.first <= last && doc.offsetOf(it.first) < section.bodyEnd);
  if (!inside.length) return [];
  const minDepth = inside.reduce((min, it) => Math.min(min, it.depth), Infinity);
  const subHeadings = blocks.headings.filter((h) => h.first >= first && h.first <= last);
  const leadIns = new Set(blocks.paragraphs.filter((p) => p.depth === -1 && LEAD_IN.test(doc.lines[p.last]!)).map((p) => p.last));
  return inside.map((item) => {
    let before = item.listFirst - 1;
    while (before >= first && !doc.lines[before]!.trim()) before--;
    const heading = subHeadings.filter((h) => h.first < item.first).pop();
    const list: LogEntry['list'] = heading ? 'sub-heading' : leadIns.has(before) ? 'lead-in' : 'own';
    return { item, depth: item.depth - minDepth, list, ...(heading ? { heading: heading.text } : {}) };
  });
}

/** The checkbox items of the Progress section, at every depth. */
export function readProgress(doc: Doc, section: Section | undefined, entries: ListEntry[]): ProgressItem[] {
  return section ? readCheckboxes(doc, entries) : [];
}

/** The checkbox items among list items, numbered from 1 in their order. */
export function readCheckboxes(doc: Doc, entries: readonly Pick<ListEntry, 'item' | 'depth' | 'list'>[]): ProgressItem[] {
  const { lines } = doc;
  const out: ProgressItem[] = [];
  for (const { item: it, depth, list } of entries) {
    const line = lines[it.first]!;
    const m = CHECKBOX.exec(line);
    if (!m) continue;
    const [whole, indent, marker, , mark] = m as unknown as string[];
    const start = doc.offsetOf(it.first);
    // Column of the content after the marker: continuation lines align here.
    const contentCol = indent!.length + marker!.length + (m[3]!.length > 4 ? 1 : m[3]!.length);
    const boxStart = start + indent!.length + marker!.length + m[3]!.length;
    const firstText = line.slice(whole!.length);
    const ownEnd = Math.max(it.first + 1, it.ownEnd);
    const continuation = lines.slice(it.first + 1, ownEnd).map((l) => l.trim()).filter(Boolean);
    let timestamp = readLeadingTimestamp(firstText, start + whole!.length);
    let body = firstText;
    if (timestamp) {
      body = firstText.slice(timestamp.range.end - (start + whole!.length));
      body = body.replace(/^\s*(?:[-–—:：]\s*)?/, '');
    } else {
      const lastLine = continuation.length ? lines[ownEnd - 1]! : firstText;
      const lastStart = continuation.length ? doc.offsetOf(ownEnd - 1) : start + whole!.length;
      timestamp = readTrailingTimestamp(lastLine, lastStart);
    }
    const text = [body.trim(), ...continuation].filter(Boolean).join(' ');
    const state: ItemState = mark === 'x' || mark === 'X' ? 'done' : mark === ' ' ? 'todo' : 'partial';
    out.push({
      index: out.length + 1,
      state,
      mark: mark!,
      // A timestamp at the end leaves the text, with the emphasis around it (`*(2025-10-28)*`).
      text: timestamp?.place === 'end' ? text.slice(0, text.lastIndexOf(timestamp.raw)).trimEnd().replace(/[*_]{1,3}$/, '').replace(/\s[—–-]$/, '').trim() || text : text,
      ...(timestamp ? { timestamp } : {}),
      range: { start, end: doc.endOf(ownEnd - 1) },
      boxRange: { start: boxStart, end: boxStart + 3 },
      marker: marker!,
      indent: indent!,
      contentIndent: ' '.repeat(contentCol),
      line: it.first + 1,
      endLine: ownEnd,
      depth,
      blockEnd: doc.endOf(Math.max(ownEnd, it.end) - 1),
      list,
      listLine: it.listFirst,
    });
  }
  return out;
}

/**
 * The entries of a log section: its outermost list items, and the paragraphs that open with a field
 * label. In a log whose entries open with a field (`opening`), a list under a sub-heading of the
 * section counts only if it carries fields: a numbered analysis under `### Options` is not a log.
 */
export function readLog(doc: Doc, section: Section | undefined, entries: ListEntry[], blocks: Blocks, opening: string | undefined): LogEntry[] {
  if (!section) return [];
  const { lines } = doc;
  const out: LogEntry[] = [];
  const top = entries.filter((e) => e.depth === 0);
  const read = top.map((e) => itemEntry(doc, e));
  const fielded = new Set(read.filter((e) => e.fields.length).map((e) => e.listLine));
  read.forEach((e) => {
    if (opening && e.list === 'sub-heading' && !fielded.has(e.listLine)) return;
    // A field written as a bullet of its own (`- Rationale: …` under `- Decision: …`) is part of the entry above it.
    const prev = out[out.length - 1];
    if (prev && prev.listLine === e.listLine && joinsEntry(e, prev, opening)) {
      prev.fields.push(...e.fields);
      prev.text = `${prev.text} ${e.text}`;
      prev.range = { start: prev.range.start, end: e.range.end };
      prev.endLine = e.endLine;
      return;
    }
    out.push(e);
  });
  if (opening) {
    const first = section.line;
    for (const p of blocks.paragraphs) {
      if (p.depth !== -1 || p.first < first || doc.offsetOf(p.first) >= section.bodyEnd) continue;
      if (!leadingLabel(stripStamp(lines[p.first]!.trim()))) continue;
      out.push(paragraphEntry(doc, p.first, p.last + 1));
    }
    out.sort((a, b) => a.line - b.line);
  } else {
    // A log of dated paragraphs (`(2026-02-07) Milestone 1 outcome: …`): each dated line opens an entry.
    const first = section.line;
    for (const p of blocks.paragraphs) {
      if (p.depth !== -1 || p.first < first || doc.offsetOf(p.first) >= section.bodyEnd) continue;
      if (!readLeadingTimestamp(lines[p.first]!, 0)) continue;
      let start = p.first;
      for (let l = p.first + 1; l <= p.last + 1; l++) {
        if (l <= p.last && !readLeadingTimestamp(lines[l]!, 0)) continue;
        out.push(paragraphEntry(doc, start, l));
        start = l;
      }
    }
    out.sort((a, b) => a.line - b.line);
  }
  return out;
}

function stripStamp(text: string): string {
  return text.replace(LEAD_STAMP, '');
}

/** The fields of an entry's lines; a line without a label continues the field above it. */
function readFields(own: string[], firstLine: number, firstText: string): EntryField[] {
  const fields: EntryField[] = [];
  own.forEach((l, k) => {
    const text = stripStamp((k === 0 ? firstText : l.trim().replace(/^[-*+][ \t]+/, '')).trim());
    const found = lineFields(text, firstLine + k + 1);
    if (found.length) for (const f of found) fields.push(f);
    else if (fields.length && text && !/^[-*+]\s/.test(l.trim())) {
      const prev = fields[fields.length - 1]!;
      prev.value = `${prev.value} ${text}`.trim();
    }
  });
  return fields;
}

function itemEntry(doc: Doc, e: ListEntry): LogEntry {
  const it = e.item;
  const end = Math.max(it.first + 1, it.end);
  const own = doc.lines.slice(it.first, end);
  const m = ITEM.exec(own[0]!) ?? ['', '', '-', ' '];
  const contentCol = m[1]!.length + m[2]!.length + Math.min(Math.max(m[3]!.length, 1), 4);
  const firstText = own[0]!.slice(m[0]!.length);
  return {
    text: [firstText.trim(), ...own.slice(1).map((l) => l.trim())].filter(Boolean).join(' '),
    fields: readFields(own, it.first, firstText),
    range: { start: doc.offsetOf(it.first), end: doc.endOf(end - 1) },
    line: it.first + 1,
    endLine: end,
    marker: m[2]!,
    indent: m[1]!,
    contentIndent: ' '.repeat(contentCol),
    form: 'item',
    list: e.list,
    listLine: it.listFirst,
    ...(e.heading !== undefined ? { heading: e.heading } : {}),
  };
}

function paragraphEntry(doc: Doc, first: number, end: number): LogEntry {
  const own = doc.lines.slice(first, end);
  const indent = /^[ \t]*/.exec(own[0]!)![0];
  return {
    text: own.map((l) => l.trim()).filter(Boolean).join(' '),
    fields: readFields(own, first, own[0]!),
    range: { start: doc.offsetOf(first), end: doc.endOf(end - 1) },
    line: first + 1,
    endLine: end,
    marker: '',
    indent,
    contentIndent: indent,
    form: 'paragraph',
    list: 'own',
    listLine: first,
  };
}
