import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addProgressItem } from '../src/core/edits/index.js';
import type { EditContext } from '../src/core/edits/context.js';
import type { Plan } from '../src/core/types.js';
import { ExecplanError } from '../src/workspace/errors.js';
import { DEFAULT_LOCK_TIMEOUT_MS, lockFile, lockPath, lockTimeout } from '../src/workspace/lock.js';
import { updatePlan } from '../src/workspace/store.js';
import { tempRepo } from './helpers.js';

const ctx: EditContext = { now: new Date('2026-01-05T14:30:00Z'), style: 'utc', offsetMinutes: 0 };
const add = (text: string) => (plan: Plan) => ({ edits: addProgressItem(plan, text, {}, ctx).edits, result: text });

function planFile(): string {
  const file = path.join(tempRepo({ git: false }), 'plan.md');
  writeFileSync(file, '# T\n\n## Progress\n\n- [ ] One\n');
  return file;
}

const saved = process.env.EXECPLAN_LOCK_TIMEOUT_MS;
afterEach(() => {
  if (saved === undefined) delete process.env.EXECPLAN_LOCK_TIMEOUT_MS;
  else process.env.EXECPLAN_LOCK_TIMEOUT_MS = saved;
});

describe('how long a writer waits for a plan lock', () => {
  it('is a minute unless EXECPLAN_LOCK_TIMEOUT_MS says otherwise', () => {
    expect(DEFAULT_LOCK_TIMEOUT_MS).toBe(60_000);
    expect(lockTimeout({})).toBe(60_000);
    expect(lockTimeout({ EXECPLAN_LOCK_TIMEOUT_MS: '' })).toBe(60_000);
    expect(lockTimeout({ EXECPLAN_LOCK_TIMEOUT_MS: '120000' })).toBe(120_000);
    expect(lockTimeout({ EXECPLAN_LOCK_TIMEOUT_MS: ' 0 ' })).toBe(0);
  });

  it('refuses a value that is not a number of milliseconds, naming the variable', () => {
    for (const bad of ['ten', '-5', '1.5', '10s']) {
      let err: unknown;
      try {
        lockTimeout({ EXECPLAN_LOCK_TIMEOUT_MS: bad });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ExecplanError);
      expect((err as ExecplanError).code).toBe('USAGE');
      expect((err as ExecplanError).message).toContain(`EXECPLAN_LOCK_TIMEOUT_MS=${JSON.stringify(bad)}`);
    }
  });

  it('follows EXECPLAN_LOCK_TIMEOUT_MS, and then names the holder', async () => {
    const file = planFile();
    const held = await lockFile(file, { command: 'execplan progress demo add "slow"' });
    try {
      process.env.EXECPLAN_LOCK_TIMEOUT_MS = '250';
      const err = await updatePlan(file, add('x'), { display: 'plan.md' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ExecplanError);
      expect((err as ExecplanError).code).toBe('LOCKED');
      expect((err as ExecplanError).message).toContain('plan.md is locked by `execplan progress demo add "slow"`');
      expect((err as ExecplanError).message).toContain('waited 0.3 s');
    } finally {
      await held.release();
    }
  });

  it('looks again at the same short interval however long the writer has waited', async () => {
    const file = planFile();
    // A lock held by this (living) process, with no timers of its own: every timer set while
    // the writer waits is one of its looks at the lock.
    const dir = lockPath(file);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'owner.json'), JSON.stringify({ pid: process.pid, host: hostname(), command: 'held', since: '2026-01-05T00:00:00Z', nonce: 'bb' }));
    const delays: number[] = [];
    let waiting = true;
    setTimeout(() => {
      waiting = false;
      rmSync(dir, { recursive: true });
    }, 1_000);
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      if (waiting) delays.push(ms ?? 0);
      return realSetTimeout(fn, ms);
    }) as typeof setTimeout);
    try {
      await updatePlan(file, add('after a long wait'));
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(file, 'utf8')).toContain('after a long wait');
    // A wait that backs off further the longer it lasts would ask for longer and longer delays.
    expect(delays.length).toBeGreaterThan(10);
    const early = Math.max(...delays.slice(0, 5));
    expect(Math.max(...delays.slice(-5))).toBeLessThanOrEqual(Math.max(early, 20));
    expect(Math.max(...delays)).toBeLessThanOrEqual(100);
  });

  it('refuses at once, without waiting for it to go stale, a file at the lock path', async () => {
    const file = planFile();
    writeFileSync(`${file}.lock`, 'not a lock\n');
    // Were the file waited on, this would take the whole minute and the test time out.
    await expect(lockFile(file, { timeoutMs: 60_000, staleMs: 60_000, display: 'plan.md' })).rejects.toThrow('Cannot lock plan.md: plan.md.lock is a file, not the lock folder execplan makes.');
  });

  it('refuses at once a folder at the lock path that holds no holder\'s record', async () => {
    const file = planFile();
    mkdirSync(`${file}.lock`);
    writeFileSync(path.join(`${file}.lock`, 'notes.txt'), 'some other tool\n');
    const err = await lockFile(file, { timeoutMs: 60_000, staleMs: 60_000, display: 'plan.md' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ExecplanError);
    expect((err as ExecplanError).message).toBe('Cannot lock plan.md: plan.md.lock is a folder without the owner.json execplan writes in every lock it makes, so no execplan holds it. Remove it if nothing else uses it, and run again.');
    // Refused, not broken: what is in it stays.
    expect(readFileSync(path.join(`${file}.lock`, 'notes.txt'), 'utf8')).toBe('some other tool\n');
  });

  it('keeps a lock held past the stale time fresh, so a waiter does not break it', async () => {
    const file = planFile();
    const held = await lockFile(file, { staleMs: 2_000, command: 'long hold' });
    try {
      await new Promise((r) => setTimeout(r, 2_300));
      const err = await lockFile(file, { timeoutMs: 100, staleMs: 2_000, display: 'plan.md' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((err as ExecplanError).code).toBe('LOCKED');
      expect((err as ExecplanError).message).toContain('locked by `long hold`');
      expect(() => held.check()).not.toThrow();
    } finally {
      await held.release();
    }
    expect(readdirSync(path.dirname(file))).toEqual(['plan.md']);
  });
});
