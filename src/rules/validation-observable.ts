/** Validation and Acceptance says how to prove the change works: something to run and what to expect. */
import type { Rule } from './types.js';
import { joined, sectionLines, showsCommand } from './util/commands.js';
import { hasWord } from './util/text.js';
import { findSection, sectionGuidance } from './util/sections.js';

// A UI flow or an HTTP call is a way to prove it too, even without a shell command.
const UI_FLOW = /\b(?:open|click|tap|navigate|visit|browse|go to|log ?in|sign ?in|submit|launch)\b/i;
const HTTP_CALL = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+\/|https?:\/\/(?:localhost|127\.0\.0\.1)/;
export const EXPECTATION =
  /\b(?:expect(?:s|ed|ing)?|should|must|will (?:see|show|print|return|display|pass|fail|succeed|report|list|contain|exit)|returns?|prints?|outputs?|shows?|displays?|reports?|passe[sd]|pass(?:ing)?|succeed(?:s|ed)?|fails?|exit(?:s)? (?:code|with|0|1|non-zero|zero)|status|responds?|see(?:s)?|observ(?:e|es|ed|able)|appears?|contains?|renders?|produces?|writes|creates|generates|accept(?:ed|s)?|verif(?:y|ies|ied)|confirm(?:s|ed)?|green)\b|=>|→|✅|预期|期望|esperad[oa]|resultado/i;

export const COMMON_EXPECTATIONS = ['should', 'expect', 'expected', 'see', 'returns', 'prints', 'shows', 'passes', 'pass', 'output', 'contains', 'status'];

/** Rule: validation-observable. */
export const rule: Rule = {
  meta: {
    id: 'validation-observable',
    description: 'Validation and Acceptance names something to run (a command, a request, a UI flow) and the result to expect.',
    severity: 'error',
    recommended: 'warn',
    fixable: false,
    requirement: 'Non-negotiable 3, "Produce observable behavior": define how to prove it works (tests, a CLI run, an HTTP call, a UI flow).',
  },
  check(ctx) {
    const section = findSection(ctx.plan, 'validation');
    if (!section) return;
    const lines = sectionLines(ctx.lines, section);
    const text = joined(lines);
    // Empty, or still the skeleton's guidance: no-empty-sections and no-placeholder-text say so.
    if (!text.replace(sectionGuidance('validation', ctx.sections) ?? '', '').trim()) return;
    if (!showsCommand(lines) && !UI_FLOW.test(text) && !HTTP_CALL.test(text)) {
      ctx.report({ message: 'Validation and Acceptance names nothing to run; expected a command, request or UI flow that proves the change works.', line: section.line, column: 1 });
    }
    // Most sections use one of these words, each of which EXPECTATION matches: no need to compile it then.
    if (!COMMON_EXPECTATIONS.some((w) => hasWord(text, w)) && !EXPECTATION.test(text)) {
      ctx.report({ message: 'Validation and Acceptance states no expected result; expected what a person will observe when it works.', line: section.line, column: 1 });
    }
  },
};
