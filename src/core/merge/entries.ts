/**
 * A living section's body cut into entries, as the parser's model sees them: the text before the
 * first entry, each entry with the blank lines after it, and the text after the last one. Each
 * entry gets an identity that survives a tick or an edit of its fields, so three versions of a
 * section can be lined up entry by entry.
 */
import { groupEntries, OPENING_FIELD } from '../log-entries.js';
import { lineIndexAt } from '../lines.js';
import type { LogEntry, Plan, Section } from '../types.js';

/** Sections merged entry by entry: the four living sections and the evidence links of Artifacts and Notes. */
export const ENTRY_SECTIONS = ['progress', 'surprises', 'decisions', 'outcomes', 'artifacts'] as const;
export type EntrySectionKey = (typeof ENTRY_SECTIONS)[number];

/** One entry of a living section. */
export interface Entry {
  /** Identity within its section: the item's text without box and timestamp, a log entry's opening field; `#n` for repeats. */
  key: string;
  /** The entry's bytes, blank lines after it excluded. */
  content: string;
  /** The blank lines after it, before the next entry ('' for the last one). */
  sep: string;
  /** When it happened, for ordering entries added on both sides (ms since the epoch). */
  epoch?: number;
  /** Progress items: whether it is ticked. */
  done?: boolean;
  /** Progress items: the box `[ ]` relative to `content`. */
  box?: { start: number; end: number };
  /** Progress items: the timestamp as written and its range relative to `content`. */
  stamp?: { raw: string; start: number; end: number; place: 'start' | 'end' };
}

/** A section body in three parts. */
export interface EntryBody {
  head: string;
  entries: Entry[];
  tail: string;
}

const DATE = /\b(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/;

/** Cut the body of `section` of `plan` into entries. */
export function entryBody(plan: Plan, section: Section, key: EntrySectionKey): EntryBody {
  const { source, lineStarts } = plan;
  const within = (start: number) => start >= section.bodyStart && start < section.bodyEnd;
  const lineStart = (line: number) => lineStarts[line - 1]!;
  // The offset just after the line that holds `offset - 1`: the end of an entry, line break included.
  const afterLine = (end: number) => Math.min(lineStarts[lineIndexAt(lineStarts, Math.max(end - 1, 0)) + 1] ?? source.length, section.bodyEnd);

  interface Raw extends Omit<Entry, 'content' | 'sep' | 'key'> {
    start: number;
    end: number;
    id: string;
  }
  const raws: Raw[] = [];
  if (key === 'progress') {
    const items = plan.progress.filter((it) => within(lineStart(it.line)));
    items.forEach((it, i) => {
      if (it.depth !== 0) {
        const prev = raws[raws.length - 1];
        if (prev) prev.end = Math.max(prev.end, it.range.end);
        return;
      }
      void i;
      const start = lineStart(it.line);
      const ts = it.timestamp;
      raws.push({
        start,
        end: it.range.end,
        id: `item:${normalize(it.text)}`,
        done: it.state === 'done',
        box: { start: it.boxRange.start - start, end: it.boxRange.end - start },
        ...(ts ? { stamp: { raw: ts.raw, start: ts.range.start - start, end: ts.range.end - start, place: ts.place } } : {}),
        ...(ts?.valid ? { epoch: ts.epoch } : {}),
      });
    });
  } else if (key === 'artifacts') {
    for (const b of bulletItems(plan, section)) raws.push({ ...b, id: `link:${normalize(source.slice(b.start, b.end))}`, ...epochOf(source.slice(b.start, b.end)) });
  } else {
    const entries: LogEntry[] = key === 'decisions' ? plan.decisions : key === 'surprises' ? plan.surprises : plan.outcomes;
    const opening = OPENING_FIELD[key];
    for (const group of groupEntries(entries.filter((e) => within(lineStart(e.line))), opening)) {
      const first = group[0]!;
      const last = group[group.length - 1]!;
      const text = group.map((e) => e.text).join(' ');
      const field = opening ? first.fields.find((f) => f.name === opening && f.line === first.line) : undefined;
      const dateField = group.flatMap((e) => e.fields).find((f) => f.name === 'date-author' || f.name === 'date');
      raws.push({
        start: lineStart(first.line),
        end: last.range.end,
        id: field ? `${opening}:${normalize(field.value)}` : `entry:${normalize(text)}`,
        ...epochOf(dateField?.value ?? text),
      });
    }
  }

  if (!raws.length) return { head: source.slice(section.bodyStart, section.bodyEnd), entries: [], tail: '' };
  const seen = new Map<string, number>();
  const entries: Entry[] = raws.map((r, i) => {
    const next = raws[i + 1];
    const chunk = source.slice(r.start, next ? next.start : afterLine(r.end));
    const content = chunk.slice(0, contentLength(chunk));
    const n = (seen.get(r.id) ?? 0) + 1;
    seen.set(r.id, n);
    const { start: _s, end: _e, id, ...rest } = r;
    return { ...rest, key: n > 1 ? `${id}#${n}` : id, content, sep: chunk.slice(content.length) };
  });
  const last = raws[raws.length - 1]!;
  return { head: source.slice(section.bodyStart, raws[0]!.start), entries, tail: source.slice(afterLine(last.end), section.bodyEnd) };
}

/** Length of `chunk` without the blank lines it ends with (its last content line keeps its line break). */
function contentLength(chunk: string): number {
  let end = chunk.length;
  for (;;) {
    // `end` is just after a line break (or the end); look at the line before it.
    let i = end;
    if (chunk.charCodeAt(i - 1) === 10) i--;
    if (chunk.charCodeAt(i - 1) === 13) i--;
    if (i === end) return end;
    let j = i;
    while (j > 0 && (chunk.charCodeAt(j - 1) === 32 || chunk.charCodeAt(j - 1) === 9)) j--;
    const c = chunk.charCodeAt(j - 1);
    // A blank line runs from a line break (or the start) to `i`; the first line always stays.
    if (j === 0 || (c !== 10 && c !== 13)) return end;
    end = j;
  }
}

/** Text compared without its spacing: the identity of an entry. */
function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first date (and time) an entry names, as the moment it happened. */
function epochOf(text: string): { epoch?: number } {
  const m = DATE.exec(text);
  if (!m) return {};
  const epoch = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  return Number.isNaN(epoch) ? {} : { epoch };
}

/** Top-level bullets of a section outside code blocks, each with its continuation lines. */
function bulletItems(plan: Plan, section: Section): { start: number; end: number }[] {
  const { source, lineStarts } = plan;
  const out: { start: number; end: number }[] = [];
  const firstLine = section.line; // 0-based index of the first body line
  const lastLine = lineIndexAt(lineStarts, Math.max(section.bodyEnd - 1, 0));
  const inCode = (n: number) => plan.codeBlocks.some((c) => n + 1 >= c.line && n + 1 <= c.endLine);
  let open: { start: number; end: number } | undefined;
  for (let i = firstLine; i <= lastLine && lineStarts[i]! < section.bodyEnd; i++) {
    const start = lineStarts[i]!;
    const end = lineStarts[i + 1] ?? source.length;
    const text = source.slice(start, end).replace(/(?<![\r\n])[\r\n]+$/, '');
    if (inCode(i)) {
      if (open && /^[ \t]/.test(text)) open.end = end;
      continue;
    }
    if (/^[-*+][ \t]+\S/.test(text)) out.push((open = { start, end }));
    else if (open && /^[ \t]+\S/.test(text)) open.end = end;
    else if (text.trim()) open = undefined;
  }
  return out;
}
