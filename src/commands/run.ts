/**
 * `execplan run <plan> <command> [args...]`: run a command as evidence for a plan. Its output is
 * shown live and saved as a transcript in the plan's artifacts folder, the plan's Artifacts and
 * Notes links to it, and execplan exits with the command's own exit code.
 */
import path from 'node:path';
import { redactSecrets, visibleControls } from '../core/redact.js';
import { slugify } from '../core/skeleton.js';
import { formatTimestamp } from '../core/timestamps.js';
import { artifactsDir, ensureArtifactsDir, writeNewFile } from '../workspace/artifacts.js';
import { ExecplanError } from '../workspace/errors.js';
import { inlineCode as codeSpan } from '../workspace/evidence-links.js';
import { linkEvidence } from '../workspace/link-evidence.js';
import { assertActive, resolvePlan } from '../workspace/plans.js';
import { assertRealInside, assertSafeName } from '../workspace/safe-path.js';
import { DEFAULT_GRACE_MS, spawnCommand } from '../workspace/spawn-command.js';
import { BoundedOutput, renderTranscript, shellQuote, type Ending } from '../workspace/transcript.js';
import { openWorkspace, relPath } from '../workspace/workspace.js';
import { clock, tzOffset, writeJson, type Io } from './io.js';

interface Options {
  cwd?: string;
  json?: boolean;
  label?: string;
  maxOutput?: string;
  shell?: boolean;
  /** False with `--no-link`. */
  link?: boolean;
  /** Seconds a command has to stop after SIGTERM before SIGKILL. */
  grace?: string;
  /** False with `--no-redact`. */
  redact?: boolean;
}

/** Transcripts keep at most this many bytes of output unless `--max-output` says otherwise. */
export const DEFAULT_MAX_OUTPUT = 1024 * 1024;

/** Run `execplan run`. */
export async function run(io: Io, opts: Options, ref: string, words: string[] = []): Promise<number> {
  if (!words.length) throw new ExecplanError('USAGE', 'No command given. Put it after the plan: execplan run <plan> <command> [args...], for example execplan run <plan> pytest -q, or execplan run <plan> npm test.');
  const maxBytes = opts.maxOutput === undefined ? DEFAULT_MAX_OUTPUT : parseSize(opts.maxOutput);
  const graceMs = opts.grace === undefined ? DEFAULT_GRACE_MS : parseSeconds(opts.grace);
  const redact = opts.redact !== false ? redactSecrets : (text: string) => text;
  const cwd = opts.cwd ?? io.cwd;
  const ws = openWorkspace(cwd);
  const planRef = resolvePlan(ws, ref, cwd);
  assertActive(planRef, 'its artifacts and its plan are a closed record, so nothing is run for it');
  // Spaces in a label become hyphens, as in one made from the command (`unit tests` → `unit-tests`).
  const label = opts.label !== undefined ? assertSafeName(opts.label.trim().replace(/\s+/g, '-'), 'label') : labelFor(words);
  // Everything that can be refused is refused before the command runs.
  const dir = artifactsDir(ws, planRef);
  assertRealInside(ws.root, dir, 'artifacts folder');

  const live = opts.json ? { stdout: io.stderr, stderr: io.stderr } : { stdout: io.stdout, stderr: io.stderr };
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  const output = new BoundedOutput(maxBytes);
  const started = clock(io);
  const result = await spawnCommand({
    words,
    shell: Boolean(opts.shell),
    cwd: path.resolve(cwd),
    env: io.env,
    ...(io.stdin ? { stdin: io.stdin } : {}),
    forwardSignals: true,
    graceMs,
    onOutput: (stream, bytes) => {
      output.push(stream, bytes);
      const text = decoders[stream].decode(bytes, { stream: true });
      if (text) live[stream](text);
    },
  });
  for (const s of ['stdout', 'stderr'] as const) {
    const rest = decoders[s].decode();
    if (rest) live[s](rest);
  }
  const ended = new Date(started.getTime() + result.durationMs);
  if (result.ending.kind === 'not-found' || result.ending.kind === 'not-executable') {
    io.stderr(`execplan: ${result.ending.message}${result.ending.kind === 'not-found' && !opts.shell ? '. Check the spelling and PATH, or pass --shell to run it through /bin/sh.' : '.'}\n`);
  }

  const header = { command: shellQuote(result.argv), cwd: relPath(ws, path.resolve(cwd)) || '.', started, ended, durationMs: result.durationMs, ending: result.ending };
  const text = redact(renderTranscript({ ...header, ...(result.interrupted ? { interrupted: result.interrupted } : {}) }, output));
  await ensureArtifactsDir(ws, planRef);
  const file = await writeNewFile(ws.root, dir, `${fileStamp(started, ws.config.timestamps.style, tzOffset(io, started))}_${label}`, '.log', text);
  const transcript = relPath(ws, file);

  let linked: { line: string } | { error: string } | undefined;
  if (opts.link !== false) {
    // One line in the plan: secrets masked, escape sequences and other control characters visible.
    const display = visibleControls(redact(opts.shell ? words.join(' ') : shellQuote(words)));
    const ends = `${endingWords(result.ending)}${result.interrupted ? ` after execplan was interrupted (${result.interrupted.signal})` : ''}`;
    try {
      const lines = await linkEvidence(ws, planRef, [{ file, describe: (link) => `${codeSpan(display)} ${ends}: [transcript](${link})` }], started, tzOffset(io, started));
      linked = { line: lines[0]! };
    } catch (err) {
      // The command ran and its transcript is saved: its exit code still decides ours.
      const message = err instanceof ExecplanError ? err.message : String((err as Error)?.message ?? err);
      linked = { error: message };
      io.stderr(`execplan: the transcript was saved but not linked from ${planRef.relPath}: ${message}\n`);
    }
  }
  if (opts.json) {
    writeJson(io, {
      ok: true,
      plan: planRef.relPath,
      transcript,
      command: result.argv.map(redact),
      exitCode: result.ending.code,
      ...(result.ending.kind === 'signal' ? { signal: result.ending.signal } : {}),
      ...(result.interrupted ? { interrupted: result.interrupted } : {}),
      ...(result.ending.kind === 'not-found' || result.ending.kind === 'not-executable' ? { error: result.ending.message } : {}),
      durationMs: Math.round(result.durationMs),
      outputBytes: output.total,
      droppedBytes: output.dropped,
      linked: linked === undefined ? false : 'line' in linked,
      ...(linked && 'line' in linked ? { line: linked.line } : {}),
      ...(linked && 'error' in linked ? { linkError: linked.error } : {}),
    });
  } else {
    if (result.interrupted) io.stderr(`execplan: interrupted by ${result.interrupted.signal}; ${result.interrupted.killed ? 'the command was killed with SIGKILL after the grace period' : 'the command stopped'}\n`);
    io.stderr(`execplan: transcript saved to ${transcript} (${endingWords(result.ending)}${output.dropped ? `, ${output.dropped} bytes of output dropped` : ''})\n`);
  }
  return result.ending.code;
}

/** How the command ended, as the plan's line says it. */
function endingWords(e: Ending): string {
  switch (e.kind) {
    case 'exit':
      return `exited ${e.code}`;
    case 'signal':
      return `was killed by ${e.signal} (exit ${e.code})`;
    case 'not-found':
      return `was not found (exit ${e.code})`;
    default:
      return `could not run (exit ${e.code})`;
  }
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

/** `5`, `0.5`, `30` (seconds) → milliseconds. */
export function parseSeconds(text: string): number {
  const n = Number(text.trim());
  if (!text.trim() || !Number.isFinite(n) || n < 0 || n > 86_400) {
    throw new ExecplanError('USAGE', `--grace ${JSON.stringify(text)} is not a number of seconds; give one such as --grace 5 or --grace 0.5.`);
  }
  return Math.round(n * 1000);
}

/** `1048576`, `512K`, `1M`, `2MiB` → bytes. */
export function parseSize(text: string): number {
  const m = /^(\d+)\s*(?:([kmg])(?:i?b)?|b)?$/i.exec(text.trim());
  const n = m ? Number(m[1]) * 1024 ** (m[2] ? 'kmg'.indexOf(m[2].toLowerCase()) + 1 : 0) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ExecplanError('USAGE', `--max-output ${JSON.stringify(text)} is not a size; give a number of bytes, optionally with K, M or G, e.g. --max-output 2M.`);
  }
  return n;
}
