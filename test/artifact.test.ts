import { readdirSync, readFileSync, symlinkSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addArtifacts } from '../src/workspace/artifacts.js';
import { resolvePlan } from '../src/workspace/plans.js';
import { openWorkspace } from '../src/workspace/workspace.js';
import { tempRepo } from './helpers.js';
import { addPlan, cli, FINISHED_PLAN, PLAN_ID, snapshot, write } from './helpers/lifecycle.js';

const ART = `.agent/execplans/artifacts/${PLAN_ID}`;
const PLAN = `.agent/execplans/${PLAN_ID}.md`;

describe('execplan artifact add', () => {
  it('copies files into the artifacts folder and links each from Artifacts and Notes', async () => {
    const root = tempRepo();
    addPlan(root);
    write(root, 'out/report [draft].txt', 'report\n');
    write(root, 'out/shot.png', new Uint8Array([137, 80, 78, 71, 0, 1]));
    const run = await cli(['artifact', 'add', PLAN_ID, 'out/report [draft].txt', 'out/shot.png'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${ART}/report [draft].txt\n${ART}/shot.png\n`);
    expect(run.stderr).toBe(`Copied 2 files and linked them from ${PLAN}.\n`);
    expect(readFileSync(path.join(root, ART, 'shot.png'))).toEqual(Buffer.from([137, 80, 78, 71, 0, 1]));
    const lines = [
      `- (2026-01-05 14:30) Added artifact [report \\[draft\\].txt](artifacts/${PLAN_ID}/report%20%5Bdraft%5D.txt).`,
      `- (2026-01-05 14:30) Added artifact [shot.png](artifacts/${PLAN_ID}/shot.png).`,
    ];
    expect(readFileSync(path.join(root, PLAN), 'utf8')).toBe(FINISHED_PLAN.replace('- Test run: all green.\n', `- Test run: all green.\n${lines.join('\n')}\n`));
    // No temporary file is left in the folder.
    expect(readdirSync(path.join(root, ART)).sort()).toEqual(['.gitkeep', 'bench.txt', 'report [draft].txt', 'shot.png']);
  });

  it('refuses to overwrite an artifact unless --force, and then says it replaced it', async () => {
    const root = tempRepo();
    addPlan(root);
    write(root, 'bench.txt', 'p50 9 ms\n');
    const before = snapshot(root);
    const run = await cli(['artifact', 'add', PLAN_ID, 'bench.txt'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Refused to overwrite an existing artifact:\n  ${ART}/bench.txt\nRename the file, or pass --force to replace it.`);
    expect(snapshot(root)).toEqual(before);

    const forced = await cli(['artifact', 'add', PLAN_ID, 'bench.txt', '--force', '--json'], { cwd: root });
    expect(forced.code).toBe(0);
    const doc = JSON.parse(forced.stdout);
    expect(doc.added).toEqual([{ source: 'bench.txt', name: 'bench.txt', path: `${ART}/bench.txt`, size: 9, replaced: true }]);
    expect(doc.lines).toEqual([`- (2026-01-05 14:30) Replaced artifact [bench.txt](artifacts/${PLAN_ID}/bench.txt).`]);
    expect(readFileSync(path.join(root, ART, 'bench.txt'), 'utf8')).toBe('p50 9 ms\n');
  });

  it('checks every file before copying any', async () => {
    const root = tempRepo();
    addPlan(root);
    write(root, 'a.txt', 'a');
    write(root, 'dir/a.txt', 'a2');
    const before = snapshot(root);
    const missing = await cli(['artifact', 'add', PLAN_ID, 'a.txt', 'missing.txt'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot copy missing.txt: it does not exist.');
    const twice = await cli(['artifact', 'add', PLAN_ID, 'a.txt', 'dir/a.txt'], { cwd: root });
    expect(twice.stderr).toContain('Two of the files are named a.txt');
    const folder = await cli(['artifact', 'add', PLAN_ID, 'dir'], { cwd: root });
    expect(folder.stderr).toContain('it is not a regular file');
    expect(snapshot(root)).toEqual(before);
  });

  it('--no-link copies without touching the plan; files outside the workspace may be copied in', async () => {
    const root = tempRepo();
    const outside = tempRepo({ git: false });
    addPlan(root);
    const src = write(outside, 'external.log', 'x\n');
    const run = await cli(['artifact', 'add', PLAN_ID, src, '--no-link'], { cwd: root });
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(root, PLAN), 'utf8')).toBe(FINISHED_PLAN);
    expect(readFileSync(path.join(root, ART, 'external.log'), 'utf8')).toBe('x\n');
  });

  it('the library refuses sources outside the workspace unless allowed', async () => {
    const root = tempRepo();
    const outside = tempRepo({ git: false });
    addPlan(root);
    const src = write(outside, 'secret.txt', 'x');
    write(root, 'inside.txt', 'y');
    symlinkSync(src, path.join(root, 'link-to-secret.txt'));
    const ws = openWorkspace(root);
    const ref = resolvePlan(ws, PLAN_ID);
    for (const bad of [src, '../secret.txt', 'link-to-secret.txt']) {
      await expect(addArtifacts(ws, ref, [bad], { cwd: root })).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
    }
    await expect(addArtifacts(ws, ref, ['inside.txt'], { cwd: root })).resolves.toHaveLength(1);
  });
});

describe('execplan artifact add path safety', () => {
  for (const name of ['CON', 'aux.log', 'com1.txt', 'LPT9', 'a:b', 'trailing.']) {
    it(`refuses a file named ${JSON.stringify(name)}`, async () => {
      const root = tempRepo();
      addPlan(root);
      write(root, name, 'x');
      const before = snapshot(root);
      const run = await cli(['artifact', 'add', PLAN_ID, name, '--json'], { cwd: root });
      expect(run.code).toBe(2);
      const doc = JSON.parse(run.stdout);
      expect(doc.error.code).toBe('UNSAFE_PATH');
      expect(doc.error.message).toMatch(/^Refused file name/);
      expect(snapshot(root)).toEqual(before);
    });
  }

  it('refuses a NUL byte in a file name', async () => {
    const root = tempRepo();
    addPlan(root);
    const run = await cli(['artifact', 'add', PLAN_ID, 'a\0b', '--json'], { cwd: root });
    expect(JSON.parse(run.stdout).error.code).toBe('UNSAFE_PATH');
  });

  it('refuses an artifacts folder that is a link leading outside', async () => {
    const root = tempRepo();
    const outside = tempRepo({ git: false });
    addPlan(root, { artifacts: false });
    write(root, '.agent/execplans/artifacts/README.md', '');
    symlinkSync(outside, path.join(root, ART));
    write(root, 'a.txt', 'a');
    const run = await cli(['artifact', 'add', PLAN_ID, 'a.txt'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('outside the workspace');
    expect(readdirSync(outside)).toEqual([]);
    // Nor is the folder listed: what it holds is not the repository's.
    write(outside, 'secret.txt', 's');
    const listed = await cli(['artifact', 'list', PLAN_ID, '--json'], { cwd: root });
    expect(listed.code).toBe(2);
    expect(listed.stderr).toContain('a symbolic link on the way leads outside the workspace');
    expect(listed.stdout).not.toContain('secret');
  });

  it('--force replaces a link at the target name itself, never the file it points to', async () => {
    const root = tempRepo();
    const outside = tempRepo({ git: false });
    addPlan(root);
    write(root, `${ART}/victim.txt`, 'mine');
    symlinkSync(path.join(root, ART, 'victim.txt'), path.join(root, ART, 'a.txt'));
    write(root, 'a.txt', 'new');
    const run = await cli(['artifact', 'add', PLAN_ID, 'a.txt', '--force'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(root, ART, 'victim.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(root, ART, 'a.txt'), 'utf8')).toBe('new');
    symlinkSync(path.join(outside, 'x'), path.join(root, ART, 'b.txt'));
    write(root, 'b.txt', 'b');
    expect((await cli(['artifact', 'add', PLAN_ID, 'b.txt', '--force'], { cwd: root })).stderr).toContain('outside the workspace');
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('execplan artifact list', () => {
  it('lists name, size and modification time, nested files included, .gitkeep left out', async () => {
    const root = tempRepo();
    addPlan(root);
    write(root, `${ART}/logs/run.log`, 'x'.repeat(2048));
    utimesSync(path.join(root, ART, 'bench.txt'), new Date('2026-01-02T03:04:05Z'), new Date('2026-01-02T03:04:05Z'));
    const run = await cli(['artifact', 'list', PLAN_ID], { cwd: root });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+SIZE\s+MODIFIED$/);
    expect(lines[1]).toMatch(/^bench\.txt\s+10 B\s+2026-01-02T03:04:05Z$/);
    expect(lines[2]).toMatch(/^logs\/run\.log\s+2\.0 KiB\s+\d{4}-/);
    expect(lines).toHaveLength(3);
    const doc = JSON.parse((await cli(['artifact', 'list', PLAN_ID, '--json'], { cwd: root })).stdout);
    expect(doc.dir).toBe(ART);
    expect(doc.files[0]).toEqual({ name: 'bench.txt', path: `${ART}/bench.txt`, size: 10, mtime: '2026-01-02T03:04:05.000Z' });
  });

  it('lists an archived plan’s artifacts from the archive, and says when there are none', async () => {
    const root = tempRepo();
    addPlan(root);
    await cli(['archive', PLAN_ID], { cwd: root });
    const doc = JSON.parse((await cli(['artifact', 'list', PLAN_ID, '--json'], { cwd: root })).stdout);
    expect(doc.dir).toBe(`.agent/execplans/archive/artifacts/${PLAN_ID}`);
    expect(doc.files.map((f: { name: string }) => f.name)).toEqual(['bench.txt']);
    const empty = tempRepo();
    addPlan(empty, { artifacts: false });
    expect((await cli(['artifact', 'list', PLAN_ID], { cwd: empty })).stdout).toContain(`No artifacts in ${ART}/.`);
  });
});
