import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempRepo } from './helpers.js';
import { binDir, has } from './helpers/installed-bin.js';
import { write } from './helpers/lifecycle.js';
import { ensureBuilt } from './helpers/mcp-client.js';

beforeAll(() => ensureBuilt());

const SCRIPT = 'scripts/new_execplan.py';
describe('scripts/new_execplan.py', () => {
  it('is written by init when the rules file mentions it, and runs execplan new', async () => {
    const root = tempRepo();
    write(root, 'AGENTS.md', 'To start a plan, run `scripts/new_execplan.py "short description"`.\n');
    const init = await runCli(['init', '--no-agents', '--json'], { cwd: root });
    expect(JSON.parse(init.stdout).steps).toContainEqual(expect.objectContaining({ path: SCRIPT, action: 'created' }));
    expect(statSync(path.join(root, SCRIPT)).mode & 0o111).not.toBe(0);
    if (!has('python3')) {
      console.log('skipped: python3 is not installed, so the script was not run');
      return;
    }
    const env = { PATH: `${binDir()}:/usr/bin:/bin`, EXECPLAN_NOW: '2026-01-05T14:30:00Z', EXECPLAN_TZ_OFFSET: '0' };
    const made = spawnSync(path.join(root, SCRIPT), ['Add CSV export'], { cwd: path.join(root, 'scripts'), env, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('Created plan: .agent/execplans/2026-01-05_add-csv-export.md\nArtifacts folder: .agent/execplans/artifacts/2026-01-05_add-csv-export/\n');
    expect(readFileSync(path.join(root, '.agent/execplans/2026-01-05_add-csv-export.md'), 'utf8')).toMatch(/^# Add CSV export\n/);
    // Without execplan anywhere, it says how to install it.
    const missing = spawnSync('python3', [path.join(root, SCRIPT), 'Another'], { cwd: root, env: { PATH: '/usr/bin:/bin' }, encoding: 'utf8' });
    expect(missing.status).toBe(127);
    expect(missing.stderr).toContain('execplan command was not found');
    expect(missing.stderr).toContain('npm install');
  });

  it('is written with --script anyway, never without a reason, and an existing file is never touched', async () => {
    const plain = tempRepo();
    await runCli(['init', '--no-agents'], { cwd: plain });
    expect(existsSync(path.join(plain, SCRIPT))).toBe(false);
    expect((await runCli(['init', '--no-agents', '--script'], { cwd: plain })).code).toBe(0);
    expect(existsSync(path.join(plain, SCRIPT))).toBe(true);

    const own = tempRepo();
    write(own, 'PLANS.md', 'Run scripts/new_execplan.py "description".\n');
    write(own, SCRIPT, 'print("ours")\n');
    const init = await runCli(['init', '--no-agents', '--script', '--json'], { cwd: own });
    expect(JSON.parse(init.stdout).steps).toContainEqual(expect.objectContaining({ path: SCRIPT, action: 'kept' }));
    expect(readFileSync(path.join(own, SCRIPT), 'utf8')).toBe('print("ours")\n');
  });
});
