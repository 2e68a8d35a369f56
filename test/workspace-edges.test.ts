/** Odd things in a plans folder: named pipes, folders named like plans, plans that cannot be read, read-only plans. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLine } from '../src/workspace/lock.js';
import { addPlan, cli, PLAN_ID } from './helpers/lifecycle.js';
import { tempRepo } from './helpers.js';

const DIR = '.agent/execplans';

describe('entries of a plans folder that are not plan files', () => {
  it('a named pipe is never read (nothing blocks), is noted by list, and named, is said to be a pipe', async () => {
    const root = tempRepo();
    addPlan(root);
    execFileSync('mkfifo', [path.join(root, DIR, '2026-01-06_pipe.md')]);
    const listed = await cli(['list', '--json'], { cwd: root });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).plans.map((p: { id: string }) => p.id)).toEqual([PLAN_ID]);
    expect(listed.stderr).toContain(`execplan: left out ${DIR}/2026-01-06_pipe.md: it is a named pipe (FIFO), not a plan file.`);
    const byId = await cli(['show', 'pipe'], { cwd: root });
    expect(byId.code).toBe(2);
    expect(byId.stderr).toContain(`No plan matches "pipe": ${DIR}/2026-01-06_pipe.md is a named pipe (FIFO), not a plan file.`);
    const byPath = await cli(['progress', `${DIR}/2026-01-06_pipe.md`, 'add', 'Never.'], { cwd: root });
    expect(byPath.code).toBe(2);
    expect(byPath.stderr).toContain(`${DIR}/2026-01-06_pipe.md is a named pipe (FIFO), not a plan file.`);
  });

  it('a folder named like a plan is said to be a folder', async () => {
    const root = tempRepo();
    addPlan(root);
    mkdirSync(path.join(root, DIR, '2026-01-06_folder.md'));
    const listed = await cli(['list'], { cwd: root });
    expect(listed.stderr).toContain(`left out ${DIR}/2026-01-06_folder.md: it is a folder, not a plan file.`);
    const shown = await cli(['show', '2026-01-06_folder'], { cwd: root });
    expect(shown.code).toBe(2);
    expect(shown.stderr).toContain(`No plan matches "2026-01-06_folder": ${DIR}/2026-01-06_folder.md is a folder, not a plan file.`);
  });
});

describe('list with a plan it cannot read', () => {
  it('lists the others, names the one it could not read on stderr and in the JSON, and exits 2', async () => {
    const root = tempRepo();
    addPlan(root);
    symlinkSync('nowhere.md', path.join(root, DIR, '2026-01-06_broken.md'));
    const table = await cli(['list'], { cwd: root });
    expect(table.code).toBe(2);
    expect(table.stdout).toContain(PLAN_ID);
    expect(table.stderr).toContain(`execplan: left out ${DIR}/2026-01-06_broken.md: Cannot read ${DIR}/2026-01-06_broken.md: it does not exist.`);
    const json = await cli(['list', '--json'], { cwd: root });
    expect(json.code).toBe(2);
    const doc = JSON.parse(json.stdout);
    expect(doc.plans.map((p: { id: string }) => p.id)).toEqual([PLAN_ID]);
    expect(doc.unreadable).toEqual([{ path: `${DIR}/2026-01-06_broken.md`, message: `Cannot read ${DIR}/2026-01-06_broken.md: it does not exist.` }]);
  });
});

describe('a read-only plan', () => {
  it('is refused for every user, root included', async () => {
    const root = tempRepo();
    const file = addPlan(root);
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const r = await cli(['progress', PLAN_ID, 'add', 'Write the docs.'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot be changed: its permissions do not let you write it');
    expect(readFileSync(file)).toEqual(before);
    chmodSync(file, 0o644);
  });
});

describe("the lock holder's name", () => {
  it('is execplan, whatever the bin file is called', () => {
    expect(commandLine(['/usr/bin/node', '/x/node_modules/execplan/dist/bin.cjs', 'progress', 'p', 'add', 'two words'])).toBe('execplan progress p add "two words"');
    expect(commandLine(['/usr/bin/node', '/x/dist/bin.js', 'list'])).toBe('execplan list');
    expect(commandLine(['/usr/bin/node', '/x/tool.mjs'])).toBe('tool');
  });
});

