/**
 * The plan model: what the parser makes of one ExecPlan's text.
 *
 * Positions follow unist: `line` and `column` are 1-based, offsets are 0-based
 * UTF-16 indexes into the original string (BOM included). Every range is
 * half-open `[start, end)` and slices back to the exact original bytes.
 */
import type { ConflictMarker } from './conflict-markers.js';

export type { ConflictMarker };

/** A half-open range of offsets into the original text. */
export interface Range {
  start: number;
  end: number;
}

/** Canonical section keys, in the skeleton's order. */
export type SectionKey =
  | 'purpose'
  | 'progress'
  | 'surprises'
  | 'decisions'
  | 'outcomes'
  | 'context'
  | 'plan-of-work'
  | 'concrete-steps'
  | 'validation'
  | 'idempotence'
  | 'artifacts'
  | 'interfaces';

/** How a heading was recognised as a known section. */
export type HeadingMatch = 'exact' | 'variant' | 'misspelled' | 'custom';

/** A section of the plan: a heading and the body that runs to the next section heading. */
export interface Section {
  /** Canonical key, a custom key from the configuration, or null for an extra section. */
  key: string | null;
  /** The heading text as written (inline Markdown kept raw). */
  heading: string;
  /** How the heading matched its key; null for extra sections. */
  match: HeadingMatch | null;
  /** ATX heading level (1-6), or the level a setext heading stands for. */
  level: number;
  /** The heading line(s), without the line break. */
  headingRange: Range;
  /** Offset of the first byte after the heading line's line break. */
  bodyStart: number;
  /** Offset where the next section (or the plan's end, or an outer fence) starts. */
  bodyEnd: number;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based last line of the section body (the heading line when the body is empty). */
  endLine: number;
}

/** A timestamp as written in a Progress item or log entry. */
export interface Timestamp {
  /** The text as written, parentheses included when present. */
  raw: string;
  range: Range;
  /** Which of the forms real plans use this one is. */
  form: TimestampForm;
  /** Whether it sits at the start of the item text (the skeleton's place) or at its end. */
  place: 'start' | 'end';
  /** `YYYY-MM-DD` as written. */
  date: string;
  /** `HH:MM` as written, when present. */
  time?: string;
  /** The zone as written: `Z`, `+08:00`, `CET`, `Asia/Shanghai`. */
  zone?: string;
  /** Milliseconds since the epoch; naive times are read as UTC. NaN when the date is not a real one. */
  epoch: number;
  /** False when the calendar date or time does not exist (2026-02-30, 25:00). */
  valid: boolean;
}

/**
 * Timestamp forms. `local` is the skeleton's `(YYYY-MM-DD HH:MM)`, `utc` the same with `Z`;
 * the others are the variants real plans use.
 */
export type TimestampForm =
  | 'local'
  | 'utc'
  | 'iso'
  | 'date'
  | 'zoned'
  | 'bare-date'
  | 'bare-datetime';

/** Checkbox state of a Progress item. */
export type ItemState = 'done' | 'todo' | 'partial';

/** One checkbox item of the Progress section. */
export interface ProgressItem {
  /** 1-based position among the Progress checkbox items. */
  index: number;
  state: ItemState;
  /** The mark as written between the brackets: `x`, `X`, ` `, `~`. */
  mark: string;
  /** The item's text with its continuation lines joined by a space, timestamp excluded. */
  text: string;
  timestamp?: Timestamp;
  /** The whole item: from its first character (indentation included) to the end of its last line. */
  range: Range;
  /** The `[x]` box, brackets included. */
  boxRange: Range;
  /** The list marker as written: `-`, `*`, `+`, `1.`. */
  marker: string;
  /** Indentation before the marker. */
  indent: string;
  /** Indentation of continuation lines (the column where the item's content starts). */
  contentIndent: string;
  line: number;
  endLine: number;
  /** Nesting depth, 0 for top-level items. */
  depth: number;
  /** Offset of the end of the item with everything under it: nested lists, lazy continuation lines. */
  blockEnd: number;
  /** Where the item's list stands in Progress, as for a log entry (see LogEntry.list). */
  list: 'own' | 'lead-in' | 'sub-heading';
  /** 0-based first line of the list the item belongs to. */
  listLine: number;
}

/** A checkbox item outside the Progress section, with the heading it stands under (null before any). */
export interface Task extends ProgressItem {
  under: { heading: string; line: number } | null;
}

/** A section of the plan's own about where the work stands or what comes next, at any heading level. */
export interface StandingSection {
  /** `status` for where the work stands ("Current Status"), `next` for what comes next ("Next steps", "Handoff"). */
  kind: 'status' | 'next';
  heading: string;
  level: number;
  line: number;
  endLine: number;
  bodyStart: number;
  bodyEnd: number;
}

/** A labelled field inside a log entry (`Decision:`, `Rationale:`, `Evidence:` ...). */
export interface EntryField {
  /** The label as normalised: `decision`, `rationale`, `date-author`, `date`, `author`, `observation`, `evidence`. */
  name: string;
  label: string;
  value: string;
  line: number;
}

/** One entry of a log section (Decision Log, Surprises & Discoveries, Outcomes). */
export interface LogEntry {
  /** The entry's whole text, continuation lines joined. */
  text: string;
  fields: EntryField[];
  range: Range;
  line: number;
  endLine: number;
  /** The list marker; empty for an entry written as a paragraph (`**Decision:** …` on its own). */
  marker: string;
  indent: string;
  contentIndent: string;
  /** `item` for a list entry, `paragraph` for a paragraph that opens with a field label. */
  form: 'item' | 'paragraph';
  /**
   * Where the entry's list stands in the section: `own` for the section's own list, `lead-in` for a
   * list introduced by a line ending in a colon ("Validation evidence:"), `sub-heading` for one under
   * a heading inside the section.
   */
  list: 'own' | 'lead-in' | 'sub-heading';
  /** 0-based first line of the list the entry belongs to (its own line for a paragraph). */
  listLine: number;
  /** The text of the sub-heading of the section the entry stands under, if any (`### High: make ci fails`). */
  heading?: string;
}

/** A milestone: an H2-H4 heading such as `### Milestone 1: ...`, `### Phase 2`, `### M3 — ...`. */
export interface Milestone {
  title: string;
  level: number;
  line: number;
  headingRange: Range;
  /** The milestone's body runs to the next heading of its level or higher. */
  bodyEnd: number;
  endLine: number;
}

/** YAML front matter between `---` lines at the top of the file. */
export interface FrontMatter {
  raw: string;
  range: Range;
  line: number;
  endLine: number;
  /** True when the block could not be read as YAML or has no closing line. */
  malformed: boolean;
  /** Top-level `key: value` pairs read line by line (values as written, unquoted). */
  keys: Record<string, string>;
}

/** The one outer fence some plans are wrapped in (```` ```md ```` ... ```` ``` ````). */
export interface OuterFence {
  open: Range;
  close?: Range;
  info: string;
}

/** A fenced or indented code block, so rules can skip or inspect code. */
export interface CodeBlock {
  kind: 'fence' | 'indented';
  info: string;
  content: string;
  line: number;
  endLine: number;
  /** Section key of the section the block stands in, if any. */
  section: string | null;
}

/** Something the parser noticed but could not make sense of. */
export interface ParseDiagnostic {
  code: 'front-matter-malformed' | 'front-matter-unclosed' | 'fence-unclosed' | 'outer-fence-unclosed' | 'multiple-titles' | 'no-title' | 'duplicate-section' | 'conflict-markers' | 'nesting-too-deep';
  message: string;
  line: number;
}

/** The whole plan. */
export interface Plan {
  source: string;
  /** True when the text starts with U+FEFF. */
  bom: boolean;
  /** The line ending the file uses most; new lines are written with it. */
  eol: '\n' | '\r\n';
  /** Whether the text ends with a line break. */
  finalNewline: boolean;
  /** Offsets where each line starts; `lineStarts[0]` is 0. */
  lineStarts: number[];
  frontMatter?: FrontMatter;
  outerFence?: OuterFence;
  title?: { text: string; level: number; range: Range; line: number };
  /** The paragraph that says the plan is a living document, when present. */
  preamble?: { text: string; range: Range; line: number };
  /** Where the content between the title and the first section ends (where a missing preamble goes). */
  introEnd: number;
  /** Offset where content stops: the end of the text, or the start of a closing outer fence. */
  contentEnd: number;
  /**
   * The heading level the plan writes its sections at: the shallowest level that holds two of the
   * known sections, or of the only one; without any, 2, or the shallowest level of the other
   * headings when none is at level 2.
   */
  sectionLevel: number;
  sections: Section[];
  progress: ProgressItem[];
  /** Checkbox items outside Progress, read only when the Progress section has none: the plan's tasks then. */
  tasks: Task[];
  /** A goal line (`**Goal:** …`, `目标：…`): the value after its label, read only when no Purpose section says anything. */
  goal?: { label: string; line: number; endLine: number; range: Range };
  /** The plan's own status and next-step sections, in document order. */
  standing: StandingSection[];
  decisions: LogEntry[];
  surprises: LogEntry[];
  outcomes: LogEntry[];
  milestones: Milestone[];
  codeBlocks: CodeBlock[];
  /** Git conflict markers left by a merge; every edit refuses a plan that has them. */
  conflictMarkers: ConflictMarker[];
  diagnostics: ParseDiagnostic[];
}

/** Options that change how a plan is read: section aliases from the configuration. */
export interface ParseOptions {
  /** Extra heading spellings per section key (lower-case comparison). */
  aliases?: Record<string, string[]>;
  /** Custom sections the team added: key and canonical title. */
  customSections?: { key: string; title: string; aliases?: string[] }[];
}
