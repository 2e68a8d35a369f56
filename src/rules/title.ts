/** The plan has one H1 title, and it is the plan's own, not the skeleton's placeholder. */
import type { Rule } from './types.js';

const PLACEHOLDER = /^<[^<>]*>$|^short,? action-oriented description$/i;

/** Rule: title. */
export const rule: Rule = {
  meta: {
    id: 'title',
    description: 'The plan starts with one H1 title that describes the work, not the skeleton placeholder.',
    severity: 'error',
    recommended: 'error',
    fixable: false,
    requirement: 'ExecPlan skeleton: `# <Short, action-oriented description>`.',
  },
  check(ctx) {
    const { plan } = ctx;
    const missing = plan.diagnostics.find((d) => d.code === 'no-title');
    if (!plan.title || missing) {
      ctx.report({ message: 'The plan has no H1 title; expected a first line like "# Add retry to the upload client".', line: missing?.line ?? 1 });
    } else {
      const text = plan.title.text.trim();
      if (!text || PLACEHOLDER.test(text)) {
        ctx.report({
          message: `The title "${text}" is the skeleton's placeholder; expected a short, action-oriented description of the work.`,
          line: plan.title.line,
          column: 1,
        });
      }
    }
    for (const d of plan.diagnostics) {
      if (d.code === 'multiple-titles') {
        ctx.report({ message: `${d.message.replace(/\.$/, '')}; expected exactly one H1 title, with sections at H2.`, line: d.line, column: 1 });
      }
    }
  },
};
