import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/core/apply-edits.js';
import type { EditContext, PlanChange } from '../src/core/edits/context.js';
import { addDecision, addOutcome, addProgressItem, addSurprise, markItemDone, splitItem, undoItem } from '../src/core/edits/index.js';
import { parsePlan } from '../src/core/parse.js';
import type { Plan } from '../src/core/types.js';

const ctx: EditContext = { now: new Date('2026-01-05T14:30:00Z'), style: 'utc', offsetMinutes: 0 };

// A BOM, CRLF line endings, tabs, unicode the user wrote, and no final line break.
const LF = '\uFEFF# Ünïcode plan — “quotes” → arrows\n\n## Purpose / Big Picture\n\nWhy\twith a tab. 中文 \u200B zero-width.\n\n## Progress\n\n- [x] (2026-01-01 10:00Z) Done — step\n- [ ] Open\tstep\n\n## Surprises & Discoveries\n\n- Observation: x\n  Evidence: y\n\n## Decision Log\n\n- Decision: a\n  Rationale: b\n  Date/Author: 2026-01-01 / z\n\n## Outcomes & Retrospective\n\n- (2026-01-01 10:00Z) First outcome';
const CRLF = LF.replace(/\n/g, '\r\n');

const builders: [string, (p: Plan) => PlanChange][] = [
  ['add', (p) => addProgressItem(p, 'New step', { done: true }, ctx)],
  ['done', (p) => markItemDone(p, 2, ctx)],
  ['undo', (p) => undoItem(p, 1, ctx)],
  ['split', (p) => splitItem(p, 2, { done: 'half', remaining: 'rest\nof it' }, ctx)],
  ['decide', (p) => addDecision(p, { decision: 'd\nd2', rationale: 'r', author: 'A' }, ctx)],
  ['discover', (p) => addSurprise(p, { observation: 'o', evidence: 'e' }, ctx)],
  ['outcome', (p) => addOutcome(p, 'last\nline', ctx)],
];

describe('edits keep the bytes they do not touch', () => {
  for (const [name, build] of builders) {
    it(`${name}: CRLF, BOM, tabs, unicode and the missing final newline survive`, () => {
      const plan = parsePlan(CRLF);
      const change = build(plan);
      const out = applyEdits(CRLF, change.edits, plan.eol);
      expect(out.startsWith('\uFEFF# Ünïcode plan — “quotes” → arrows\r\n')).toBe(true);
      expect(out).not.toMatch(/[^\r]\n/);
      expect(out.endsWith('\n')).toBe(false);
      expect(out).toContain('Why\twith a tab. 中文 \u200B zero-width.');
      // The same edit on the LF twin gives the same text, line endings aside.
      const lfPlan = parsePlan(LF);
      expect(applyEdits(LF, build(lfPlan).edits, lfPlan.eol)).toBe(out.replace(/\r\n/g, '\n'));
      // Everything outside the edited ranges is identical.
      let pos = 0;
      let rebuilt = '';
      for (const e of [...change.edits].sort((a, b) => a.start - b.start)) {
        rebuilt += CRLF.slice(pos, e.start) + e.text.replace(/\n/g, '\r\n');
        pos = e.end;
      }
      expect(rebuilt + CRLF.slice(pos)).toBe(out);
    });
  }

  it('appends the last entry of a file without a final newline without adding one', () => {
    const plan = parsePlan(CRLF);
    const out = applyEdits(CRLF, addOutcome(plan, 'Second', ctx).edits, plan.eol);
    expect(out.endsWith('- (2026-01-01 10:00Z) First outcome\r\n- (2026-01-05 14:30Z) Second')).toBe(true);
    expect(parsePlan(out).outcomes.map((e) => e.text)).toEqual(['(2026-01-01 10:00Z) First outcome', '(2026-01-05 14:30Z) Second']);
  });

  it('writes a new item after an item that contains tabs, keeping the tabs', () => {
    const plan = parsePlan(LF);
    const out = applyEdits(LF, addProgressItem(plan, 'x', {}, ctx).edits, plan.eol);
    expect(out).toContain('- [ ] Open\tstep\n- [ ] x\n');
  });
});
