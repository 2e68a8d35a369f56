/**
 * The brief a fresh reader needs to pick a plan up: what it is for, where the work stands, what
 * was decided and found lately, how to check the work, and which files it names. Lists are cut
 * with "(+N more)" and the brief stays under a token budget (about 2,000 tokens, 4 characters each).
 */
import { isPlaceholderEntry, isPlaceholderItem, isPlaceholderText } from './edits/placeholders.js';
import { groupEntries, isWriterNote, OPENING_FIELD } from './log-entries.js';
import type { LogEntry, Plan, ProgressItem, StandingSection, Timestamp } from './types.js';
import { cutAtWord } from './resume-excerpt.js';
import { purposeOf, standingOf } from './resume-reading.js';
import { extractCommands, extractFiles } from './resume-extract.js';

/** Limits of the brief. */
export interface ResumeOptions {
  /** Open items listed as next steps (default 5). */
  next?: number;
  /** Latest decisions and surprises shown (default 3 each). */
  log?: number;
  /** Validation commands shown (default 8). */
  commands?: number;
  /** Files shown (default 12). */
  files?: number;
  /** Token budget of the rendered brief (default 2,000). */
  budget?: number;
  /** Keeps only the files that exist (the caller checks the repository); all path-like names otherwise. */
  exists?: (relPath: string) => boolean;
}

/** A list cut to its first items, with how many were left out. */
export interface Truncated<T> {
  items: T[];
  more: number;
}

/** The brief as data. */
export interface ResumeBrief {
  title: string | null;
  purpose: string;
  /** Where the purpose was read: the Purpose section (or an objective section), or a goal line. */
  purposeFrom: { kind: 'section' | 'goal-line' | 'intro'; heading: string; line: number } | null;
  progress: {
    /** `progress` for the Progress section's checkboxes; `tasks` for checkboxes elsewhere when Progress has none. */
    source: 'progress' | 'tasks';
    /** For tasks: the headings they stand under (null: before the first heading), the most used first. */
    foundUnder: Truncated<string | null>;
    total: number;
    done: number;
    remaining: number;
    lastDone: { index: number; text: string; timestamp: string | null } | null;
    next: Truncated<{ index: number; state: ProgressItem['state']; text: string }>;
  };
  /** The plan's own status and next-step sections (`## Current Status`, `## Next slice`, `## Handoff`), each cut at an item's end. */
  standing: { kind: StandingSection['kind']; heading: string; line: number; text: string }[];
  /** The plan's milestone headings, in order. */
  milestones: Truncated<string>;
  decisions: Truncated<{ decision: string; rationale: string | null; dateAuthor: string | null }>;
  surprises: Truncated<{ observation: string; evidence: string | null }>;
  commands: Truncated<string>;
  files: Truncated<string>;
}

/** Size of a text: characters and an approximate token count (characters / 4). */
export function textSize(text: string): { chars: number; tokens: number } {
  return { chars: text.length, tokens: Math.ceil(text.length / 4) };
}

/** Build the brief of a plan, shrinking lists and texts until its rendering fits the budget. */
export function buildResume(plan: Plan, options: ResumeOptions = {}): ResumeBrief {
  const budget = options.budget ?? 2000;
  let limits = { next: options.next ?? 5, log: options.log ?? 3, commands: options.commands ?? 8, files: options.files ?? 12, width: 220, purpose: 700, standing: 1600, milestones: 8 };
  // What does not depend on the limits is read once: each round only cuts and clips it again.
  const facts = readFacts(plan, options.exists);
  let brief = assemble(plan, facts, limits);
  for (let round = 0; round < 8 && textSize(renderResume(brief)).tokens > budget; round++) {
    const half = (n: number) => Math.max(1, Math.floor(n / 2));
    limits = {
      next: half(limits.next + 1),
      log: half(limits.log + 1),
      commands: half(limits.commands + 1),
      files: half(limits.files + 1),
      width: Math.max(80, Math.floor(limits.width * 0.7)),
      purpose: Math.max(200, Math.floor(limits.purpose * 0.7)),
      standing: Math.max(300, Math.floor(limits.standing * 0.7)),
      milestones: half(limits.milestones + 1),
    };
    brief = assemble(plan, facts, limits);
  }
  return brief;
}

type Limits = { next: number; log: number; commands: number; files: number; width: number; purpose: number; standing: number; milestones: number };

type Facts = ReturnType<typeof readFacts>;

function readFacts(plan: Plan, exists: ResumeOptions['exists']) {
  // Without checkboxes in Progress, the plan's checkbox tasks elsewhere say where the work stands.
  const fromTasks = !plan.progress.length && plan.tasks.length > 0;
  const items: ProgressItem[] = fromTasks ? plan.tasks : plan.progress;
  const done = items.filter((i) => i.state === 'done');
  const under = new Map<string | null, number>();
  if (fromTasks) for (const t of plan.tasks) under.set(t.under?.heading ?? null, (under.get(t.under?.heading ?? null) ?? 0) + 1);
  return {
    source: fromTasks ? ('tasks' as const) : ('progress' as const),
    // Map keys keep the order of first use, and sort is stable.
    under: [...under.keys()].sort((a, b) => under.get(b)! - under.get(a)!),
    total: items.length,
    done,
    // The skeleton's unfilled items (`Step one.`, `(YYYY-MM-DD HH:MMZ) …`) are not next steps.
    next: items.filter((i) => i.state !== 'done' && !isPlaceholderItem(i)),
    open: items.length - done.length,
    last: latestDone(done),
    decisions: newestFirst(grouped(plan.decisions, OPENING_FIELD.decisions)),
    surprises: newestFirst(grouped(plan.surprises, OPENING_FIELD.surprises)),
    commands: extractCommands(plan),
    files: extractFiles(plan).filter((f) => !exists || exists(f)),
  };
}

function assemble(plan: Plan, facts: Facts, l: Limits): ResumeBrief {
  const { done, last } = facts;
  const title = plan.title?.text ?? plan.frontMatter?.keys.title;
  return {
    title: title ? clip(title, l.width) : null,
    ...purposeOf(plan, l.purpose),
    progress: {
      source: facts.source,
      foundUnder: cut(facts.under.map((h) => (h === null ? null : clip(h, l.width))), 4),
      total: facts.total,
      done: done.length,
      remaining: facts.open,
      lastDone: last ? { index: last.index, text: clip(last.text, l.width), timestamp: last.timestamp?.raw ?? null } : null,
      next: cut(facts.next.map((i) => ({ index: i.index, state: i.state, text: clip(i.text, l.width) })), l.next),
    },
    decisions: cut(
      facts.decisions.map((f) => ({
        decision: clip(f.decision ?? f.text, l.width),
        // Without a Decision field the entry's own text is shown, and it holds its other fields already.
        rationale: f.rationale && f.decision ? clip(f.rationale, l.width) : null,
        dateAuthor: f['date-author'] ?? f.date ?? null,
      })),
      l.log,
    ),
    surprises: cut(
      facts.surprises.map((f) => ({ observation: clip(f.observation ?? f.text, l.width), evidence: f.evidence && f.observation ? clip(f.evidence, l.width) : null })),
      l.log,
    ),
    standing: standingOf(plan, l.standing),
    milestones: cut(plan.milestones.map((m) => clip(m.title, l.width)), l.milestones),
    // A command cut short cannot be run: long ones are left out in extractCommands, not clipped here.
    commands: cut(facts.commands, l.commands),
    files: cut(facts.files, l.files),
  };
}

/** Render the brief as plain text, ending with its own size. */
export function renderResume(brief: ResumeBrief, options: { path?: string } = {}): string {
  const out: string[] = [`# ${brief.title ?? '(untitled plan)'}`];
  if (options.path) out.push(`Plan: ${options.path}`);
  const pf = brief.purposeFrom;
  const from = pf?.kind === 'goal-line' ? ` (its "${pf.heading}" line, line ${pf.line})` : pf?.kind === 'intro' ? ' (no Purpose section or goal line: its opening lines)' : '';
  out.push('', `Purpose${from}:`, indent(brief.purpose || '(none written yet: the Purpose section is missing, empty or still the skeleton guidance)'));
  const p = brief.progress;
  if (p.source === 'tasks') {
    const named = p.foundUnder.items.filter((h) => h !== null).map((h) => `"${h}"`);
    const where = [
      ...(named.length ? [`under ${named.join(', ')}${p.foundUnder.more ? ` and ${p.foundUnder.more} more heading${p.foundUnder.more === 1 ? '' : 's'}` : ''}`] : []),
      ...(p.foundUnder.items.includes(null) ? ['before the first heading'] : []),
    ].join(' and ');
    out.push('', `Where it stands: ${p.done} of ${p.total} checkbox task${p.total === 1 ? '' : 's'} done, ${p.remaining} remaining (the plan has no checkboxes in a Progress section; its tasks stand ${where}).`);
  } else if (p.total) out.push('', `Where it stands: ${p.done} of ${p.total} Progress item${p.total === 1 ? '' : 's'} done, ${p.remaining} remaining.`);
  else out.push('', 'Where it stands: no checkbox items to count (no checkboxes in a Progress section or elsewhere).');
  if (p.lastDone) out.push(`Last done: ${p.lastDone.index}. ${p.lastDone.timestamp ? `${p.lastDone.timestamp} ` : ''}${p.lastDone.text}`);
  if (p.next.items.length) {
    out.push('Next:');
    for (const i of p.next.items) out.push(`  ${i.index}. [${i.state === 'partial' ? '~' : ' '}] ${i.text}`);
    more(out, p.next.more);
  }
  for (const st of brief.standing) out.push('', `The plan's own "${st.heading}" (line ${st.line}):`, indent(st.text));
  if (brief.milestones.items.length) {
    out.push('', 'Milestones:');
    for (const m of brief.milestones.items) out.push(`  - ${m}`);
    more(out, brief.milestones.more);
  }
  if (brief.decisions.items.length) {
    out.push('', 'Latest decisions (newest first):');
    for (const d of brief.decisions.items) {
      out.push(`  - ${d.decision}${d.dateAuthor ? ` (${d.dateAuthor})` : ''}`);
      if (d.rationale) out.push(`    Rationale: ${d.rationale}`);
    }
    more(out, brief.decisions.more);
  }
  if (brief.surprises.items.length) {
    out.push('', 'Latest surprises (newest first):');
    for (const s of brief.surprises.items) {
      out.push(`  - ${s.observation}`);
      if (s.evidence) out.push(`    Evidence: ${s.evidence}`);
    }
    more(out, brief.surprises.more);
  }
  if (brief.commands.items.length) {
    out.push('', 'Validation commands:');
    for (const c of brief.commands.items) out.push(`  ${c}`);
    more(out, brief.commands.more);
  }
  if (brief.files.items.length) {
    out.push('', 'Files the plan names:');
    for (const f of brief.files.items) out.push(`  ${f}`);
    more(out, brief.files.more);
  }
  const body = `${out.join('\n')}\n`;
  // The stated size includes the size line itself.
  let size = textSize(body);
  for (let i = 0; i < 2; i++) size = textSize(body + sizeLine(size));
  return body + sizeLine(size);
}

function sizeLine(size: { chars: number; tokens: number }): string {
  return `\n(brief: ${size.chars} characters, ~${size.tokens} tokens)\n`;
}

function more(out: string[], n: number): void {
  if (n > 0) out.push(`  (+${n} more)`);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `  ${l}` : ''))
    .join('\n');
}

function cut<T>(items: T[], n: number): Truncated<T> {
  return { items: items.slice(0, n), more: Math.max(0, items.length - n) };
}

/** A text on one line, cut to `width` characters at a word's end where there is one near. */
function clip(text: string, width: number): string {
  // Spaces collapsed and trimmed, as `replace(/\s+/g, ' ').trim()` would, but only as far as the cut
  // needs: one character past `width` decides that the text is cut, and where.
  let out = '';
  let gap = false;
  for (let i = 0; i < text.length && out.length <= width; i++) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      gap = out.length > 0;
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += c;
  }
  return cutAtWord(out, width);
}

const SPACE = /\s/;

/** An entry of a log: its fields by name (the first of each wins) and its first bullet's text. */
type Fields = Record<string, string> & { text: string };

/**
 * Log entries as records of their fields, placeholders (`None yet.`, `Decision: …`) left out. Some
 * plans write each field as its own bullet (`- Decision:`, `- Rationale:`), or add labels of their
 * own (`- **Impact:** …`): such bullets join the entry they follow, as lint reads them.
 */
function grouped(entries: readonly LogEntry[], lead: string): Fields[] {
  // Grouped first: the bullets under a placeholder (`- Decision: _pending_`, then `- Date/Author: …`) go with it.
  return groupEntries(entries, lead)
    // An entry whose opening field says nothing yet (`Decision: _pending_`) is left out, whatever its date says.
    .filter((group) => !isPlaceholderEntry(group[0]!) && !isWriterNote(group[0]!) && !emptyOpening(group[0]!, lead))
    .map((group) => {
      const fields: Fields = { text: group[0]!.text };
      for (const e of group) for (const f of e.fields) if (f.value && !(f.name in fields)) fields[f.name] = f.value;
      return fields;
    });
}


function emptyOpening(entry: LogEntry, lead: string): boolean {
  const first = entry.fields[0];
  return first !== undefined && first.name === lead && isPlaceholderText(first.value);
}

const DATE = /(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?/;

/**
 * Entries newest first: by the date each carries (in its Date/Author field or its text) where they
 * carry one, later in the log first among equals; entries without a date after the dated ones.
 */
function newestFirst(entries: Fields[]): Fields[] {
  const keyed = entries.map((e, i) => {
    const m = DATE.exec(e['date-author'] ?? e.date ?? e.text);
    return { e, i, at: m ? Number(`${m[1]}${m[2]}${m[3]}${(m[4] ?? '0').padStart(2, '0')}${m[5] ?? '00'}`) : -1 };
  });
  return keyed.sort((a, b) => b.at - a.at || b.i - a.i).map((k) => k.e);
}

/**
 * The latest completed item: by its timestamp where items carry valid ones (the later in the list
 * among equals), else the last in the list, which also wins when it carries no stamp. A top-level item is meant when there is one: the
 * sub-steps nested under an item are parts of it.
 */
function latestDone(done: ProgressItem[]): ProgressItem | undefined {
  const top = done.filter((i) => i.depth === 0);
  const pool = top.length ? top : done;
  let best: ProgressItem | undefined;
  for (const i of pool) if (i.timestamp?.valid && (!best || !isEarlier(i.timestamp, best.timestamp!))) best = i;
  // Items written below every stamped one without a stamp of their own were done after them.
  const last = pool[pool.length - 1];
  return last && !last.timestamp?.valid ? last : (best ?? last);
}

/**
 * Whether stamp `a`, written later in the list, is earlier than `b`. A date alone says only the day:
 * against a time on that day it is not earlier, so the list's order decides.
 */
function isEarlier(a: Timestamp, b: Timestamp): boolean {
  if (a.date !== b.date || (a.time !== undefined && b.time !== undefined)) return a.epoch < b.epoch;
  return false;
}
