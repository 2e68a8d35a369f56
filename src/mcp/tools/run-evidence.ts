/** What run_command and artifacts do (their schemas are in evidence.ts). */
import { Readable } from 'node:stream';
import { clockFrom } from '../../usecases/clock.js';
import { runEvidence } from '../../usecases/run-evidence.js';
import { addPlanArtifacts, planArtifacts } from '../../usecases/artifacts.js';
import { ExecplanError } from '../../workspace/errors.js';
import type { McpContext } from '../context.js';
import type { ToolArgs, ToolResult } from '../tool.js';
import type { artifactsInput, artifactsOutput, runCommandInput, runCommandOutput } from './evidence.js';

/** `run_command`: run a command in the repository as evidence; its transcript is saved and linked. */
export async function runCommand(args: ToolArgs<typeof runCommandInput>, ctx: McpContext): ToolResult<typeof runCommandOutput> {
  const ws = await ctx.workspace();
  const ref = ctx.plan(ws, args.plan);
  // Its standard input is empty: the server's own is the protocol.
  const r = await runEvidence(ws, ref, { command: args.command, env: ctx.io.env, stdin: Readable.from([]), ...(args.label !== undefined ? { label: args.label } : {}) }, clockFrom(ctx.io.env));
  if (r.linked && 'error' in r.linked) throw r.linked.error;
  const data = { transcript: r.transcript, exitCode: r.ending.code, result: r.result, tail: r.tail };
  return { data, text: `${r.result}; transcript ${r.transcript}, linked from ${ref.relPath}.\n${r.tail}`.trimEnd() };
}

/** `artifacts`: list the plan's artifacts, or copy files into them and link them. */
export async function artifacts(args: ToolArgs<typeof artifactsInput>, ctx: McpContext): ToolResult<typeof artifactsOutput> {
  const ws = await ctx.workspace();
  const ref = ctx.plan(ws, args.plan);
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
  return { data: { dir, files, ...(added ? { added } : {}) }, text: added ? `Added ${added.join(', ')} and linked ${added.length === 1 ? 'it' : 'them'} from ${ref.relPath}.\n${listing}` : listing };
}
