import path from 'node:path';
/** What list_plans, show_plan and create_plan do (their schemas are in plans.ts). */
import { summarizePlan } from '../../core/summary.js';
import { formatDate } from '../../core/timestamps.js';
import { clockFrom } from '../../usecases/clock.js';
import { listPlans as list } from '../../usecases/list.js';
import { findSection } from '../../usecases/show.js';
import { createPlan as create } from '../../workspace/create.js';
import { readPlan } from '../../workspace/read.js';
import type { McpContext } from '../context.js';
import type { ToolArgs, ToolResult } from '../tool.js';
import type { createPlanInput, createPlanOutput, listPlansInput, listPlansOutput, showPlanInput, showPlanOutput } from './plans.js';

/** `list_plans`: every plan with its progress and state. */
export async function listPlans({ which }: ToolArgs<typeof listPlansInput>, ctx: McpContext): ToolResult<typeof listPlansOutput> {
  const ws = await ctx.workspace();
  const plans = (await list(ws, { which: which ?? 'active' })).plans
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
}

/** `show_plan`: the plan's Markdown (or one section) and its numbered Progress items. */
export async function showPlan(args: ToolArgs<typeof showPlanInput>, ctx: McpContext): ToolResult<typeof showPlanOutput> {
  const ws = await ctx.workspace();
  const ref = ctx.plan(ws, args.plan);
  const { plan } = readPlan(ws, ref);
  const text = args.section !== undefined ? findSection(ws, ref, plan, args.section).text : plan.source;
  const progress = plan.progress.map((i) => ({ n: i.index, state: i.state, text: i.text }));
  return { data: { id: ref.id, path: ref.relPath, state: summarizePlan(plan, ref.archived).state, text, progress }, text };
}

/** `create_plan`: a new plan from the specification's skeleton. */
export async function createPlan({ description }: ToolArgs<typeof createPlanInput>, ctx: McpContext): ToolResult<typeof createPlanOutput> {
  const ws = await ctx.workspace();
  const { now, tzOffsetMinutes } = clockFrom(ctx.io.env);
  const created = create(ws, { description, date: formatDate(now, tzOffsetMinutes) });
  // The client may not know which folder the server works in: the answer names the files absolutely too.
  const absolutePath = path.join(ws.root, created.path);
  const absoluteArtifacts = path.join(ws.root, created.artifacts);
  return {
    data: { ...created, absolutePath, absoluteArtifacts },
    text: `Created ${absolutePath} and its artifacts folder ${absoluteArtifacts}${path.sep}. Next: edit the file to fill in Purpose and the other sections, then lint_plan.`,
  };
}
