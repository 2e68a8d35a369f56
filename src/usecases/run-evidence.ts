/**
 * Running a command as evidence for a plan, for `execplan run` and the MCP `run_command` tool:
 * run it, save its transcript in the plan's artifacts folder and link the transcript from the
 * plan's Artifacts and Notes. Everything that can be refused is refused before the command runs.
 */
import path from 'node:path';
import { redactSecrets, visibleControls } from '../core/redact.js';
import { slugify } from '../core/skeleton.js';
import { formatTimestamp } from '../core/timestamps.js';
import { artifactsDir, ensureArtifactsDir, writeNewFile } from '../workspace/artifacts.js';
import { inlineCode, linkEvidence } from '../workspace/evidence-links.js';
import { ExecplanError } from '../workspace/errors.js';
import { assertActive, type PlanRef } from '../workspace/plans.js';
import { assertRealInside, assertSafeName } from '../workspace/safe-path.js';
import { spawnCommand, type SpawnRequest, type SpawnResult } from '../workspace/spawn-command.js';
import { BoundedOutput, describeEnding, renderTranscript, shellQuote, type Ending } from '../workspace/transcript.js';
import { relPath, type Workspace } from '../workspace/workspace.js';
import type { Clock } from './clock.js';

/** Transcripts keep at most this many bytes of output unless asked otherwise. */
export const DEFAULT_MAX_OUTPUT = 1024 * 1024;

/** What to run, and how. */
export interface RunRequest extends Pick<SpawnRequest, 'env' | 'stdin' | 'forwardSignals' | 'graceMs'> {
  /** The program and its arguments, or with `shell` the words of a shell command. */
  command: readonly string[];
  shell?: boolean;
  /** Where it runs (absolute); the repository root when absent. */
  cwd?: string;
  label?: string;
  /** Output kept in the transcript, in bytes. */
  maxBytes?: number;
  /** Mask secrets in the transcript and the plan's line (the default). */
  redact?: boolean;
  /** Link the transcript from the plan (the default). */
  link?: boolean;
  /** The command's output as it comes, decoded. */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
}

/** How the run went. */
export interface RunEvidence {
  /** The transcript, repository-relative. */
  transcript: string;
  /** The program and arguments run, secrets masked. */
  command: string[];
  ending: Ending;
  interrupted?: SpawnResult['interrupted'];
  /** How it ended, in words: `exit code 0`. */
  result: string;
  durationMs: number;
  outputBytes: number;
  droppedBytes: number;
  /** The end of the output, secrets masked. */
  tail: string;
  /** The line the plan gained, or why it could not be linked (the transcript is saved either way); absent without `link`. */
  linked?: { line: string } | { error: unknown };
}

/** Run `req.command` for `ref`, save the transcript and link it. */
export async function runEvidence(ws: Workspace, ref: PlanRef, req: RunRequest, clock: Clock): Promise<RunEvidence> {
  if (!req.command.length || !req.command[0]) throw new ExecplanError('USAGE', 'No command given: pass the program and its arguments, e.g. npm test.');
  assertActive(ref, 'its artifacts and its plan are a closed record, so nothing is run for it');
  // Spaces in a label become hyphens, as in one made from the command (`unit tests` → `unit-tests`).
  const label = req.label !== undefined ? assertSafeName(req.label.trim().replace(/\s+/g, '-'), 'label') : labelFor(req.command);
  const dir = artifactsDir(ws, ref);
  assertRealInside(ws.root, dir, 'artifacts folder');
  const redact = req.redact === false ? (text: string) => text : redactSecrets;
  const cwd = req.cwd ?? ws.root;

  const output = new BoundedOutput(req.maxBytes ?? DEFAULT_MAX_OUTPUT);
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  const started = clock.now;
  const result = await spawnCommand({
    words: req.command,
    shell: Boolean(req.shell),
    cwd,
    env: req.env,
    stdin: req.stdin,
    forwardSignals: req.forwardSignals,
    graceMs: req.graceMs,
    onOutput: (stream, bytes) => {
      output.push(stream, bytes);
      const text = req.onOutput && decoders[stream].decode(bytes, { stream: true });
      if (text) req.onOutput!(stream, text);
    },
  });
  for (const s of ['stdout', 'stderr'] as const) {
    const rest = req.onOutput && decoders[s].decode();
    if (rest) req.onOutput!(s, rest);
  }

  const ended = new Date(started.getTime() + result.durationMs);
  const text = redact(renderTranscript({ command: shellQuote(result.argv), cwd: relPath(ws, cwd) || '.', started, ended, durationMs: result.durationMs, ending: result.ending, interrupted: result.interrupted }, output));
  await ensureArtifactsDir(ws, ref);
  const file = await writeNewFile(ws.root, dir, `${fileStamp(started, ws.config.timestamps.style, clock.tzOffsetMinutes)}_${label}`, '.log', text);

  let linked: RunEvidence['linked'];
  if (req.link !== false) {
    // One line in the plan: secrets masked, escape sequences and other control characters visible.
    const display = visibleControls(redact(req.shell ? req.command.join(' ') : shellQuote(req.command)));
    const ends = `${endingWords(result.ending)}${result.interrupted ? ` after execplan was interrupted (${result.interrupted.signal})` : ''}`;
    try {
      const lines = await linkEvidence(ws, ref, [{ file, describe: (link) => `${inlineCode(display)} ${ends}: [transcript](${link})` }], started, clock.tzOffsetMinutes);
      linked = { line: lines[0]! };
    } catch (error) {
      // The command ran and its transcript is saved: the caller says it was not linked.
      linked = { error };
    }
  }
  const body = redact(output.text());
  return {
    transcript: relPath(ws, file),
    command: result.argv.map(redact),
    ending: result.ending,
    ...(result.interrupted ? { interrupted: result.interrupted } : {}),
    result: describeEnding(result.ending),
    durationMs: result.durationMs,
    outputBytes: output.total,
    droppedBytes: output.dropped,
    tail: body.length > 2000 ? `…${body.slice(-2000)}` : body,
    ...(linked ? { linked } : {}),
  };
}

/** How the command ended, as the plan's line says it. */
export function endingWords(e: Ending): string {
  if (e.kind === 'exit') return `exited ${e.code}`;
  return `${e.kind === 'signal' ? `was killed by ${e.signal}` : e.kind === 'not-found' ? 'was not found' : 'could not run'} (exit ${e.code})`;
}

/** A label from the command: the program's base name and its arguments, slugged (`npm test` → `npm-test`). */
export function labelFor(words: readonly string[]): string {
  const [first = '', ...rest] = words;
  return slugify([path.basename(first), ...rest].join(' '), 40) || 'command';
}

/** `2026-01-05T14-30-00` (local) or `2026-01-05T14-30-00Z` (utc): sortable, and valid on every file system. */
export function fileStamp(now: Date, style: 'local' | 'utc', offsetMinutes: number): string {
  const minutes = formatTimestamp(now, style, offsetMinutes).slice(1, 17).replace(' ', 'T').replace(':', '-');
  const shifted = new Date(now.getTime() + (style === 'local' ? offsetMinutes : 0) * 60_000);
  return `${minutes}-${String(shifted.getUTCSeconds()).padStart(2, '0')}${style === 'utc' ? 'Z' : ''}`;
}
