/**
 * Log entries as people write them: the skeleton puts an entry's fields under one bullet, and many
 * plans give each field a bullet of its own (`- Decision: …`, `- Rationale: …`, `- Date/Author: …`).
 * The rules that check fields and the edits that replace placeholders both need the entries whole.
 */
import { isBracketNote } from './empty-notes.js';
import type { LogEntry } from './types.js';

/** The field that starts an entry of each log with fields; the outcomes log has none. */
export const OPENING_FIELD = { decisions: 'decision', surprises: 'observation', outcomes: undefined } as const;

/** A label of the author's own (`Impact:`, `Resolution:`) opening a bullet. */
const OWN_LABEL = /^[\p{L}][\p{L}\p{N} /&'-]{0,40}:(?:\s|$)/u;

/**
 * Whether a bullet continues the entry above it, in a log whose entries start with `opening`: it
 * opens with a label, a field execplan knows (`Rationale:`, `Evidence:`) or one of the author's own
 * (`- **Impact:** …`), other than the one that starts an entry.
 */
export function continuesEntry(entry: LogEntry, opening: string | undefined): boolean {
  if (!opening) return false;
  const lead = leadOf(entry);
  const first = entry.fields[0];
  if (first && first.line === entry.line && lead.toLowerCase().startsWith(first.label.toLowerCase())) return first.name !== opening;
  return OWN_LABEL.test(lead);
}

function leadOf(entry: LogEntry): string {
  return entry.text.replace(/\*\*|__/g, '').replace(/^\(\d{4}-\d{2}-\d{2}[^)]*\)\s*(?:[-–—:]\s*)?/, '');
}

/** The label a bullet opens with, numbers left out: `D2: …` and `D3: …` open with the same one. */
function labelOf(entry: LogEntry): string | undefined {
  const m = OWN_LABEL.exec(leadOf(entry));
  return m ? m[0].replace(/[\p{N}\s:#-]+/gu, '').toLowerCase() : undefined;
}

/**
 * Whether a bullet joins the entry that `first` opened: it continues an entry, and does not open
 * with the same label as `first` did (`- D1: …`, `- D2: …`; `- Date: …` twice), which makes it the
 * next entry.
 */
export function joinsEntry(entry: LogEntry, first: LogEntry, opening: string | undefined): boolean {
  if (!continuesEntry(entry, opening)) return false;
  const label = labelOf(entry);
  return label === undefined || label !== labelOf(first);
}

/** The bullets grouped into entries: a bullet that joins an entry joins the group of the one above. */
export function groupEntries(entries: readonly LogEntry[], opening: string | undefined): LogEntry[][] {
  const out: LogEntry[][] = [];
  for (const entry of entries) {
    const prev = out[out.length - 1];
    if (prev && joinsEntry(entry, prev[0]!, opening)) prev.push(entry);
    else out.push([entry]);
  }
  return out;
}

/** A note in parentheses with no fields, such as "(record as decisions are made)": a note to the writer, not an entry. */
export function isWriterNote(entry: LogEntry): boolean {
  return !entry.fields.length && isBracketNote(entry.text);
}
