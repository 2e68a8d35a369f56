/**
 * Tools that keep a plan's living sections current: progress, decisions, surprises, outcomes. Each
 * builds its change with the same builder as the CLI command and applies it the same way, under
 * the plan's lock, so concurrent writers lose nothing. The builders load on the first call.
 */
import { z } from 'zod';
import type { EditContext, PlanChange } from '../../core/edits/context.js';
import type { Plan } from '../../core/types.js';
import { clockFrom } from '../../usecases/clock.js';
import { ExecplanError } from '../../workspace/errors.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { McpContext } from '../context.js';
import { defineTool, planField } from '../tool.js';

/** What every edit tool returns. */
const changeOutput = {
  path: z.string(),
  changed: z.boolean(),
  summary: z.string(),
  entry: z.string(),
  line: z.number().optional(),
};

/** Resolve the plan, apply the change under its lock, and describe what happened. */
async function edit(ctx: McpContext, planRef: string, build: (plan: Plan, ectx: EditContext, ws: Workspace) => PlanChange) {
  const { editPlan, editTarget } = await import('../../usecases/edit-plan.js');
  const { ws, ref } = await ctx.plan(planRef);
  const outcome = await editPlan(editTarget(ws, ref, clockFrom(ctx.io.env)), (plan, ectx) => build(plan, ectx, ws));
  const { result: change, line } = outcome;
  const data = { path: ref.relPath, changed: outcome.changed, summary: change.summary, entry: change.entry, ...(line !== null ? { line } : {}) };
  return { data, text: `${change.summary}\n${change.entry}` };
}

/** A field an action needs, or an error that names the action and the field. */
function need(value: string | number | undefined, field: string, action: string): string {
  if (value === undefined || !String(value).trim()) throw new ExecplanError('INVALID_INPUT', `progress with action "${action}" needs "${field}"; call progress again with it.`);
  return String(value);
}

/** `progress`: add a step, tick one off, reopen one, or split a partly done one. */
export const progressTool = defineTool({
  name: 'progress',
  description: 'Update Progress: add a step, mark one done (timestamped), undo that, or split a partly done step into done and remaining.',
  inputSchema: {
    plan: planField,
    action: z.enum(['add', 'done', 'undo', 'split']),
    item: z.union([z.number().int(), z.string()]).describe('Item number, or text naming it').optional(),
    text: z.string().optional().describe('add: the step; split: what is done'),
    remaining: z.string().optional().describe('split: what remains'),
    evidence: z.string().optional().describe('done: a run transcript that exited 0, or a commit'),
  },
  outputSchema: changeOutput,
  async run({ plan, action, item, text, remaining, evidence }, ctx) {
    const { addProgressItem, markItemDone, splitItem, undoItem } = await import('../../core/edits/progress.js');
    switch (action) {
      case 'add':
        return edit(ctx, plan, (p, e) => addProgressItem(p, need(text, 'text', action), {}, e));
      case 'done': {
        const ref = need(item, 'item', action);
        if (evidence === undefined) return edit(ctx, plan, (p, e) => markItemDone(p, ref, e));
        const { resolveItem } = await import('../../core/edits/item-ref.js');
        const { withEvidence } = await import('../../core/evidence.js');
        const { evidenceFor } = await import('../../usecases/progress-evidence.js');
        const { ws, ref: target } = await ctx.plan(plan);
        const words = evidenceFor(ws, target, evidence, ws.root);
        return edit(ctx, plan, (p, e) => withEvidence(p.source, markItemDone(p, ref, e), resolveItem(p, ref, e), words));
      }
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
  inputSchema: { plan: planField, decision: z.string(), rationale: z.string(), author: z.string().optional().describe("Default: the client's name") },
  outputSchema: changeOutput,
  async run({ plan, decision, rationale, author }, ctx) {
    const { addDecision } = await import('../../core/edits/logs.js');
    const { resolveAuthor } = await import('../../workspace/author.js');
    // An agent's decision is signed by the agent: its own word, else the name its client gave at initialize.
    const signer = author?.trim() || ctx.clientName();
    return edit(ctx, plan, (p, e, ws) => addDecision(p, { decision, rationale, author: signer || resolveAuthor({ config: ws.config.author, env: ctx.io.env, root: ws.root }) }, e));
  },
});

/** `log_surprise`: an Observation / Evidence entry in Surprises & Discoveries. */
export const logSurpriseTool = defineTool({
  name: 'log_surprise',
  description: 'Append an Observation / Evidence entry to Surprises & Discoveries.',
  inputSchema: { plan: planField, observation: z.string(), evidence: z.string() },
  outputSchema: changeOutput,
  async run({ plan, observation, evidence }, ctx) {
    const { addSurprise } = await import('../../core/edits/logs.js');
    return edit(ctx, plan, (p, e) => addSurprise(p, { observation, evidence }, e));
  },
});

/** `log_outcome`: a dated entry in Outcomes & Retrospective. */
export const logOutcomeTool = defineTool({
  name: 'log_outcome',
  description: 'Append an entry to Outcomes & Retrospective: what shipped, what did not, lessons.',
  inputSchema: { plan: planField, text: z.string() },
  outputSchema: changeOutput,
  async run({ plan, text }, ctx) {
    const { addOutcome } = await import('../../core/edits/logs.js');
    return edit(ctx, plan, (p, e) => addOutcome(p, text, e));
  },
});
