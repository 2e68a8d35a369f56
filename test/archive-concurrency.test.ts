import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archivePlan } from '../src/workspace/archive.js';
import { nodeFsOps } from '../src/workspace/journal.js';
import { resolvePlan } from '../src/workspace/plans.js';
import { openWorkspace } from '../src/workspace/workspace.js';
import { tempRepo } from './helpers.js';
import { addPlan, FINISHED_PLAN, lintOff, PLAN_ID } from './helpers/lifecycle.js';

const WRITER = new URL('./helpers/append-progress.ts', import.meta.url).pathname;
const ACTIVE = `.agent/execplans/${PLAN_ID}.md`;
const ARCHIVED = `.agent/execplans/archive/${PLAN_ID}.md`;
const NOW = new Date('2026-01-05T14:30:00Z');

/** Start the writer process; `said(word)` resolves once it has printed that word. */
function writer(file: string, text: string, holdMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, text, String(holdMs)], { cwd: path.dirname(WRITER), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { word: string; resolve: () => void }[] = [];
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString();
    for (const w of waiters) if (out.split('\n').includes(w.word)) w.resolve();
  });
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  const said = (word: string) => new Promise<void>((resolve) => (out.split('\n').includes(word) ? resolve() : waiters.push({ word, resolve })));
  return { done, said };
}

const item = (text: string) => `- [x] (2026-01-05 15:00) ${text}`;

describe('archive while another process appends progress', () => {
  it('a writer holding the lock finishes first, and its item is in the archived plan', async () => {
    const root = tempRepo();
    lintOff(root);
    addPlan(root);
    const w = writer(path.join(root, ACTIVE), 'Wrote the release notes.', 700);
    await w.said('locked');
    const ws = openWorkspace(root);
    const result = await archivePlan(ws, resolvePlan(ws, PLAN_ID), { now: NOW, tzOffsetMinutes: 0 });
    const { code, out, err } = await w.done;
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('written');
    expect(result.to).toBe(ARCHIVED);
    const archived = readFileSync(path.join(root, ARCHIVED), 'utf8');
    expect(archived).toContain(item('Wrote the release notes.'));
    expect(archived.replace(`\n${item('Wrote the release notes.')}`, '')).toBe(FINISHED_PLAN);
    expect(existsSync(path.join(root, ACTIVE))).toBe(false);
  });

  it('a writer waiting while archive holds the lock fails cleanly and does not recreate the plan', async () => {
    const root = tempRepo();
    lintOff(root);
    addPlan(root);
    const ws = openWorkspace(root);
    const ref = resolvePlan(ws, PLAN_ID);
    let w: ReturnType<typeof writer> | undefined;
    const slow = {
      ...nodeFsOps,
      // The first step waits until the writer has asked for the lock archive holds.
      mkdir: async (dir: string) => {
        if (!w) {
          w = writer(ref.path, 'Wrote the release notes.', 0);
          await w.said('waiting');
          await new Promise((r) => setTimeout(r, 400));
        }
        return nodeFsOps.mkdir(dir);
      },
    };
    await archivePlan(ws, ref, { force: true, now: NOW, tzOffsetMinutes: 0, ops: slow });
    const { code, err } = await w!.done;
    // A refusal, exit 1: the plan exists, moved elsewhere.
    expect(code).toBe(1);
    expect(err).toMatch(/^REFUSED: .* was moved \(the plan was archived/);
    expect(existsSync(path.join(root, ACTIVE))).toBe(false);
    expect(readFileSync(path.join(root, ARCHIVED), 'utf8')).toBe(FINISHED_PLAN);
    // No lock folder or temporary file is left behind in the active folder.
    expect(readdirSync(path.join(root, '.agent/execplans')).sort()).toEqual(['archive', 'artifacts']);
  });

  it('racing writers and archive never lose an acknowledged update', async () => {
    for (let round = 0; round < 3; round++) {
      const root = tempRepo();
      lintOff(root);
      addPlan(root);
      const ws = openWorkspace(root);
      const ref = resolvePlan(ws, PLAN_ID);
      const writers = [0, 1].map((i) => writer(ref.path, `Step ${round}.${i}.`, 20));
      await Promise.all(writers.map((x) => x.said('waiting')));
      await archivePlan(ws, ref, { now: NOW, tzOffsetMinutes: 0 });
      const archived = readFileSync(path.join(root, ARCHIVED), 'utf8');
      for (const [i, x] of writers.entries()) {
        const { code, err } = await x.done;
        // Written before the move and present, or refused after it and absent: never written and lost.
        if (code === 0) expect(archived).toContain(item(`Step ${round}.${i}.`));
        else {
          expect(err).toMatch(/REFUSED|PLAN_NOT_FOUND/);
          expect(archived).not.toContain(`Step ${round}.${i}.`);
        }
      }
      expect(existsSync(path.join(root, ACTIVE))).toBe(false);
    }
  });
});
