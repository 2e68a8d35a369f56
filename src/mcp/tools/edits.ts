/**
 * Tools that keep a plan's living sections current: progress, decisions, surprises, outcomes. Each
 * builds its change with the same builder as the CLI command and applies it the same way, under
 * the plan's lock, so concurrent writers lose nothing.
 */
import { z } from 'zod';
import { applyEdit, editContext, entryLine } from '../../commands/edit-plan.js';
import type { EditContext, PlanChange } from '../../core/edits/context.js';
import { addDecision, addOutcome, addSurprise } from '../../core/edits/logs.js';
import { addProgressItem, markItemDone, splitItem, undoItem } from '../../core/edits/progress.js';
import { parsePlan } from '../../core/parse.js';
import type { Plan } from '../../core/types.js';
import { resolveAuthor } from '../../workspace/author.js';
import { ExecplanError } from '../../workspace/errors.js';
import { parseOptions } from '../../workspace/read.js';
import type { McpContext } from '../context.js';
import { defineTool, type ToolOutput } from '../tool.js';
import { planField } from './fields.js';

/** What every edit tool returns. */
const changeOutput = {
  path: z.string(),
  changed: z.boolean(),
  summary: z.string(),
  entry: z.string(),
  line: z.number().optional(),
};

type Change = { path: string; changed: boolean; summary: string; entry: string; line?: number };

/** Resolve the plan, apply the change under its lock, and describe what happened. */
async function edit(ctx: McpContext, planRef: string, build: (plan: Plan, ectx: EditContext, ws: { root: string; author?: string }) => PlanChange): Promise<ToolOutput<Change>> {
  const ws = await ctx.workspace();
  const ref = ctx.plan(ws, planRef);
  const target = { ws, ref, ctx: editContext(ctx.io, ws, ref) };
  const outcome = await applyEdit({}, target, (plan, ectx) => build(plan, ectx, { root: ws.root, ...(ws.config.author ? { author: ws.config.author } : {}) }));
  const change = outcome.result;
  const line = entryLine(parsePlan(outcome.after, parseOptions(ws)), change);
  const data: Change = { path: ref.relPath, changed: outcome.changed, summary: change.summary, entry: change.entry, ...(line !== null ? { line } : {}) };
  return { data, text: `${change.summary}\n${change.entry}` };
}

/** A field an action needs, or an error that names the action and the field. */
function need(value: string | undefined, field: string, action: string): string {
  if (value === undefined || !value.trim()) throw new ExecplanError('INVALID_INPUT', `progress ${action} needs "${field}".`);
  return value;
}

/** `progress`: add a step, tick one off, reopen one, or split a partly done one. */
export const progressTool = defineTool({
  name: 'progress',
  description: 'Update Progress: add a step, mark one done (timestamped), undo that, or split a partly done step into done and remaining.',
  input: {
    plan: planField,
    action: z.enum(['add', 'done', 'undo', 'split']),
    item: z.string().optional().describe('done/undo/split: item number or text fragment'),
    text: z.string().optional().describe('add: the step; split: what is done'),
    remaining: z.string().optional().describe('split: what remains'),
  },
  output: changeOutput,
  async run({ plan, action, item, text, remaining }, ctx) {
    switch (action) {
      case 'add':
        return edit(ctx, plan, (p, e) => addProgressItem(p, need(text, 'text', action), {}, e));
      case 'done':
        return edit(ctx, plan, (p, e) => markItemDone(p, need(item, 'item', action), e));
      case 'undo':
        return edit(ctx, plan, (p, e) => undoItem(p, need(item, 'item', action), e));
      case 'split':
        return edit(ctx, plan, (p, e) => splitItem(p, need(item, 'item', action), { done: need(text, 'text', action), remaining: need(remaining, 'remaining', action) }, e));
    }
  },
});

/** `log_decision`: a Decision Log entry with its rationale and Date/Author. */
export const logDecisionTool = defineTool({
  name: 'log_decision',
  description: 'Append a Decision / Rationale / Date/Author entry to the Decision Log.',
  input: { plan: planField, decision: z.string(), rationale: z.string() },
  output: changeOutput,
  async run({ plan, decision, rationale }, ctx) {
    return edit(ctx, plan, (p, e, ws) => addDecision(p, { decision, rationale, author: resolveAuthor({ config: ws.author, env: ctx.io.env, root: ws.root }) }, e));
  },
});

/** `log_surprise`: an Observation / Evidence entry in Surprises & Discoveries. */
export const logSurpriseTool = defineTool({
  name: 'log_surprise',
  description: 'Append an Observation / Evidence entry to Surprises & Discoveries.',
  input: { plan: planField, observation: z.string(), evidence: z.string() },
  output: changeOutput,
  async run({ plan, observation, evidence }, ctx) {
    return edit(ctx, plan, (p, e) => addSurprise(p, { observation, evidence }, e));
  },
});

/** `log_outcome`: a dated entry in Outcomes & Retrospective. */
export const logOutcomeTool = defineTool({
  name: 'log_outcome',
  description: 'Append an entry to Outcomes & Retrospective: what shipped, what did not, lessons.',
  input: { plan: planField, text: z.string() },
  output: changeOutput,
  async run({ plan, text }, ctx) {
    return edit(ctx, plan, (p, e) => addOutcome(p, text, e));
  },
});
