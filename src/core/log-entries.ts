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
  const lead = entry.text.replace(/\*\*|__/g, '').replace(/^\(\d{4}-\d{2}-\d{2}[^)]*\)\s*(?:[-–—:]\s*)?/, '');
  const first = entry.fields[0];
  if (first && first.line === entry.line && lead.toLowerCase().startsWith(first.label.toLowerCase())) return first.name !== opening;
  return OWN_LABEL.test(lead);
}

/** The bullets grouped into entries: a bullet that continues an entry joins the group of the one above. */
export function groupEntries(entries: readonly LogEntry[], opening: string | undefined): LogEntry[][] {
  const out: LogEntry[][] = [];
  for (const entry of entries) {
    const prev = out[out.length - 1];
    if (prev && continuesEntry(entry, opening)) prev.push(entry);
    else out.push([entry]);
  }
  return out;
}

/** A note in parentheses with no fields, such as "(record as decisions are made)": a note to the writer, not an entry. */
export function isWriterNote(entry: LogEntry): boolean {
  return !entry.fields.length && isBracketNote(entry.text);
}
