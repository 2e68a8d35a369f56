/**
 * The placement check of the quality bar: an edit keeps every line of the author's except skeleton
 * placeholders, and `show --json` reads the new entry back in its section, as the right kind, at the
 * top level of the section's own list of entries.
 */
import { diffComm } from 'node-diff3';
import { applyEdits } from '../../src/core/apply-edits.js';
import type { EditContext, PlanChange } from '../../src/core/edits/context.js';
import { addDecision, addOutcome, addProgressItem, addSurprise, isPlaceholderItem, isPlaceholderText, markItemDone, placeholderEntries } from '../../src/core/edits/index.js';
import { isPlaceholderLine } from '../../src/core/edits/placeholders.js';
import { parsePlan } from '../../src/core/parse.js';
import type { Plan } from '../../src/core/types.js';
import { describe as showJson } from '../../src/usecases/show.js';

/** The five edits of the quality bar. */
export type PlacementOp = 'add' | 'done' | 'decide' | 'discover' | 'outcome';
export const PLACEMENT_OPS: readonly PlacementOp[] = ['add', 'done', 'decide', 'discover', 'outcome'];

const CTX: EditContext = { now: new Date('2026-03-04T05:06:00Z'), style: 'utc', offsetMinutes: 0 };
const KEY = { add: 'progress', done: 'progress', decide: 'decisions', discover: 'surprises', outcome: 'outcomes' } as const;

/** The item `done` is tried on: the first one still open, else the first. */
function doneTarget(plan: Plan): number | undefined {
  if (!plan.progress.length) return undefined;
  return (plan.progress.find((i) => i.state !== 'done') ?? plan.progress[0]!).index;
}

function build(plan: Plan, op: PlacementOp): PlanChange | undefined {
  switch (op) {
    case 'add':
      return addProgressItem(plan, 'Wire the exporter', {}, CTX);
    case 'done': {
      const item = doneTarget(plan);
      return item === undefined ? undefined : markItemDone(plan, item, CTX);
    }
    case 'decide':
      return addDecision(plan, { decision: 'Keep the exporter', rationale: 'It reads back.', author: 'Ada' }, CTX);
    case 'discover':
      return addSurprise(plan, { observation: 'The exporter is fast', evidence: '3 ms per plan' }, CTX);
    case 'outcome':
      return addOutcome(plan, 'The exporter shipped.', CTX);
  }
}

/** 1-based lines of the original that an edit may remove: skeleton placeholders and blank lines. */
function removable(plan: Plan, op: PlacementOp): Set<number> {
  const lines = new Set<number>();
  const span = (from: number, to: number) => {
    for (let l = from; l <= to; l++) lines.add(l);
  };
  const key = KEY[op];
  if (key === 'progress') {
    const top = Math.min(...plan.progress.map((i) => i.depth));
    for (const i of plan.progress) if (i.depth === top && isPlaceholderItem(i)) span(i.line, i.endLine);
  } else {
    for (const e of placeholderEntries(plan[key], key)) span(e.line, e.endLine);
  }
  const section = plan.sections.find((s) => s.key === key);
  if (section) {
    const text = plan.source.split(/\r\n|\n|\r/);
    for (let l = section.line + 1; l <= section.endLine; l++) if (isPlaceholderLine(text[l - 1] ?? '')) lines.add(l);
  }
  return lines;
}

/** Lines starting an ATX heading, outside code. */
function headingLines(plan: Plan): number[] {
  const text = plan.source.split(/\r\n|\n|\r/);
  const inCode = (l: number) => plan.codeBlocks.some((c) => l >= c.line && l <= c.endLine);
  const out: number[] = [];
  text.forEach((t, i) => {
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(t) && !inCode(i + 1)) out.push(i + 1);
  });
  return out;
}

/**
 * Run `op` on `source` and return what is wrong with the result, as sentences (none when it is
 * right). Edits a plan refuses (conflict markers) count as right.
 */
export function placementProblems(source: string, op: PlacementOp): string[] {
  const plan = parsePlan(source);
  if (plan.conflictMarkers.length) return [];
  const change = build(plan, op);
  if (!change || !change.edits.length) return [];
  const out = applyEdits(source, change.edits, plan.eol);
  const problems: string[] = [];

  // Every original line stays, in order, except placeholders (and the item `done` changes).
  const before = source.split(/\r\n|\n|\r/);
  const after = out.split(/\r\n|\n|\r/);
  const allowed = removable(plan, op);
  const item = op === 'done' ? plan.progress[change.items![0]! - 1] : undefined;
  // The edits touch a few places: the common head and tail are left out of the line diff.
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  let line = head + 1;
  const chunks = diffComm(before.slice(head, before.length - tail), after.slice(head, after.length - tail)) as { common?: string[]; buffer1?: string[] }[];
  for (const chunk of chunks) {
    if (chunk.common) {
      line += chunk.common.length;
      continue;
    }
    const removed = chunk.buffer1 ?? [];
    removed.forEach((text, k) => {
      const n = line + k;
      const own = item && n === item.line;
      if (!own && text.trim() && !allowed.has(n)) problems.push(`line ${n} "${text.trim().slice(0, 60)}" was removed or changed`);
    });
    line += removed.length;
  }

  const parsed = parsePlan(out);
  const shown = showJson(parsed);
  const key = KEY[op];
  const section = shown.sections.find((s) => s.key === key);
  if (!section) return [...problems, `no ${key} section after the edit`];
  const inSection = (l: number) => l > section.line && l <= section.endLine;
  // A heading between the section's and the entry's puts the entry in a milestone or sub-section block.
  const under = (l: number) => headingLines(parsed).some((h) => h > section.line && h < l && h <= section.endLine);

  if (key === 'progress') {
    const shownItem = shown.progress[change.items![0]! - 1];
    if (!shownItem) return [...problems, `show reads no Progress item ${change.items![0]}`];
    if (op === 'add') {
      if (shownItem.text !== 'Wire the exporter') problems.push(`the new item reads "${shownItem.text}"`);
      if (shownItem.state !== 'todo') problems.push(`the new item is ${shownItem.state}`);
      if (shownItem.depth !== 0) problems.push(`the new item is nested (depth ${shownItem.depth})`);
      if (under(shownItem.line)) problems.push(`the new item (line ${shownItem.line}) stands under a sub-heading of Progress`);
      if (shown.progress.length !== plan.progress.filter((i) => !(i.depth === Math.min(...plan.progress.map((p) => p.depth)) && isPlaceholderItem(i))).length + 1) problems.push('the item count is not one more');
    } else {
      const was = item!;
      if (shownItem.state !== 'done') problems.push(`item ${was.index} is ${shownItem.state} after done`);
      // Its words stay; only a placeholder in the stamp's place, such as `(pending)`, may go.
      const dropped = was.text.endsWith(shownItem.text) ? was.text.slice(0, was.text.length - shownItem.text.length) : undefined;
      if (dropped === undefined || (dropped.trim() && !isPlaceholderText(dropped))) problems.push(`item ${was.index} reads "${shownItem.text}" after done, was "${was.text}"`);
      if (shown.progress.length !== plan.progress.length) problems.push('the item count changed');
    }
    if (!inSection(shownItem.line)) problems.push(`the item (line ${shownItem.line}) is outside Progress`);
    return problems;
  }

  const entries = shown[key];
  const entry = entries[change.entryIndex! - 1];
  const model = parsed[key][change.entryIndex! - 1];
  if (!entry || !model) return [...problems, `show reads no ${key} entry ${change.entryIndex}`];
  if (!inSection(entry.line)) problems.push(`the entry (line ${entry.line}) is outside its section`);
  if (under(entry.line)) problems.push(`the entry (line ${entry.line}) stands under a sub-heading of its section`);
  if (model.list !== 'own') problems.push(`the entry joined a ${model.list} list`);
  const placeholders = placeholderEntries(plan[key], key);
  if (entries.length !== plan[key].filter((e) => !placeholders.has(e)).length + 1) problems.push('the entry count is not one more');
  const f = entry.fields as Record<string, string>;
  if (op === 'decide' && (f.decision !== 'Keep the exporter' || f.rationale !== 'It reads back.' || f['date-author'] !== '2026-03-04 / Ada')) problems.push(`the entry reads ${JSON.stringify(f)}`);
  if (op === 'discover' && (f.observation !== 'The exporter is fast' || f.evidence !== '3 ms per plan')) problems.push(`the entry reads ${JSON.stringify(f)}`);
  if (op === 'outcome' && !entry.text.endsWith('The exporter shipped.')) problems.push(`the entry reads "${entry.text}"`);
  return problems;
}
