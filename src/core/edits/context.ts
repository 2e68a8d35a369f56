/** What every living-document edit builder takes in and gives back. */
import type { Edit } from '../apply-edits.js';
import { formatDate, formatLike, formatTimestamp, type TimestampStyle } from '../timestamps.js';
import type { Timestamp } from '../types.js';
import { ExecplanError } from '../errors.js';

/** The outside world an edit needs, passed in so the builders stay pure and every stamp is testable. */
export interface EditContext {
  /** The moment the edit is made. */
  now: Date;
  /** `local` writes `(YYYY-MM-DD HH:MM)`, `utc` writes `(YYYY-MM-DD HH:MMZ)`. */
  style: TimestampStyle;
  /** Minutes east of UTC, for local timestamps and dates. */
  offsetMinutes: number;
  /** Section order used to place a missing section (the configuration's); the skeleton's by default. */
  order?: readonly string[];
  /** The plan's path, named in error messages. */
  file?: string;
  /**
   * One of the plan's own timestamps whose form new stamps follow (an ISO offset, a zone name, no
   * parentheses), when no style is configured and the plan writes its stamps in such a form.
   */
  like?: Timestamp;
}

/** What an edit does to the plan: the edits to apply, and a description of the entry for output. */
export interface PlanChange {
  /** Apply with `applyEdits(plan.source, edits, plan.eol)`; empty when the plan already says it. */
  edits: Edit[];
  /** The operation, for JSON output: `progress.add`, `progress.done`, `decision.add` ... */
  kind: ChangeKind;
  /** The section the entry belongs to. */
  section: 'progress' | 'decisions' | 'surprises' | 'outcomes';
  /** The new or changed entry as it will read, lines joined with `\n`. */
  entry: string;
  /** 1-based numbers, after the change, of the Progress items it created or changed. */
  items?: number[];
  /** 1-based position, after the change, of the new entry among its section's entries. */
  entryIndex?: number;
  /** True when the section was missing and the change creates it. */
  createdSection: boolean;
  /** True when skeleton placeholder lines were replaced by the entry. */
  replacedPlaceholder: boolean;
  /** One sentence saying what changed, or why nothing needed to. */
  summary: string;
}

/** The operations the builders implement. */
export type ChangeKind =
  | 'progress.add'
  | 'progress.done'
  | 'progress.undo'
  | 'progress.split'
  | 'decision.add'
  | 'surprise.add'
  | 'outcome.add';

/** The timestamp `done` writes: in the form of the plan's own stamps when given, else in the style. */
export function stamp(ctx: EditContext, like: Timestamp | undefined = ctx.like): string {
  return (like && formatLike(ctx.now, like, ctx.offsetMinutes)) ?? formatTimestamp(ctx.now, ctx.style, ctx.offsetMinutes);
}

/** `YYYY-MM-DD` of the edit, in UTC for the `utc` style so a date never disagrees with its stamps. */
export function today(ctx: EditContext): string {
  return formatDate(ctx.now, ctx.style === 'utc' ? 0 : ctx.offsetMinutes);
}

/**
 * Normalise a value a user typed: line breaks unified, trailing spaces and surrounding blank lines
 * dropped. Refuses an empty value, since an empty entry records nothing.
 */
export function cleanText(value: string | undefined, what: string, example: string, ctx: EditContext): string[] {
  const lines = (value ?? '').replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/(?<![ \t])[ \t]+$/, ''));
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
  if (!lines.length) {
    throw new ExecplanError('INVALID_INPUT', `The ${what} is empty; give the text to write, as in ${example}.`, ctx.file ? { file: ctx.file } : {});
  }
  // Leading spaces on the first line would change how the Markdown reads; inner lines keep theirs.
  lines[0] = lines[0]!.trimStart();
  // A later line is written under the entry; one that reads as a heading would end the section there.
  lines.forEach((line, i) => {
    if (i === 0 || !HEADING_LINE.test(line)) return;
    throw new ExecplanError(
      'INVALID_INPUT',
      `Line ${i + 1} of the ${what} ("${line.trim()}") would be read as a Markdown heading and end the section there; write it without the heading marks, or on one line with the rest.`,
      ctx.file ? { file: ctx.file } : {},
    );
  });
  return lines;
}

/** An ATX heading (`## Title`), or a line of `=` or `-` that turns the line above into one. */
const HEADING_LINE = /^[ \t]*(?:#{1,6}(?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$)/;
