import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archivePlan, reopenPlan } from '../src/workspace/archive.js';
import { ExecplanError } from '../src/workspace/errors.js';
import { nodeFsOps, type FsOps } from '../src/workspace/journal.js';
import { resolvePlan } from '../src/workspace/plans.js';
import { openWorkspace } from '../src/workspace/workspace.js';
import { tempRepo } from './helpers.js';
import { addPlan, cli, FINISHED_PLAN, lintOff, PLAN_ID, snapshot } from './helpers/lifecycle.js';

const ARCHIVED = `.agent/execplans/archive/${PLAN_ID}.md`;
const NOW = new Date('2026-01-05T14:30:00Z');
const UNFINISHED = FINISHED_PLAN.replace('- [x] (2026-01-05 09:00) Added tests for the back-off.', '- [ ] Added tests for the back-off.');

/** File-system calls that fail at the `n`th call with `code`, counting every call. */
function failingOps(n: number, code = 'ENOSPC'): FsOps & { calls: number } {
  const ops = { calls: 0 } as FsOps & { calls: number };
  for (const name of ['rename', 'mkdir', 'rmdir', 'writeText'] as const) {
    (ops as unknown as Record<string, unknown>)[name] = async (...args: [string, string]) => {
      ops.calls++;
      if (ops.calls === n) throw Object.assign(new Error(`${name} failed`), { code });
      return (nodeFsOps[name] as (...a: [string, string]) => Promise<void>)(...args);
    };
  }
  return ops;
}

describe('archive and reopen are all or nothing', () => {
  for (const force of [false, true]) {
    it(`a failure at any step of archive${force ? ' --force' : ''} leaves the workspace byte-for-byte as before`, async () => {
      let step = 1;
      for (;; step++) {
        const root = tempRepo();
        lintOff(root);
        addPlan(root, force ? { text: UNFINISHED } : {});
        const before = snapshot(root);
        const ws = openWorkspace(root);
        const ops = failingOps(step, step % 2 ? 'ENOSPC' : 'EACCES');
        try {
          await archivePlan(ws, resolvePlan(ws, PLAN_ID), { force, now: NOW, tzOffsetMinutes: 0, ops });
        } catch (err) {
          expect(err).toBeInstanceOf(ExecplanError);
          expect((err as ExecplanError).message).toMatch(/^Could not .*: (the disk is full|permission denied)\. Nothing was changed/);
          expect(snapshot(root)).toEqual(before);
          continue;
        }
        // The step number went past the last call: the archive completed.
        expect(existsSync(path.join(root, ARCHIVED))).toBe(true);
        break;
      }
      // mkdir archive, mkdir archive/artifacts, [rewrite], move artifacts, move plan.
      expect(step).toBe(force ? 6 : 5);
    });
  }

  it('a failure at any step of reopen leaves the workspace byte-for-byte as before', async () => {
    let step = 1;
    for (;; step++) {
      const root = tempRepo();
      addPlan(root);
      await cli(['archive', PLAN_ID], { cwd: root });
      const before = snapshot(root);
      const ws = openWorkspace(root);
      try {
        await reopenPlan(ws, resolvePlan(ws, PLAN_ID), { ops: failingOps(step, 'EROFS') });
      } catch (err) {
        expect((err as Error).message).toContain('the file system is read-only');
        expect(snapshot(root)).toEqual(before);
        continue;
      }
      break;
    }
    expect(step).toBe(3);
  });

  it('says so when putting things back fails too', async () => {
    const root = tempRepo();
    addPlan(root);
    const ws = openWorkspace(root);
    let calls = 0;
    const ops: FsOps = {
      ...nodeFsOps,
      rename: async (from, to) => {
        calls++;
        // The artifacts move succeeds, the plan move fails, and moving the artifacts back fails.
        if (calls === 1) return nodeFsOps.rename(from, to);
        throw Object.assign(new Error('denied'), { code: 'EPERM' });
      },
    };
    const err = await archivePlan(ws, resolvePlan(ws, PLAN_ID), { now: NOW, tzOffsetMinutes: 0, ops }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExecplanError);
    expect((err as Error).message).toContain('Putting things back failed too; finish by hand: undo "move');
  });
});
