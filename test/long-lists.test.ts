/**
 * Long and deep lists never overflow the stack. The built command line runs with a small stack
 * (`--stack-size=100`, a tenth of Node's default), so 20,000 Progress items stand for the 200,000
 * that overflowed at the default size: spreading a list into one call (`Math.min(...items)`,
 * `push(...items)`) or recursing once per item fails on them. Deeply nested lists and quotes are
 * read too, at the default stack size. Every command answers, with no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSkeleton } from '../src/core/skeleton.js';
import { tempRepo } from './helpers.js';

const BIN = new URL('../dist/bin.cjs', import.meta.url).pathname;
const ID = '2026-01-05_long-lists';
const PLACEHOLDER = '- [ ] (YYYY-MM-DD HH:MM) First concrete step.';

function repoWith(progress: string): string {
  const root = tempRepo();
  mkdirSync(path.join(root, '.agent/execplans'), { recursive: true });
  writeFileSync(path.join(root, `.agent/execplans/${ID}.md`), renderSkeleton({ title: 'Long lists' }).replace(PLACEHOLDER, progress));
  return root;
}

function execplan(root: string, args: string[], stack = ['--stack-size=100']): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, EXECPLAN_NOW: '2026-01-05T14:30:00Z', EXECPLAN_TZ_OFFSET: '0', EXECPLAN_COMPILE_CACHE: '0' };
  return spawnSync(process.execPath, [...stack, BIN, ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const COMMANDS: [string, string[], number][] = [
  ['list', ['list'], 0],
  ['show --json', ['show', '--json', ID], 0],
  ['progress split', ['progress', ID, 'split', '2', '--done', 'half', '--remaining', 'rest'], 0],
];

describe('20,000 Progress items on a small stack', () => {
  const items = Array.from({ length: 20_000 }, (_, i) => `- [${i % 2 ? 'x' : ' '}] (2026-01-01 10:00) Step ${i}.`).join('\n');

  it.each(COMMANDS)('%s answers', (_name, args, code) => {
    const root = repoWith(items);
    const r = execplan(root, args);
    expect(r.stderr).not.toMatch(/Maximum call stack|internal error|\n\s+at /);
    expect(r.status).toBe(code);
    if (args[0] === 'show') expect(JSON.parse(r.stdout).progress).toHaveLength(20_000);
    if (args[0] === 'progress') expect(readFileSync(path.join(root, `.agent/execplans/${ID}.md`), 'utf8')).toContain('rest');
  });
});

describe('deep nesting', () => {
  it.each([
    ['10,000 list markers on one item', `- [ ] ${'- '.repeat(10_000)}x`],
    ['10,000 quote levels', `- [ ] x\n\n${'>'.repeat(10_000)} deep`],
    ['quotes and lists interleaved 5,000 times', `- [ ] ${'> - '.repeat(5_000)}x`],
  ])('%s: every command answers', (_name, progress) => {
    const root = repoWith(progress);
    for (const [, args] of COMMANDS.filter(([name]) => ['show --json', 'progress split'].includes(name))) {
      const r = execplan(root, args, []);
      expect(r.stderr, args.join(' ')).not.toMatch(/Maximum call stack|internal error|\n\s+at /);
      // Item 2 does not exist here: a refusal with its reason is an answer too.
      expect([0, 1, 2], args.join(' ')).toContain(r.status);
    }
  });
});
