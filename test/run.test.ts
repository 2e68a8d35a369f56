import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepo } from './helpers.js';
import { addPlan, cli, FINISHED_PLAN, PLAN_ID, snapshot, write } from './helpers/lifecycle.js';

const NODE = process.execPath;
const ART = `.agent/execplans/artifacts/${PLAN_ID}`;
const PLAN = `.agent/execplans/${PLAN_ID}.md`;

/** The transcripts of the plan, newest name last. */
function transcripts(root: string, dir = ART): string[] {
  return readdirSync(path.join(root, dir)).filter((n) => n.endsWith('.log')).sort();
}

function readTranscript(root: string, name: string, dir = ART): { header: Record<string, string>; output: string } {
  const text = readFileSync(path.join(root, dir, name), 'utf8');
  const [head, ...rest] = text.split('--- output ---\n');
  const header = Object.fromEntries(head!.trimEnd().split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
  return { header, output: rest.join('--- output ---\n') };
}

function plan(root: string): string {
  return readFileSync(path.join(root, PLAN), 'utf8');
}

describe('execplan run', () => {
  it('runs a command, streams its output, saves a transcript and links it from Artifacts and Notes', async () => {
    const root = tempRepo();
    addPlan(root);
    const run = await cli(['run', PLAN_ID, '--', NODE, '-e', "console.log('out 1'); setTimeout(() => console.error('err 1'), 50); setTimeout(() => console.log('out 2'), 100)"], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('out 1\nout 2\n');
    expect(run.stderr).toContain('err 1\n');
    const [name] = transcripts(root);
    expect(name).toBe('2026-01-05T14-30-00_node-e-console-log-out-1-settimeout.log');
    expect(run.stderr).toContain(`transcript saved to ${ART}/${name} (exited 0)`);
    const { header, output } = readTranscript(root, name!);
    expect(header.command).toBe(`${NODE} -e 'console.log('\\''out 1'\\''); setTimeout(() => console.error('\\''err 1'\\''), 50); setTimeout(() => console.log('\\''out 2'\\''), 100)'`);
    expect(header.cwd).toBe('.');
    expect(header.started).toBe('2026-01-05T14:30:00.000Z');
    expect(Date.parse(header.ended!)).toBeGreaterThan(Date.parse(header.started!));
    expect(header.duration).toMatch(/^\d+\.\d{3} s$/);
    expect(header.result).toBe('exit code 0');
    expect(header.output).toMatch(/^18 bytes, stdout and stderr combined in arrival order/);
    expect(output).toBe('out 1\nerr 1\nout 2\n');
    // The plan's line shows at most 120 characters of the command; the transcript has all of it.
    const shown = `${NODE} -e 'console.log('\\''out 1'\\''); setTimeout(() => console.error('\\''err 1'\\''), 50); setTimeout(() => console.log('\\''out 2'\\''), 100)'`;
    const line = `- (2026-01-05 14:30) \`${[...shown].slice(0, 119).join('')}…\` exited 0: [transcript](artifacts/${PLAN_ID}/${name})`;
    expect(plan(root)).toBe(FINISHED_PLAN.replace('- Test run: all green.\n', `- Test run: all green.\n${line}\n`));
  });

  it('exits with the command’s exit code and says so in the plan', async () => {
    const root = tempRepo();
    addPlan(root);
    const run = await cli(['run', PLAN_ID, '--label', 'tests', '--', NODE, '-e', 'process.exit(3)'], { cwd: root });
    expect(run.code).toBe(3);
    expect(transcripts(root)).toEqual(['2026-01-05T14-30-00_tests.log']);
    expect(readTranscript(root, '2026-01-05T14-30-00_tests.log').header.result).toBe('exit code 3');
    expect(plan(root)).toContain(`'process.exit(3)'\` exited 3: [transcript](artifacts/${PLAN_ID}/2026-01-05T14-30-00_tests.log)`);
  });

  it('writes the spaces of a label as hyphens, as in a label made from the command', async () => {
    const root = tempRepo();
    addPlan(root);
    expect((await cli(['run', PLAN_ID, '--label', 'Unit tests', '--no-link', '--', NODE, '-e', '1'], { cwd: root })).code).toBe(0);
    expect(transcripts(root)).toEqual(['2026-01-05T14-30-00_Unit-tests.log']);
  });

  it('never overwrites a transcript', async () => {
    const root = tempRepo();
    addPlan(root);
    for (let i = 0; i < 3; i++) await cli(['run', PLAN_ID, '--label', 'same', '--no-link', '--', NODE, '-e', `console.log(${i})`], { cwd: root });
    expect(transcripts(root)).toEqual(['2026-01-05T14-30-00_same-2.log', '2026-01-05T14-30-00_same-3.log', '2026-01-05T14-30-00_same.log']);
    expect(readTranscript(root, '2026-01-05T14-30-00_same.log').output).toBe('0\n');
    expect(readTranscript(root, '2026-01-05T14-30-00_same-3.log').output).toBe('2\n');
  });

  it('keeps the start and end of long output within the bound and counts what it dropped', async () => {
    const root = tempRepo();
    addPlan(root);
    const script = "process.stdout.write('A'.repeat(600)); process.stdout.write('B'.repeat(400) + '\\n')";
    const run = await cli(['run', PLAN_ID, '--max-output', '100', '--label', 'long', '--', NODE, '-e', script], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toHaveLength(1001);
    const { header, output } = readTranscript(root, '2026-01-05T14-30-00_long.log');
    expect(header.output).toContain('1001 bytes, stdout and stderr combined in arrival order; 901 bytes dropped (bound 100 bytes)');
    expect(output).toBe(`${'A'.repeat(50)}\n[execplan: output exceeded the bound of 100 bytes (--max-output); 901 bytes dropped here]\n${'B'.repeat(49)}\n`);
    expect(run.stderr).toContain('901 bytes of output dropped');
  });

  it('keeps binary output safe: valid UTF-8 kept, invalid bytes as U+FFFD, NUL as U+2400', async () => {
    const root = tempRepo();
    addPlan(root);
    const script = "process.stdout.write(Buffer.from([0x68, 0x69, 0x00, 0xff, 0xfe, 0x0a, 0xe2, 0x82, 0xac, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0xc3]))";
    const run = await cli(['run', PLAN_ID, '--label', 'bin', '--', NODE, '-e', script], { cwd: root });
    expect(run.code).toBe(0);
    const bytes = readFileSync(path.join(root, ART, '2026-01-05T14-30-00_bin.log'));
    expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
    expect(bytes.includes(0)).toBe(false);
    expect(readTranscript(root, '2026-01-05T14-30-00_bin.log').output).toBe('hi\u2400\uFFFD\uFFFD\n€\u001b[31m\uFFFD\n');
  });

  it('passes standard input through', async () => {
    const root = tempRepo();
    addPlan(root);
    const script = "let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => console.log(s.toUpperCase()))";
    const run = await cli(['run', PLAN_ID, '--label', 'stdin', '--', NODE, '-e', script], { cwd: root, stdin: 'hello from stdin' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('HELLO FROM STDIN\n');
    expect(readTranscript(root, '2026-01-05T14-30-00_stdin.log').output).toBe('HELLO FROM STDIN\n');
  });

  it('reports a command killed by a signal as 128 + the signal number', async () => {
    const root = tempRepo();
    addPlan(root);
    const run = await cli(['run', PLAN_ID, '--label', 'killed', '--', NODE, '-e', "console.log('before'); process.kill(process.pid, 'SIGTERM'); setTimeout(() => {}, 5000)"], { cwd: root });
    expect(run.code).toBe(143);
    const { header, output } = readTranscript(root, '2026-01-05T14-30-00_killed.log');
    expect(header.result).toBe('killed by SIGTERM (exit code 143)');
    expect(output).toBe('before\n');
    expect(plan(root)).toContain('was killed by SIGTERM (exit 143): [transcript](');
  });

  it('reports a command that does not exist with exit code 127 and a clear message', async () => {
    const root = tempRepo();
    addPlan(root);
    const run = await cli(['run', PLAN_ID, '--', 'no-such-command-xyz', '--flag'], { cwd: root });
    expect(run.code).toBe(127);
    expect(run.stderr).toContain('execplan: command not found: no-such-command-xyz. Check the spelling and PATH');
    const [name] = transcripts(root);
    expect(name).toBe('2026-01-05T14-30-00_no-such-command-xyz-flag.log');
    expect(readTranscript(root, name!).header.result).toBe('command not found: no-such-command-xyz (exit code 127)');
    expect(plan(root)).toContain('`no-such-command-xyz --flag` was not found (exit 127)');
  });

  it('runs through /bin/sh -c only with --shell', async () => {
    const root = tempRepo();
    addPlan(root);
    const plain = await cli(['run', PLAN_ID, '--label', 'plain', '--no-link', '--', 'echo', '$HOME', '|', 'wc'], { cwd: root, env: { HOME: '/home/x' } });
    expect(plain.stdout).toBe('$HOME | wc\n');
    const shell = await cli(['run', PLAN_ID, '--shell', '--label', 'sh', '--', 'echo', '$((1+2))', '|', 'tr', '3', 'x'], { cwd: root });
    expect(shell.code).toBe(0);
    expect(shell.stdout).toBe('x\n');
    const { header } = readTranscript(root, '2026-01-05T14-30-00_sh.log');
    expect(header.command).toBe("/bin/sh -c 'echo $((1+2)) | tr 3 x'");
    expect(plan(root)).toContain('`echo $((1+2)) | tr 3 x` exited 0');
  });

  it('--json prints one JSON document on stdout and the command’s output on stderr', async () => {
    const root = tempRepo();
    addPlan(root);
    const run = await cli(['run', PLAN_ID, '--json', '--label', 'j', '--', NODE, '-e', "console.log('visible'); process.exit(4)"], { cwd: root });
    expect(run.code).toBe(4);
    expect(run.stderr).toBe('visible\n');
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ ok: true, plan: PLAN, transcript: `${ART}/2026-01-05T14-30-00_j.log`, exitCode: 4, outputBytes: 8, droppedBytes: 0, linked: true });
    expect(typeof doc.durationMs).toBe('number');
    expect(doc.line).toContain('exited 4');
  });

  it('--no-link leaves the plan untouched', async () => {
    const root = tempRepo();
    addPlan(root);
    await cli(['run', PLAN_ID, '--no-link', '--', NODE, '-e', '1'], { cwd: root });
    expect(plan(root)).toBe(FINISHED_PLAN);
    expect(transcripts(root)).toHaveLength(1);
  });

  it('creates Artifacts and Notes at its canonical place when the plan has none, and the artifacts folder when missing', async () => {
    const root = tempRepo();
    const text = FINISHED_PLAN.replace('## Artifacts and Notes\n\n- Test run: all green.\n\n', '');
    addPlan(root, { text, artifacts: false });
    const run = await cli(['run', PLAN_ID, '--label', 'x', '--', NODE, '-e', '1'], { cwd: root });
    expect(run.code).toBe(0);
    expect(plan(root)).toBe(FINISHED_PLAN.replace('- Test run: all green.', `- (2026-01-05 14:30) \`${NODE} -e 1\` exited 0: [transcript](artifacts/${PLAN_ID}/2026-01-05T14-30-00_x.log)`));
  });

  it('links from a plan in a subfolder with a path relative to the plan, escaped for Markdown', async () => {
    const root = tempRepo();
    write(root, '.agent/execplans/team/my plan (v2).md', FINISHED_PLAN);
    write(root, 'src/retry.ts', '');
    const run = await cli(['run', 'my plan (v2)', '--label', 'x', '--', NODE, '-e', '1'], { cwd: path.join(root, 'src') });
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(path.join(root, '.agent/execplans/team/my plan (v2).md'), 'utf8');
    expect(text).toContain('[transcript](../artifacts/my%20plan%20%28v2%29/2026-01-05T14-30-00_x.log)');
    expect(readTranscript(root, '2026-01-05T14-30-00_x.log', '.agent/execplans/artifacts/my plan (v2)').header.cwd).toBe('src');
  });

  it('uses the configured timestamp style in the file name and the line', async () => {
    const root = tempRepo();
    write(root, 'execplan.json', JSON.stringify({ timestamps: { style: 'utc' } }));
    addPlan(root);
    await cli(['run', PLAN_ID, '--label', 'u', '--', NODE, '-e', '1'], { cwd: root, env: { EXECPLAN_TZ_OFFSET: '60' } });
    expect(transcripts(root)).toEqual(['2026-01-05T14-30-00Z_u.log']);
    expect(plan(root)).toContain('- (2026-01-05 14:30Z) `');
    const local = tempRepo();
    addPlan(local);
    await cli(['run', PLAN_ID, '--label', 'l', '--', NODE, '-e', '1'], { cwd: local, env: { EXECPLAN_TZ_OFFSET: '60' } });
    expect(transcripts(local)).toEqual(['2026-01-05T15-30-00_l.log']);
  });

  it('keeps the exit code and the transcript when the plan cannot be linked', async () => {
    const root = tempRepo();
    addPlan(root);
    write(root, PLAN, Buffer.from([0x23, 0x20, 0xff, 0x0a]));
    const run = await cli(['run', PLAN_ID, '--label', 'x', '--', NODE, '-e', 'process.exit(5)'], { cwd: root });
    expect(run.code).toBe(5);
    expect(run.stderr).toContain(`the transcript was saved but not linked from ${PLAN}: ${PLAN} is not valid UTF-8`);
    expect(transcripts(root)).toEqual(['2026-01-05T14-30-00_x.log']);
  });

  it('refuses usage mistakes before running anything', async () => {
    const root = tempRepo();
    addPlan(root);
    const none = await cli(['run', PLAN_ID], { cwd: root });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('execplan: No command given. Put it after the plan: execplan run <plan> <command> [args...], for example execplan run <plan> pytest -q, or execplan run <plan> npm test.\n');
    const size = await cli(['run', PLAN_ID, '--max-output', 'lots', '--', NODE, '-e', '1'], { cwd: root });
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('--max-output "lots" is not a size');
    expect((await cli(['run', 'nope', '--', NODE, '-e', '1'], { cwd: root })).code).toBe(2);
  });
});

describe('execplan run path safety', () => {
  const marker = (root: string) => ['-e', `require('fs').writeFileSync(${JSON.stringify(path.join(root, 'ran'))}, '')`];

  for (const label of ['../escape', '/abs', 'a/b', 'CON', 'nul.txt', 'x\0y', '..', 'name.', 'what?']) {
    it(`refuses the label ${JSON.stringify(label)} without running the command`, async () => {
      const root = tempRepo();
      addPlan(root);
      const before = snapshot(root);
      const run = await cli(['run', PLAN_ID, '--json', '--label', label, '--', NODE, ...marker(root)], { cwd: root });
      expect(run.code).toBe(2);
      const doc = JSON.parse(run.stdout);
      expect(doc.error.code).toBe('UNSAFE_PATH');
      expect(doc.error.message).toMatch(/^Refused label .*: /);
      expect(existsSync(path.join(root, 'ran'))).toBe(false);
      expect(snapshot(root)).toEqual(before);
    });
  }

  it('refuses an artifacts folder that is a link leading outside, without running the command', async () => {
    const root = tempRepo();
    const outside = tempRepo({ git: false });
    addPlan(root, { artifacts: false });
    write(root, '.agent/execplans/artifacts/README.md', '');
    symlinkSync(outside, path.join(root, ART));
    const run = await cli(['run', PLAN_ID, '--', NODE, ...marker(root)], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('outside the workspace');
    expect(existsSync(path.join(root, 'ran'))).toBe(false);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('does not write through a dangling link planted at the transcript’s name', async () => {
    const root = tempRepo();
    const outside = tempRepo({ git: false });
    addPlan(root);
    symlinkSync(path.join(outside, 'stolen.log'), path.join(root, ART, '2026-01-05T14-30-00_x.log'));
    const run = await cli(['run', PLAN_ID, '--json', '--label', 'x', '--', NODE, '-e', '1'], { cwd: root });
    expect(JSON.parse(run.stdout).error.code).toBe('UNSAFE_PATH');
    expect(readdirSync(outside)).toEqual([]);
  });
});
