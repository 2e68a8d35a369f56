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

describe('a plan is found by any unambiguous part of its id', () => {
  const plan = (title: string) => `# ${title}\n\n## Progress\n\n- [ ] One step.\n`;
  it('finds it by a part inside the id, and lists the candidates when several share it', async () => {
    const root = tempRepo();
    write(root, '.agent/execplans/2026-01-05_add-json-export.md', plan('Add JSON export'));
    write(root, '.agent/execplans/2026-01-06_fix-export-button.md', plan('Fix the export button'));
    const found = await cli(['progress', 'json', '--json'], { cwd: root });
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toContain('2026-01-05_add-json-export');
    const ambiguous = await cli(['show', 'export'], { cwd: root });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('"export" matches 2 plans:\n  2026-01-05_add-json-export\n  2026-01-06_fix-export-button\n');
    // A prefix still wins over a part found further in.
    expect((await cli(['show', 'fix', '--json'], { cwd: root })).stdout).toContain('"id": "2026-01-06_fix-export-button"');
  });
});
