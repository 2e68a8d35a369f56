/** What a new user runs into first: each case is a rough edge that was reported and fixed. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepo } from './helpers.js';
import { addPlan, cli, PLAN_ID, snapshot, write } from './helpers/lifecycle.js';

describe('archived plans are read-only for run and artifact add', () => {
  it('refuses both with the reopen hint, and changes nothing', async () => {
    const root = tempRepo();
    addPlan(root);
    expect((await cli(['archive', PLAN_ID], { cwd: root })).code).toBe(0);
    write(root, 'bench.txt', 'p50 9 ms\n');
    const before = snapshot(root);
    const run = await cli(['run', PLAN_ID, '--', 'node', '-e', ''], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`is archived`);
    expect(run.stderr).toContain(`execplan reopen ${PLAN_ID}`);
    const add = await cli(['artifact', 'add', PLAN_ID, 'bench.txt', '--json'], { cwd: root });
    expect(add.code).toBe(1);
    expect(JSON.parse(add.stdout).error.code).toBe('REFUSED');
    expect(add.stderr).toContain(`execplan reopen ${PLAN_ID}`);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('run takes everything after the plan as the command', () => {
  it.each([
    [['run', PLAN_ID, 'node', '-e', 'console.log(6*7)']],
    [['run', '--label', 'answer', PLAN_ID, 'node', '-e', 'console.log(6*7)']],
    [['run', PLAN_ID, '--', 'node', '-e', 'console.log(6*7)']],
    // Options after the command word are the command's, even those run itself takes.
    [['run', PLAN_ID, 'node', 'args.js', '--label', '-c', '--json']],
  ])('%j runs the command with its own options', async (argv) => {
    const root = tempRepo();
    addPlan(root);
    write(root, 'args.js', 'console.log(process.argv.slice(2).join(" ") === "--label -c --json" ? 42 : 0)');
    const run = await cli(argv, { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('42\n');
    expect(readFileSync(path.join(root, `.agent/execplans/${PLAN_ID}.md`), 'utf8')).toMatch(/`node (-e|args\.js)/);
  });
});
