/**
 * Running a command as evidence for a plan, for callers that capture its output rather than show
 * it (the MCP server): run it in the repository with no standard input, save its transcript in the
 * plan's artifacts folder and link the transcript from Artifacts and Notes.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import { redactSecrets, visibleControls } from '../core/redact.js';
import { slugify } from '../core/skeleton.js';
import { formatTimestamp } from '../core/timestamps.js';
import { artifactsDir, ensureArtifactsDir, writeNewFile } from '../workspace/artifacts.js';
import { inlineCode } from '../workspace/evidence-links.js';
import { ExecplanError } from '../workspace/errors.js';
import { linkEvidence } from '../workspace/link-evidence.js';
import { assertActive, type PlanRef } from '../workspace/plans.js';
import { assertRealInside, assertSafeName } from '../workspace/safe-path.js';
import { spawnCommand } from '../workspace/spawn-command.js';
import { BoundedOutput, describeEnding, renderTranscript, shellQuote } from '../workspace/transcript.js';
import { relPath, type Workspace } from '../workspace/workspace.js';
import type { Clock } from './clock.js';

/** What to run. */
export interface RunRequest {
  /** The program and its arguments (no shell). */
  command: readonly string[];
  label?: string;
  env: Record<string, string | undefined>;
  /** Output kept in the transcript, in bytes. */
  maxBytes?: number;
}

/** How the run went. */
export interface RunEvidence {
  transcript: string;
  exitCode: number;
  result: string;
  /** The end of the output, for the caller to show. */
  tail: string;
  linked: boolean;
}

/** Run `command` for `ref`, save the transcript and link it. */
export async function runEvidence(ws: Workspace, ref: PlanRef, req: RunRequest, clock: Clock): Promise<RunEvidence> {
  if (!req.command.length || !req.command[0]) throw new ExecplanError('USAGE', 'No command given: pass the program and its arguments as a list, e.g. ["npm", "test"].');
  assertActive(ref, 'its artifacts and its plan are a closed record, so nothing is run for it');
  const label = req.label !== undefined ? assertSafeName(req.label.trim().replace(/\s+/g, '-'), 'label') : slugify([path.basename(req.command[0]), ...req.command.slice(1)].join(' '), 40) || 'command';
  const dir = artifactsDir(ws, ref);
  assertRealInside(ws.root, dir, 'artifacts folder');
  const output = new BoundedOutput(req.maxBytes ?? 1024 * 1024);
  const started = clock.now;
  const result = await spawnCommand({ words: req.command, shell: false, cwd: ws.root, env: req.env, stdin: Readable.from([]), onOutput: (stream, bytes) => output.push(stream, bytes) });
  const ended = new Date(started.getTime() + result.durationMs);
  const text = redactSecrets(renderTranscript({ command: shellQuote(result.argv), cwd: '.', started, ended, durationMs: result.durationMs, ending: result.ending }, output));
  await ensureArtifactsDir(ws, ref);
  const stamp = formatTimestamp(started, ws.config.timestamps.style, clock.tzOffsetMinutes).slice(1, 17).replace(' ', 'T').replace(':', '-');
  const file = await writeNewFile(ws.root, dir, `${stamp}-${String(started.getUTCSeconds()).padStart(2, '0')}${ws.config.timestamps.style === 'utc' ? 'Z' : ''}_${label}`, '.log', text);
  const ending = result.ending.kind === 'exit' ? `exited ${result.ending.code}` : `ended with ${describeEnding(result.ending)}`;
  await linkEvidence(ws, ref, [{ file, describe: (link) => `${inlineCode(visibleControls(redactSecrets(shellQuote(req.command))))} ${ending}: [transcript](${link})` }], started, clock.tzOffsetMinutes);
  const body = redactSecrets(output.text());
  return { transcript: relPath(ws, file), exitCode: result.ending.code, result: describeEnding(result.ending), tail: body.length > 2000 ? `…${body.slice(-2000)}` : body, linked: true };
}
