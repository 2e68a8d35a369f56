/** What the progress, log_decision, log_surprise and log_outcome tools do (their schemas are in edits.ts). */
import type { EditContext, PlanChange } from '../../core/edits/context.js';
import { addDecision, addOutcome, addSurprise } from '../../core/edits/logs.js';
import { resolveItem } from '../../core/edits/item-ref.js';
import { addProgressItem, markItemDone, splitItem, undoItem } from '../../core/edits/progress.js';
import { withEvidence } from '../../core/evidence.js';
import { evidenceFor } from '../../usecases/progress-evidence.js';
import type { Plan } from '../../core/types.js';
import { resolveAuthor } from '../../workspace/author.js';
import { ExecplanError } from '../../workspace/errors.js';
import type { McpContext } from '../context.js';
import type { ToolArgs, ToolResult } from '../tool.js';
import { clockFrom } from '../../usecases/clock.js';
import { editPlan, editTarget } from '../../usecases/edit-plan.js';
import type { changeOutput, logDecisionInput, logOutcomeInput, logSurpriseInput, progressInput } from './edits.js';

type Change = ToolResult<typeof changeOutput>;

/** Resolve the plan, apply the change under its lock, and describe what happened. */
async function edit(ctx: McpContext, planRef: string, build: (plan: Plan, ectx: EditContext, ws: { root: string; author?: string }) => PlanChange): Change {
  const ws = await ctx.workspace();
  const ref = ctx.plan(ws, planRef);
  const outcome = await editPlan(editTarget(ws, ref, clockFrom(ctx.io.env)), (plan, ectx) => build(plan, ectx, { root: ws.root, ...(ws.config.author ? { author: ws.config.author } : {}) }));
  const change = outcome.result;
  const line = outcome.line;
  const data = { path: ref.relPath, changed: outcome.changed, summary: change.summary, entry: change.entry, ...(line !== null ? { line } : {}) };
  return { data, text: `${change.summary}\n${change.entry}` };
}

/** A field an action needs, or an error that names the action and the field. */
function need(value: string | number | undefined, field: string, action: string): string {
  if (value === undefined || !String(value).trim()) throw new ExecplanError('INVALID_INPUT', `progress with action "${action}" needs "${field}"; call progress again with it.`);
  return String(value);
}

/** `progress`: add a step, tick one off, reopen one, or split a partly done one. */
export async function progress({ plan, action, item, text, remaining, evidence }: ToolArgs<typeof progressInput>, ctx: McpContext): Change {
  switch (action) {
    case 'add':
      return edit(ctx, plan, (p, e) => addProgressItem(p, need(text, 'text', action), {}, e));
    case 'done': {
      const ref = need(item, 'item', action);
      if (evidence === undefined) return edit(ctx, plan, (p, e) => markItemDone(p, ref, e));
      const ws = await ctx.workspace();
      const words = evidenceFor(ws, ctx.plan(ws, plan), evidence, ws.root);
      return edit(ctx, plan, (p, e) => withEvidence(p.source, markItemDone(p, ref, e), resolveItem(p, ref, e), words));
    }
    case 'undo':
      return edit(ctx, plan, (p, e) => undoItem(p, need(item, 'item', action), e));
    case 'split':
      return edit(ctx, plan, (p, e) => splitItem(p, need(item, 'item', action), { done: need(text, 'text', action), remaining: need(remaining, 'remaining', action) }, e));
  }
}

/** `log_decision`: a Decision Log entry with its rationale and Date/Author. */
export async function logDecision({ plan, decision, rationale, author }: ToolArgs<typeof logDecisionInput>, ctx: McpContext): Change {
  // An agent's decision is signed by the agent: its own word, else the name its client gave at initialize.
  const signer = author?.trim() || ctx.clientName();
  return edit(ctx, plan, (p, e, ws) => addDecision(p, { decision, rationale, author: signer || resolveAuthor({ config: ws.author, env: ctx.io.env, root: ws.root }) }, e));
}

/** `log_surprise`: an Observation / Evidence entry in Surprises & Discoveries. */
export async function logSurprise({ plan, observation, evidence }: ToolArgs<typeof logSurpriseInput>, ctx: McpContext): Change {
  return edit(ctx, plan, (p, e) => addSurprise(p, { observation, evidence }, e));
}

/** `log_outcome`: a dated entry in Outcomes & Retrospective. */
export async function logOutcome({ plan, text }: ToolArgs<typeof logOutcomeInput>, ctx: McpContext): Change {
  return edit(ctx, plan, (p, e) => addOutcome(p, text, e));
}
