/**
 * Log entries as people write them: the skeleton puts an entry's fields under one bullet, and many
 * plans give each field a bullet of its own (`- Decision: …`, `- Rationale: …`, `- Date/Author: …`).
 * The rules that check fields and the edits that replace placeholders both need the entries whole.
 */
import type { LogEntry } from './types.js';

/** The fields that, opening a bullet, continue the entry above it rather than start one. */
export const CONTINUING_FIELDS = {
  decisions: ['rationale', 'date-author', 'date', 'author', 'alternatives', 'consequences'],
  surprises: ['evidence'],
  outcomes: [],
} as const satisfies Record<'decisions' | 'surprises' | 'outcomes', readonly string[]>;

/** Whether a bullet opens with a field that continues the entry above it. */
function continuesEntry(entry: LogEntry, continuing: readonly string[]): boolean {
  const first = entry.fields[0];
  if (!first || first.line !== entry.line || !continuing.includes(first.name)) return false;
  const lead = entry.text.replace(/\*\*|__/g, '').replace(/^\(\d{4}-\d{2}-\d{2}[^)]*\)\s*(?:[-–—:]\s*)?/, '');
  return lead.toLowerCase().startsWith(first.label.toLowerCase());
}

/** The bullets grouped into entries: a bullet that continues an entry joins the group of the one above. */
export function groupEntries(entries: readonly LogEntry[], continuing: readonly string[]): LogEntry[][] {
  const out: LogEntry[][] = [];
  for (const entry of entries) {
    const prev = out[out.length - 1];
    if (prev && continuesEntry(entry, continuing)) prev.push(entry);
    else out.push([entry]);
  }
  return out;
}
