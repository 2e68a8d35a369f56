/**
 * Tools that keep a plan's living sections current: progress, decisions, surprises, outcomes. Each
 * builds its change with the same builder as the CLI command and applies it the same way, under
 * the plan's lock, so concurrent writers lose nothing. What they do is in run-edits.ts, loaded on
 * the first call, so the server starts without it.
 */
import { z } from 'zod';
import { defineTool } from '../tool.js';
import { itemField, planField } from './fields.js';

/** What every edit tool returns. */
export const changeOutput = {
  path: z.string(),
  changed: z.boolean(),
  summary: z.string(),
  entry: z.string(),
  line: z.number().optional(),
};

/** `progress` input. */
export const progressInput = {
  plan: planField,
  action: z.enum(['add', 'done', 'undo', 'split']),
  item: itemField.optional(),
  text: z.string().optional().describe('add: the step; split: what is done'),
  remaining: z.string().optional().describe('split: what remains'),
  evidence: z.string().optional().describe('done: a run transcript that exited 0, or a commit'),
};

/** `progress`: add a step, tick one off, reopen one, or split a partly done one. */
export const progressTool = defineTool({
  name: 'progress',
  description: 'Update Progress: add a step, mark one done (timestamped), undo that, or split a partly done step into done and remaining.',
  input: progressInput,
  output: changeOutput,
  run: async (args, ctx) => (await import('./run-edits.js')).progress(args, ctx),
});

/** `log_decision` input. */
export const logDecisionInput = { plan: planField, decision: z.string(), rationale: z.string(), author: z.string().optional().describe("Default: the client's name") };

/** `log_decision`: a Decision Log entry with its rationale and Date/Author. */
export const logDecisionTool = defineTool({
  name: 'log_decision',
  description: 'Append a Decision / Rationale / Date/Author entry to the Decision Log.',
  input: logDecisionInput,
  output: changeOutput,
  run: async (args, ctx) => (await import('./run-edits.js')).logDecision(args, ctx),
});

/** `log_surprise` input. */
export const logSurpriseInput = { plan: planField, observation: z.string(), evidence: z.string() };

/** `log_surprise`: an Observation / Evidence entry in Surprises & Discoveries. */
export const logSurpriseTool = defineTool({
  name: 'log_surprise',
  description: 'Append an Observation / Evidence entry to Surprises & Discoveries.',
  input: logSurpriseInput,
  output: changeOutput,
  run: async (args, ctx) => (await import('./run-edits.js')).logSurprise(args, ctx),
});

/** `log_outcome` input. */
export const logOutcomeInput = { plan: planField, text: z.string() };

/** `log_outcome`: a dated entry in Outcomes & Retrospective. */
export const logOutcomeTool = defineTool({
  name: 'log_outcome',
  description: 'Append an entry to Outcomes & Retrospective: what shipped, what did not, lessons.',
  input: logOutcomeInput,
  output: changeOutput,
  run: async (args, ctx) => (await import('./run-edits.js')).logOutcome(args, ctx),
});
