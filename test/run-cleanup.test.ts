/**
 * `execplan run` cleans up after itself: told to stop, it stops the command and everything the
 * command started (SIGKILL after a grace period for a command that ignores SIGINT and SIGTERM),
 * then writes the transcript it has, saying it was interrupted, and links it. Secrets are masked and
 * control characters made visible in what it writes into the plan. Real processes, spawned; every
 * assertion is on an outcome, none on a duration.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactSecrets, visibleControls } from '../src/core/redact.js';
import { tempRepo } from './helpers.js';
import { addPlan, cli, PLAN_ID } from './helpers/lifecycle.js';

const NODE = process.execPath;
const BIN = new URL('../dist/bin.cjs', import.meta.url).pathname;
const ART = `.agent/execplans/artifacts/${PLAN_ID}`;
const PLAN = `.agent/execplans/${PLAN_ID}.md`;

// A command that ignores SIGINT and SIGTERM (saying so), with a child of its own that ignores SIGTERM.
const STUBBORN = `
const { spawn } = require('node:child_process');
process.on('SIGINT', () => console.log('ignoring SIGINT'));
process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
const g = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
console.log('pids ' + process.pid + ' ' + g.pid);
setInterval(() => {}, 1000);
`;

// A command that stops on SIGTERM but leaves a child behind that ignores it.
const LEAVES_A_CHILD = `
const { spawn } = require('node:child_process');
const g = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
console.log('pids ' + process.pid + ' ' + g.pid);
setInterval(() => {}, 1000);
`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `pid` is gone; a killed process can take a moment to be reaped. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

/**
 * Starts `execplan run` on `script`, sends `signals` to execplan (each once the output holds its
 * trigger), and resolves with its exit code, its output and the command's process ids.
 */
function interrupt(root: string, script: string, signals: [NodeJS.Signals, RegExp][]): Promise<{ code: number | null; stdout: string; stderr: string; pids: number[] }> {
  const env = { ...process.env, EXECPLAN_NOW: '2026-01-05T14:30:00Z', EXECPLAN_TZ_OFFSET: '0', EXECPLAN_COMPILE_CACHE: '0' };
  const child = spawn(NODE, [BIN, 'run', '--grace', '0.2', PLAN_ID, '--', NODE, '-e', script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const pending = [...signals];
  child.stdout.on('data', (b: Buffer) => {
    stdout += b.toString();
    while (pending.length && pending[0]![1].test(stdout)) child.kill(pending.shift()![0]);
  });
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const m = /pids (\d+) (\d+)/.exec(stdout);
      resolve({ code, stdout, stderr, pids: m ? [Number(m[1]), Number(m[2])] : [] });
    });
  });
}

function transcript(root: string): string {
  const [name] = readdirSync(path.join(root, ART)).filter((n) => n.endsWith('.log'));
  return readFileSync(path.join(root, ART, name!), 'utf8');
}

function plan(root: string): string {
  return readFileSync(path.join(root, PLAN), 'utf8');
}

describe('execplan run, interrupted', () => {
  it('SIGTERM: a command that ignores it is killed after the grace period, its children too, and the transcript is saved and linked', async () => {
    const root = tempRepo();
    addPlan(root);
    const r = await interrupt(root, STUBBORN, [['SIGTERM', /pids \d+ \d+/]]);
    expect(r.pids).toHaveLength(2);
    for (const pid of r.pids) expect(await gone(pid), `process ${pid} left running`).toBe(true);
    expect(r.code).toBe(137);
    expect(r.stderr).toContain('interrupted by SIGTERM; the command was killed with SIGKILL after the grace period');
    const text = transcript(root);
    expect(text).toContain('result:   killed by SIGKILL (exit code 137)');
    expect(text).toContain('interrupted: execplan received SIGTERM; the command did not stop within the grace period and was killed with SIGKILL');
    expect(text).toMatch(/pids \d+ \d+\nignoring SIGTERM\n\[execplan: interrupted by SIGTERM\]\n$/);
    expect(plan(root)).toMatch(/was killed by SIGKILL \(exit 137\) after execplan was interrupted \(SIGTERM\): \[transcript\]\(artifacts\//);
  });

  it('two Ctrl-C: the first is passed on, the second sends SIGTERM, then SIGKILL', async () => {
    const root = tempRepo();
    addPlan(root);
    const r = await interrupt(root, STUBBORN, [
      ['SIGINT', /pids \d+ \d+/],
      ['SIGINT', /ignoring SIGINT/],
    ]);
    for (const pid of r.pids) expect(await gone(pid), `process ${pid} left running`).toBe(true);
    expect(r.code).toBe(137);
    expect(r.stdout).toContain('ignoring SIGINT\nignoring SIGTERM\n');
    expect(transcript(root)).toContain('interrupted: execplan received SIGINT; the command did not stop');
  });

  it('a command that stops leaves nothing running behind it', async () => {
    const root = tempRepo();
    addPlan(root);
    const r = await interrupt(root, LEAVES_A_CHILD, [['SIGHUP', /pids \d+ \d+/]]);
    for (const pid of r.pids) expect(await gone(pid), `process ${pid} left running`).toBe(true);
    expect(r.code).toBe(129);
    expect(transcript(root)).toContain('interrupted: execplan received SIGHUP; the output below');
    expect(plan(root)).toContain('was killed by SIGHUP (exit 129) after execplan was interrupted (SIGHUP)');
  });
});

describe('what run writes into the plan and the transcript', () => {
  it('masks values that look like secrets, unless --no-redact', async () => {
    const root = tempRepo();
    addPlan(root);
    const secret = 'Bearer sk-live-4f9a8b7c6d5e4f3a2b1c';
    const r = await cli(['run', PLAN_ID, '--label', 'masked', '--', NODE, '-e', 'console.log(process.argv[1], "password=hunter2")', secret], { cwd: root });
    expect(r.code).toBe(0);
    const masked = readFileSync(path.join(root, ART, '2026-01-05T14-30-00_masked.log'), 'utf8');
    expect(masked).not.toContain('4f9a8b7c6d5e');
    expect(masked).not.toContain('hunter2');
    expect(masked).toContain('Bearer **** password=****\n');
    expect(plan(root)).toContain("'Bearer ****'` exited 0");
    expect(plan(root)).not.toContain('4f9a8b7c6d5e');

    const kept = await cli(['run', PLAN_ID, '--no-redact', '--label', 'kept', '--', NODE, '-e', 'console.log(process.argv[1])', secret], { cwd: root });
    expect(kept.code).toBe(0);
    expect(readFileSync(path.join(root, ART, '2026-01-05T14-30-00_kept.log'), 'utf8')).toContain(secret);
    expect(plan(root)).toContain(`'${secret}'\` exited 0`);
  });

  it('shows escape sequences in the plan line as visible characters, and show prints them so', async () => {
    const root = tempRepo();
    addPlan(root);
    const r = await cli(['run', PLAN_ID, '--shell', '--label', 'esc', '--', 'echo', '"\u001b[31mred\u001b[0m"', '#\u009b2J'], { cwd: root });
    expect(r.code).toBe(0);
    const line = plan(root).split('\n').find((l) => l.includes('[transcript]'))!;
    expect(line).toContain('`echo "␛[31mred␛[0m" #\\x9b2J`');
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);

    // A plan edited by hand with an escape sequence in a Progress item.
    const text = plan(root).replace('- [x] (2026-01-04 10:00) Wrote the retry loop in src/retry.ts.', '- [x] (2026-01-04 10:00) Wrote \u001b]0;pwned\u0007 the loop.');
    await import('node:fs').then((fs) => fs.writeFileSync(path.join(root, PLAN), text));
    const show = await cli(['show', PLAN_ID], { cwd: root });
    expect(show.stdout).not.toContain('\u001b');
    expect(show.stdout).not.toContain('\u0007');
    expect(show.stdout).toContain('Wrote ␛]0;pwned␇ the loop.');
  });
});

describe('redactSecrets', () => {
  it.each([
    ['Authorization: Bearer abcdefgh12345678', 'Authorization: Bearer ****'],
    ['key sk-proj-AbCdEf0123456789xyz', 'key sk-****'],
    ['ghp_0123456789abcdefghijABCDEFGHIJ012345', 'ghp_****'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', 'github_pat_****'],
    ['AWS AKIAIOSFODNN7EXAMPLE ok', 'AWS AKIAIOSF**** ok'],
    ['--password=hunter2 --token="a b c" secret=\'x\'', '--password=**** --token=**** secret=****'],
    ['curl "https://x.test/?api_key=abc123&q=1"', 'curl "https://x.test/?api_key=****&q=1"'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it.each(['npm test', 'pip install scikit-learn', 'sk-learn', 'task-force 12', 'password reset flow', 'Bearer', 'tokens=3'])('leaves %s alone', (input) => {
    expect(redactSecrets(input)).toBe(input);
  });
});

describe('visibleControls', () => {
  it('shows C0, DEL and C1 characters and keeps the ones asked for', () => {
    expect(visibleControls('a\u001b[1mb\u0000\u007f\u009bc\td\n')).toBe('a␛[1mb␀␡\\x9bc␉d␊');
    expect(visibleControls('a\tb\nc', '\t\n')).toBe('a\tb\nc');
  });
});
