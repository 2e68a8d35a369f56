import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/core/apply-edits.js';
import type { EditContext, PlanChange } from '../src/core/edits/context.js';
import { addProgressItem, markItemDone, resolveItem, splitItem, undoItem } from '../src/core/edits/index.js';
import { parsePlan } from '../src/core/parse.js';
import type { Plan } from '../src/core/types.js';
import { ExecplanError } from '../src/workspace/errors.js';

const ctx: EditContext = { now: new Date('2026-01-05T14:30:00Z'), style: 'local', offsetMinutes: 60, file: 'plan.md' };
const utc: EditContext = { ...ctx, style: 'utc' };

function edit(text: string, build: (plan: Plan) => PlanChange): { out: string; change: PlanChange } {
  const plan = parsePlan(text);
  const change = build(plan);
  return { out: applyEdits(text, change.edits, plan.eol), change };
}

const plan = (progress: string, after = '## Decision Log\n\n- Decision: A\n  Rationale: B\n  Date/Author: 2026-01-01 / x\n') =>
  `# Title\n\n## Purpose / Big Picture\n\nWhy.\n\n## Progress\n\n${progress}\n${after ? `\n${after}` : ''}`;

function thrown(fn: () => unknown): ExecplanError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ExecplanError) return err;
    throw err;
  }
  throw new Error('expected an ExecplanError');
}

describe('addProgressItem', () => {
  it('appends an open item after the last one, in the list’s style', () => {
    const { out, change } = edit(plan('- [x] (2026-01-01 10:00) One\n- [ ] Two'), (p) => addProgressItem(p, 'Three', {}, ctx));
    expect(out).toBe(plan('- [x] (2026-01-01 10:00) One\n- [ ] Two\n- [ ] Three'));
    expect(change.items).toEqual([3]);
    expect(change.summary).toBe('Added Progress item 3.');
  });

  it('adds a completed item stamped in the configured style and zone', () => {
    expect(edit(plan('- [ ] One'), (p) => addProgressItem(p, 'Two', { done: true }, ctx)).out).toBe(plan('- [ ] One\n- [x] (2026-01-05 15:30) Two'));
    expect(edit(plan('- [ ] One'), (p) => addProgressItem(p, 'Two', { done: true }, utc)).out).toBe(plan('- [ ] One\n- [x] (2026-01-05 14:30Z) Two'));
  });

  it('follows the marker, indentation and continuation indent of the list', () => {
    const list = '  * [ ] One\n      wrapped line\n  * [ ] Two';
    const { out } = edit(plan(list), (p) => addProgressItem(p, 'Three\nsecond line', {}, ctx));
    expect(out).toBe(plan(`${list}\n  * [ ] Three\n      second line`));
  });

  it('keeps a blank line between entries when the list has them', () => {
    const { out } = edit(plan('- [ ] One\n\n- [ ] Two'), (p) => addProgressItem(p, 'Three', {}, ctx));
    expect(out).toBe(plan('- [ ] One\n\n- [ ] Two\n\n- [ ] Three'));
  });

  it('continues an ordered list with the next number', () => {
    expect(edit(plan('1. [x] One\n2. [ ] Two'), (p) => addProgressItem(p, 'Three', {}, ctx)).out).toBe(plan('1. [x] One\n2. [ ] Two\n3. [ ] Three'));
  });

  it('goes after the nested lines of the last item, as its sibling', () => {
    const list = '- [ ] One\n- [ ] Two\n    - [x] Two a\n    - note under two';
    expect(edit(plan(list), (p) => addProgressItem(p, 'Three', {}, ctx)).out).toBe(plan(`${list}\n- [ ] Three`));
  });

  it('never lands in a milestone’s block under a sub-heading: with no list of its own, Progress starts one above them', () => {
    const milestones = '### Milestone 1\n\n- [x] (2026-01-01 10:00) One\n- [x] (2026-01-01 11:00) Two\n\n### Milestone 2\n\n- [ ] Three';
    expect(edit(plan(milestones), (p) => addProgressItem(p, 'Four', {}, ctx)).out).toBe(plan(`- [ ] Four\n\n${milestones}`));
    // With a list of its own above the milestones, the item joins that list.
    const both = `- [x] (2026-01-01 09:00) Zero\n\n${milestones}`;
    expect(edit(plan(both), (p) => addProgressItem(p, 'Four', {}, ctx)).out).toBe(plan(`- [x] (2026-01-01 09:00) Zero\n- [ ] Four\n\n${milestones}`));
  });

  it('keeps a milestone item’s own block of lines with it, indented or not, and never takes a line into the new item', () => {
    const indented = '- [x] (2026-01-01 10:00) Milestone 1: the parser reads headings.\n  Proof command: npm test -- parse\n  Exit criteria: every heading of the fixtures is read.';
    expect(edit(plan(indented), (p) => addProgressItem(p, 'Milestone 2', {}, ctx)).out).toBe(plan(`${indented}\n- [ ] Milestone 2`));
    // Lines right under the item without indentation are its lazy continuation.
    const lazy = '- [ ] Milestone 1: the parser reads headings.\nProof command: npm test -- parse';
    expect(edit(plan(lazy), (p) => addProgressItem(p, 'Milestone 2', {}, ctx)).out).toBe(plan(`${lazy}\n- [ ] Milestone 2`));
    const lazyNested = '- [ ] Milestone 1: the parser.\n  - [x] (2026-01-01 10:00) Headings.\nProof command: npm test -- parse';
    expect(edit(plan(lazyNested), (p) => addProgressItem(p, 'Milestone 2', {}, ctx)).out).toBe(plan(`${lazyNested}\n- [ ] Milestone 2`));
    // A block a blank line below the item is still the item's: the new item goes after it.
    const block = '- [x] (2026-01-01 10:00) Milestone 1: the parser.\n\nProof command: npm test -- parse\nExit criteria: every heading is read.';
    const { out } = edit(plan(block), (p) => addProgressItem(p, 'Milestone 2', {}, ctx));
    expect(out).toBe(plan(`${block}\n\n- [ ] Milestone 2`));
    expect(parsePlan(out).progress.map((i) => i.text)).toEqual(['Milestone 1: the parser.', 'Milestone 2']);
    // Each milestone item with its block: the new item goes after the last block.
    const blocks = '- [x] (2026-01-01 10:00) Milestone 1.\n\nShipped the parser.\n\n- [ ] Milestone 2.\n\nThe linter, next.';
    expect(edit(plan(blocks), (p) => addProgressItem(p, 'Milestone 3', {}, ctx)).out).toBe(plan(`${blocks}\n\n- [ ] Milestone 3`));
  });

  it('leaves a template list for new items as written, and the lead-in of the list it joins', () => {
    const template = '- [x] (2026-01-01 10:00) One\n\nWrite new steps in this form:\n\n- [ ] (YYYY-MM-DD HH:MM) Step.';
    expect(edit(plan(template), (p) => addProgressItem(p, 'Two', {}, ctx)).out).toBe(plan(template.replace('One\n', 'One\n- [ ] Two\n')));
    const remaining = 'Remaining work:\n\n- [ ] One';
    expect(edit(plan(remaining), (p) => addProgressItem(p, 'Two', {}, ctx)).out).toBe(plan(`${remaining}\n- [ ] Two`));
  });

  it('leaves a paragraph that follows the list where it is, never as the new item’s text', () => {
    const list = '- [x] (2026-01-01 10:00) One\n\nThe steps above follow the order of the milestones.';
    const { out } = edit(plan(list), (p) => addProgressItem(p, 'Two', {}, ctx));
    expect(out).toBe(plan(list.replace('One\n', 'One\n- [ ] Two\n')));
  });

  it('replaces the skeleton placeholder instead of adding beside it', () => {
    const { out, change } = edit(plan('Use checkboxes + timestamps.\n\n- [ ] (YYYY-MM-DD HH:MM) First concrete step.'), (p) => addProgressItem(p, 'Real step', {}, ctx));
    expect(out).toBe(plan('Use checkboxes + timestamps.\n\n- [ ] Real step'));
    expect(change.replacedPlaceholder).toBe(true);
    expect(change.items).toEqual([1]);
  });

  it('drops a placeholder left beside real items', () => {
    const { out } = edit(plan('- [ ] (YYYY-MM-DD HH:MM) First concrete step.\n- [x] (2026-01-01 10:00) Real'), (p) => addProgressItem(p, 'Next', {}, ctx));
    expect(out).toBe(plan('- [x] (2026-01-01 10:00) Real\n- [ ] Next'));
  });

  it('leaves a placeholder nested under a real item, which belongs to that item', () => {
    const list = '- [x] (2026-01-01 10:00) Real\n  - [ ] (YYYY-MM-DD HH:MM) First concrete step.';
    expect(edit(plan(list), (p) => addProgressItem(p, 'Next', {}, ctx)).out).toBe(plan(`${list}\n- [ ] Next`));
  });

  it('replaces a "None yet." note in an empty Progress section', () => {
    expect(edit(plan('None yet.'), (p) => addProgressItem(p, 'First', {}, ctx)).out).toBe(plan('- [ ] First'));
  });

  it('adds a list under guidance prose, after a blank line', () => {
    expect(edit(plan('Steps go here, with timestamps.'), (p) => addProgressItem(p, 'First', {}, ctx)).out).toBe(plan('Steps go here, with timestamps.\n\n- [ ] First'));
  });

  it('creates a missing Progress section after Purpose', () => {
    const text = '# Title\n\n## Purpose / Big Picture\n\nWhy.\n\n## Surprises & Discoveries\n\nNone.\n';
    const { out, change } = edit(text, (p) => addProgressItem(p, 'First', {}, ctx));
    expect(out).toBe('# Title\n\n## Purpose / Big Picture\n\nWhy.\n\n## Progress\n\n- [ ] First\n\n## Surprises & Discoveries\n\nNone.\n');
    expect(change.createdSection).toBe(true);
    expect(parsePlan(out).progress.map((i) => i.text)).toEqual(['First']);
  });

  it('refuses an empty step', () => {
    const err = thrown(() => addProgressItem(parsePlan(plan('- [ ] One')), '  \n ', {}, ctx));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/step is empty/);
  });
});

describe('markItemDone', () => {
  it('checks the box and stamps the time right after it', () => {
    const { out, change } = edit(plan('- [ ] One\n- [ ] Two'), (p) => markItemDone(p, 2, ctx));
    expect(out).toBe(plan('- [ ] One\n- [x] (2026-01-05 15:30) Two'));
    expect(change.entry).toBe('- [x] (2026-01-05 15:30) Two');
  });

  it('replaces a leading timestamp with one of its own form, and the skeleton’s template stamp in the style', () => {
    expect(edit(plan('- [ ] (2026-01-01) Planned'), (p) => markItemDone(p, 1, utc)).out).toBe(plan('- [x] (2026-01-05) Planned'));
    expect(edit(plan('- [ ] 2026-01-01T08:00:00Z - Bare'), (p) => markItemDone(p, 1, utc)).out).toBe(plan('- [x] 2026-01-05T14:30:00Z - Bare'));
    expect(edit(plan('- [ ] (YYYY-MM-DD HH:MM) Do it'), (p) => markItemDone(p, 1, utc)).out).toBe(plan('- [x] (2026-01-05 14:30Z) Do it'));
  });

  it('replaces a note in the stamp’s place that the step is not done yet, such as "(pending)"', () => {
    expect(edit(plan('- [ ] (pending) Run the import'), (p) => markItemDone(p, 1, utc)).out).toBe(plan('- [x] (2026-01-05 14:30Z) Run the import'));
    expect(edit(plan('- [ ] (TBD) Run the import'), (p) => markItemDone(p, 1, utc)).out).toBe(plan('- [x] (2026-01-05 14:30Z) Run the import'));
    // A reference in parentheses is the author's text, and stays.
    expect(edit(plan('- [ ] (TASK_01.md) Run the import'), (p) => markItemDone(p, 1, utc)).out).toBe(plan('- [x] (2026-01-05 14:30Z) (TASK_01.md) Run the import'));
  });

  it('completes a partial item', () => {
    expect(edit(plan('- [~] Half'), (p) => markItemDone(p, 'half', ctx)).out).toBe(plan('- [x] (2026-01-05 15:30) Half'));
  });

  it('leaves an item that is already done and dated alone', () => {
    const text = plan('- [x] (2026-01-01 10:00) One');
    const { out, change } = edit(text, (p) => markItemDone(p, 1, ctx));
    expect(out).toBe(text);
    expect(change.edits).toEqual([]);
    expect(change.summary).toMatch(/already done/);
  });

  it('stamps a done item that has no timestamp', () => {
    expect(edit(plan('- [x] Undated'), (p) => markItemDone(p, 1, ctx)).out).toBe(plan('- [x] (2026-01-05 15:30) Undated'));
  });

  it('keeps continuation lines and a trailing date as written', () => {
    const { out } = edit(plan('- [ ] One (2026-03-20)\n  more text'), (p) => markItemDone(p, 1, ctx));
    expect(out).toBe(plan('- [x] (2026-01-05 15:30) One (2026-03-20)\n  more text'));
  });
});

describe('undoItem', () => {
  it('unchecks and removes the stamp done wrote', () => {
    expect(edit(plan('- [x] (2026-01-05 15:30) One'), (p) => undoItem(p, 1, ctx)).out).toBe(plan('- [ ] One'));
    expect(edit(plan('- [x] (2026-01-05 15:30Z) — One'), (p) => undoItem(p, 1, ctx)).out).toBe(plan('- [ ] One'));
  });

  it('keeps a hand-written date of another form', () => {
    expect(edit(plan('- [x] (2026-01-05) One'), (p) => undoItem(p, 1, ctx)).out).toBe(plan('- [ ] (2026-01-05) One'));
  });

  it('leaves no trailing space when the text continues on the next line', () => {
    expect(edit(plan('- [x] (2026-01-05 15:30)\n  One'), (p) => undoItem(p, 1, ctx)).out).toBe(plan('- [ ]\n  One'));
  });

  it('changes nothing on an open item', () => {
    const { change } = edit(plan('- [ ] One'), (p) => undoItem(p, 1, ctx));
    expect(change.edits).toEqual([]);
  });

  it('is the inverse of done on an undated open item', () => {
    const text = plan('- [ ] One\n- [ ] Two');
    const once = edit(text, (p) => markItemDone(p, 2, ctx)).out;
    expect(edit(once, (p) => undoItem(p, 2, ctx)).out).toBe(text);
  });
});

describe('splitItem', () => {
  it('replaces the item with a done part and a remaining part', () => {
    const { out, change } = edit(plan('- [ ] One\n- [~] Parser\n  reads everything\n- [ ] Three'), (p) => splitItem(p, 'parser', { done: 'Parser reads headings', remaining: 'Parser reads lists' }, ctx));
    expect(out).toBe(plan('- [ ] One\n- [x] (2026-01-05 15:30) Parser reads headings\n- [ ] Parser reads lists\n- [ ] Three'));
    expect(change.items).toEqual([2, 3]);
  });

  it('keeps a nested item’s indentation, its children and the list’s spacing', () => {
    const list = '- [ ] Top\n  - [ ] Child\n    - [ ] Grandchild';
    expect(edit(plan(list), (p) => splitItem(p, 'child', { done: 'a', remaining: 'b' }, ctx)).out).toBe(
      plan('- [ ] Top\n  - [x] (2026-01-05 15:30) a\n  - [ ] b\n    - [ ] Grandchild'),
    );
  });

  it('writes multi-line parts as continuation lines', () => {
    expect(edit(plan('- [ ] One\n    more'), (p) => splitItem(p, 1, { done: 'a\nb', remaining: 'c' }, ctx)).out).toBe(plan('- [x] (2026-01-05 15:30) a\n    b\n- [ ] c'));
  });

  it('refuses an empty part', () => {
    expect(thrown(() => splitItem(parsePlan(plan('- [ ] One')), 1, { done: 'x', remaining: '' }, ctx)).message).toMatch(/remaining part is empty/);
  });
});

describe('resolveItem', () => {
  const p = parsePlan(plan('- [ ] Write parser\n- [ ] Write parser tests\n- [x] (2026-01-01 10:00) Read docs'));

  it('takes a number or an unambiguous piece of text, case-insensitively', () => {
    expect(resolveItem(p, 3).text).toBe('Read docs');
    expect(resolveItem(p, '#2').text).toBe('Write parser tests');
    expect(resolveItem(p, 'DOCS').index).toBe(3);
    expect(resolveItem(p, 'tests').index).toBe(2);
  });

  it('prefers the item whose whole text matches', () => {
    expect(resolveItem(p, 'write parser').index).toBe(1);
  });

  it('lists the candidates with their numbers when ambiguous', () => {
    const err = thrown(() => resolveItem(p, 'write', { file: 'plan.md' }));
    expect(err.code).toBe('ITEM_AMBIGUOUS');
    expect(err.message).toContain('1. [ ] Write parser');
    expect(err.message).toContain('2. [ ] Write parser tests');
    expect(err.details).toHaveLength(2);
  });

  it('says which numbers exist when the item is missing', () => {
    expect(thrown(() => resolveItem(p, 9)).message).toMatch(/numbered 1 to 3/);
    const err = thrown(() => resolveItem(p, 'deploy', { file: 'plan.md' }));
    expect(err.code).toBe('ITEM_NOT_FOUND');
    expect(err.message).toContain('No Progress item in plan.md contains "deploy"');
    expect(err.message).toContain('3. [x] (2026-01-01 10:00) Read docs');
  });

  it('refuses an empty reference and a plan without items', () => {
    expect(thrown(() => resolveItem(p, ' ')).code).toBe('INVALID_INPUT');
    expect(thrown(() => resolveItem(parsePlan('# T\n\n## Progress\n\nNothing.\n'), 1)).code).toBe('ITEM_NOT_FOUND');
  });
});

describe('stamps in the plan\'s own form', () => {
  const at = { now: new Date('2026-11-25T10:00:00Z'), style: 'local' as const, offsetMinutes: 60 };
  const done = (text: string, ref: number) => {
    const plan = parsePlan(text);
    return applyEdits(text, markItemDone(plan, ref, at).edits, plan.eol);
  };

  it('replaces an item\'s earlier stamp only with one of the same form', () => {
    expect(done('# T\n\n## Progress\n\n- [ ] (2026-04-06T17:44:19Z) Ship it\n', 1)).toBe('# T\n\n## Progress\n\n- [x] (2026-11-25T10:00:00Z) Ship it\n');
    expect(done('# T\n\n## Progress\n\n- [ ] (2026-04-06 18:25 CST) Ship it\n', 1)).toBe('# T\n\n## Progress\n\n- [x] (2026-11-25 04:00 CST) Ship it\n');
    expect(done('# T\n\n## Progress\n\n- [ ] (2026-04-06) Ship it\n', 1)).toBe('# T\n\n## Progress\n\n- [x] (2026-11-25) Ship it\n');
  });

  it('writes a new stamp in the form the plan\'s stamps share when given one of them', () => {
    const text = '# T\n\n## Progress\n\n- [x] (2026-05-08 00:00+08:00) Read the code\n- [x] (2026-05-08 09:30+08:00) Wrote the test\n- [ ] Ship it\n';
    const plan = parsePlan(text);
    const like = plan.progress[0]!.timestamp!;
    expect(applyEdits(text, markItemDone(plan, 3, { ...at, like }).edits, plan.eol)).toContain('- [x] (2026-11-25 18:00+08:00) Ship it\n');
  });
});
