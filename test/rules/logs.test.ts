/** Rules about the log sections: decision and surprise fields, and outcomes once the work is done. */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/core/parse.js';
import { SECTION_KEYS } from '../../src/core/sections.js';
import { rule as decisionFields } from '../../src/rules/decision-fields.js';
import { rule as outcomesWhenDone } from '../../src/rules/outcomes-when-done.js';
import { rule as surpriseFields } from '../../src/rules/surprise-fields.js';
import { GOOD, ruleTable, withSection } from './helpers.js';

const decisions = (body: string) => `# T\n\n## Decision Log\n\n${body}`;
const surprises = (body: string) => `# T\n\n## Surprises & Discoveries\n\n${body}`;

ruleTable(decisionFields, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'bold labels and separate Date and Author', text: decisions('- **Decision:** a\n  **Rationale:** b\n  **Date:** 2026-01-05\n  **Author:** Dana\n') },
    { name: 'each field its own bullet', text: decisions('- Decision: a\n- Rationale: b\n- Date/Author: 2026-01-05 / Dana\n') },
    { name: 'bullets with labels of the author’s own after the fields', text: decisions('- **Decision:** a\n- **Rationale:** b\n- **Date/Author:** 2026-01-05 / Dana\n- **Impact:** the queue goes.\n- Status: done\n') },
    { name: 'a timestamp before the label', text: decisions('- (2026-01-05 09:00Z) Decision: a\n  Rationale: b\n  Date/Author: 2026-01-05 / Dana\n') },
    { name: 'every field on one line', text: decisions('- Decision: Use SQLite. Rationale: one file, no server. Date/Author: 2026-03-02 / Ana\n') },
    { name: 'fields labelled in Spanish, bold, on one line', text: decisions('- **Decisión:** usar colas. **Justificación:** el envío no bloquea. **Fecha/Autor:** 2026-03-03 / Luis\n') },
    { name: 'fields labelled in Chinese', text: decisions('- 决策：使用缓存。\n  理由：减少请求。\n  日期/作者：2026-03-04 / 王\n') },
    { name: 'paragraphs of bold labels', text: decisions('**Decision:** Keep the parser pure.\n**Rationale:** Tests need no file system.\n**Date/Author:** 2026-03-02 / Ana\n') },
    { name: 'a note to the writer is not an entry', text: decisions('- (record as decisions are made)\n') },
    { name: 'an analysis under a sub-heading is not a log entry', text: decisions('- Decision: a\n  Rationale: b\n  Date/Author: 2026-01-05 / Dana\n\n### Options weighed\n\n1. A global cache.\n2. No cache.\n') },
    { name: 'nothing decided yet', text: decisions('None yet.\n') },
    { name: 'a "none yet" bullet', text: decisions('- None yet.\n') },
    { name: 'nothing decided yet, in German', text: decisions('Noch keine Entscheidungen.\n') },
    { name: 'nothing decided yet, in Chinese', text: decisions('暂无。\n') },
    { name: 'a wrapped rationale', text: decisions('- Decision: a\n  Rationale:\n    because of b.\n  Date/Author: 2026-01-05 / Dana\n') },
  ],
  invalid: [
    { name: 'no author', text: decisions('- Decision: a\n  Rationale: b\n  Date: 2026-01-05\n'), errors: [{ line: 5, column: 1, message: /lacks "Author:"/ }] },
    { name: 'a free-form bullet', text: decisions('- 2026-03-10: chose the queue.\n'), errors: [{ line: 5, message: /lacks "Decision:", "Rationale:" and "Date\/Author:"/ }] },
    { name: 'numbered entries are entries each, not fields of the first', text: decisions('- D1: Keep the monolith until M2.\n- D2: SQLite stays the default.\n'), errors: [{ line: 5 }, { line: 6 }] },
    { name: 'a decision that opens with a word for "none"', text: decisions('- Keine neue Abhängigkeit einführen, weil der Build sonst länger dauert.\n'), errors: [{ line: 5 }] },
    { name: 'an empty rationale', text: decisions('- Decision: a\n  Rationale:\n  Date/Author: 2026-01-05 / Dana\n'), errors: [{ line: 5, message: /lacks "Rationale:"/ }] },
    { name: 'prose instead of entries', text: decisions('We chose the queue because it was simpler.\n'), errors: [{ line: 3, message: /no list entries/ }] },
    { name: 'the second of two entries', text: decisions('- Decision: a\n  Rationale: b\n  Date/Author: x\n\n- Decision: c\n  Date/Author: y\n'), errors: [{ line: 9, message: /lacks "Rationale:"/ }] },
  ],
});

ruleTable(surpriseFields, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'Evidence as its own bullet', text: surprises('- Observation: a\n- Evidence: b\n') },
    { name: 'bullets with labels of the author’s own after the fields', text: surprises('- **Observation:** a\n- **Evidence:** b\n- **Resolution:** c\n- **Impact:** d\n') },
    { name: 'placeholder prose', text: surprises('(To be updated as surprises occur.)\n') },
    { name: 'nothing unexpected', text: surprises('- None unexpected.\n') },
    { name: 'observation and evidence on one line', text: surprises('- Observation: the index is rebuilt twice. Evidence: two "reindex" lines per start.\n') },
    { name: 'labels in Russian', text: surprises('- Наблюдение: кэш не сбрасывается.\n  Доказательство: размер растёт после очистки.\n') },
    { name: 'a note to the writer is not an entry', text: surprises('- (fill during work)\n') },
    { name: 'a note to the writer in full-width brackets', text: surprises('- （实施时填写）\n') },
    { name: 'nothing yet, in Chinese prose', text: surprises('暂无。实现中遇到意外时记在这里。\n') },
    { name: 'nothing yet, in Spanish', text: surprises('- Ninguna por ahora.\n') },
    { name: 'the observation as a heading, its evidence below', text: surprises('### The cache is never cleared\n\n- Evidence: the size grows after each purge.\n- Impact: disks fill up.\n') },
  ],
  invalid: [
    { name: 'no evidence', text: surprises('- Observation: the cache is cold on start.\n'), errors: [{ line: 5, message: /lacks "Evidence:"/ }] },
    { name: 'a free-form bullet', text: surprises('- The cache is cold on start.\n'), errors: [{ line: 5, message: /lacks "Observation:" and "Evidence:"/ }] },
    { name: 'a nested entry list', text: surprises('  - Observation: a\n    Evidence: b\n  - Observation: c\n'), errors: [{ line: 7, column: 3 }] },
  ],
});

const allDone = (outcomes: string) =>
  `# T\n\n## Progress\n\n- [x] (2026-01-05 09:00) a\n- [x] (2026-01-05 10:00) b\n\n## Outcomes & Retrospective\n\n${outcomes}`;
ruleTable(outcomesWhenDone, {
  valid: [
    { name: 'the good plan (work still open)', text: GOOD },
    { name: 'filled in', text: allDone('Shipped the retry loop; the flaky test is gone. Next time, start with the test.\n') },
    { name: 'a sentence that starts like a pending word', text: allDone('Pendingness of the queue was the real problem; the loop fixed it.\n') },
    { name: 'what did not ship, under a label that says so', text: allDone('- **未完了**: 実機での確認は次のリリースで行う。\n') },
    { name: 'no Progress items at all', text: '# T\n\n## Progress\n\n## Outcomes & Retrospective\n' },
    { name: 'missing but required: living-sections reports it', text: '# T\n\n## Progress\n\n- [x] (2026-01-05 09:00) a\n' },
  ],
  invalid: [
    { name: 'empty', text: allDone(''), errors: [{ line: 8, message: /Every Progress item is done but "Outcomes & Retrospective" is not filled in/ }] },
    { name: 'still pending', text: allDone('Pending.\n\n- TBD\n'), errors: [{ line: 8 }] },
    { name: 'a note that it is filled later', text: allDone('To be completed after implementation.\n'), errors: [{ line: 8 }] },
    { name: 'pending in emphasis, as a bullet', text: allDone('- _Pending_\n'), errors: [{ line: 8 }] },
    { name: 'a note in Chinese that it is not done yet', text: allDone('尚未完成。完成后再总结。\n'), errors: [{ line: 8 }] },
    { name: 'a note to the writer in full-width brackets', text: allDone('- （完了後に記入）\n'), errors: [{ line: 8 }] },
    { name: 'a note to fill it in later', text: allDone('_Fill in after implementation_\n'), errors: [{ line: 8 }] },
    { name: 'only the guidance', text: allDone('At completion (or major milestones), summarize what shipped, what didn’t, and lessons learned.\n'), errors: [{ line: 8 }] },
    {
      name: 'missing and optional',
      text: '# T\n\n## Progress\n\n- [x] (2026-01-05 09:00) a\n',
      ctx: { sections: { required: ['progress'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 5, message: /no "Outcomes & Retrospective" section/ }],
    },
    { name: 'the good plan once every item is done', text: withSection(GOOD, '## Progress', '\n- [x] (2026-01-05 09:00) Wrote the failing test.\n'), errors: [{ line: 24 }] },
  ],
});

describe('parsePlan: log entries that open with a timestamp', () => {
  it('reads the label after the timestamp as a field', () => {
    const plan = parsePlan(surprises('- (2026-01-05 02:04Z) Observation: the cache is cold.\n  Evidence: `npm run bench` shows 2 s.\n- 2026-01-06: no label here.\n'));
    expect(plan.surprises.map((e) => e.fields.map((f) => `${f.name}=${f.value}`))).toEqual([
      ['observation=the cache is cold.', 'evidence=`npm run bench` shows 2 s.'],
      [],
    ]);
  });
});
