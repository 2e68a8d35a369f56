/** The server's prompts: write a new ExecPlan, and bring one up to date at a stopping point. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { ExecplanError } from '../workspace/errors.js';
import { inToolWords } from './tool-words.js';
import { plansGuide, type GuidePaths } from '../templates/plans-guide.js';
import { resolveSafePlan, type McpContext } from './context.js';
import { planField } from './tool.js';

/** The guide's rules an author needs while writing: requirements, sections, entry formats, milestones. */
export function writingRules(guide: string): string {
  const start = guide.indexOf('## Four non-negotiable requirements');
  const end = guide.indexOf('## Keeping a plan current');
  // Should the guide's headings change, the whole guide is still the right rules.
  return start >= 0 && end > start ? guide.slice(start, end).trim() : guide.trim();
}

/** The text of the `write_execplan` prompt. */
export function writePrompt(task: string, paths: GuidePaths): string {
  return `Write an ExecPlan for this task:

${task.trim()}

An ExecPlan is a self-contained, living design document: someone who knows nothing about this repository must be able to deliver the change from the plan alone. If the repository has its own PLANS.md (for example .agent/PLANS.md), read it whole and follow it to the letter; the rules below are the specification's.

1. Research first: read the code, configuration and documentation the task touches, so every path, command and interface in the plan is real.
2. Call the create_plan tool with a short, action-oriented description of the task. It creates the plan in ${paths.active}/ from the skeleton, with its artifacts folder, and returns its path.
3. Edit that file: replace every guidance line and placeholder with real content, section by section, keeping the twelve headings in order. Write the Progress list as concrete, checkable steps; record the design choices you already made in the Decision Log.
4. Call lint_plan on the plan and fix every finding.
5. While you carry the plan out, keep it current with the progress, log_decision, log_surprise and log_outcome tools; keep evidence with run_command and artifacts.

${writingRules(plansGuide(paths))}
`;
}

/** The text of the `update_execplan` prompt. */
export function updatePrompt(plan: string): string {
  return `Bring the ExecPlan "${plan.trim()}" up to date: this is a stopping point, and the next reader has only the plan.

1. Call resume_plan (or show_plan) to see where the plan stands and its numbered Progress items.
2. Progress must tell the truth. For each step finished since the last update, call progress with action "done" and the item's number (e.g. "item": 2). For a step only partly done, call progress with action "split", the item, "text" saying what is done and "remaining" saying what remains: the done part is ticked with a timestamp and the remaining part stays open. Add newly found steps with action "add". Never leave a half-true checkbox.
3. Call log_decision for every decision made since the last update, including any change of course, with its rationale.
4. Call log_surprise for every unexpected behaviour, bug or finding, with its evidence: a command and its output, a test name, a measurement.
5. At a milestone or at completion, call log_outcome: what shipped, what did not and why, lessons learned.
6. If the plan changed course, edit the sections it affects (Plan of Work, Concrete Steps, Validation and Acceptance, Interfaces and Dependencies) so the plan still describes the work as it is now.
7. Call lint_plan and fix what it reports. When every step is done and Outcomes & Retrospective is written, call archive_plan.
`;
}

/** Register `write_execplan` and `update_execplan`. */
export function registerPrompts(server: McpServer, ctx: McpContext): void {
  server.registerPrompt(
    'write_execplan',
    { description: 'Write a new ExecPlan for a task, following the specification.', argsSchema: { task: z.string().describe('What the work should achieve') } },
    async ({ task }) => {
      const ws = await ctx.workspace();
      return { messages: [{ role: 'user', content: { type: 'text', text: writePrompt(task, ws.config.paths) } }] };
    },
  );
  server.registerPrompt(
    'update_execplan',
    { description: 'Bring an ExecPlan up to date at a stopping point.', argsSchema: { plan: planField } },
    async ({ plan }) => {
      // A prompt about a plan that is not there would send the agent after nothing: refuse it, saying why.
      const ws = await ctx.workspace();
      let ref;
      try {
        ref = resolveSafePlan(ws, plan);
      } catch (err) {
        if (err instanceof ExecplanError) throw new McpError(ErrorCode.InvalidParams, `update_execplan: ${inToolWords(err.message)}`, err.toJSON());
        throw err;
      }
      if (ref.archived) throw new McpError(ErrorCode.InvalidParams, `update_execplan: ${ref.relPath} is archived; bring it back with the reopen_plan tool ({"plan":"${ref.id}"}) before updating it.`);
      return { messages: [{ role: 'user', content: { type: 'text', text: updatePrompt(ref.id) } }] };
    },
  );
}
