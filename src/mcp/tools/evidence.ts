/**
 * Tools that gather evidence for a plan: run a command and keep its transcript, and add or list the
 * files of the plan's artifacts folder. What they do is in run-evidence.ts, loaded on the first call.
 */
import { z } from 'zod';
import { defineTool } from '../tool.js';
import { planField } from './fields.js';

/** `run_command` input. */
export const runCommandInput = {
  plan: planField,
  command: z.array(z.string()).min(1).describe('Program and arguments, e.g. ["npm","test"]; no shell'),
  label: z.string().optional(),
};
/** `run_command` output. */
export const runCommandOutput = { transcript: z.string(), exitCode: z.number(), result: z.string(), tail: z.string() };

/** `run_command`: run a command in the repository as evidence; its transcript is saved and linked. */
export const runCommandTool = defineTool({
  name: 'run_command',
  description: "Run a command in the repository root; save its output as a transcript in the plan's artifacts and link it from the plan.",
  input: runCommandInput,
  output: runCommandOutput,
  annotations: { openWorldHint: true },
  run: async (args, ctx) => (await import('./run-evidence.js')).runCommand(args, ctx),
});

/** `artifacts` input. */
export const artifactsInput = {
  plan: planField,
  action: z.enum(['list', 'add']).optional().describe('Default: list'),
  files: z.array(z.string()).optional().describe('add: repository-relative files to copy'),
  force: z.boolean().optional().describe('add: replace same-named artifacts'),
};
/** `artifacts` output. */
export const artifactsOutput = {
  dir: z.string(),
  files: z.array(z.object({ name: z.string(), size: z.number(), mtime: z.string() })),
  added: z.array(z.string()).optional(),
};

/** `artifacts`: list the plan's artifacts, or copy files into them and link them. */
export const artifactsTool = defineTool({
  name: 'artifacts',
  description: "List the plan's artifacts folder, or copy repository files into it and link them from Artifacts and Notes.",
  input: artifactsInput,
  output: artifactsOutput,
  run: async (args, ctx) => (await import('./run-evidence.js')).artifacts(args, ctx),
});
