/**
 * Tools that find, read and create plans: thin calls into the library the CLI's list, show and new
 * use, each loaded on the tool's first call, so the server starts without it.
 */
import path from 'node:path';
import { z } from 'zod';
import { clockFrom } from '../../usecases/clock.js';
import { defineTool, planField } from '../tool.js';

/** A plan's state, as `list` reports it. */
const stateField = z.enum(['not started', 'in progress', 'complete', 'archived']);

/** `list_plans`: every plan with its progress and state. */
export const listPlansTool = defineTool({
  name: 'list_plans',
  description: 'List the ExecPlans in the workspace with their progress and state.',
  inputSchema: { which: z.enum(['active', 'archived', 'all']).optional().describe('Default: active') },
  outputSchema: {
    plans: z.array(z.object({ id: z.string(), path: z.string(), title: z.string().optional(), state: stateField, done: z.number(), total: z.number(), lastActivity: z.string().optional() })),
  },
  annotations: { readOnlyHint: true },
  async run({ which }, ctx) {
    const { listPlans } = await import('../../usecases/list.js');
    const ws = await ctx.workspace();
    const plans = (await listPlans(ws, { which: which ?? 'active' })).plans
      .map((p) => ({
        id: p.id,
        path: p.path,
        ...(p.title !== null ? { title: p.title } : {}),
        state: p.state,
        done: p.done,
        total: p.total,
        ...(p.lastActivity !== null ? { lastActivity: p.lastActivity } : {}),
      }));
    const text = plans.length
      ? plans.map((p) => `${p.id}  ${p.state}  ${p.done}/${p.total}  ${p.title ?? '(no title)'}`).join('\n')
      : which === 'archived'
        ? `No archived plans in ${ws.config.paths.archive}/. A finished plan is archived with archive_plan.`
        : which === 'all'
          ? `No plans, active or archived, in ${ws.config.paths.active}/ or ${ws.config.paths.archive}/. Create one with create_plan.`
          : `No plans in ${ws.config.paths.active}/. Create one with create_plan.`;
    return { data: { plans }, text };
  },
});

/** `show_plan`: the plan's Markdown (or one section) and its numbered Progress items. */
export const showPlanTool = defineTool({
  name: 'show_plan',
  description: 'Read a plan as Markdown, or one section of it, with its numbered Progress items.',
  inputSchema: { plan: planField, section: z.string().optional().describe('Section name, e.g. Progress') },
  outputSchema: {
    id: z.string(),
    path: z.string(),
    state: stateField,
    text: z.string(),
    progress: z.array(z.object({ n: z.number(), state: z.enum(['done', 'todo', 'partial']), text: z.string() })),
  },
  annotations: { readOnlyHint: true },
  async run(args, ctx) {
    const { summarizePlan } = await import('../../core/summary.js');
    const { findSection } = await import('../../usecases/show.js');
    const { readPlan } = await import('../../workspace/read.js');
    const { ws, ref } = await ctx.plan(args.plan);
    const { plan } = readPlan(ws, ref);
    const text = args.section !== undefined ? findSection(ws, ref, plan, args.section).text : plan.source;
    const progress = plan.progress.map((i) => ({ n: i.index, state: i.state, text: i.text }));
    return { data: { id: ref.id, path: ref.relPath, state: summarizePlan(plan, ref.archived).state, text, progress }, text };
  },
});

/** `create_plan`: a new plan from the specification's skeleton. */
export const createPlanTool = defineTool({
  name: 'create_plan',
  description: "Create a plan from the specification's skeleton, with its artifacts folder; then fill in every section.",
  inputSchema: { description: z.string().describe('Short, action-oriented title') },
  outputSchema: { id: z.string(), path: z.string(), artifacts: z.string(), absolutePath: z.string(), absoluteArtifacts: z.string() },
  async run({ description }, ctx) {
    const { formatDate } = await import('../../core/timestamps.js');
    const { createPlan } = await import('../../workspace/create.js');
    const ws = await ctx.workspace();
    const { now, tzOffsetMinutes } = clockFrom(ctx.io.env);
    const created = createPlan(ws, { description, date: formatDate(now, tzOffsetMinutes) });
    // The client may not know which folder the server works in: the answer names the files absolutely too.
    const absolutePath = path.join(ws.root, created.path);
    const absoluteArtifacts = path.join(ws.root, created.artifacts);
    return {
      data: { ...created, absolutePath, absoluteArtifacts },
      text: `Created ${absolutePath} and its artifacts folder ${absoluteArtifacts}${path.sep}. Next: edit the file to fill in Purpose and the other sections, then lint_plan.`,
    };
  },
});
