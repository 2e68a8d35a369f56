/** Log entries as the skeleton writes them: labelled fields, one entry per bullet. */
import { opensWithEmptyNoteIntl } from '../../core/empty-notes.js';
import { groupEntries, isWriterNote } from '../../core/log-entries.js';
import type { LogEntry, Plan, Section } from '../../core/types.js';
import type { RuleContext } from '../types.js';
import { sectionBody } from './sections.js';

/** Entries such as "None yet." that say the log is still empty. */
const NONE_EN = /^[(_*]*(?:none|n\/a|tbd|nothing|no (?:decisions?|surprises?|discoveries|findings)|not yet|pending|to be (?:updated|added|filled|recorded|written|determined))\b/i;
const isNoneNote = (text: string) => NONE_EN.test(text) || opensWithEmptyNoteIntl(text);

/** An entry with the fields it carries, once bullets that only continue the previous entry are merged in. */
interface LogicalEntry {
  entry: LogEntry;
  /** Field names with a non-empty value. */
  fields: Set<string>;
}

/**
 * Entries whole: a bullet that opens with a label other than the one that starts an entry
 * (`- Evidence: ...` or `- **Impact:** ...` after `- Observation: ...`) belongs to the entry above it.
 */
function logicalEntries(entries: LogEntry[], opening: string): LogicalEntry[] {
  const headed = new Set<string>();
  return groupEntries(entries, opening).map((group) => {
    const first = group[0]!;
    const fields = new Set(group.flatMap((e) => e.fields.filter((f) => f.value.trim() !== '').map((f) => f.name)));
    // An entry under a heading of its own (`### The cache is never cleared`, then `- Evidence: …`)
    // states its opening field in that heading.
    if (first.heading !== undefined && !fields.has(opening) && fields.size && !headed.has(`${first.listLine}`)) {
      headed.add(`${first.listLine}`);
      fields.add(opening);
    }
    return { entry: first, fields };
  });
}

/** Check every entry of a log section (whose entries start with the field `opening`) for its required fields; `missing` names what an entry lacks. */
export function checkLog(
  ctx: RuleContext,
  section: Section | undefined,
  entries: LogEntry[],
  opening: string,
  missing: (fields: Set<string>) => string[],
  describe: { name: string; expected: string },
): void {
  if (!section) return;
  // Notes to the writer ("(fill during work)") and "None yet." entries say the log is still empty.
  const logical = logicalEntries(entries, opening).filter((e) => !isNoneNote(e.entry.text.trim()) && !isWriterNote(e.entry));
  if (!entries.length) {
    const body = proseOf(ctx.plan, section);
    if (body && !isNoneNote(body)) {
      ctx.report({ message: `The ${describe.name} section has no list entries; expected entries with ${describe.expected}.`, line: section.line, column: 1 });
    }
    return;
  }
  for (const { entry, fields } of logical) {
    const lacks = missing(fields);
    if (!lacks.length) continue;
    ctx.report({
      message: `The ${describe.name} entry lacks ${list(lacks.map((l) => `"${l}:"`))}; expected ${describe.expected}.`,
      line: entry.line,
      column: entry.indent.length + 1,
    });
  }
}

function proseOf(plan: Plan, section: Section): string {
  return sectionBody(plan, section).replace(/<!--[\s\S]*?-->/g, '').trim();
}

function list(items: string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
