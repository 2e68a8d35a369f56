import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addProgressItem } from '../src/core/edits/index.js';
import type { EditContext } from '../src/core/edits/context.js';
import type { Plan } from '../src/core/types.js';
import { ExecplanError } from '../src/workspace/errors.js';
import { lockFile, lockPath, readLockOwner } from '../src/workspace/lock.js';
import { sha256 as hashText } from '../src/workspace/hash.js';
import { readPlanSnapshot, updatePlan } from '../src/workspace/store.js';
import { tempRepo } from './helpers.js';

const ctx: EditContext = { now: new Date('2026-01-05T14:30:00Z'), style: 'utc', offsetMinutes: 0 };
const PLAN = '# T\n\n## Progress\n\n- [ ] One\n';
const add = (text: string) => (plan: Plan) => ({ edits: addProgressItem(plan, text, {}, ctx).edits, result: text });

function planFile(text = PLAN): string {
  const file = path.join(tempRepo({ git: false }), 'plan.md');
  writeFileSync(file, text);
  return file;
}

async function rejection(p: Promise<unknown>): Promise<ExecplanError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ExecplanError) return err;
    throw err;
  }
  throw new Error('expected an ExecplanError');
}

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe('updatePlan', () => {
  it('applies the edits built from the plan on disk and writes the file', async () => {
    const file = planFile();
    const out = await updatePlan(file, add('Two'));
    expect(readFileSync(file, 'utf8')).toBe('# T\n\n## Progress\n\n- [ ] One\n- [ ] Two\n');
    expect(out).toMatchObject({ changed: true, written: true, result: 'Two', beforeHash: hashText(PLAN), before: PLAN });
    expect(out.afterHash).toBe(hashText(readFileSync(file)));
    expect(existsSync(lockPath(file))).toBe(false);
  });

  it('keeps the file’s mode', async () => {
    const file = planFile();
    chmodSync(file, 0o640);
    await updatePlan(file, add('Two'));
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('writes through a symbolic link to its target, keeping the link', async () => {
    const file = planFile();
    const link = path.join(path.dirname(file), 'link.md');
    symlinkSync(file, link);
    const out = await updatePlan(link, add('Two'));
    expect(out.file).toBe(file);
    expect(statSync(link).isFile()).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('- [ ] Two');
  });

  it('runs updates from one process one after another, losing none', async () => {
    const file = planFile();
    await Promise.all(Array.from({ length: 20 }, (_, i) => updatePlan(file, add(`Step ${i}`))));
    const text = readFileSync(file, 'utf8');
    for (let i = 0; i < 20; i++) expect(text).toContain(`- [ ] Step ${i}\n`);
  });

  it('writes nothing when the edits change nothing, or on a dry run', async () => {
    const file = planFile();
    const before = statSync(file).mtimeMs;
    expect((await updatePlan(file, () => ({ edits: [], result: 0 }))).written).toBe(false);
    const dry = await updatePlan(file, add('Two'), { dryRun: true });
    expect(dry).toMatchObject({ changed: true, written: false, beforeHash: hashText(PLAN) });
    expect(dry.after).toContain('- [ ] Two');
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('applies a previewed change when the plan is as previewed, and refuses when it changed', async () => {
    const file = planFile();
    const { hash } = readPlanSnapshot(file);
    await updatePlan(file, add('Two'), { expectedHash: hash });
    expect(readFileSync(file, 'utf8')).toContain('- [ ] Two');
    // The plan changed since that hash was taken: refuse rather than overwrite.
    const err = await rejection(updatePlan(file, add('Three'), { expectedHash: hash, display: 'plan.md' }));
    expect(err.code).toBe('CHANGED_ON_DISK');
    expect(err.message).toMatch(/plan\.md was changed by another program/);
    expect(readFileSync(file, 'utf8')).not.toContain('Three');
  });

  it('starts over when an editor that does not lock saves while the edits are built', async () => {
    const file = planFile();
    let calls = 0;
    await updatePlan(file, (plan) => {
      // The first time, another editor saves a change in the middle of the transaction.
      if (calls++ === 0) writeFileSync(file, PLAN.replace('One', 'One, edited by hand'));
      return add('Two')(plan);
    });
    expect(calls).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('# T\n\n## Progress\n\n- [ ] One, edited by hand\n- [ ] Two\n');
  });

  it('refuses instead of retrying when the caller expects a content', async () => {
    const file = planFile();
    const err = await rejection(
      updatePlan(file, (plan) => {
        writeFileSync(file, `${PLAN}\nMore.\n`);
        return add('Two')(plan);
      }, { expectedHash: hashText(PLAN) }),
    );
    expect(err.code).toBe('CHANGED_ON_DISK');
    expect(readFileSync(file, 'utf8')).toBe(`${PLAN}\nMore.\n`);
    expect(readdirSync(path.dirname(file))).toEqual(['plan.md']);
  });

  it('refuses a file that is not UTF-8, and a missing plan', async () => {
    const file = planFile();
    writeFileSync(file, Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
    expect((await rejection(updatePlan(file, add('x')))).code).toBe('INVALID_INPUT');
    const missing = await rejection(updatePlan(path.join(path.dirname(file), 'nope.md'), add('x'), { display: 'nope.md' }));
    expect(missing.code).toBe('PLAN_NOT_FOUND');
    expect(missing.message).toContain('nope.md does not exist');
  });
});

describe('the plan lock', () => {
  it('makes a waiting writer give up with LOCKED, naming the holder', async () => {
    const file = planFile();
    const held = await lockFile(file, { command: 'execplan progress demo add "held"' });
    try {
      expect(readLockOwner(file)).toMatchObject({ pid: process.pid, host: hostname(), command: 'execplan progress demo add "held"' });
      const err = await rejection(updatePlan(file, add('x'), { lock: { timeoutMs: 300 }, display: 'plan.md' }));
      expect(err.code).toBe('LOCKED');
      expect(err.message).toContain('waited 0.3 s');
      expect(err.exitCode).toBe(1);
      expect(err.message).toContain(`plan.md is locked by \`execplan progress demo add "held"\` (pid ${process.pid} on ${hostname()}`);
      expect(readFileSync(file, 'utf8')).toBe(PLAN);
    } finally {
      await held.release();
    }
    await updatePlan(file, add('x'));
    expect(readFileSync(file, 'utf8')).toContain('- [ ] x');
  });

  it('waits for a holder that finishes in time', async () => {
    const file = planFile();
    const held = await lockFile(file);
    setTimeout(() => void held.release(), 150);
    await updatePlan(file, add('after the wait'));
    expect(readFileSync(file, 'utf8')).toContain('after the wait');
  });

  it('recovers at once a lock whose holder on this host is dead', async () => {
    const file = planFile();
    const dir = lockPath(file);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'owner.json'), JSON.stringify({ pid: deadPid(), host: hostname(), command: 'killed', since: '2026-01-05T00:00:00Z', nonce: 'aa' }));
    // No time to wait at all: the dead holder's lock is recovered at the first look.
    await updatePlan(file, add('x'), { lock: { timeoutMs: 0 } });
    expect(readFileSync(file, 'utf8')).toContain('- [ ] x');
    expect(existsSync(dir)).toBe(false);
  });

  it('recovers a lock left unrefreshed past the stale time, whoever held it', async () => {
    const file = planFile();
    const dir = lockPath(file);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'owner.json'), JSON.stringify({ pid: 1, host: 'another-host', command: 'elsewhere', since: '2026-01-05T00:00:00Z', nonce: 'bb' }));
    const old = new Date(Date.now() - 60_000);
    utimesSync(dir, old, old);
    await updatePlan(file, add('x'), { lock: { timeoutMs: 2000, staleMs: 5000 } });
    expect(readFileSync(file, 'utf8')).toContain('- [ ] x');
  });

  it('does not break a fresh lock of another host', async () => {
    const file = planFile();
    const dir = lockPath(file);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'owner.json'), JSON.stringify({ pid: 1, host: 'another-host', command: 'elsewhere', since: '2026-01-05T00:00:00Z', nonce: 'cc' }));
    const err = await rejection(updatePlan(file, add('x'), { lock: { timeoutMs: 200 } }));
    expect(err.message).toContain('pid 1 on another-host');
    expect(existsSync(dir)).toBe(true);
  });

  it('removes temporary files and half-built locks that killed writers left', async () => {
    const file = planFile();
    const folder = path.dirname(file);
    const pid = deadPid();
    writeFileSync(path.join(folder, `.plan.md.${pid}.abcd1234.execplan-tmp`), 'partial');
    mkdirSync(path.join(folder, `plan.md.lock.new-${pid}-ffff`));
    writeFileSync(path.join(folder, '.other.md.1.x.execplan-tmp'), 'not ours');
    await updatePlan(file, add('x'));
    expect(readdirSync(folder).sort()).toEqual(['.other.md.1.x.execplan-tmp', 'plan.md']);
  });

  it('refuses to write when the lock was taken away mid-transaction', async () => {
    const file = planFile();
    const err = await rejection(
      updatePlan(file, (plan) => {
        // Something removes the lock directory while the edits are built.
        const dir = lockPath(file);
        writeFileSync(path.join(dir, 'owner.json'), JSON.stringify({ pid: 1, host: 'x', command: 'thief', since: '', nonce: 'dd' }));
        return add('x')(plan);
      }),
    );
    expect(err.code).toBe('LOCKED');
    expect(err.message).toMatch(/Lost the lock/);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });
});
