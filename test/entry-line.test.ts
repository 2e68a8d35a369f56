import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changedEntryLine, entryLine, movedItemLine } from '../src/usecases/edit-plan.js';
import { applyEdits } from '../src/core/apply-edits.js';
import type { EditContext, PlanChange } from '../src/core/edits/context.js';
import { addProgressItem, markItemDone, undoItem } from '../src/core/edits/progress.js';
import { parsePlan } from '../src/core/parse.js';
import type { Plan } from '../src/core/types.js';
import { CORPUS, realPlans, skipsWithout } from './helpers/prerequisites.js';

const ctx: EditContext = { now: new Date('2026-01-05T14:30:00Z'), style: 'utc', offsetMinutes: 0 };

/** The line `changedEntryLine` reports, the one it works out without parsing (if it does), and the one a fresh parse of the result gives. */
function lines(plan: Plan, change: PlanChange): { reported: number | null; worked: number | undefined; parsed: number | null } {
  const after = applyEdits(plan.source, change.edits, plan.eol);
  const outcome = { plan, before: plan.source, after, result: change };
  return { reported: changedEntryLine(outcome, {}), worked: movedItemLine(outcome), parsed: entryLine(parsePlan(after), change) };
}

/** A builder's change, or undefined when it refuses (an item it cannot act on). */
function attempt(build: () => PlanChange): PlanChange | undefined {
  try {
    return build();
  } catch {
    return undefined;
  }
}

describe('the line of a changed entry, worked out without parsing again', () => {
  skipsWithout(CORPUS, 'ticks and reopens every item of the real corpus');
  it('is the line a fresh parse gives, for every item of every real plan ticked or reopened', () => {
    let checked = 0;
    let parsedAgain = 0;
    for (const { name, path } of realPlans()) {
      const text = readFileSync(path, 'utf8');
      for (const variant of [text, text.replace(/\r?\n/g, '\r\n'), `\uFEFF${text}`]) {
        const plan = parsePlan(variant);
        for (const item of plan.progress) {
          for (const build of [() => markItemDone(plan, item.index, ctx), () => undoItem(plan, item.index, ctx)]) {
            const change = attempt(build);
            if (!change) continue;
            const { reported, worked, parsed } = lines(plan, change);
            expect(reported, `${name} item ${item.index} ${change.kind}`).toBe(parsed);
            if (worked === undefined) parsedAgain++;
            else expect(worked, `${name} item ${item.index} ${change.kind}`).toBe(parsed);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(CORPUS.present ? 1000 : 100);
    // The point is to skip the second parse: it must be rare.
    expect(parsedAgain / checked).toBeLessThan(0.01);
  });

  it('falls back to a parse for entries the edits create', () => {
    const plan = parsePlan('# T\n\n## Progress\n\n- [ ] One\n- [ ] One\n\n## Decision Log\n\nNone yet.\n');
    const { reported, worked, parsed } = lines(plan, addProgressItem(plan, 'One', {}, ctx));
    expect(worked).toBeUndefined();
    expect(reported).toBe(parsed);
    expect(reported).toBe(7);
  });

  it('follows an item that lines added above it moved down', () => {
    const plan = parsePlan('# T\n\n## Progress\n\n- [ ] One\n- [ ] Two\n');
    const done = markItemDone(plan, 2, ctx);
    // The same change with two lines inserted at the top of the document.
    const moved: PlanChange = { ...done, edits: [{ start: 0, end: 0, text: 'x\ny\n' }, ...done.edits] };
    const { worked, parsed } = lines(plan, moved);
    expect(parsed).toBe(8);
    expect(worked).toBe(8);
  });
});
