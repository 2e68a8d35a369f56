import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/core/parse.js';
import { outcomesEmpty, unfinishedReasons } from '../src/workspace/finished.js';

const withOutcomes = (body: string) => parsePlan(`# T\n\n## Progress\n\n- [x] (2026-01-05 10:00) Done.\n\n## Outcomes & Retrospective\n\n${body}\n## Context and Orientation\n\nText.\n`);

describe('outcomesEmpty', () => {
  const empty = ['', 'At completion (or major milestones), summarize what shipped, what didn’t, and lessons learned.\n', 'None yet.\n', '_TBD_\n', '- …\n', '<!-- fill in at the end -->\n', '### Milestone 1\n\n'];
  for (const body of empty) it(`reads ${JSON.stringify(body)} as empty`, () => expect(outcomesEmpty(withOutcomes(body))).toBe(true));

  const written = ['Shipped the parser.\n', '- (2026-01-05 14:00) Milestone 1 shipped.\n', '### Milestone 1\n\nThe parser reads every plan.\n', 'None yet.\n\nActually, we shipped it.\n'];
  for (const body of written) it(`reads ${JSON.stringify(body)} as written`, () => expect(outcomesEmpty(withOutcomes(body))).toBe(false));

  it('reads a plan without the section as empty', () => expect(outcomesEmpty(parsePlan('# T\n\n## Progress\n\n- [x] a\n'))).toBe(true));
});

describe('unfinishedReasons', () => {
  it('is empty for a finished plan', () => {
    expect(unfinishedReasons(withOutcomes('Shipped.\n'), 'p.md')).toEqual([]);
  });

  it('lists open and partial items with their numbers, and lint errors with their positions', () => {
    const plan = parsePlan('# T\n\n## Progress\n\n- [x] (2026-01-05 10:00) One.\n- [ ] Two.\n- [~] Three,\n  wrapped.\n\n## Outcomes & Retrospective\n\nShipped one.\n');
    const reasons = unfinishedReasons(plan, 'p.md', [{ line: 1, column: 1, message: 'Bad title.', ruleId: 'title' }]);
    expect(reasons.map((r) => r.kind)).toEqual(['unchecked-progress', 'lint-errors']);
    expect(reasons[0]!.items).toEqual(['2. [ ] Two. (line 6)', '3. [~] Three, wrapped. (line 7)']);
    expect(reasons[0]!.short).toBe('2 unchecked Progress items');
    expect(reasons[1]!.message).toBe('`execplan lint` reports 1 error:\n    p.md:1:1  Bad title.  title');
  });

  it('lists at most ten lint findings and points to execplan lint for the rest', () => {
    const errors = Array.from({ length: 13 }, (_, i) => ({ line: i + 1, column: 1, message: `Problem ${i + 1}.`, ruleId: 'r' }));
    const [reason] = unfinishedReasons(withOutcomes('Shipped.\n'), 'p.md', errors);
    expect(reason!.message.split('\n')).toHaveLength(12);
    expect(reason!.message).toContain('… and 3 more; run `execplan lint p.md` to see them all.');
    expect(reason!.items).toHaveLength(13);
  });
});
