/**
 * Tools that gather evidence for a plan: run a command and keep its transcript, and add or list the
 * files of the plan's artifacts folder. What they call loads on the first call.
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { clockFrom } from '../../usecases/clock.js';
import { ExecplanError } from '../../workspace/errors.js';
import { defineTool, planField } from '../tool.js';

/** `run_command`: run a command in the repository as evidence; its transcript is saved and linked. */
export const runCommandTool = defineTool({
  name: 'run_command',
  description: "Run a command in the repository root; save its output as a transcript in the plan's artifacts and link it from the plan.",
  inputSchema: {
    plan: planField,
    command: z.array(z.string()).min(1).describe('Program and arguments, e.g. ["npm","test"]; no shell'),
    label: z.string().optional(),
  },
  outputSchema: { transcript: z.string(), exitCode: z.number(), result: z.string(), tail: z.string() },
  annotations: { openWorldHint: true },
  async run(args, ctx) {
    const { runEvidence } = await import('../../usecases/run-evidence.js');
    const { ws, ref } = await ctx.plan(args.plan);
    // Its standard input is empty: the server's own is the protocol.
    const r = await runEvidence(ws, ref, { command: args.command, env: ctx.io.env, stdin: Readable.from([]), ...(args.label !== undefined ? { label: args.label } : {}) }, clockFrom(ctx.io.env));
    if (r.linked && 'error' in r.linked) throw r.linked.error;
    const data = { transcript: r.transcript, exitCode: r.ending.code, result: r.result, tail: r.tail };
    return { data, text: `${r.result}; transcript ${r.transcript}, linked from ${ref.relPath}.\n${r.tail}`.trimEnd() };
  },
});

/** `artifacts`: list the plan's artifacts, or copy files into them and link them. */
export const artifactsTool = defineTool({
  name: 'artifacts',
  description: "List the plan's artifacts folder, or copy repository files into it and link them from Artifacts and Notes.",
  inputSchema: {
    plan: planField,
    action: z.enum(['list', 'add']).optional().describe('Default: list'),
    files: z.array(z.string()).optional().describe('add: repository-relative files to copy'),
    force: z.boolean().optional().describe('add: replace same-named artifacts'),
  },
  outputSchema: {
    dir: z.string(),
    files: z.array(z.object({ name: z.string(), size: z.number(), mtime: z.string() })),
    added: z.array(z.string()).optional(),
  },
  async run(args, ctx) {
    const { addPlanArtifacts, planArtifacts } = await import('../../usecases/artifacts.js');
    const { ws, ref } = await ctx.plan(args.plan);
    let added: string[] | undefined;
    if (args.action === 'add') {
      if (!args.files?.length) throw new ExecplanError('INVALID_INPUT', 'artifacts with action "add" needs "files": a list of repository-relative paths; call artifacts again with it.');
      // Only files of the repository: the server reads nothing outside it.
      added = (await addPlanArtifacts(ws, ref, { files: args.files, cwd: ws.root, force: Boolean(args.force), allowOutsideSources: false }, clockFrom(ctx.io.env))).added.map((a) => a.path);
    }
    const listed = await planArtifacts(ws, ref);
    const dir = listed.dir;
    const files = listed.files.map((f) => ({ name: f.name, size: f.size, mtime: f.mtime }));
    const listing = files.length ? files.map((f) => `${f.name}  ${f.size} B  ${f.mtime}`).join('\n') : `No artifacts in ${dir}/. Add some with artifacts {"action":"add"} or run_command.`;
    const text = added ? `Added ${added.join(', ')} and linked ${added.length === 1 ? 'it' : 'them'} from ${ref.relPath}.\n${listing}` : listing;
    return { data: { dir, files, ...(added ? { added } : {}) }, text };
  },
});
