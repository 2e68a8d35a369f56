/**
 * The plan merge over real plans (the corpus, and the example workspace's): random appends, ticks
 * and splits on both sides merge with no entry lost, none duplicated, every tick kept, and a
 * conflict only where both sides changed the same entry. Seeded; the seed is printed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/core/apply-edits.js';
import type { EditContext } from '../src/core/edits/context.js';
import { addDecision, addOutcome, addSurprise } from '../src/core/edits/logs.js';
import { addProgressItem, markItemDone, splitItem } from '../src/core/edits/progress.js';
import { mergePlans } from '../src/core/merge/merge-plan.js';
import { parsePlan } from '../src/core/parse.js';
import { CORPUS, corpusPath, corpusPlans, need } from './helpers/prerequisites.js';

const SEED = Number(process.env.EXECPLAN_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`merge-property: seed ${SEED} (EXECPLAN_SEED=${SEED} repeats this run)`);

const EXAMPLES = fileURLToPath(new URL('../examples/workspace/.agent/execplans/', import.meta.url));
const examplePlans = readdirSync(EXAMPLES).filter((f) => f.endsWith('.md')).map((f) => path.join(EXAMPLES, f));

type Op = { kind: 'add' | 'decide' | 'discover' | 'outcome' } | { kind: 'tick' | 'split'; item: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constantFrom<Op>({ kind: 'add' }, { kind: 'decide' }, { kind: 'discover' }, { kind: 'outcome' }),
  fc.record({ kind: fc.constantFrom<'tick' | 'split'>('tick', 'split'), item: fc.nat(40) }),
);

interface Side {
  text: string;
  /** Unique words of every entry the side added (each must be in the merge exactly once). */
  added: string[];
  /** Base items (by index) the side ticked, split or otherwise changed. */
  touched: Set<number>;
  /** Texts of items the side ticked, which must be ticked in the merge. */
  ticked: string[];
}

function apply(base: string, ops: readonly Op[], side: 'a' | 'b', day: number): Side {
  const s: Side = { text: base, added: [], touched: new Set(), ticked: [] };
  const baseItems = parsePlan(base).progress;
  ops.forEach((o, n) => {
    const plan = parsePlan(s.text);
    const ctx: EditContext = { now: new Date(Date.UTC(2030, 0, day, 8, n)), style: 'local', offsetMinutes: 0 };
    const word = `w${side}${n}x${SEED % 1000}`;
    try {
      let change;
      if (o.kind === 'add') change = addProgressItem(plan, `Step ${word}`, {}, ctx);
      else if (o.kind === 'decide') change = addDecision(plan, { decision: `Choose ${word}`, rationale: 'it fits', author: side }, ctx);
      else if (o.kind === 'discover') change = addSurprise(plan, { observation: `Found ${word}`, evidence: 'a log' }, ctx);
      else if (o.kind === 'outcome') change = addOutcome(plan, `Shipped ${word}`, ctx);
      else {
        // Only items of the base, still open and still there, each once per side.
        const target = 'item' in o ? baseItems[o.item % Math.max(baseItems.length, 1)] : undefined;
        if (!target || target.state !== 'todo' || target.depth !== 0 || s.touched.has(target.index)) return;
        const now = plan.progress.find((i) => i.text === target.text && i.depth === 0);
        if (!now || plan.progress.filter((i) => i.text === target.text).length > 1) return;
        if (o.kind === 'tick') {
          change = markItemDone(plan, now.index, ctx);
          s.ticked.push(target.text);
        } else {
          change = splitItem(plan, now.index, { done: `Half ${word}`, remaining: `Rest ${word}` }, ctx);
          s.added.push(`Half ${word}`, `Rest ${word}`);
        }
        s.touched.add(target.index);
      }
      s.text = applyEdits(s.text, change.edits, plan.eol);
      if (o.kind !== 'tick' && o.kind !== 'split') s.added.push(word);
    } catch {
      // An edit the plan refuses (no such section in a strange layout): the side does without it.
    }
  });
  return s;
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

function check(base: string, opsA: readonly Op[], opsB: readonly Op[]): void {
  const a = apply(base, opsA, 'a', 10);
  const b = apply(base, opsB, 'b', 20);
  const merged = mergePlans(base, a.text, b.text);
  const overlap = [...a.touched].some((i) => b.touched.has(i));
  if (!overlap) expect(merged.conflicts, merged.text).toBe(0);
  if (merged.conflicts) return;
  for (const w of [...a.added, ...b.added]) expect(count(merged.text, w), `${w} in\n${merged.text}`).toBe(1);
  const items = parsePlan(merged.text).progress;
  for (const t of [...a.ticked, ...b.ticked]) {
    // Split on the other side: the split stands in its place.
    if (items.some((i) => i.text === t)) expect(items.filter((i) => i.text === t).some((i) => i.state === 'done'), `${t} ticked`).toBe(true);
  }
  // Nothing of the base outside the living sections was lost: the title stays.
  const title = parsePlan(base).title?.text;
  if (title) expect(parsePlan(merged.text).title?.text).toBe(title);
}

const ops = fc.array(op, { maxLength: 6 });

describe('merge property', () => {
  it('over the example workspace plans', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examplePlans), ops, ops, (file, opsA, opsB) => check(readFileSync(file, 'utf8'), opsA, opsB)),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('over the real-plan corpus', (ctx) => {
    need(ctx, CORPUS);
    const files = corpusPlans().map(corpusPath);
    fc.assert(
      fc.property(fc.constantFrom(...files), ops, ops, (file, opsA, opsB) => check(readFileSync(file, 'utf8'), opsA, opsB)),
      { seed: SEED, numRuns: 150 },
    );
  });
});
