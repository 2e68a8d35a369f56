import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { main } from '../src/cli.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with captured output. */
export async function runCli(argv: string[], opts: { cwd: string; env?: Record<string, string | undefined>; stdin?: NodeJS.ReadableStream }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: opts.cwd,
    env: { EXECPLAN_NOW: '2026-01-05T14:30:00Z', EXECPLAN_TZ_OFFSET: '0', ...opts.env },
    stdout: (s) => {
      stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8');
    },
    stderr: (s) => {
      stderr += s;
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    ...(opts.stdin ? { stdin: opts.stdin } : {}),
  });
  return { code, stdout, stderr };
}

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A temporary folder, removed after the test; a git repository (a `.git` folder) unless `git: false`. */
export function tempRepo(opts: { git?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'execplan-test-'));
  made.push(dir);
  if (opts.git !== false) mkdirSync(path.join(dir, '.git'));
  return dir;
}
