/**
 * Tools that check a plan, brief its next reader and archive it: the library behind lint, resume
 * and archive. What they do is in run-lifecycle.ts, loaded on the first call: the rules, the
 * parser and the formatter are not needed to start the server.
 */
import { z } from 'zod';
import { defineTool } from '../tool.js';
import { planField } from './fields.js';

/** `lint_plan` input. */
export const lintPlanInput = { plan: planField.optional(), fix: z.boolean().optional().describe('Apply the safe fixes first') };
/** `lint_plan` output. */
export const lintPlanOutput = {
  checked: z.number(),
  fixed: z.number().optional(),
  errors: z.number(),
  warnings: z.number(),
  findings: z.array(z.object({ path: z.string(), line: z.number(), severity: z.enum(['error', 'warn']), rule: z.string(), message: z.string() })),
};

/** `lint_plan`: the workspace's rules on one plan, or on every active plan. */
export const lintPlanTool = defineTool({
  name: 'lint_plan',
  description: 'Check one plan, or every active plan, against the specification and the workspace rules; with fix, apply the safe fixes.',
  input: lintPlanInput,
  output: lintPlanOutput,
  run: async (args, ctx) => (await import('./run-lifecycle.js')).lintPlan(args, ctx),
});

/** `resume_plan` input. */
export const resumePlanInput = { plan: planField };
/** `resume_plan` output. */
export const resumePlanOutput = {
  id: z.string(),
  path: z.string(),
  done: z.number(),
  total: z.number(),
  next: z.array(z.object({ n: z.number(), text: z.string() })),
  brief: z.string(),
};

/** `resume_plan`: the brief to pick a plan up from. */
export const resumePlanTool = defineTool({
  name: 'resume_plan',
  description: 'Brief for picking a plan up: purpose, where it stands, next steps, latest decisions and surprises, checks to run.',
  input: resumePlanInput,
  output: resumePlanOutput,
  annotations: { readOnlyHint: true },
  run: async (args, ctx) => (await import('./run-lifecycle.js')).resumePlan(args, ctx),
});

/** `archive_plan` input. */
export const archivePlanInput = { plan: planField };
/** `archive_plan` output. */
export const archivePlanOutput = { id: z.string(), from: z.string(), to: z.string() };

/** `archive_plan`: move a finished plan and its artifacts to the archive. */
export const archivePlanTool = defineTool({
  name: 'archive_plan',
  description: 'Move a finished plan and its artifacts folder to the archive; an unfinished plan is refused with the reasons.',
  input: archivePlanInput,
  output: archivePlanOutput,
  run: async (args, ctx) => (await import('./run-lifecycle.js')).archivePlan(args, ctx),
});

/** `reopen_plan` input. */
export const reopenPlanInput = { plan: planField };

/** `reopen_plan`: bring an archived plan and its artifacts back to the active folders. */
export const reopenPlanTool = defineTool({
  name: 'reopen_plan',
  description: 'Bring an archived plan and its artifacts folder back to the active plans.',
  input: reopenPlanInput,
  output: archivePlanOutput,
  run: async (args, ctx) => (await import('./run-lifecycle.js')).reopenPlan(args, ctx),
});
