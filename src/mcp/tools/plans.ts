/**
 * Tools that find, read and create plans: thin calls into the library the CLI's list, show and new
 * use. What they do is in run-plans.ts, loaded on the first call, so the server starts without it.
 */
import { z } from 'zod';
import { defineTool } from '../tool.js';
import { planField, stateField } from './fields.js';

/** `list_plans` input. */
export const listPlansInput = { which: z.enum(['active', 'archived', 'all']).optional().describe('Default: active') };
/** `list_plans` output. */
export const listPlansOutput = {
  plans: z.array(z.object({ id: z.string(), path: z.string(), title: z.string().optional(), state: stateField, done: z.number(), total: z.number(), lastActivity: z.string().optional() })),
};

/** `list_plans`: every plan with its progress and state. */
export const listPlansTool = defineTool({
  name: 'list_plans',
  description: 'List the ExecPlans in the workspace with their progress and state.',
  input: listPlansInput,
  output: listPlansOutput,
  annotations: { readOnlyHint: true },
  run: async (args, ctx) => (await import('./run-plans.js')).listPlans(args, ctx),
});

/** `show_plan` input. */
export const showPlanInput = { plan: planField, section: z.string().optional().describe('Section name, e.g. Progress') };
/** `show_plan` output. */
export const showPlanOutput = {
  id: z.string(),
  path: z.string(),
  state: stateField,
  text: z.string(),
  progress: z.array(z.object({ n: z.number(), state: z.enum(['done', 'todo', 'partial']), text: z.string() })),
};

/** `show_plan`: the plan's Markdown (or one section) and its numbered Progress items. */
export const showPlanTool = defineTool({
  name: 'show_plan',
  description: 'Read a plan as Markdown, or one section of it, with its numbered Progress items.',
  input: showPlanInput,
  output: showPlanOutput,
  annotations: { readOnlyHint: true },
  run: async (args, ctx) => (await import('./run-plans.js')).showPlan(args, ctx),
});

/** `create_plan` input. */
export const createPlanInput = { description: z.string().describe('Short, action-oriented title') };
/** `create_plan` output. */
export const createPlanOutput = { id: z.string(), path: z.string(), artifacts: z.string(), absolutePath: z.string(), absoluteArtifacts: z.string() };

/** `create_plan`: a new plan from the specification's skeleton. */
export const createPlanTool = defineTool({
  name: 'create_plan',
  description: "Create a plan from the specification's skeleton, with its artifacts folder; then fill in every section.",
  input: createPlanInput,
  output: createPlanOutput,
  run: async (args, ctx) => (await import('./run-plans.js')).createPlan(args, ctx),
});
