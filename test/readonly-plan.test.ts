import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRepo } from './helpers.js';
import { GOOD } from './rules/helpers.js';

const BIN = new URL('../dist/bin.cjs', import.meta.url).pathname;
const NOBODY = 65534;
const AS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
// Root may write anything, so as root the edit runs as another user; some sandboxes forbid that switch.
const CAN_TEST = !AS_ROOT || spawnSync(process.execPath, ['-e', '0'], { uid: NOBODY, gid: NOBODY }).status === 0;

/** Run an edit as a user who may not write what `prepare` made read-only (another user when the tests run as root). */
function editAs(root: string, prepare: (asRoot: boolean) => void): SpawnSyncReturns<string> {
  const asRoot = AS_ROOT;
  prepare(asRoot);
  return spawnSync(process.execPath, [BIN, 'progress', 'locked', 'add', 'Write the docs.'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, EXECPLAN_COMPILE_CACHE: '0', EXECPLAN_NOW: '2026-01-05T14:30:00Z', EXECPLAN_TZ_OFFSET: '0' },
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}

/** A workspace holding one clean plan, `2026-01-05_locked`. */
function planFolder(): { root: string; dir: string; file: string } {
  const root = tempRepo();
  const dir = path.join(root, '.agent/execplans');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '2026-01-05_locked.md');
  writeFileSync(file, GOOD);
  return { root, dir, file };
}

describe.skipIf(!CAN_TEST)('a plan its owner made read-only', () => {
  it('is not edited: the change is refused with the file named, and nothing is left behind', () => {
    const { root, dir, file } = planFolder();
    // Root may write anything: the command then runs as another user, who may write the folder but not the file.
    const r = editAs(root, (asRoot) => {
      chmodSync(file, 0o444);
      if (asRoot) for (const d of [root, path.join(root, '.agent'), dir]) chmodSync(d, 0o777);
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toBe('execplan: .agent/execplans/2026-01-05_locked.md cannot be changed: its permissions do not let you write it. Nothing was written; make it writable (chmod u+w) to edit it.\n');
    expect(readFileSync(file, 'utf8')).toBe(GOOD);
    expect(readdirSync(dir)).toEqual(['2026-01-05_locked.md']);
  });

  it('nor is one whose folder may not be written, where its lock goes', () => {
    const { root, dir, file } = planFolder();
    const r = editAs(root, (asRoot) => {
      if (asRoot) for (const d of [root, path.join(root, '.agent')]) chmodSync(d, 0o777);
      chmodSync(file, 0o666);
      chmodSync(dir, 0o555);
    });
    chmodSync(dir, 0o755);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toBe("execplan: Cannot lock .agent/execplans/2026-01-05_locked.md: its folder .agent/execplans/ cannot be written (EACCES), and the lock is made there. Check the folder's permissions.\n");
    expect(readFileSync(file, 'utf8')).toBe(GOOD);
    expect(readdirSync(dir)).toEqual(['2026-01-05_locked.md']);
  });
});
