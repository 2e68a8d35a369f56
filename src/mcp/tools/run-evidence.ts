/** What run_command and artifacts do (their schemas are in evidence.ts). */
import path from 'node:path';
import { clockFrom } from '../../usecases/clock.js';
import { runEvidence } from '../../usecases/run-evidence.js';
import { addArtifacts, artifactsDir, listArtifacts } from '../../workspace/artifacts.js';
import { ExecplanError } from '../../workspace/errors.js';
import { linkLabel } from '../../workspace/evidence-links.js';
import { linkEvidence } from '../../workspace/link-evidence.js';
import { assertActive } from '../../workspace/plans.js';
import { relPath } from '../../workspace/workspace.js';
import type { McpContext } from '../context.js';
import type { ToolArgs, ToolResult } from '../tool.js';
import type { artifactsInput, artifactsOutput, runCommandInput, runCommandOutput } from './evidence.js';

/** `run_command`: run a command in the repository as evidence; its transcript is saved and linked. */
export async function runCommand(args: ToolArgs<typeof runCommandInput>, ctx: McpContext): ToolResult<typeof runCommandOutput> {
  const ws = await ctx.workspace();
  const ref = ctx.plan(ws, args.plan);
  const r = await runEvidence(ws, ref, { command: args.command, env: ctx.io.env, ...(args.label !== undefined ? { label: args.label } : {}) }, clockFrom(ctx.io.env));
  const data = { transcript: r.transcript, exitCode: r.exitCode, result: r.result, tail: r.tail };
  return { data, text: `${r.result}; transcript ${r.transcript}, linked from ${ref.relPath}.\n${r.tail}`.trimEnd() };
}

/** `artifacts`: list the plan's artifacts, or copy files into them and link them. */
export async function artifacts(args: ToolArgs<typeof artifactsInput>, ctx: McpContext): ToolResult<typeof artifactsOutput> {
  const ws = await ctx.workspace();
  const ref = ctx.plan(ws, args.plan);
  const dir = relPath(ws, artifactsDir(ws, ref));
  let added: string[] | undefined;
  if (args.action === 'add') {
    if (!args.files?.length) throw new ExecplanError('INVALID_INPUT', 'artifacts with action "add" needs "files": a list of repository-relative paths; call artifacts again with it.');
    assertActive(ref, 'its artifacts and its plan are a closed record, so nothing is added to them');
    // Only files of the repository: the server reads nothing outside it.
    const copied = await addArtifacts(ws, ref, args.files, { cwd: ws.root, force: Boolean(args.force), allowOutsideSources: false });
    const clock = clockFrom(ctx.io.env);
    await linkEvidence(ws, ref, copied.map((a) => ({ file: path.join(ws.root, a.path), describe: (link) => `${a.replaced ? 'Replaced' : 'Added'} artifact [${linkLabel(a.name)}](${link}).` })), clock.now, clock.tzOffsetMinutes);
    added = copied.map((a) => a.path);
  }
  const files = (await listArtifacts(ws, ref)).map((f) => ({ name: f.name, size: f.size, mtime: f.mtime }));
  const listing = files.length ? files.map((f) => `${f.name}  ${f.size} B  ${f.mtime}`).join('\n') : `No artifacts in ${dir}/. Add some with artifacts {"action":"add"} or run_command.`;
  return { data: { dir, files, ...(added ? { added } : {}) }, text: added ? `Added ${added.join(', ')} and linked ${added.length === 1 ? 'it' : 'them'} from ${ref.relPath}.\n${listing}` : listing };
}
