/** Rules about the plan's shape: title, sections, order, headings, preamble, empty and placeholder text. */
import { describe, expect, it } from 'vitest';
import { findingKey, fixPlan, lintPlan, newFindings } from '../../src/core/lint.js';
import { resolveRuleSettings } from '../../src/rules/index.js';
import { parsePlan } from '../../src/core/parse.js';
import { SECTION_KEYS } from '../../src/core/sections.js';
import { renderSkeleton } from '../../src/core/skeleton.js';
import { rule as headingStyle } from '../../src/rules/heading-style.js';
import { rule as livingPreamble } from '../../src/rules/living-preamble.js';
import { rule as livingSections } from '../../src/rules/living-sections.js';
import { rule as noEmptySections } from '../../src/rules/no-empty-sections.js';
import { rule as noPlaceholderText } from '../../src/rules/no-placeholder-text.js';
import { rule as requiredSections } from '../../src/rules/required-sections.js';
import { rule as sectionOrder } from '../../src/rules/section-order.js';
import { rule as title } from '../../src/rules/title.js';
import { rule as wellFormed } from '../../src/rules/well-formed.js';
import { GOOD, ctxBase, ruleTable, withSection, withoutSection } from './helpers.js';

const livingOnly = { sections: { required: ['progress', 'surprises', 'decisions', 'outcomes'], order: [...SECTION_KEYS], aliases: {}, custom: [] } };
const LIVING = '## Progress\n\n- [ ] Start.\n\n## Surprises & Discoveries\n\nNone yet.\n\n## Decision Log\n\nNone yet.\n\n## Outcomes & Retrospective\n\nNot yet.\n';

ruleTable(title, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'a title after front matter', text: '---\nstatus: active\n---\n# Ship the importer\n\n## Progress\n' },
  ],
  invalid: [
    { name: 'no title at all', text: '## Progress\n\n- [ ] Start.\n', errors: [{ line: 1, message: /no H1 title/ }], output: null },
    { name: 'the skeleton placeholder', text: '# <Short, action-oriented description>\n\n## Progress\n', errors: [{ line: 1, column: 1, message: /placeholder/ }] },
    { name: 'two titles', text: '# One\n\n## Progress\n\n# Two\n', errors: [{ line: 5, message: /More than one H1/ }] },
  ],
});

/** A list nested `levels` deep, one item per level. */
const NESTED = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');

ruleTable(wellFormed, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'a closed fence with a longer closer', text: '# T\n\n## Concrete Steps\n\n```bash\nnpm test\n````\n' },
    { name: 'a list nested 25 levels deep is read whole', text: `${GOOD}\n## Rollout Tree\n\n${NESTED(25)}\n` },
    { name: 'a fence in a block quote', text: '# T\n\n> ```\n> code\n> ```\n' },
    { name: 'a setext heading underlined with seven "="', text: 'Ship the importer\n=======\n\n## Progress\n\n- [ ] a\n' },
    { name: 'each part of an archive of runs has its own Decision Log', text: '# Runs\n\n## Run 4\n\n### Progress\n\n- [x] a\n\n### Decision Log\n\n## Run 5\n\n### Progress\n\n### Decision Log\n' },
  ],
  invalid: [
    {
      name: 'a list nested 40 levels deep: one finding at the line reading stopped',
      text: `# T\n\n## Plan of Work\n\n${NESTED(40)}\n\n## Decision Log\n`,
      errors: [{ line: 36, message: /nested too deep to read at line 36: lines 36 to 44 could not be read; expected lists nested at most 31 levels deep and quotes 63; flatten them from that line\./ }],
    },
    {
      name: '100,000 list levels on one line and as many quotes: one finding, naming both places',
      text: `# T\n\n## Plan of Work\n\n${'- '.repeat(100_000)}x\n\n${'>'.repeat(100_000)} deep\n\n## Decision Log\n`,
      errors: [{ line: 5, message: /at line 5: line 5 could not be read \(and 1 more place after it\)/ }],
    },
    { name: 'a fence never closed', text: '# T\n\n## Concrete Steps\n\n```bash\nnpm test\n', errors: [{ line: 5, message: /never closed/ }] },
    { name: 'a section twice', text: '# T\n\n## Progress\n\n- [ ] a\n\n## Progress\n\n- [ ] b\n', errors: [{ line: 7, message: /Progress section is written again as "Progress" at line 7, after "Progress" at line 3/ }] },
    {
      name: 'git conflict markers left by a merge',
      text: '# T\n\n## Progress\n\n<<<<<<< ours\n- [ ] a\n=======\n- [ ] b\n>>>>>>> theirs\n',
      errors: [{ line: 5, message: /^Unresolved merge conflict markers at lines 5, 7 and 9; expected the merge resolved/ }],
    },
    {
      name: 'diff3 conflict markers',
      text: '# T\n\n<<<<<<< HEAD\nours\n||||||| base\nbase\n=======\ntheirs\n>>>>>>> main\n',
      errors: [{ line: 3, message: /lines 3, 5, 7 and 9/ }],
    },
    { name: 'front matter never closed', text: '---\nstatus: x\n# T\n', errors: [{ line: 1, message: /never closed/ }] },
    { name: 'key lines with no opening ---', text: 'status: active\nowner: dana\n---\n# T\n', errors: [{ line: 1, message: /no opening/ }] },
    { name: 'an outer fence never closed', text: '```md\n# T\n\n## Progress\n', errors: [{ line: 1, message: /outer/ }] },
  ],
});

ruleTable(livingSections, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'misspelled but present', text: `# T\n\n${LIVING.replace('Surprises', 'Suprises')}` },
    {
      name: 'headings in two languages',
      text: '# T\n\n## Progress / Avance\n\n- [ ] a\n\n## Surprises & Discoveries / 发现\n\n## Decision Log | Журнал решений\n\n## Outcomes & Retrospective / 振り返り\n',
    },
    { name: 'not required by the settings', text: '# T\n\n## Progress\n\n- [ ] a\n', ctx: { sections: { required: ['progress'], order: [...SECTION_KEYS], aliases: {}, custom: [] } } },
  ],
  invalid: [
    {
      name: 'Decision Log missing: inserted after Surprises',
      text: withoutSection(GOOD, '## Decision Log'),
      errors: [{ line: 19, message: /"Decision Log" is missing/ }],
      output: withSection(GOOD, '## Decision Log', ''),
    },
    {
      name: 'two missing at one place keep their order',
      text: '# T\n\n## Progress\n\n- [ ] a\n\n## Outcomes & Retrospective\n\nLater.\n',
      ctx: livingOnly,
      errors: [{ line: 7 }, { line: 7 }],
      output: '# T\n\n## Progress\n\n- [ ] a\n\n## Surprises & Discoveries\n\n## Decision Log\n\n## Outcomes & Retrospective\n\nLater.\n',
    },
    {
      // An empty Progress is itself a progress-checklist error ("no checkbox items"): the author writes it.
      name: 'a missing Progress: reported, not inserted empty',
      text: '# T\n\n## Surprises & Discoveries\n\nNone.\n',
      ctx: { sections: { required: ['progress', 'surprises'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 3, message: /"Progress" is missing/ }],
      output: null,
    },
    {
      // Every Progress item done: an empty Outcomes would be an outcomes-when-done error.
      name: 'a missing Outcomes once every item is done: reported, not inserted empty',
      text: '# T\n\n## Progress\n\n- [x] a\n',
      ctx: { sections: { required: ['progress', 'outcomes'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 6, message: /"Outcomes & Retrospective" is missing/ }],
      output: null,
    },
    {
      name: 'at the end of a file without a final newline',
      text: '# T\n\n## Progress\n\n- [ ] a',
      ctx: { sections: { required: ['progress', 'outcomes'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 5 }],
      output: '# T\n\n## Progress\n\n- [ ] a\n\n## Outcomes & Retrospective',
    },
    {
      name: 'before the closing outer fence',
      text: '```md\n# T\n\n## Decision Log\n\nNone.\n```\n',
      ctx: { sections: { required: ['surprises', 'decisions'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 4 }],
      output: '```md\n# T\n\n## Surprises & Discoveries\n\n## Decision Log\n\nNone.\n```\n',
    },
    {
      // heading-style would report the inserted H3 as below the other sections: no fix.
      name: 'sections nested at H3 get no insertion',
      text: '# Archive\n\n## Run 4\n\n### Progress\n\n- [x] a\n\n### Outcomes & Retrospective\n\nDone.\n\n## Run 5\n\nLater.\n',
      ctx: { sections: { required: ['progress', 'surprises', 'outcomes'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 9, message: /expected a "### Surprises & Discoveries" section/ }],
      output: null,
    },
    {
      // heading-style raises every H1 section to H2: the missing ones go in at H2 beside them.
      name: 'a plan of H1 sections that heading-style raises gets the missing one at H2',
      text: '# Progress\n\n- [ ] a\n\n# Testing Approach\n\nManual.\n\n# Outcomes & Retrospective\n\nLater.\n',
      ctx: livingOnly,
      errors: [{ line: 5 }, { line: 5 }],
      output: '# Progress\n\n- [ ] a\n\n## Surprises & Discoveries\n\n## Decision Log\n\n# Testing Approach\n\nManual.\n\n# Outcomes & Retrospective\n\nLater.\n',
    },
    {
      // A heading of the plan's own at H1 keeps the sections there, where heading-style reports an inserted one: no fix.
      name: 'a plan of H1 sections that stay at H1 gets no insertion',
      text: '# Progress\n\n- [ ] a\n\n# Appendix\n\nManual.\n\n# Outcomes & Retrospective\n\nLater.\n',
      ctx: livingOnly,
      errors: [{ line: 5 }, { line: 5 }],
      output: null,
    },
    {
      name: 'a file that repeats its sections gets no insertion',
      text: '# Archive\n\n## Run 4\n\n### Progress\n\n- [x] a\n\n## Run 5\n\n### Progress\n\n- [x] b\n',
      ctx: livingOnly,
      errors: [{ line: 9 }, { line: 9 }, { line: 9 }],
      output: null,
    },
    {
      name: 'a place that would put the section after one it precedes in the order: no fix',
      text: '# T\n\n## Progress\n\n- [ ] a\n\n## Plan of Work\n\n### Decision Log\n\n- Decision: x\n',
      ctx: { sections: { required: ['progress', 'surprises', 'decisions'], order: ['progress', 'plan-of-work', 'surprises', 'decisions'], aliases: {}, custom: [] } },
      errors: [{ line: 12 }],
      output: null,
    },
    {
      name: 'inserted after a section and its nested subsections, not between them',
      text: '# T\n\n## Progress\n\n- [ ] a\n\n## Plan of Work\n\n### Decision Log\n\n- Decision: x\n',
      ctx: { sections: { required: ['progress', 'surprises', 'decisions'], order: ['progress', 'plan-of-work', 'decisions', 'surprises'], aliases: {}, custom: [] } },
      errors: [{ line: 12 }],
      output: '# T\n\n## Progress\n\n- [ ] a\n\n## Plan of Work\n\n### Decision Log\n\n- Decision: x\n\n## Surprises & Discoveries\n',
    },
  ],
});

ruleTable(requiredSections, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'a custom section the team requires', text: `${GOOD}\n## Review Gate\n\nDana signs off.\n`, ctx: { sections: { required: ['purpose', 'review'], order: [...SECTION_KEYS, 'review'], aliases: {}, custom: [{ key: 'review', title: 'Review Gate' }] } } },
    { name: 'the context under a close name', text: '# T\n\n## Repository Orientation\n\nThe CLI lives in `src/cli.ts`.\n', ctx: { sections: { required: ['context'], order: [...SECTION_KEYS], aliases: {}, custom: [] } } },
  ],
  invalid: [
    {
      name: 'Purpose missing: inserted before Progress',
      text: '# T\n\n## Progress\n\n- [ ] a\n',
      ctx: { sections: { required: ['purpose', 'progress'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 3, message: /"Purpose \/ Big Picture" is missing/ }],
      output: '# T\n\n## Purpose / Big Picture\n\n## Progress\n\n- [ ] a\n',
    },
    {
      name: 'Purpose missing: inserted before the first section that follows it, wherever the plan put it',
      text: '# T\n\n## Context and Orientation\n\nx\n\n## Progress\n\n- [ ] a\n',
      ctx: { sections: { required: ['purpose', 'progress', 'context'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 3 }],
      output: '# T\n\n## Purpose / Big Picture\n\n## Context and Orientation\n\nx\n\n## Progress\n\n- [ ] a\n',
    },
    {
      name: 'tail sections missing: appended at the end',
      text: withoutSection(withoutSection(GOOD, '## Artifacts and Notes'), '## Interfaces and Dependencies'),
      errors: [{ line: 49 }, { line: 49 }],
      output: `${withoutSection(withoutSection(GOOD, '## Artifacts and Notes'), '## Interfaces and Dependencies')}## Artifacts and Notes\n\n## Interfaces and Dependencies\n`,
    },
    {
      name: 'a plan closed by a break and a signature: the section goes above the break',
      text: '# T\n\n## Purpose / Big Picture\n\nShip it.\n\n## Progress\n\n- [ ] a\n\n---\n\nLast updated 2026-01-05 by Dana.\n',
      ctx: { sections: { required: ['purpose', 'progress', 'context'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 11 }],
      output: '# T\n\n## Purpose / Big Picture\n\nShip it.\n\n## Progress\n\n- [ ] a\n\n## Context and Orientation\n\n---\n\nLast updated 2026-01-05 by Dana.\n',
    },
    {
      name: 'a plan closed by a revision note: the section goes above the note',
      text: '# T\n\n## Purpose / Big Picture\n\nShip it.\n\n## Progress\n\n- [ ] a\n\nPlan revision note (2026-01-05): added the retry step.\n',
      ctx: { sections: { required: ['purpose', 'progress', 'context'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 11 }],
      output: '# T\n\n## Purpose / Big Picture\n\nShip it.\n\n## Progress\n\n- [ ] a\n\n## Context and Orientation\n\nPlan revision note (2026-01-05): added the retry step.\n',
    },
    {
      name: 'revision notes introduced by a label: the section goes above the label',
      text: '# T\n\n## Purpose / Big Picture\n\nShip it.\n\n## Progress\n\n- [ ] a\n\nRevision notes:\n\nThe retry step was added after review.\n\n- 2026-01-06: split the upload step.\n',
      ctx: { sections: { required: ['purpose', 'progress', 'context'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 11 }],
      output: '# T\n\n## Purpose / Big Picture\n\nShip it.\n\n## Progress\n\n- [ ] a\n\n## Context and Orientation\n\nRevision notes:\n\nThe retry step was added after review.\n\n- 2026-01-06: split the upload step.\n',
    },
    {
      name: 'a note in the middle of the last section is the section\'s own text',
      text: '# T\n\n## Purpose / Big Picture\n\nShip it.\n\n## Progress\n\nChange note: the order below was swapped.\n\nThe upload step comes first now.\n',
      ctx: { sections: { required: ['purpose', 'progress', 'context'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 12 }],
      output: '# T\n\n## Purpose / Big Picture\n\nShip it.\n\n## Progress\n\nChange note: the order below was swapped.\n\nThe upload step comes first now.\n\n## Context and Orientation\n',
    },
    {
      name: 'a plan whose last fence is never closed: no place outside the code is certain, no fix',
      text: '# T\n\n## Purpose / Big Picture\n\nShip it.\n\n## Progress\n\n- [ ] a\n\n```bash\nnpm test\n',
      ctx: { sections: { required: ['purpose', 'progress', 'context'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 13 }],
      output: null,
    },
    {
      name: 'a break that closes the section before the plan\'s own notes: the section goes above the break',
      text: '# T\n\n## Purpose / Big Picture\n\nShip it.\n\n---\n\n## Maintenance Notes\n\n2026-01-05: first draft.\n',
      ctx: { sections: { required: ['purpose', 'context'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 7 }],
      output: '# T\n\n## Purpose / Big Picture\n\nShip it.\n\n## Context and Orientation\n\n---\n\n## Maintenance Notes\n\n2026-01-05: first draft.\n',
    },
    {
      name: 'a plan that separates its sections with breaks: the new section gets one too',
      text: '# T\n\n## Context and Orientation\n\nThe client is in `src/upload.ts`.\n\n---\n\n## Concrete Steps\n\nRun `npm test`.\n\n---\n\n## Validation and Acceptance\n\nThe test passes.\n',
      ctx: { sections: { required: ['context', 'plan-of-work'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 9 }],
      output: '# T\n\n## Context and Orientation\n\nThe client is in `src/upload.ts`.\n\n---\n\n## Plan of Work\n\n---\n\n## Concrete Steps\n\nRun `npm test`.\n\n---\n\n## Validation and Acceptance\n\nThe test passes.\n',
    },
    {
      name: 'a plan of its own sections only: nothing says where Purpose goes, no fix',
      text: '# T\n\n## Rollout Calendar\n\nMonday.\n\n## Team Notes\n\nDana reviews.\n',
      ctx: { sections: { required: ['purpose'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 10 }],
      output: null,
    },
    {
      name: 'Purpose missing behind the plan\'s own first section: no fix',
      text: '# T\n\n## Problem\n\nUploads fail.\n\n## Progress\n\n- [ ] a\n',
      ctx: { sections: { required: ['purpose', 'progress'], order: [...SECTION_KEYS], aliases: {}, custom: [] } },
      errors: [{ line: 10 }],
      output: null,
    },
  ],
});

ruleTable(sectionOrder, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'a configured order', text: '# T\n\n## Progress\n\n## Purpose / Big Picture\n', ctx: { sections: { required: [], order: ['progress', 'purpose'], aliases: {}, custom: [] } } },
  ],
  invalid: [
    { name: 'Progress after Concrete Steps', text: '# T\n\n## Purpose / Big Picture\n\n## Concrete Steps\n\n## Progress\n', errors: [{ line: 5, message: /"Concrete Steps" is out of order; expected it after "Progress" \(line 7\)/ }] },
    {
      name: 'narrative sections moved to the front: they are the ones out of place, not the living ones',
      text: '# T\n\n## Purpose / Big Picture\n\n## Context and Orientation\n\n## Plan of Work\n\n## Progress\n\n## Surprises & Discoveries\n\n## Decision Log\n\n## Outcomes & Retrospective\n',
      errors: [{ line: 5, message: /"Context and Orientation" is out of order/ }, { line: 7, message: /"Plan of Work" is out of order/ }],
    },
    { name: 'Outcomes at the very end', text: '# T\n\n## Purpose / Big Picture\n\n## Progress\n\n## Context and Orientation\n\n## Plan of Work\n\n## Outcomes & Retrospective\n', errors: [{ line: 11, message: /"Outcomes & Retrospective" is out of order; expected it before "Context and Orientation"/ }] },
    { name: 'the last canonical section first', text: '# T\n\n## Interfaces and Dependencies\n\n## Purpose / Big Picture\n\n## Progress\n', errors: [{ line: 3, message: /after "Progress"/ }] },
  ],
});

ruleTable(headingStyle, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'a variant the team configured', text: '# T\n\n## Progreso\n', ctx: { sections: { required: [], order: [...SECTION_KEYS], aliases: { progress: ['Progreso'] }, custom: [] } } },
    { name: 'variants when allowed', text: '# T\n\n## Purpose\n', options: { allowVariants: true } },
    { name: 'an extra section', text: '# T\n\n## Milestones\n' },
  ],
  invalid: [
    { name: 'the propagated typo', text: '# T\n\n## Suprises & Discoveries\n', errors: [{ line: 3, message: /misspells "Surprises & Discoveries"/ }], output: '# T\n\n## Surprises & Discoveries\n' },
    { name: 'sentence case', text: '# T\n\n## Decision log\n\n- x\n', errors: [{ line: 3 }], output: '# T\n\n## Decision Log\n\n- x\n' },
    { name: 'numbering and a suffix: the author\'s words are not rewritten', text: '# T\n\n## 4. Acceptance Criteria (Observable)\n', errors: [{ line: 3, message: /variant of "Validation and Acceptance"/ }], output: null },
    { name: 'another name or a translation: reported, not renamed', text: '# T\n\n## Purpose\n\n## Progreso\n', errors: [{ line: 3 }, { line: 5, message: /variant of "Progress"/ }], output: null },
    { name: 'a heading in two languages: reported, not renamed', text: '# T\n\n## Purpose / Big Picture / Objetivo\n\n## Progress / 进度\n', errors: [{ line: 3, message: /variant of "Purpose \/ Big Picture"/ }, { line: 5, message: /variant of "Progress"/ }], output: null },
    { name: 'title case and "and" for "&" are renamed', text: '# T\n\n## Context And Orientation\n\n## Surprises and discoveries\n', errors: [{ line: 3 }, { line: 5 }], output: '# T\n\n## Context and Orientation\n\n## Surprises & Discoveries\n' },
    { name: 'a variant at H1 is moved to H2 as written', text: '# Progress (Update First)\n\n# Decision Log\n', errors: [{ line: 1, message: /variant of "Progress"/ }, { line: 3 }], output: '## Progress (Update First)\n\n## Decision Log\n' },
    { name: 'H1 sections', text: '# Progress\n\n# Decision Log\n', errors: [{ line: 1, message: /level 1/ }, { line: 3 }], output: '## Progress\n\n## Decision Log\n' },
    { name: 'H1 sections beside an H1 of the plan\'s own are not raised', text: '# Progress\n\n# Rollout Calendar\n\n# Decision log\n', errors: [{ line: 1, message: /level 1/ }, { line: 5 }], output: '# Progress\n\n# Rollout Calendar\n\n# Decision Log\n' },
    { name: 'an H1 section with an H2 inside is not raised', text: '# Progress\n\n## Details\n\n# Decision Log\n', errors: [{ line: 1 }, { line: 5 }], output: null },
    { name: 'a section written twice keeps its headings', text: '# T\n\n## Validation & Acceptance\n\nx\n\n## 6. Acceptance Criteria\n\ny\n', errors: [{ line: 3, message: /variant of "Validation and Acceptance"/ }, { line: 7 }], output: null },
    { name: 'a setext heading at level 1', text: 'Decision Log\n============\n\n## Progress\n', errors: [{ line: 1 }], output: '## Decision Log\n\n## Progress\n' },
    { name: 'nested under a milestone: no fix', text: '# T\n\n## Progress\n\n## Milestone 1\n\n### Plan of Work\n\nDo it.\n', errors: [{ line: 7, message: /level 3/ }], output: null },
  ],
});

ruleTable(livingPreamble, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'the sentence in other words', text: '# T\n\nThis plan is a living-document, updated as work proceeds.\n\n## Progress\n' },
    { name: '"this document is live"', text: '# T\n\nThis document is live. Update Progress at every stop.\n\n## Progress\n' },
    { name: 'the sentence in Japanese', text: '# T\n\nこの計画は生きたドキュメントとして作業中に更新する。\n\n## Progress\n' },
    { name: 'the living sections named, in a sentence of another language', text: '# T\n\nMantener al día `Progress`, `Decision Log` y `Outcomes & Retrospective` durante el trabajo.\n\n## Progress\n' },
  ],
  invalid: [
    { name: 'missing', text: '# T\n\n## Progress\n', errors: [{ line: 1 }], output: `# T\n\nThis ExecPlan is a living document. Keep \`Progress\`, \`Surprises & Discoveries\`, \`Decision Log\`, and \`Outcomes & Retrospective\` up to date.\n\n## Progress\n` },
    { name: 'a title with nothing after it', text: '# T', errors: [{ line: 1 }], output: '# T\n\nThis ExecPlan is a living document. Keep `Progress`, `Surprises & Discoveries`, `Decision Log`, and `Outcomes & Retrospective` up to date.' },
    { name: 'other intro text stays below', text: '# T\n\nStatus: active\n\n## Progress\n', errors: [{ line: 1 }], output: '# T\n\nThis ExecPlan is a living document. Keep `Progress`, `Surprises & Discoveries`, `Decision Log`, and `Outcomes & Retrospective` up to date.\n\nStatus: active\n\n## Progress\n' },
    { name: 'no title: no place for it', text: '## Progress\n', errors: [{ line: 1 }], output: null },
  ],
});

ruleTable(noEmptySections, {
  valid: [
    { name: 'the good plan (Outcomes may wait)', text: GOOD },
    { name: 'a group of deeper sections', text: '# T\n\n## Run 4\n\n### Decision log\n\n- a\n\n### Outcome\n\nDone.\n' },
  ],
  invalid: [
    { name: 'an empty section', text: '# T\n\n## Plan of Work\n\n## Concrete Steps\n\nRun it.\n', errors: [{ line: 3, message: /"Plan of Work" is empty/ }] },
    { name: 'only a comment', text: '# T\n\n## Milestones\n\n<!-- later -->\n', errors: [{ line: 3 }] },
    { name: 'Outcomes when not allowed', text: '# T\n\n## Outcomes & Retrospective\n', options: { allowEmpty: [] }, errors: [{ line: 3 }] },
  ],
});

const SKELETON_SURPRISES = '## Surprises & Discoveries\n\nDocument unexpected behaviors, bugs, perf tradeoffs, or “oh wow” findings.\n\n- Observation: …\n  Evidence: …\n';
ruleTable(noPlaceholderText, {
  valid: [
    { name: 'the good plan', text: GOOD },
    { name: 'a date format named in code', text: '# T\n\n## Context and Orientation\n\nFiles are named `YYYY-MM-DD_slug.md`, and logs end in "...".\n' },
    { name: 'guidance kept above real content', text: '# T\n\n## Decision Log\n\nRecord every decision:\n\n- Decision: X.\n' },
  ],
  invalid: [
    { name: 'the skeleton Surprises section', text: `# T\n\n${SKELETON_SURPRISES}`, errors: [{ line: 5, message: /only the skeleton's guidance/ }, { line: 7, column: 3, message: /"Observation:"/ }, { line: 8, column: 3, message: /"Evidence:"/ }] },
    { name: 'the skeleton Progress item', text: '# T\n\n## Progress\n\n- [ ] (YYYY-MM-DD HH:MM) First concrete step.\n', errors: [{ line: 5, column: 1, message: /First concrete step/ }, { line: 5, column: 7, message: /YYYY-MM-DD/ }] },
    { name: 'the title placeholder in prose', text: '# T\n\n## Purpose / Big Picture\n\nThis plan: <Short, action-oriented description>\n', errors: [{ line: 5, column: 12 }] },
    { name: 'a lone ellipsis', text: '# T\n\n## Plan of Work\n\n- …\n', errors: [{ line: 5, column: 3 }] },
    { name: 'a date placeholder opening an item', text: '# T\n\n## Plan of Work\n\n- YYYY-MM-DD: ship it\n', errors: [{ line: 5, column: 3 }] },
    { name: 'a date placeholder in a decision', text: '# T\n\n## Decision Log\n\n- Decision: a\n  Rationale: b\n  Date/Author: YYYY-MM-DD / Dana\n', errors: [{ line: 7, column: 16 }] },
  ],
});

describe('a plan fresh from the skeleton', () => {
  const text = renderSkeleton({ title: 'Add retry to the upload client' });
  const found = lintPlan(parsePlan(text), ctxBase(), resolveRuleSettings());

  it('has every section, in order, spelled right, with its preamble: nothing to fix', () => {
    expect(found.filter((d) => d.fix)).toEqual([]);
    expect(fixPlan(text, ctxBase(), resolveRuleSettings()).output).toBe(text);
    expect(found.map((d) => d.ruleId).filter((id) => ['living-sections', 'required-sections', 'section-order', 'heading-style', 'living-preamble', 'title'].includes(id))).toEqual([]);
  });

  it('reports each placeholder still to be written', () => {
    const placeholders = found.filter((d) => d.ruleId === 'no-placeholder-text');
    // Twelve guidance-only sections, the example Progress item (twice: text and date), five `…` fields.
    expect(placeholders).toHaveLength(12 + 2 + 5);
  });
});

describe('--fix never makes a plan worse', () => {
  const all = resolveRuleSettings();
  const fix = (text: string, over = {}) => {
    const base = ctxBase(over);
    const before = lintPlan(parsePlan(text), base, all);
    const result = fixPlan(text, base, all);
    return { before, result };
  };

  it('does not add an empty Progress to a plan that tracks its steps as tasks elsewhere', () => {
    const text = `${GOOD.replace(/## Progress\n\n[\s\S]*?\n## Surprises/, '## Surprises')}\n## Tasks\n\n- [x] (2026-01-05 09:00) Wrote the failing test.\n`;
    const { before, result } = fix(text);
    // Reported, and not shown as fixable: --fix would not insert it.
    expect(before.filter((d) => d.ruleId === 'living-sections').map((d) => [d.message.includes('"Progress"'), d.fix])).toEqual([[true, undefined]]);
    expect(result.output).not.toContain('## Progress');
    expect(newFindings(before, result.diagnostics)).toEqual([]);
    expect(result.diagnostics.find((d) => d.ruleId === 'living-sections')?.fix).toBeUndefined();
  });

  it('counts a finding whose message changes with the fix as the same one', () => {
    // A stamp rewritten to the configured style is still the same pair out of order.
    const order = (a: string, b: string) => ({ ruleId: 'timestamp-order', message: `The timestamp "(${a})" is earlier than "(${b})" on line 18; expected entries in time order.` });
    expect(findingKey(order('2025-10-29T12:30Z', '2025-10-29 13:30Z'))).toBe(findingKey(order('2025-10-29 12:30Z', '2025-10-29T13:30:00Z')));
    expect(findingKey(order('2025-10-29 12:30Z', '2025-10-29 13:30Z'))).not.toBe(findingKey(order('2025-10-29 12:31Z', '2025-10-29 13:30Z')));
    // A section out of order is one finding whichever neighbour the message names.
    const out = (n: string) => ({ ruleId: 'section-order', message: `Section "Interfaces and Dependencies" is out of order; expected it after "${n}" (line 12).` });
    expect(findingKey(out('Validation and Acceptance'))).toBe(findingKey(out('Idempotence and Recovery')));
  });

  it('does not insert a section the plan has under a close synonym, and names the one it would take', () => {
    const text = GOOD.replace('## Idempotence and Recovery', '## Rollback Notes');
    const { result } = fix(text);
    expect(result.output).not.toContain('## Idempotence and Recovery\n');
    expect(result.diagnostics.filter((d) => d.ruleId === 'required-sections')).toEqual([]);
  });
});
