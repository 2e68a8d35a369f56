/** 200,000 Progress items (7 MB) at Node's default stack size: every command answers, none overflows. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { renderSkeleton } from '../../src/core/skeleton.js';
import { tempRepo } from '../helpers.js';

const BIN = new URL('../../dist/bin.cjs', import.meta.url).pathname;
const ID = '2026-01-05_long-lists';

it.each([
  [['list'], 0],
  [['lint', ID], 1],
  [['show', '--json', ID], 0],
  [['resume', ID], 0],
  [['progress', ID, 'add', 'one more'], 0],
  [['decide', ID, 'Keep it', '--rationale', 'long'], 0],
])('execplan %s on 200,000 items', (args, code) => {
  const root = tempRepo();
  mkdirSync(path.join(root, '.agent/execplans'), { recursive: true });
  const items = Array.from({ length: 200_000 }, (_, i) => `- [x] (2026-01-01 10:00Z) Step ${i} done.`).join('\n');
  writeFileSync(path.join(root, `.agent/execplans/${ID}.md`), renderSkeleton({ title: 'Long lists' }).replace('- [ ] (YYYY-MM-DD HH:MM) First concrete step.', items));
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, EXECPLAN_NOW: '2026-01-05T14:30:00Z' } });
  expect(r.stderr).not.toMatch(/Maximum call stack|internal error|\n\s+at /);
  expect(r.status).toBe(code);
});
