/**
 * The store under real processes: writers that append at once, and a writer killed at random
 * moments. test/store-processes.test.ts runs a few rounds of each in `npm test`;
 * test/stress/store-processes.test.ts runs hundreds in `npm run test:stress`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, expect } from 'vitest';
import { applyEdits } from '../../src/core/apply-edits.js';
import { parsePlan } from '../../src/core/parse.js';
import { updatePlan } from '../../src/workspace/store.js';
import { loopStep } from './plan-writer.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Inside the project, so the bundle's dependencies resolve from its node_modules.
const OUT = path.join(ROOT, 'node_modules', '.cache', `execplan-plan-writer-${process.pid}`);
const WRITER = path.join(OUT, 'plan-writer.mjs');
let dir: string;

const BASE = '# Concurrent plan\n\n## Purpose / Big Picture\n\nShow that no update is lost.\n\n## Progress\n\n- [ ] (YYYY-MM-DD HH:MM) First concrete step.\n\n## Decision Log\n\n- Decision: …\n  Rationale: …\n  Date/Author: …\n\n## Outcomes & Retrospective\n\nTBD.\n';

/** Builds the writer process (test/helpers/plan-writer.ts) before the file's tests, and removes it after. */
export function useWriter(): void {
  beforeAll(async () => {
    await build({
      entry: { 'plan-writer': path.join(ROOT, 'test/helpers/plan-writer.ts') },
      outDir: OUT,
      format: ['esm'],
      platform: 'node',
      target: 'node20',
      outExtension: () => ({ js: '.mjs' }),
      config: false,
      dts: false,
      splitting: false,
      silent: true,
    });
    dir = mkdtempSync(path.join(tmpdir(), 'execplan-store-'));
  }, 120_000);

  afterAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

/** `processes` writers each append `items` Progress items and `decisions` decisions to one plan at once: nothing is lost, each writer's entries keep their order. */
export async function concurrentAppends(processes: number, items: number, decisions: number): Promise<void> {
  const file = path.join(dir, `concurrent-${processes}.md`);
  writeFileSync(file, BASE);
  const runs = Array.from({ length: processes }, (_, i) =>
    exited(spawn(process.execPath, [WRITER, 'append', file, `P${i + 1}`, String(items), String(decisions)], { stdio: ['ignore', 'ignore', 'pipe'] })),
  );
  const results = await Promise.all(runs);
  for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });

  const plan = parsePlan(readFileSync(file, 'utf8'));
  expect(plan.diagnostics).toEqual([]);
  expect(plan.progress).toHaveLength(processes * items);
  expect(plan.decisions).toHaveLength(processes * decisions);
  for (let p = 1; p <= processes; p++) {
    // Each process's items are all there, in the order it wrote them.
    expect(plan.progress.filter((i) => i.text.startsWith(`P${p} `)).map((i) => i.text)).toEqual(Array.from({ length: items }, (_, j) => `P${p} item ${j + 1}`));
    const mine = plan.decisions.filter((d) => d.fields[0]?.value.startsWith(`P${p} `));
    expect(mine.map((d) => d.fields.map((f) => f.value))).toEqual(Array.from({ length: decisions }, (_, j) => [`P${p} decision ${j + 1}`, `P${p} reason`, `2026-03-04 / P${p}`]));
  }
  expect(plan.progress.every((i) => i.state === 'todo' && i.depth === 0)).toBe(true);
  expect(existsSync(`${file}.lock`)).toBe(false);
}

/**
 * A writer looping over updates is killed `rounds` times, each after a delay of up to 30 ms drawn
 * from `random`: the plan always holds the old or the new text, never a broken one; each next
 * writer recovers the dead one's lock; the next update leaves no lock or temporary file.
 */
export async function killedWriters(rounds: number, random: () => number): Promise<void> {
  const file = path.join(dir, `crash-${rounds}.md`);
  const name = path.basename(file);
  // No placeholder: step n is the n-th item, so the item count names the state.
  const base = BASE.replace('- [ ] (YYYY-MM-DD HH:MM) First concrete step.', 'Use checkboxes + timestamps.');
  writeFileSync(file, base);
  // states[n]: the plan after n steps of the loop writer, computed with the same pure builder.
  const states = [base];
  const stateAt = (n: number) => {
    while (states.length <= n) {
      const prev = states[states.length - 1]!;
      const plan = parsePlan(prev);
      states.push(applyEdits(prev, loopStep(plan).edits, plan.eol));
    }
    return states[n]!;
  };
  let steps = 0;
  const start = () => spawn(process.execPath, [WRITER, 'loop', file], { stdio: ['pipe', 'pipe', 'pipe'] });
  // The next writer starts while the current one runs, so node's start-up time overlaps.
  let next = start();
  for (let run = 0; run < rounds; run++) {
    const child = next;
    const done = exited(child);
    const ready = new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    child.stdin!.write('go\n');
    next = start();
    await ready;
    await new Promise((r) => setTimeout(r, random() * 30));
    child.kill('SIGKILL');
    const result = await done;
    expect(result.signal, result.stderr).toBe('SIGKILL');
    const text = readFileSync(file, 'utf8');
    const n = parsePlan(text).progress.length;
    expect(text).toBe(stateAt(n));
    // Every writer recovered its killed predecessor's lock and wrote at least once.
    expect(n).toBeGreaterThan(steps);
    steps = n;
  }
  next.kill('SIGKILL');
  await exited(next);
  // The next update clears what the killed writers left: no lock, no temporary files.
  await updatePlan(file, (plan) => ({ edits: loopStep(plan).edits, result: null }));
  expect(readFileSync(file, 'utf8')).toBe(stateAt(steps + 1));
  expect(readdirSync(dir).filter((f) => f.startsWith(`.${name}.`) || f.startsWith(`${name}.`))).toEqual([]);
}
