import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/core/apply-edits.js';
import type { EditContext, PlanChange } from '../src/core/edits/context.js';
import { addDecision, addOutcome, addSurprise } from '../src/core/edits/index.js';
import { parsePlan } from '../src/core/parse.js';
import type { Plan } from '../src/core/types.js';
import { ExecplanError } from '../src/workspace/errors.js';

const ctx: EditContext = { now: new Date('2026-01-05T23:30:00Z'), style: 'local', offsetMinutes: 120 };
const decision = { decision: 'Use SQLite', rationale: 'One file, no server.', author: 'Ada' };

function edit(text: string, build: (plan: Plan) => PlanChange): { out: string; change: PlanChange } {
  const plan = parsePlan(text);
  const change = build(plan);
  return { out: applyEdits(text, change.edits, plan.eol), change };
}

const SKELETON = `# Title

## Purpose / Big Picture

Why.

## Progress

- [ ] (YYYY-MM-DD HH:MM) First concrete step.

## Surprises & Discoveries

Document unexpected behaviors, bugs, perf tradeoffs, or “oh wow” findings.

- Observation: …
  Evidence: …

## Decision Log

Record every decision:

- Decision: …
  Rationale: …
  Date/Author: …

## Outcomes & Retrospective

At completion (or major milestones), summarize what shipped, what didn’t, and lessons learned.

## Context and Orientation

Context.
`;

describe('addDecision', () => {
  it('replaces the skeleton placeholder with an entry in the specification’s shape, dated in the local zone', () => {
    const { out, change } = edit(SKELETON, (p) => addDecision(p, decision, ctx));
    expect(out).toBe(SKELETON.replace('- Decision: …\n  Rationale: …\n  Date/Author: …', '- Decision: Use SQLite\n  Rationale: One file, no server.\n  Date/Author: 2026-01-06 / Ada'));
    expect(change.replacedPlaceholder).toBe(true);
    expect(change.entryIndex).toBe(1);
    const parsed = parsePlan(out).decisions;
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.fields.map((f) => [f.name, f.value])).toEqual([
      ['decision', 'Use SQLite'],
      ['rationale', 'One file, no server.'],
      ['date-author', '2026-01-06 / Ada'],
    ]);
  });

  it('uses the UTC date with the utc style', () => {
    expect(edit(SKELETON, (p) => addDecision(p, decision, { ...ctx, style: 'utc' })).change.entry).toContain('Date/Author: 2026-01-05 / Ada');
  });

  it('appends after the last entry, following its indentation, labels and spacing', () => {
    const log = '## Decision Log\n\n* **Decision:** A\n    **Rationale:** B\n    **Date/Author:** 2026-01-01 / x\n\n* **Decision:** C\n    **Rationale:** D\n    **Date/Author:** 2026-01-02 / y\n';
    const { out, change } = edit(`# T\n\n${log}`, (p) => addDecision(p, decision, ctx));
    expect(out).toBe(`# T\n\n${log}\n* **Decision:** Use SQLite\n    **Rationale:** One file, no server.\n    **Date/Author:** 2026-01-06 / Ada\n`);
    expect(change.entryIndex).toBe(3);
  });

  it('follows fields written as sub-bullets and tab-indented fields', () => {
    const sub = '## Decision Log\n\n- Decision: A\n  - Rationale: B\n  - Date/Author: 2026-01-01 / x\n';
    expect(edit(`# T\n\n${sub}`, (p) => addDecision(p, { ...decision, rationale: 'one\ntwo' }, ctx)).out).toBe(
      `# T\n\n${sub}- Decision: Use SQLite\n  - Rationale: one\n    two\n  - Date/Author: 2026-01-06 / Ada\n`,
    );
    const tabs = '## Decision Log\n\n- Decision: A\n\tRationale: B\n\tDate/Author: 2026-01-01 / x\n';
    expect(edit(`# T\n\n${tabs}`, (p) => addDecision(p, decision, ctx)).out).toBe(`# T\n\n${tabs}- Decision: Use SQLite\n\tRationale: One file, no server.\n\tDate/Author: 2026-01-06 / Ada\n`);
  });

  it('indents multi-line values as continuation lines that parse back into the field', () => {
    const { out } = edit(SKELETON, (p) => addDecision(p, { ...decision, decision: 'Use SQLite\nfor the cache', rationale: 'Small.\n\nFast.' }, ctx));
    const d = parsePlan(out).decisions[0]!;
    expect(d.fields[0]!.value).toBe('Use SQLite for the cache');
    expect(out).toContain('- Decision: Use SQLite\n    for the cache\n  Rationale: Small.\n\n    Fast.\n  Date/Author:');
  });

  it('creates a missing Decision Log at its canonical place', () => {
    const text = '# T\n\n## Purpose / Big Picture\n\nWhy.\n\n## Progress\n\n- [ ] a\n\n## Context and Orientation\n\nC.\n';
    const { out, change } = edit(text, (p) => addDecision(p, decision, ctx));
    expect(out).toBe('# T\n\n## Purpose / Big Picture\n\nWhy.\n\n## Progress\n\n- [ ] a\n\n## Decision Log\n\n- Decision: Use SQLite\n  Rationale: One file, no server.\n  Date/Author: 2026-01-06 / Ada\n\n## Context and Orientation\n\nC.\n');
    expect(change.createdSection).toBe(true);
  });

  it('creates the section before an outer fence’s closing line, at the plan’s section level', () => {
    const text = '```md\n# T\n\n## Purpose\n\nWhy.\n```\n';
    expect(edit(text, (p) => addDecision(p, decision, ctx)).out).toBe('```md\n# T\n\n## Purpose\n\nWhy.\n\n## Decision Log\n\n- Decision: Use SQLite\n  Rationale: One file, no server.\n  Date/Author: 2026-01-06 / Ada\n```\n');
    const h1 = '# Purpose\n\nWhy.\n\n# Progress\n\n- [ ] a\n';
    expect(edit(h1, (p) => addDecision(p, decision, ctx)).out).toContain('\n\n# Decision Log\n\n- Decision: Use SQLite');
  });

  it('keeps sections that come after the living ones (revision notes) after them', () => {
    const text = '# T\n\n## Progress\n\n- [ ] a\n\n## Decision Log\n\n- Decision: A\n  Rationale: B\n  Date/Author: 2026-01-01 / x\n\n## Revision Notes\n\n- r1\n';
    const out = edit(text, (p) => addOutcome(p, 'Shipped.', ctx)).out;
    expect(out).toBe(text.replace('\n## Revision Notes', '\n## Outcomes & Retrospective\n\n- (2026-01-06 01:30) Shipped.\n\n## Revision Notes'));
  });

  it('treats an entry whose fields have bullets of their own as one, and writes the new entry the same way: replaced when every field is a placeholder, kept whole when one is not', () => {
    const flat = (dateAuthor: string) => `# T\n\n## Decision Log\n- Decision: _pending_\n- Rationale: _pending_\n- Date/Author: ${dateAuthor}\n\n## Testing Approach\n- Core.\n`;
    const kept = flat('2025-12-01 / Codex');
    const { out } = edit(kept, (p) => addDecision(p, decision, ctx));
    expect(out).toBe(kept.replace('/ Codex\n', '/ Codex\n- Decision: Use SQLite\n- Rationale: One file, no server.\n- Date/Author: 2026-01-06 / Ada\n'));
    expect(parsePlan(out).decisions.map((e) => e.fields.map((f) => f.name))).toEqual([
      ['decision', 'rationale', 'date-author'],
      ['decision', 'rationale', 'date-author'],
    ]);
    const empty = flat('…');
    expect(edit(empty, (p) => addDecision(p, decision, ctx)).out).toBe('# T\n\n## Decision Log\n- Decision: Use SQLite\n- Rationale: One file, no server.\n- Date/Author: 2026-01-06 / Ada\n\n## Testing Approach\n- Core.\n');
    const surprise = '# T\n\n## Surprises & Discoveries\n- Observation: None yet, the spike starts Monday\n- Evidence: N/A\n';
    expect(edit(surprise, (p) => addSurprise(p, { observation: 'A', evidence: 'B' }, ctx)).out).toBe(`${surprise}- Observation: A\n- Evidence: B\n`);
  });

  it('refuses empty fields', () => {
    for (const bad of [{ ...decision, decision: '' }, { ...decision, rationale: '\n' }, { ...decision, author: ' ' }]) {
      expect(() => addDecision(parsePlan(SKELETON), bad, ctx)).toThrow(ExecplanError);
    }
  });
});

describe('addSurprise', () => {
  it('replaces the placeholder pair with Observation and Evidence', () => {
    const { out } = edit(SKELETON, (p) => addSurprise(p, { observation: 'Parsing is slow', evidence: '2.1 s for 185 KB' }, ctx));
    expect(out).toBe(SKELETON.replace('- Observation: …\n  Evidence: …', '- Observation: Parsing is slow\n  Evidence: 2.1 s for 185 KB'));
  });

  it('replaces a "None yet." bullet, and appends after real entries', () => {
    const text = '# T\n\n## Surprises & Discoveries\n\n- None yet.\n\n## Decision Log\n';
    const once = edit(text, (p) => addSurprise(p, { observation: 'A', evidence: 'B' }, ctx)).out;
    expect(once).toBe('# T\n\n## Surprises & Discoveries\n\n- Observation: A\n  Evidence: B\n\n## Decision Log\n');
    const twice = edit(once, (p) => addSurprise(p, { observation: 'C', evidence: 'D' }, ctx));
    expect(twice.out).toBe('# T\n\n## Surprises & Discoveries\n\n- Observation: A\n  Evidence: B\n- Observation: C\n  Evidence: D\n\n## Decision Log\n');
    expect(twice.change.entryIndex).toBe(2);
  });

  it('adds a list after a heading with an empty body, with blank lines around it', () => {
    expect(edit('# T\n\n## Surprises & Discoveries\n## Decision Log\n', (p) => addSurprise(p, { observation: 'A', evidence: 'B' }, ctx)).out).toBe(
      '# T\n\n## Surprises & Discoveries\n\n- Observation: A\n  Evidence: B\n\n## Decision Log\n',
    );
  });

  it('refuses an empty observation or evidence', () => {
    expect(() => addSurprise(parsePlan(SKELETON), { observation: 'x', evidence: '' }, ctx)).toThrow(/evidence is empty/);
  });
});

describe('addOutcome', () => {
  it('adds a dated entry under the guidance sentence', () => {
    const { out } = edit(SKELETON, (p) => addOutcome(p, 'Milestone 1 shipped.', ctx));
    expect(out).toBe(SKELETON.replace('lessons learned.\n', 'lessons learned.\n\n- (2026-01-06 01:30) Milestone 1 shipped.\n'));
  });

  it('stays undated when the existing entries are', () => {
    const text = '# T\n\n## Outcomes & Retrospective\n\n- Outcome: parser done.\n';
    expect(edit(text, (p) => addOutcome(p, 'Lint done.', ctx)).out).toBe(`${text}- Lint done.\n`);
  });

  it('replaces a standalone placeholder paragraph', () => {
    const text = '# T\n\n## Outcomes & Retrospective\n\n_TBD._\n';
    expect(edit(text, (p) => addOutcome(p, 'Done.', ctx)).out).toBe('# T\n\n## Outcomes & Retrospective\n\n- (2026-01-06 01:30) Done.\n');
  });

  it('replaces a note that only says the section is filled later, such as "To be completed after implementation."', () => {
    for (const note of ['To be completed after implementation.', '_Fill in after implementation_', '(populate at completion)', 'Pending implementation.', 'Pending — to summarize after implementation.']) {
      const text = `# T\n\n## Outcomes & Retrospective\n\n${note}\n`;
      expect(edit(text, (p) => addOutcome(p, 'Done.', ctx)).out, note).toBe('# T\n\n## Outcomes & Retrospective\n\n- (2026-01-06 01:30) Done.\n');
    }
  });

  it('replaces the same note written in another language, and keeps a label that carries content', () => {
    for (const note of ['暂无。', '- （完了後に記入）', '- Ninguno por ahora.']) {
      const text = `# T\n\n## Outcomes & Retrospective\n\n${note}\n`;
      expect(edit(text, (p) => addOutcome(p, 'Done.', ctx)).out, note).toBe('# T\n\n## Outcomes & Retrospective\n\n- (2026-01-06 01:30) Done.\n');
    }
    for (const line of ['- **未完了**: 実機での確認は次のリリースで行う。', '- Keine neue Abhängigkeit, der Build bleibt schnell.']) {
      const text = `# T\n\n## Outcomes & Retrospective\n\n${line}\n`;
      expect(edit(text, (p) => addOutcome(p, 'Done.', ctx)).out, line).toContain(line);
    }
  });

  it('writes above the thematic break that closes a section, and never takes one for a placeholder', () => {
    const closed = '# T\n\n## Outcomes & Retrospective\n\n---\n\n## Next\n';
    expect(edit(closed, (p) => addOutcome(p, 'Done.', ctx)).out).toBe('# T\n\n## Outcomes & Retrospective\n\n- (2026-01-06 01:30) Done.\n\n---\n\n## Next\n');
    for (const rule of ['***', '___', '- - -']) {
      const text = `# T\n\n## Outcomes & Retrospective\n\nShipped A.\n\n${rule}\n`;
      expect(edit(text, (p) => addOutcome(p, 'Done.', ctx)).out, rule).toBe(`# T\n\n## Outcomes & Retrospective\n\nShipped A.\n\n- (2026-01-06 01:30) Done.\n\n${rule}\n`);
    }
  });

  it('keeps an author’s own note such as "(To be updated at milestone completions.)"', () => {
    const text = '# T\n\n## Outcomes & Retrospective\n\n(To be updated at milestone completions.)\n';
    expect(edit(text, (p) => addOutcome(p, 'M1 done.', ctx)).out).toBe(`${text}\n- (2026-01-06 01:30) M1 done.\n`);
  });
});

describe('entries land where the author would put them', () => {
  it('an outcome never joins a list a lead-in line introduces: it starts the section\'s own list above it', () => {
    const text = '# T\n\n## Outcomes & Retrospective\n\nThe importer shipped.\n\nValidation evidence:\n\n- 42 tests pass.\n- The smoke run imported 3 files.\n\n## Context and Orientation\n';
    const { out } = edit(text, (p) => addOutcome(p, 'Milestone 2 shipped: mapping by header name', ctx));
    expect(out).toBe('# T\n\n## Outcomes & Retrospective\n\nThe importer shipped.\n\n- (2026-01-06 01:30) Milestone 2 shipped: mapping by header name\n\nValidation evidence:\n\n- 42 tests pass.\n- The smoke run imported 3 files.\n\n## Context and Orientation\n');
    const after = parsePlan(out).outcomes;
    expect(after.filter((e) => e.list === 'own').map((e) => e.text)).toEqual(['(2026-01-06 01:30) Milestone 2 shipped: mapping by header name']);
  });

  it('a decision never joins a numbered analysis under a sub-heading', () => {
    const text = '# T\n\n## Decision Log\n\n### Options weighed\n\n1. A global cache.\n2. No cache.\n';
    const { out } = edit(text, (p) => addDecision(p, decision, ctx));
    expect(out).toBe('# T\n\n## Decision Log\n\n- Decision: Use SQLite\n  Rationale: One file, no server.\n  Date/Author: 2026-01-06 / Ada\n\n### Options weighed\n\n1. A global cache.\n2. No cache.\n');
  });

  it('an outcome never joins the lists of lead-in lines, a numbered remediation list or a template of things to record', () => {
    const entry = '- (2026-01-06 01:30) Milestone 2 shipped.';
    const cases: [string, string][] = [
      // Only lists under lead-in lines: the entry starts the section's own list above the first.
      ["What worked:\n\n- The importer.\n\nWhat didn't work (yet):\n\n- Header mapping.", `${entry}\n\nWhat worked:\n\n- The importer.\n\nWhat didn't work (yet):\n\n- Header mapping.`],
      ['Shipped the importer.\n\nRollback remains straightforward:\n\n- Revert the commit.', `Shipped the importer.\n\n${entry}\n\nRollback remains straightforward:\n\n- Revert the commit.`],
      // A numbered list of follow-ups is not a log of outcomes, with or without a lead-in.
      ['Shipped the importer.\n\n1. Fix the cache.\n2. Document the flags.', `Shipped the importer.\n\n${entry}\n\n1. Fix the cache.\n2. Document the flags.`],
      ['To record on completion:\n\n- What shipped.\n- What was deferred.', `${entry}\n\nTo record on completion:\n\n- What shipped.\n- What was deferred.`],
      // Prompts of a template, with nothing written after them yet, stay as the author's template:
      // the entry is a paragraph above them, as a bullet there would join their list.
      ["- What worked\n- What didn't\n- What's next", `${entry.slice(2)}\n\n- What worked\n- What didn't\n- What's next`],
    ];
    for (const [body, expected] of cases) {
      const text = `# T\n\n## Outcomes & Retrospective\n\n${body}\n\n## Context and Orientation\n`;
      const { out } = edit(text, (p) => addOutcome(p, 'Milestone 2 shipped.', ctx));
      expect(out, body).toBe(`# T\n\n## Outcomes & Retrospective\n\n${expected}\n\n## Context and Orientation\n`);
      expect(parsePlan(out).outcomes[0]?.text, body).toBe('(2026-01-06 01:30) Milestone 2 shipped.');
      // The next outcome goes under this one, never after the author's lists.
      const again = edit(out, (p) => addOutcome(p, 'Milestone 3 shipped.', ctx)).out;
      const first = body.startsWith('- What') ? entry.slice(2) : entry;
      const next = body.startsWith('- What') ? '\n(2026-01-06 01:30) Milestone 3 shipped.' : '- (2026-01-06 01:30) Milestone 3 shipped.';
      expect(again, body).toBe(out.replace(`${first}\n`, `${first}\n${next}\n`));
    }
  });

  it('an outcome in a log of dated paragraphs is one more dated paragraph, read back as an entry', () => {
    const text = '# T\n\n## Outcomes & Retrospective\n\n(2026-01-02) Milestone 1 outcome: the parser reads headings.\n(2026-01-03) Milestone 2 outcome: the linter reports.\n\n(2026-01-04) Plan retrospective: small steps paid off.\n\n## Context and Orientation\n';
    const { out } = edit(text, (p) => addOutcome(p, 'Milestone 3 shipped.', ctx));
    expect(out).toBe(text.replace('paid off.\n', 'paid off.\n\n(2026-01-06 01:30) Milestone 3 shipped.\n'));
    expect(parsePlan(out).outcomes.map((e) => [e.form, e.text.slice(0, 12)])).toEqual([
      ['paragraph', '(2026-01-02)'],
      ['paragraph', '(2026-01-03)'],
      ['paragraph', '(2026-01-04)'],
      ['paragraph', '(2026-01-06 '],
    ]);
  });

  it('a decision or an observation never joins a list a lead-in line introduces', () => {
    const text = '# T\n\n## Decision Log\n\nOpen questions:\n\n- Keep the cache?\n\n## Surprises & Discoveries\n\nThings to check:\n\n- The parser on CRLF.\n';
    const { out } = edit(text, (p) => addDecision(p, decision, ctx));
    expect(out).toBe(text.replace('## Decision Log\n\n', '## Decision Log\n\n- Decision: Use SQLite\n  Rationale: One file, no server.\n  Date/Author: 2026-01-06 / Ada\n\n'));
    const found = edit(text, (p) => addSurprise(p, { observation: 'CRLF is kept', evidence: 'the bytes test' }, ctx)).out;
    expect(found).toBe(text.replace('## Surprises & Discoveries\n\n', '## Surprises & Discoveries\n\n- Observation: CRLF is kept\n  Evidence: the bytes test\n\n'));
  });

  it('a decision in a log of bold-label paragraphs is written as one more paragraph', () => {
    const text = '# T\n\n## Decision Log\n\n**Decision:** Keep the parser pure.\n**Rationale:** Tests need no file system.\n**Date/Author:** 2026-01-05 / Bo\n\n## Context and Orientation\n';
    const { out } = edit(text, (p) => addDecision(p, decision, ctx));
    expect(out).toBe('# T\n\n## Decision Log\n\n**Decision:** Keep the parser pure.\n**Rationale:** Tests need no file system.\n**Date/Author:** 2026-01-05 / Bo\n\n**Decision:** Use SQLite\n**Rationale:** One file, no server.\n**Date/Author:** 2026-01-06 / Ada\n\n## Context and Orientation\n');
    expect(parsePlan(out).decisions.map((e) => e.form)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('entries follow the log’s own words', () => {
  it('writes the labels the log’s entries use, in their language and with their colon', () => {
    const text = '# T\n\n## Decisiones\n\n- Decisión: Escribir siempre la marca BOM.\n  Razón: Es lo que espera la gente.\n  Fecha/Autor: 2026-02-01 / Lucía\n\n## 意外与发现\n\n- 观察：同一份报告在不同时区生成的键不同。\n  证据：东京与柏林的两次运行得到了两个键。\n';
    const decided = edit(text, (p) => addDecision(p, decision, ctx));
    expect(decided.out).toBe(text.replace('Lucía\n', 'Lucía\n- Decisión: Use SQLite\n  Razón: One file, no server.\n  Fecha/Autor: 2026-01-06 / Ada\n'));
    expect(parsePlan(decided.out).decisions[1]?.fields.map((f) => f.name)).toEqual(['decision', 'rationale', 'date-author']);
    const found = edit(text, (p) => addSurprise(p, { observation: '键相同', evidence: '两次运行' }, ctx)).out;
    expect(found).toBe(`${text}- 观察：键相同\n  证据：两次运行\n`);
  });

  it('replaces a note in another language that says the section is empty', () => {
    for (const note of ['Pendiente.', 'まだありません。', '暂无', 'Пока нет.', 'Noch keine.']) {
      const text = `# T\n\n## Outcomes & Retrospective\n\n${note}\n`;
      expect(edit(text, (p) => addOutcome(p, 'Done.', ctx)).out, note).toBe('# T\n\n## Outcomes & Retrospective\n\n- (2026-01-06 01:30) Done.\n');
    }
  });
});
