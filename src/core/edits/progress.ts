/**
 * Progress edits: add a step, mark one done, undo that, split a partly done step in two.
 *
 * `done` stamps the moment right after the box in the configured style, replacing a leading
 * timestamp the item already has (an open item's stamp says when it was planned, not finished).
 * An item that is already done and dated is left alone, so repeating `done` changes nothing.
 * `undo` empties the box and removes a leading stamp in the form `done` writes (`(YYYY-MM-DD HH:MM)`
 * or `…Z)`), so an open item never claims a completion time; stamps in other forms were written by
 * hand and stay. New open items carry no timestamp: the stamp records when a step was finished.
 */
import { ExecplanError } from '../errors.js';
import { applyEdits, type Edit } from '../apply-edits.js';
import type { Plan, ProgressItem, Range } from '../types.js';
import { cleanText, stamp, type EditContext, type PlanChange } from './context.js';
import { resolveItem } from './item-ref.js';
import { entryLines, progressStyle, type ListStyle } from './list-style.js';
import { isPlaceholderItem, isTemplateItem } from './placeholders.js';
import { placeEntry, type PlacedEntry } from './placement.js';

// The skeleton's `(YYYY-MM-DD HH:MM)`, or a note in the stamp's place that the step is not done yet.
const TEMPLATE_STAMP = /^[ \t]*\((?:\s*YYYY-MM-DD[^)\n]*|pending|tbd|todo|wip|in progress|not started|planned)\)/i;

/** Add a step at the end of Progress: open, or completed now with `done`. */
export function addProgressItem(plan: Plan, text: string, options: { done?: boolean }, ctx: EditContext): PlanChange {
  const lines = cleanText(text, 'step', 'execplan progress <plan> add "Write the parser tests"', ctx);
  const entries = progressEntries(plan);
  const real = plan.progress.filter((_, i) => !entries[i]!.placeholder);
  // Written like Progress's own list; a milestone's list or a template only when there is no other.
  const own = plan.progress.filter((_, i) => !entries[i]!.placeholder && entries[i]!.list === 'own');
  const style = progressStyle(plan, own.length ? own : real.length ? real : plan.progress);
  // A placeholder replaced in place keeps its own marker; otherwise the list's next marker.
  const marker = !real.length && plan.progress[0] ? plan.progress[0].marker : style.marker;
  const box = options.done ? `[x] ${stamp(ctx)} ` : '[ ] ';
  const entry = entryLines(style, marker, [box + lines[0], ...lines.slice(1)]);
  const placed = placeEntry(plan, 'progress', entry, entries, style.loose, ctx.order);
  const index = placed.before + 1;
  return {
    edits: placed.edits,
    kind: 'progress.add',
    section: 'progress',
    entry: entry.join('\n'),
    items: [index],
    entryIndex: index,
    createdSection: placed.createdSection,
    replacedPlaceholder: placed.replacedPlaceholder,
    summary: `Added Progress item ${index}${options.done ? ', done' : ''}${notes(placed)}.`,
  };
}

/** Mark an item done: `[x]` and the current timestamp right after the box. */
export function markItemDone(plan: Plan, ref: string | number, ctx: EditContext): PlanChange {
  const item = resolveItem(plan, ref, ctx);
  if (item.state === 'done' && item.timestamp?.valid) {
    return unchanged(plan, item, 'progress.done', `Progress item ${item.index} is already done ${item.timestamp.raw}; nothing changed.`);
  }
  // An item's own stamp is replaced by one of the same form only.
  const own = item.timestamp?.place === 'start' && item.timestamp.valid ? item.timestamp : undefined;
  const now = stamp(ctx, own ?? ctx.like);
  const edits: Edit[] = [];
  if (item.mark !== 'x') edits.push({ ...item.boxRange, text: '[x]' });
  const lead = item.timestamp?.place === 'start' ? item.timestamp.range : templateStamp(plan, item);
  if (lead) edits.push({ ...lead, text: now });
  else edits.push({ start: item.boxRange.end, end: item.boxRange.end, text: ` ${now}` });
  return changed(plan, item, edits, 'progress.done', `Marked Progress item ${item.index} done ${now}.`);
}

/** Reopen an item: `[ ]`, without the completion stamp `done` wrote. */
export function undoItem(plan: Plan, ref: string | number, ctx: EditContext): PlanChange {
  const item = resolveItem(plan, ref, ctx);
  if (item.state === 'todo') return unchanged(plan, item, 'progress.undo', `Progress item ${item.index} is already open; nothing changed.`);
  const edits: Edit[] = [{ ...item.boxRange, text: '[ ]' }];
  const ts = item.timestamp;
  if (ts && ts.place === 'start' && (ts.form === 'local' || ts.form === 'utc')) {
    const after = plan.source.slice(ts.range.end, item.range.end);
    const sep = /^[ \t]*(?:[-–—:：](?=[ \t]|$)[ \t]*)?/.exec(after)![0];
    const restOfLine = after.slice(sep.length).split(/\r?\n|\r/)[0]!;
    // With nothing after the stamp on its line, the space after the box goes too: no trailing blank.
    const start = restOfLine.trim() ? ts.range.start : item.boxRange.end;
    edits.push({ start, end: ts.range.end + sep.length, text: '' });
  }
  return changed(plan, item, edits, 'progress.undo', `Reopened Progress item ${item.index}.`);
}

/**
 * Split an item into a done item and an open item for what remains, in its place. The done part
 * is stamped now, unless the item was already done: then it keeps the item's own timestamp, since
 * that part was finished then; a done item without a valid timestamp is refused rather than dated
 * by a guess.
 */
export function splitItem(plan: Plan, ref: string | number, parts: { done: string; remaining: string }, ctx: EditContext): PlanChange {
  const item = resolveItem(plan, ref, ctx);
  const done = cleanText(parts.done, 'done part', 'execplan progress <plan> split 3 --done "Parser reads headings" --remaining "Parser reads lists"', ctx);
  const remaining = cleanText(parts.remaining, 'remaining part', 'execplan progress <plan> split 3 --done "Parser reads headings" --remaining "Parser reads lists"', ctx);
  const listStyle = progressStyle(plan, plan.progress.filter((i) => i.depth === item.depth));
  const style: ListStyle = { ...listStyle, indent: item.indent, gap: gapOf(plan, item), cont: ownContinuation(plan, item) ?? listStyle.cont };
  const first = entryLines(style, item.marker, [`[x] ${splitStamp(item, ctx)} ${done[0]}`, ...done.slice(1)]);
  const second = entryLines(style, item.marker, [`[ ] ${remaining[0]}`, ...remaining.slice(1)]);
  const text = [...first, ...(style.loose ? [''] : []), ...second].join('\n');
  return {
    edits: [{ ...item.range, text }],
    kind: 'progress.split',
    section: 'progress',
    entry: text,
    items: [item.index, item.index + 1],
    entryIndex: item.index,
    createdSection: false,
    replacedPlaceholder: false,
    summary: `Split Progress item ${item.index} into ${item.index} (done) and ${item.index + 1} (remaining).`,
  };
}

/** The done part's timestamp: the item's own when it is already done, else now. */
function splitStamp(item: ProgressItem, ctx: EditContext): string {
  if (item.state !== 'done') return stamp(ctx);
  if (item.timestamp?.valid) return item.timestamp.raw;
  throw new ExecplanError(
    'REFUSED',
    `Progress item ${item.index}${ctx.file ? ` of ${ctx.file}` : ''} is already done and has no valid timestamp, so the time its done part was finished is unknown. Add its timestamp first (e.g. \`[x] (2026-01-05 14:30) …\`), or \`execplan progress <plan> undo ${item.index}\` and split the open item.`,
    ctx.file ? { file: ctx.file } : {},
  );
}

/**
 * The Progress items as placement sees them. A list under a lead-in line ("Remaining work:") is
 * Progress's own list, unless all it holds is placeholders: then it is a template for new items
 * ("Use this form:"), which stays as written. A list under a sub-heading (`### Milestone 2`) is that
 * milestone's.
 */
function progressEntries(plan: Plan): PlacedEntry[] {
  const depth = plan.progress.reduce((min, i) => Math.min(min, i.depth), Infinity);
  // Only outermost placeholders are replaced: a nested one belongs to the item above it.
  const top = plan.progress.filter((i) => i.depth === depth);
  const template = new Set(top.filter((i) => i.list === 'lead-in').map((i) => i.listLine));
  for (const i of top) if (!isTemplateItem(i)) template.delete(i.listLine);
  return plan.progress.map((i) => {
    const inTemplate = template.has(i.listLine);
    const list = i.list === 'lead-in' && !inTemplate ? 'own' : i.list;
    return { range: i.range, blockEnd: i.blockEnd, line: i.line, indent: i.indent, top: i.depth === depth, placeholder: i.depth === depth && !inTemplate && isPlaceholderItem(i), list, listLine: i.listLine };
  });
}

/** A skeleton stamp `(YYYY-MM-DD HH:MM)` right after the box, which `done` fills in. */
function templateStamp(plan: Plan, item: ProgressItem): Range | undefined {
  const m = TEMPLATE_STAMP.exec(plan.source.slice(item.boxRange.end, item.range.end));
  if (!m) return undefined;
  const start = item.boxRange.end + m[0].indexOf('(');
  return { start, end: item.boxRange.end + m[0].length };
}

function gapOf(plan: Plan, item: ProgressItem): string {
  return plan.source.slice(item.range.start + item.indent.length + item.marker.length, item.boxRange.start) || ' ';
}

function ownContinuation(plan: Plan, item: ProgressItem): string | undefined {
  const own = plan.source.slice(item.range.start, item.range.end).split(/\r?\n|\r/).slice(1);
  return own.map((l) => /^[ \t]+/.exec(l)?.[0]).find((ws) => ws && ws.length > item.indent.length);
}

/** The item's lines as they read after `edits`. */
function itemAfter(plan: Plan, item: ProgressItem, edits: readonly Edit[]): string {
  const local = edits.map((e) => ({ start: e.start - item.range.start, end: e.end - item.range.start, text: e.text }));
  return applyEdits(plan.source.slice(item.range.start, item.range.end), local).replace(/\r\n?/g, '\n');
}

function changed(plan: Plan, item: ProgressItem, edits: Edit[], kind: PlanChange['kind'], summary: string): PlanChange {
  return { edits, kind, section: 'progress', entry: itemAfter(plan, item, edits), items: [item.index], entryIndex: item.index, createdSection: false, replacedPlaceholder: false, summary };
}

function unchanged(plan: Plan, item: ProgressItem, kind: PlanChange['kind'], summary: string): PlanChange {
  return changed(plan, item, [], kind, summary);
}

function notes(p: { createdSection: boolean; replacedPlaceholder: boolean }): string {
  if (p.createdSection) return ' (created the Progress section)';
  return p.replacedPlaceholder ? ' (replacing the skeleton placeholder)' : '';
}
