/**
 * Log entries in the specification's shapes: a Decision Log entry (`- Decision:` / `Rationale:` /
 * `Date/Author: YYYY-MM-DD / author`), a Surprises entry (`- Observation:` / `Evidence:`) and an
 * Outcomes entry. Outcomes entries start with a timestamp, as milestone outcomes are dated, unless
 * the section's existing entries carry none.
 */
import type { LogEntry, Plan } from '../types.js';
import { cleanText, stamp, today, type EditContext, type PlanChange } from './context.js';
import { entryLines, label, logStyle } from './list-style.js';
import { isPlaceholderEntry, placeholderEntries } from './placeholders.js';
import { placeEntry, type PlacedEntry } from './placement.js';
import { readLeadingTimestamp } from '../timestamps.js';

/** Append a Decision Log entry. */
export function addDecision(plan: Plan, input: { decision: string; rationale: string; author: string }, ctx: EditContext): PlanChange {
  const example = 'execplan decide <plan> "Use SQLite" --rationale "One file, no server"';
  const decision = cleanText(input.decision, 'decision', example, ctx);
  const rationale = cleanText(input.rationale, 'rationale', example, ctx);
  const author = cleanText(input.author, 'author', 'execplan decide <plan> "…" --rationale "…" --author "Ada"', ctx).join(' ');
  return addEntry(plan, 'decisions', 'decision.add', ctx, (lbl) => [
    [`${lbl('Decision')}${decision[0]}`, ...decision.slice(1)],
    [`${lbl('Rationale')}${rationale[0]}`, ...rationale.slice(1)],
    [`${lbl('Date/Author')}${today(ctx)} / ${author}`],
  ]);
}

/** Append a Surprises & Discoveries entry. */
export function addSurprise(plan: Plan, input: { observation: string; evidence: string }, ctx: EditContext): PlanChange {
  const example = 'execplan discover <plan> "Parsing is slow on big files" --evidence "2.1 s for 185 KB"';
  const observation = cleanText(input.observation, 'observation', example, ctx);
  const evidence = cleanText(input.evidence, 'evidence', example, ctx);
  return addEntry(plan, 'surprises', 'surprise.add', ctx, (lbl) => [
    [`${lbl('Observation')}${observation[0]}`, ...observation.slice(1)],
    [`${lbl('Evidence')}${evidence[0]}`, ...evidence.slice(1)],
  ]);
}

/** Append an Outcomes & Retrospective entry. */
export function addOutcome(plan: Plan, text: string, ctx: EditContext): PlanChange {
  const lines = cleanText(text, 'outcome', 'execplan outcome <plan> "Milestone 1 shipped: the parser reads every corpus plan"', ctx);
  // Dated like the section's own entries; a list of evidence under a lead-in line says nothing about that.
  const real = plan.outcomes.filter((e) => !isPlaceholderEntry(e) && e.list === 'own' && !followUp(plan, e));
  const dated = !real.length || real.some((e) => startsWithTimestamp(plan, e));
  const head = dated ? `${stamp(ctx)} ${lines[0]}` : lines[0]!;
  return addEntry(plan, 'outcomes', 'outcome.add', ctx, () => [[head, ...lines.slice(1)]], (e) => followUp(plan, e));
}

/**
 * Whether an Outcomes entry stands in a list that is not a log of outcomes: a numbered list none of
 * whose items is dated (follow-ups, remediation steps: "1. Fix the cache."), or a template of things
 * to record, short prompts with nothing after them ("- What worked", "- What's next").
 */
function followUp(plan: Plan, entry: LogEntry): boolean {
  if (entry.form !== 'item') return false;
  const list = plan.outcomes.filter((e) => e.form === 'item' && e.listLine === entry.listLine);
  if (/^\d/.test(entry.marker) && !list.some((e) => startsWithTimestamp(plan, e))) return true;
  // Per item: an entry written above the prompts joins their list, and the prompts stay prompts.
  const prompt = (e: LogEntry) => e.line === e.endLine && PROMPT.test(e.text);
  return prompt(entry) && list.filter(prompt).length > 1;
}

// A short prompt: a few words, no sentence end, no value after a colon.
const PROMPT = /^[^.!?。:：\d()]{1,40}[?:：]?$/u;

const TITLES = { decisions: 'Decision Log', surprises: 'Surprises & Discoveries', outcomes: 'Outcomes & Retrospective' } as const;

function addEntry(
  plan: Plan,
  key: 'decisions' | 'surprises' | 'outcomes',
  kind: PlanChange['kind'],
  ctx: EditContext,
  build: (lbl: (name: string) => string) => string[][],
  other: (entry: LogEntry) => boolean = () => false,
): PlanChange {
  const all = plan[key];
  const placeholder = placeholderEntries(all, key);
  const listOf = (e: LogEntry): PlacedEntry['list'] => (e.list === 'own' && other(e) ? 'other' : e.list);
  const entries: PlacedEntry[] = all.map((e) => ({ range: e.range, line: e.line, indent: e.indent, top: true, placeholder: placeholder.has(e), list: listOf(e), listLine: e.listLine }));
  const real = all.filter((_, i) => !entries[i]!.placeholder);
  // Written like the section's own list; a list of another kind says nothing about it.
  const own = real.filter((e) => listOf(e) === 'own');
  let style = logStyle(plan, own.length ? own : real.length ? [] : all);
  // Above a bulleted list of another kind with no lead-in line between (a template's prompts), a
  // bullet would join that list: the first entry is a paragraph of its own.
  const bare = !own.length && !all.some((e) => placeholder.has(e)) && real.some((e) => listOf(e) === 'other' && e.marker === style.marker);
  if (bare) style = { ...style, indent: '', marker: '', gap: '', cont: '', fieldPrefix: '', loose: true };
  const marker = bare ? '' : !real.length && all[0] ? all[0].marker : style.marker;
  // A label is followed by a space, unless its colon is a full-width one (`观察：…`).
  const [head, ...fields] = build((name) => {
    const l = label(style, name);
    return /：(?:\*\*|__)?$/.test(l) ? l : `${l} `;
  });
  const lines = entryLines(style, marker, head!, fields);
  const placed = placeEntry(plan, key, lines, entries, style.loose, ctx.order);
  const note = placed.createdSection ? ` (created the ${TITLES[key]} section)` : placed.replacedPlaceholder ? ' (replacing the skeleton placeholder)' : '';
  return {
    edits: placed.edits,
    kind,
    section: key,
    entry: lines.join('\n'),
    entryIndex: placed.before + 1,
    createdSection: placed.createdSection,
    replacedPlaceholder: placed.replacedPlaceholder,
    summary: `Added ${key === 'outcomes' ? 'an' : 'a'} ${TITLES[key]} entry${note}.`,
  };
}

function startsWithTimestamp(plan: Plan, entry: LogEntry): boolean {
  const first = plan.source.slice(entry.range.start, entry.range.end).split(/\r?\n|\r/)[0]!;
  const body = first.replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/, '');
  return readLeadingTimestamp(body, 0) !== undefined;
}
