/** The plan says, right under its title, that it is a living document and which sections to keep current. */
import { LIVING_DOCUMENT_PREAMBLE } from '../core/skeleton.js';
import type { Rule } from './types.js';
import { insertBlock } from './util/sections.js';
import { lineOf } from './util/text.js';

/** Rule: living-preamble. */
export const rule: Rule = {
  meta: {
    id: 'living-preamble',
    description: 'The plan states under its title that it is a living document, as the skeleton does.',
    severity: 'error',
    recommended: 'warn',
    fixable: true,
    requirement: 'Non-negotiable 2, "Be a living document"; the skeleton\'s first line after the title: "This ExecPlan is a living document. Keep `Progress`, ... up to date."',
  },
  check(ctx) {
    const { plan } = ctx;
    if (plan.preamble) return;
    const message = 'The plan does not say it is a living document; expected the skeleton\'s "This ExecPlan is a living document." sentence under the title.';
    const title = plan.title;
    // Without a title before the first section there is no safe place to put the sentence.
    const offset = title ? Math.min(plan.lineStarts[lineOf(plan, title.range.end)] ?? plan.source.length, plan.contentEnd) : -1;
    if (!title || offset > plan.introEnd) {
      ctx.report({ message, line: title?.line ?? plan.sections[0]?.line ?? 1, column: 1 });
      return;
    }
    ctx.report({ message, line: title.line, column: 1, fix: [insertBlock(plan, offset, LIVING_DOCUMENT_PREAMBLE)] });
  },
};
