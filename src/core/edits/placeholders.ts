/**
 * Skeleton placeholders: the lines a new plan starts with (`- [ ] (YYYY-MM-DD HH:MM) First concrete
 * step.`, `- Observation: …`) and the "None yet." notes people leave. A real entry replaces them, so
 * the section never holds a placeholder beside the entries that make it false.
 */
import { isBracketNote, opensWithEmptyNoteIntl } from '../empty-notes.js';
import { isThematicBreak } from '../lines.js';
import { groupEntries, OPENING_FIELD } from '../log-entries.js';
import type { LogEntry, ProgressItem } from '../types.js';

// What is left of a placeholder once markers, labels and punctuation are gone. Deliberately short;
// FILL_ONCE adds the notes that only say the section will be filled once, later.
const EMPTY_WORDS = /^(?:|…|\.\.\.|-|—|tbd|tba|todo|n\/?a|none|none yet|nothing yet|nothing|pending|not yet|not started|not yet started|not complete|not yet complete|not completed|not completed yet|not done yet|to do|to be filled in|fill in|first concrete step)$/i;
// "To be completed after implementation.", "(fill during work)", "Pending implementation.": false once
// an entry is there. A standing instruction ("To be updated at each milestone", "Record decisions
// as they are made") stays true beside entries, and stays.
const FILL_ONCE = /^(?:(?:to be|will be) (?:completed|filled(?: in| out)?|populated|written|summari[sz]ed)|to summari[sz]e|fill(?: in| out)?|populate|pending)(?: (?:after|at|on|upon|once|when|during)\b[^.]{0,50})?$|^pending(?: \w+){1,2}$/i;
const EMPTY_LEAD = /^(?:(?:none yet|nothing yet|none|nothing|n\/?a|tbd|tba|todo|pending|…|\.\.\.)(?=[\s—–:;,./-]|$)[\s—–:;,./-]*)+/i;
const TEMPLATE_STAMP = /^\(\s*YYYY-MM-DD[^)]*\)\s*/i;
const LABELS = /(?:^|\s)(?:\*\*|__)?(?:decision|rationale|date\s*\/\s*author|date|author|observation|evidence|outcome)(?:\*\*|__)?\s*:(?:\*\*|__)?/gi;

/** Whether a piece of text says nothing but "fill me in". */
export function isPlaceholderText(text: string): boolean {
  let s = text.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  s = s.replace(TEMPLATE_STAMP, '').replace(LABELS, ' ');
  // In other languages: "暂无。", "（実機診断後に記録）", "Ninguna por ahora.", short, as a note is.
  const bare = s.trim();
  if (bare.length <= 80 && ((isBracketNote(bare) && /[（）]/u.test(bare)) || opensWithEmptyNoteIntl(bare, 12))) return true;
  s = s.replace(/[*_`]/g, '').replace(/[()[\]]/g, ' ');
  s = s.replace(/\s+/g, ' ').trim().replace(/(?<![.!:;。！])[.!:;。！]+$/, '').trim();
  if (s.length <= 70 && FILL_ONCE.test(s)) return true;
  // "None yet — to be filled during implementation.", "(none yet) N/A": empty words, then perhaps a fill-later note.
  const rest = s.replace(EMPTY_LEAD, '').replace(/(?<![.!:;])[.!:;]+$/, '').trim();
  if (rest !== s && (rest === '' || (rest.length <= 70 && FILL_ONCE.test(rest)))) return true;
  // Several empty fields (`Observation: … Evidence: …`, `(none yet) / N/A`) leave several empty words.
  return s.split(/(?<!\s)\s*(?:…|\.\.\.|\s\/\s)\s*/).every((part) => EMPTY_WORDS.test(part.trim()));
}

/** Whether a Progress item is the skeleton's placeholder step or an empty note. */
export function isPlaceholderItem(item: ProgressItem): boolean {
  return item.state !== 'done' && !item.timestamp && isPlaceholderText(item.text);
}

/** Whether a Progress item shows the form items take: a placeholder, or a step under a template stamp `(YYYY-MM-DD HH:MM)`. */
export function isTemplateItem(item: ProgressItem): boolean {
  return isPlaceholderItem(item) || TEMPLATE_STAMP.test(item.text);
}

/** Whether a log entry is an unfilled skeleton entry (`- Decision: …` with `…` fields) or a "None yet." bullet. */
export function isPlaceholderEntry(entry: LogEntry): boolean {
  return isPlaceholderText(entry.text);
}

/**
 * The entries of a log that are placeholders. An entry whose fields have bullets of their own is one
 * only if every bullet is: `- Decision: _pending_` above `- Date/Author: 2025-12-01 / Codex` is kept
 * whole, date and all.
 */
export function placeholderEntries(entries: readonly LogEntry[], log: keyof typeof OPENING_FIELD): Set<LogEntry> {
  return new Set(groupEntries(entries, OPENING_FIELD[log]).filter((group) => group.every(isPlaceholderEntry)).flat());
}

/** Whether a paragraph line outside any list is a placeholder note such as `None yet.` or `_TBD_`. */
export function isPlaceholderLine(line: string): boolean {
  const t = line.trim();
  if (!t || /^(?:[-*+]|\d+[.)])(?:\s|$)/.test(t) || t.startsWith('#') || t.startsWith('>') || t.startsWith('|')) return false;
  // A thematic break (`***`, `___`) is structure, not an empty note.
  if (isThematicBreak(t)) return false;
  return isPlaceholderText(t);
}
