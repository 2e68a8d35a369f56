/** Checks shared by the property tests of the living-document edits. */
import { expect } from 'vitest';
import { applyEdits } from '../../src/core/apply-edits.js';
import type { EditContext, PlanChange } from '../../src/core/edits/context.js';
import { addDecision, addOutcome, addProgressItem, addSurprise, isPlaceholderItem, markItemDone, placeholderEntries, splitItem, undoItem } from '../../src/core/edits/index.js';
import { parsePlan } from '../../src/core/parse.js';
import { formatTimestamp } from '../../src/core/timestamps.js';
import type { Plan } from '../../src/core/types.js';

/** One edit to try: which builder, with which values. */
export type Op =
  | { kind: 'add'; text: string; done: boolean }
  | { kind: 'done' | 'undo'; item: number }
  | { kind: 'split'; item: number; done: string; remaining: string }
  | { kind: 'decide'; decision: string; rationale: string; author: string }
  | { kind: 'discover'; observation: string; evidence: string }
  | { kind: 'outcome'; text: string };

export const CTX: EditContext = { now: new Date('2026-03-04T05:06:00Z'), style: 'utc', offsetMinutes: 0 };

/** Run an op; item ops are skipped (undefined) when the plan has no such item. */
export function build(plan: Plan, op: Op): PlanChange | undefined {
  switch (op.kind) {
    case 'add':
      return addProgressItem(plan, op.text, { done: op.done }, CTX);
    case 'done':
    case 'undo':
    case 'split': {
      if (!plan.progress.length) return undefined;
      const item = ((op.item - 1) % plan.progress.length) + 1;
      if (op.kind === 'split') {
        // A done item keeps its own time on the done part; without a valid one, split refuses.
        const target = plan.progress[item - 1]!;
        if (target.state === 'done' && !target.timestamp?.valid) {
          expect(() => splitItem(plan, item, op, CTX)).toThrow(/no valid timestamp/);
          return undefined;
        }
        return splitItem(plan, item, op, CTX);
      }
      return op.kind === 'done' ? markItemDone(plan, item, CTX) : undoItem(plan, item, CTX);
    }
    case 'decide':
      return addDecision(plan, op, CTX);
    case 'discover':
      return addSurprise(plan, op, CTX);
    case 'outcome':
      return addOutcome(plan, op.text, CTX);
  }
}

const oneLine = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');

/**
 * Apply `op` to `source` and check: bytes outside the edits are identical, the file keeps its line
 * ending, and the plan parses back with the entry in place. Returns the new text.
 */
export function checkOp(source: string, op: Op, label = ''): string {
  const plan = parsePlan(source);
  const change = build(plan, op);
  if (!change) return source;
  const out = applyEdits(source, change.edits, plan.eol);

  // Everything before, between and after the edits is byte-identical.
  let pos = 0;
  let rebuilt = '';
  for (const e of [...change.edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    expect(e.start, label).toBeGreaterThanOrEqual(pos);
    rebuilt += source.slice(pos, e.start) + (plan.eol === '\n' ? e.text : e.text.replace(/\n/g, '\r\n'));
    pos = e.end;
  }
  expect(rebuilt + source.slice(pos), label).toBe(out);
  if (plan.eol === '\r\n') for (const e of change.edits) expect(e.text.includes('\r'), label).toBe(false);
  if (plan.bom) expect(out.charCodeAt(0), label).toBe(0xfeff);

  const after = parsePlan(out);
  const stamp = formatTimestamp(CTX.now, CTX.style);
  switch (op.kind) {
    case 'add': {
      const item = after.progress[change.items![0]! - 1];
      expect(item?.text, label).toBe(oneLine(op.text));
      expect(item?.state, label).toBe(op.done ? 'done' : 'todo');
      if (op.done) expect(item?.timestamp?.raw, label).toBe(stamp);
      const top = Math.min(...plan.progress.map((i) => i.depth));
      expect(after.progress.length, label).toBe(plan.progress.filter((i) => !(i.depth === top && isPlaceholderItem(i))).length + 1);
      break;
    }
    case 'done': {
      const item = after.progress[change.items![0]! - 1]!;
      expect(item.state, label).toBe('done');
      expect(item.timestamp?.valid, label).toBe(true);
      expect(after.progress.length, label).toBe(plan.progress.length);
      break;
    }
    case 'undo': {
      expect(after.progress[change.items![0]! - 1]!.state, label).toBe('todo');
      expect(after.progress.length, label).toBe(plan.progress.length);
      break;
    }
    case 'split': {
      const [a, b] = change.items!.map((i) => after.progress[i - 1]);
      const before = plan.progress[change.items![0]! - 1]!;
      expect([a?.state, a?.text, a?.timestamp?.raw], label).toEqual(['done', oneLine(op.done), before.state === 'done' ? before.timestamp!.raw : stamp]);
      expect([b?.state, b?.text], label).toEqual(['todo', oneLine(op.remaining)]);
      expect(after.progress.length, label).toBe(plan.progress.length + 1);
      break;
    }
    case 'decide':
    case 'discover':
    case 'outcome': {
      const key = op.kind === 'decide' ? 'decisions' : op.kind === 'discover' ? 'surprises' : 'outcomes';
      const entry = after[key][change.entryIndex! - 1];
      const placeholders = placeholderEntries(plan[key], key);
      expect(after[key].length, label).toBe(plan[key].filter((e) => !placeholders.has(e)).length + 1);
      const fields = Object.fromEntries((entry?.fields ?? []).map((f) => [f.name, f.value]));
      if (op.kind === 'decide') {
        expect(fields.decision, label).toBe(oneLine(op.decision));
        expect(fields.rationale, label).toBe(oneLine(op.rationale));
        expect(fields['date-author'], label).toBe(`2026-03-04 / ${oneLine(op.author)}`);
      } else if (op.kind === 'discover') {
        expect(fields.observation, label).toBe(oneLine(op.observation));
        expect(fields.evidence, label).toBe(oneLine(op.evidence));
      } else {
        expect(entry?.text.endsWith(oneLine(op.text)), label).toBe(true);
      }
      break;
    }
  }
  // Sections: the same, plus the one created.
  expect(after.sections.length, label).toBe(plan.sections.length + (change.createdSection ? 1 : 0));
  return out;
}
