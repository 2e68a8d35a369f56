/**
 * `execplan run <plan> <command> [args...]`: run a command as evidence for a plan. Its output is
 * shown live and saved as a transcript in the plan's artifacts folder, the plan's Artifacts and
 * Notes links to it, and execplan exits with the command's own exit code.
 */
import path from 'node:path';
import type { OptionsOf } from '../command-table.js';
import { runEvidence, DEFAULT_MAX_OUTPUT, endingWords } from '../usecases/run-evidence.js';
import { openPlan } from '../usecases/open.js';
import { ExecplanError } from '../workspace/errors.js';
import { DEFAULT_GRACE_MS } from '../workspace/spawn-command.js';
import { clockOf, writeJson, type Io } from './io.js';

/** Run `execplan run`. */
export async function run(io: Io, opts: OptionsOf<'run'>, ref: string, words: string[] = []): Promise<number> {
  if (!words.length) throw new ExecplanError('USAGE', 'No command given. Put it after the plan: execplan run <plan> <command> [args...], for example execplan run <plan> pytest -q, or execplan run <plan> npm test.');
  const maxBytes = opts.maxOutput === undefined ? DEFAULT_MAX_OUTPUT : parseSize(opts.maxOutput);
  const graceMs = opts.grace === undefined ? DEFAULT_GRACE_MS : parseSeconds(opts.grace);
  const { ws, ref: planRef } = openPlan(io.cwd, ref);
  // With --json, stdout holds the one JSON document: the command's output goes to stderr.
  const live = opts.json ? { stdout: io.stderr, stderr: io.stderr } : { stdout: io.stdout, stderr: io.stderr };
  const r = await runEvidence(
    ws,
    planRef,
    {
      command: words,
      shell: Boolean(opts.shell),
      cwd: path.resolve(io.cwd),
      env: io.env,
      ...(io.stdin ? { stdin: io.stdin } : {}),
      forwardSignals: true,
      graceMs,
      maxBytes,
      ...(opts.label !== undefined ? { label: opts.label } : {}),
      redact: opts.redact !== false,
      link: opts.link !== false,
      onOutput: (stream, text) => live[stream](text),
    },
    clockOf(io),
  );
  if (r.ending.kind === 'not-found' || r.ending.kind === 'not-executable') {
    io.stderr(`execplan: ${r.ending.message}${r.ending.kind === 'not-found' && !opts.shell ? '. Check the spelling and PATH, or pass --shell to run it through /bin/sh.' : '.'}\n`);
  }
  const linkError = r.linked && 'error' in r.linked ? (r.linked.error instanceof Error ? r.linked.error.message : String(r.linked.error)) : undefined;
  if (linkError !== undefined) io.stderr(`execplan: the transcript was saved but not linked from ${planRef.relPath}: ${linkError}\n`);
  if (opts.json) {
    writeJson(io, {
      plan: planRef.relPath,
      transcript: r.transcript,
      command: r.command,
      exitCode: r.ending.code,
      ...(r.ending.kind === 'signal' ? { signal: r.ending.signal } : {}),
      ...(r.interrupted ? { interrupted: r.interrupted } : {}),
      ...(r.ending.kind === 'not-found' || r.ending.kind === 'not-executable' ? { error: r.ending.message } : {}),
      durationMs: Math.round(r.durationMs),
      outputBytes: r.outputBytes,
      droppedBytes: r.droppedBytes,
      linked: Boolean(r.linked && 'line' in r.linked),
      ...(r.linked && 'line' in r.linked ? { line: r.linked.line } : {}),
      ...(linkError !== undefined ? { linkError } : {}),
    });
  } else {
    if (r.interrupted) io.stderr(`execplan: interrupted by ${r.interrupted.signal}; ${r.interrupted.killed ? 'the command was killed with SIGKILL after the grace period' : 'the command stopped'}\n`);
    io.stderr(`execplan: transcript saved to ${r.transcript} (${endingWords(r.ending)}${r.droppedBytes ? `, ${r.droppedBytes} bytes of output dropped` : ''})\n`);
  }
  return r.ending.code;
}

/** `5`, `0.5`, `30` (seconds) → milliseconds. */
function parseSeconds(text: string): number {
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
