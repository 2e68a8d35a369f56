/** The plan's artifacts folder exists, so logs and transcripts have a place to go. */
import type { Rule } from './types.js';

/** Rule: artifacts-folder. */
export const rule: Rule = {
  meta: {
    id: 'artifacts-folder',
    description: "The plan's artifacts folder (`<artifacts>/<plan-id>/`) exists.",
    severity: 'warn',
    recommended: 'off',
    fixable: true,
    requirement: 'Where ExecPlans live: "Artifacts (logs, screenshots, transcripts): `.agent/execplans/artifacts/<plan-id>/`".',
  },
  check(ctx) {
    const a = ctx.artifacts;
    if (!a || a.exists) return;
    ctx.report({ message: `The artifacts folder "${a.path}/" does not exist; expected it beside the plan for logs, screenshots and transcripts.`, line: 1, column: 1, ...(a.creatable === false ? {} : { createFolder: a.path }) });
  },
};
